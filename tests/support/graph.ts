import { inject } from 'vitest';
import { applySchema } from '../../src/graph/constraints.ts';
import { GraphDatabase } from '../../src/graph/database.ts';

export function connectTestGraph(): GraphDatabase {
  return GraphDatabase.connect({ uri: inject('neo4jUri'), username: 'neo4j', password: '', database: undefined });
}

/** Empties the test database and applies the schema, so each file starts from a known graph. */
export async function resetGraph(db: GraphDatabase): Promise<void> {
  await db.writeTransaction((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  await applySchema(db);
}

/** Node and relationship counts by label / type: what "ingesting twice changes nothing" compares. */
export async function graphCounts(db: GraphDatabase): Promise<Record<string, number>> {
  const rows = await db.read<{ key: string; n: number }>(
    `MATCH (n) UNWIND labels(n) AS label RETURN 'node:' + label AS key, count(*) AS n
     UNION ALL
     MATCH ()-[r]->() RETURN 'rel:' + type(r) AS key, count(*) AS n`,
    {},
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}
