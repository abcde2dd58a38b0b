import { inject } from 'vitest';
import type { Neo4jConnection } from '../../src/config/index.ts';
import { applySchema } from '../../src/graph/constraints.ts';
import { GraphDatabase } from '../../src/graph/database.ts';
import { READER_USERNAME, type Neo4jCredentials } from '../../src/neo4j/credentials.ts';

/** The test run's Neo4j and its account, as tests/support/neo4j-global-setup.ts provides them. */
export function testConnection(): Neo4jConnection {
  return { uri: inject('neo4jUri'), username: inject('neo4jUsername'), password: inject('neo4jPassword'), database: undefined };
}

/** The embedded test Neo4j's read-only account, or undefined when the tests run on an external server. */
export function testReader(): Neo4jCredentials | undefined {
  const password = inject('neo4jReaderPassword');
  return password ? { username: READER_USERNAME, password } : undefined;
}

export function connectTestGraph(): GraphDatabase {
  return GraphDatabase.connect(testConnection());
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
