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

/** A property value as text: lists as sets (their order is the order articles came in), temporal values as ISO strings. */
function propertyText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(propertyText).sort().join(',')}]`;
  if (value !== null && typeof value === 'object') return String(value);
  return JSON.stringify(value);
}

/** Keeps the time a node was first written out: it differs between two ingests of the same articles. */
const WRITTEN_AT = new Set(['ingestedAt']);

const propertiesText = (properties: Record<string, unknown>) =>
  Object.keys(properties)
    .filter((k) => !WRITTEN_AT.has(k))
    .sort()
    .map((k) => `${k}=${propertyText(properties[k])}`)
    .join(' ');

/**
 * Everything the graph holds, as sorted lines: every node with its labels and properties, every
 * relationship with its type, the ids of its ends and its properties. Whatever the stored shape,
 * two graphs with equal lines hold the same content; so it can tell whether two ways of writing
 * the same articles (batched or not, in threads or not) wrote the same graph.
 */
export async function graphContent(db: GraphDatabase): Promise<string[]> {
  const nodes = await db.read<{ labels: string[]; properties: Record<string, unknown> }>(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties',
    {},
  );
  const relationships = await db.read<{ type: string; from: string; to: string; properties: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties',
    {},
  );
  return [
    ...nodes.map((n) => `(${[...n.labels].sort().join(':')} ${propertiesText(n.properties)})`),
    ...relationships.map((r) => `(${r.from})-[${r.type} ${propertiesText(r.properties)}]->(${r.to})`),
  ].sort();
}
