// A graph written by an earlier vnkg is upgraded in place at start, once, to exactly what the
// current ingest writes. The fixture is the seed article as format 4 stored it (written by vnkg at
// commit 1ae8d2f and dumped with tests/support/graph-dump.ts).
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import { extractArticle } from '../../src/core/extract.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestExtraction } from '../../src/graph/ingest.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { GRAPH_FORMAT, migrateGraph } from '../../src/graph/migrations.ts';
import { dumpGraph, loadGraphDump, type GraphDump } from '../support/graph-dump.ts';
import { seedText } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';

/** The seed article as graph format 4 stored it (Sentence, Mention, FigureMention nodes), gazetteer left out. */
const FORMAT_4_SEED = JSON.parse(readFileSync(new URL('../fixtures/format-4-seed.json', import.meta.url), 'utf8')) as GraphDump;

describe('graph format upgrades', () => {
  const db: GraphDatabase = connectTestGraph();

  beforeEach(async () => {
    await resetGraph(db);
    await loadGazetteer(db, gazetteerGraph());
  });
  afterAll(() => db.close());

  it('upgrades a store written by format 4 in place to exactly what the current ingest writes, then does nothing', async () => {
    await ingestExtraction(db, extractArticle(seedText()));
    await migrateGraph(db); // marks the graph current
    const current = await dumpGraph(db, { ignore: ['ingestedAt'] });
    await resetGraph(db);
    await loadGazetteer(db, gazetteerGraph());
    await db.runImplicit('CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (n:Mention) REQUIRE n.id IS UNIQUE');
    await loadGraphDump(db, FORMAT_4_SEED);
    const legacy = await db.read<{ label: string; n: number }>('MATCH (n) WHERE n:Sentence OR n:Mention OR n:FigureMention UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label', {});
    expect(legacy.map((r) => r.label)).toEqual(['FigureMention', 'Mention', 'Sentence']);

    expect(await migrateGraph(db)).toEqual([5]);
    expect(GRAPH_FORMAT).toBe(5);
    expect(await dumpGraph(db, { ignore: ['ingestedAt'] })).toEqual(current);
    const constraints = await db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name', {});
    expect(constraints.map((c) => c.name)).not.toContain('mention_id');
    expect(await migrateGraph(db)).toEqual([]);
  });

  it('marks an empty graph as current', async () => {
    expect((await migrateGraph(db)).at(-1)).toBe(GRAPH_FORMAT);
    const [marker] = await db.read<{ version: number }>("MATCH (g:GraphFormat {id: 'vnkg'}) RETURN g.version AS version", {});
    expect(marker?.version).toBe(GRAPH_FORMAT);
  });
});
