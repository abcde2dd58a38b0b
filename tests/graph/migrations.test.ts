// A graph written by an earlier vnkg (without the properties later reads rely on) is upgraded in
// place at start, once, to exactly what the current ingest writes.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestExtraction } from '../../src/graph/ingest.ts';
import { GRAPH_FORMAT, migrateGraph } from '../../src/graph/migrations.ts';
import { seedText } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';

const PROVENANCE = `
  CALL () { MATCH (m:Mention) RETURN collect([m.id, m.sentenceId]) AS mentions }
  CALL () { MATCH (f:Figure) WITH f ORDER BY f.id RETURN collect([f.id, f.sentenceId, f.subjectIds]) AS figures }
  RETURN mentions, figures`;

describe('graph format upgrades', () => {
  const db: GraphDatabase = connectTestGraph();

  beforeEach(() => resetGraph(db));
  afterAll(() => db.close());

  it('restores what format 3 added to mentions and figures of an older graph, then does nothing', async () => {
    await ingestExtraction(db, extractArticle(seedText()));
    const current = await db.read(PROVENANCE, {});
    // The seed as format 2 wrote it: no marker, no sentence or subject ids on the nodes.
    await db.writeTransaction(async (tx) => {
      await tx.run('MATCH (m:Mention) REMOVE m.sentenceId');
      await tx.run('MATCH (f:Figure) REMOVE f.sentenceId, f.subjectIds');
    });
    expect(await db.read(PROVENANCE, {})).not.toEqual(current);

    expect(await migrateGraph(db)).toEqual([GRAPH_FORMAT]);
    expect(await db.read(PROVENANCE, {})).toEqual(current);
    expect(await migrateGraph(db)).toEqual([]);
  });

  it('marks an empty graph as current', async () => {
    expect(await migrateGraph(db)).toEqual([GRAPH_FORMAT]);
    const [marker] = await db.read<{ version: number }>("MATCH (g:GraphFormat {id: 'vnkg'}) RETURN g.version AS version", {});
    expect(marker?.version).toBe(GRAPH_FORMAT);
  });
});
