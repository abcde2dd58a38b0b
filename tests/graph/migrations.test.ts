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
  CALL () { MATCH (m:Mention) WITH m ORDER BY m.id RETURN collect([m.id, m.sentenceId]) AS mentions }
  CALL () { MATCH (f:Figure) WITH f ORDER BY f.id RETURN collect([f.id, f.sentenceId, f.subjectIds, f.measure, f.sourceCount]) AS figures }
  CALL () {
    MATCH (m:FigureMention)-[:STATES]->(f:Figure) WITH m, f ORDER BY m.id
    RETURN collect([m.id, f.id, m.sentenceId, m.primary]) AS figureMentions
  }
  RETURN mentions, figures, figureMentions`;

/** The seed's figures as format 3 wrote them: one node per span, stated in its sentence, no mentions. */
const TO_FORMAT_3 = [
  'MATCH (m:FigureMention) DETACH DELETE m',
  `MATCH (f:Figure)-[:STATED_IN]->(s:Sentence)
   WITH f, min(s.id) AS sid
   CREATE (old:Figure {id: f.articleId + ':f' + f.start + '-' + f.end, articleId: f.articleId, sentenceId: sid,
                       value: f.value, unit: f.unit, qualifier: f.qualifier, period: f.period, quote: f.quote,
                       start: f.start, end: f.end, subjectIds: f.subjectIds})
   WITH f, old, sid
   MATCH (s:Sentence {id: sid})
   CREATE (old)-[:STATED_IN]->(s)
   WITH f, old
   MATCH (f)-[a:ABOUT]->(e:Entity)
   CREATE (old)-[:ABOUT {rank: a.rank}]->(e)`,
  'MATCH (f:Figure) WHERE f.measure IS NOT NULL DETACH DELETE f',
  "MATCH (a:Article) SET a.extractorVersion = '3'",
  "MERGE (g:GraphFormat {id: 'vnkg'}) SET g.version = 3",
];

describe('graph format upgrades', () => {
  const db: GraphDatabase = connectTestGraph();

  beforeEach(() => resetGraph(db));
  afterAll(() => db.close());

  it('restores what formats 3 and 4 added to mentions and figures of an older graph, then does nothing', async () => {
    await ingestExtraction(db, extractArticle(seedText()));
    const current = await db.read(PROVENANCE, {});
    // The seed as format 2 wrote it: no marker, no sentence or subject ids on the nodes.
    await db.writeTransaction(async (tx) => {
      await tx.run('MATCH (m:Mention) REMOVE m.sentenceId');
      await tx.run('MATCH (f:Figure) REMOVE f.sentenceId, f.subjectIds');
    });
    expect(await db.read(PROVENANCE, {})).not.toEqual(current);

    expect(await migrateGraph(db)).toEqual([3, 4]);
    expect(GRAPH_FORMAT).toBe(4);
    expect(await db.read(PROVENANCE, {})).toEqual(current);
    expect(await migrateGraph(db)).toEqual([]);
  });

  it('turns the figures of format 3 (one per span) into facts stated by figure mentions, re-extracting the articles', async () => {
    await ingestExtraction(db, extractArticle(seedText()));
    const current = await db.read(PROVENANCE, {});
    await db.writeTransaction(async (tx) => {
      for (const statement of TO_FORMAT_3) await tx.run(statement);
    });
    const [legacy] = await db.read<{ figures: number; mentions: number }>(
      'RETURN COUNT { (:Figure) } AS figures, COUNT { (:FigureMention) } AS mentions',
      {},
    );
    expect(legacy).toEqual({ figures: expect.any(Number), mentions: 0 });
    expect(await db.read(PROVENANCE, {})).not.toEqual(current);

    expect(await migrateGraph(db)).toEqual([4]);
    expect(await db.read(PROVENANCE, {})).toEqual(current);
    expect(await migrateGraph(db)).toEqual([]);
  });

  it('marks an empty graph as current', async () => {
    expect((await migrateGraph(db)).at(-1)).toBe(GRAPH_FORMAT);
    const [marker] = await db.read<{ version: number }>("MATCH (g:GraphFormat {id: 'vnkg'}) RETURN g.version AS version", {});
    expect(marker?.version).toBe(GRAPH_FORMAT);
  });
});
