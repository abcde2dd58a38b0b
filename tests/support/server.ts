import { pino } from 'pino';
import type { CorsOrigins } from '../../src/config/index.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { createApp, type App } from '../../src/server/app.ts';
import type { Neo4jBrowser } from '../../src/server/browser.ts';

export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
  extensions?: { cypherRoundTrips?: number } & Record<string, unknown>;
}

export interface TestServer {
  url: string;
  app: App;
  query<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<D>>;
  close(): Promise<void>;
}

/**
 * The real HTTP application on a free port, so tests exercise exactly what clients do. Operations
 * run compiled (graphql-jit) from their first run, unless `compileOperationsAfter` says otherwise:
 * a test sends most operations once, and the compiled path is the one a busy server takes.
 */
export async function startTestServer(
  db: GraphDatabase,
  options: { apiKey?: string; ide?: boolean; introspection?: boolean; showCypher?: boolean; compileSelections?: boolean; compileOperationsAfter?: number; requestTimeoutMs?: number; maxResponseBytes?: number; maxCost?: number; corsOrigins?: CorsOrigins; neo4jBrowser?: Neo4jBrowser } = {},
): Promise<TestServer> {
  const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'silent' });
  const app = await createApp({ db, logger, maxPageSize: 100, compileOperationsAfter: 0, ...options });
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    async query(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    close: () => app.stop(),
  };
}
