// Brings a graph written by an earlier vnkg up to the format the reads expect, in place, once:
// a marker node records the format, and each step runs only on a graph older than it. Steps are
// idempotent and batched, so a large graph is upgraded without one huge transaction.
import type { GraphDatabase } from './database.ts';

/** The format this code writes and reads. */
export const GRAPH_FORMAT = 3;

const READ_FORMAT = `OPTIONAL MATCH (g:GraphFormat {id: 'vnkg'}) RETURN g.version AS version`;
const WRITE_FORMAT = `MERGE (g:GraphFormat {id: 'vnkg'}) SET g.version = $version`;

/** Format 3: mentions and figures carry their sentence's id, figures their ranked subjects' ids. */
const STEPS: ReadonlyArray<{ format: number; statements: readonly string[] }> = [
  {
    format: 3,
    statements: [
      `MATCH (m:Mention) WHERE m.sentenceId IS NULL
       CALL (m) {
         MATCH (m)-[:IN_SENTENCE]->(s:Sentence)
         SET m.sentenceId = s.id
       } IN TRANSACTIONS OF 10000 ROWS`,
      `MATCH (f:Figure) WHERE f.sentenceId IS NULL OR f.subjectIds IS NULL
       CALL (f) {
         SET f.sentenceId = COLLECT { MATCH (f)-[:STATED_IN]->(s:Sentence) RETURN s.id }[0],
             f.subjectIds = COLLECT { MATCH (f)-[a:ABOUT]->(e:Entity) RETURN e.id ORDER BY a.rank }
       } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
];

/** Runs the steps the graph lacks; returns the formats it upgraded through (none for a current graph). */
export async function migrateGraph(db: GraphDatabase): Promise<number[]> {
  const [row] = await db.read<{ version: number | null }>(READ_FORMAT, {});
  const current = row?.version ?? 0;
  const applied: number[] = [];
  for (const step of STEPS.filter((s) => s.format > current)) {
    for (const statement of step.statements) await db.runImplicit(statement);
    await db.writeTransaction((tx) => tx.run(WRITE_FORMAT, { version: step.format }));
    applied.push(step.format);
  }
  return applied;
}
