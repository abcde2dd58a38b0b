// How the API benchmark's processes log in to Neo4j. A built graph's password reaches the server
// processes (serve.ts) through their environment, NEO4J_USERNAME / NEO4J_PASSWORD, which only the
// same user can read, never through their command line, which every local user can read. The
// same variables give the account of an existing graph (--uri).
import neo4j, { type AuthToken } from 'neo4j-driver';
import type { Neo4jConnection } from '../../src/config/index.ts';
import type { Neo4jCredentials } from '../../src/neo4j/credentials.ts';

/** NEO4J_USERNAME (default neo4j) and NEO4J_PASSWORD (default empty: a server without auth). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jCredentials {
  return { username: env['NEO4J_USERNAME'] || 'neo4j', password: env['NEO4J_PASSWORD'] ?? '' };
}

/** The environment variables that hand `credentials` to a child process. */
export const credentialsEnv = (credentials: Neo4jCredentials): Record<string, string> => ({
  NEO4J_USERNAME: credentials.username,
  NEO4J_PASSWORD: credentials.password,
});

/** A driver auth token; none for an empty password, as GraphDatabase.connect does. */
export const authToken = (credentials: Neo4jCredentials): AuthToken | undefined =>
  credentials.password ? neo4j.auth.basic(credentials.username, credentials.password) : undefined;

export const boltConnection = (uri: string, credentials: Neo4jCredentials): Neo4jConnection => ({
  uri,
  username: credentials.username,
  password: credentials.password,
  database: undefined,
});
