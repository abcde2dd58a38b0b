// One server under test, in its own process (so the load generator never shares its event loop):
//   tsx bench/api/serve.ts vnkg  BOLT_URI   — the real vnkg app (src/server/app.ts createApp)
//   tsx bench/api/serve.ts floor BOLT_URI   — a minimal node:http server: POST /w/<workload> with the
//                                             Cypher parameters as JSON → one hand-written statement
//                                             through neo4j-driver, sent as vnkg sends its reads (an
//                                             auto-commit statement of a read scope) → {"data": rows}
//   tsx bench/api/serve.ts peer  BOLT_URI   — @neo4j/graphql over the same graph, Apollo Server standalone
// The account comes from NEO4J_USERNAME / NEO4J_PASSWORD (bolt.ts), never from the command line.
// Prints "LISTENING <port>" on stdout once it accepts requests; exits when stdin closes or on SIGTERM.
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { GraphDatabase } from '../../src/graph/database.ts';
import type { Neo4jCredentials } from '../../src/neo4j/credentials.ts';
import { createApp } from '../../src/server/app.ts';
import { authToken, boltConnection, credentialsFromEnv } from './bolt.ts';
import { PEER_TYPE_DEFS } from './peer-schema.ts';
import { DEFAULT_PARAMS, workloads, type Target } from './workloads.ts';

/** Same pool size as GraphDatabase.connect gives vnkg, for every way. */
const POOL_SIZE = 50;

interface Running {
  port: number;
  stop(): Promise<void>;
}

async function serveVnkg(uri: string, credentials: Neo4jCredentials, maxPageSize: number): Promise<Running> {
  const db = GraphDatabase.connect(boltConnection(uri, credentials));
  const app = await createApp({ db, logger: pino({ level: 'warn' }), maxPageSize, ide: false });
  const port = await app.listen(0);
  return {
    port,
    stop: async () => {
      await app.stop();
      await db.close();
    },
  };
}

async function serveFloor(uri: string, credentials: Neo4jCredentials): Promise<Running> {
  // The same driver settings vnkg uses (GraphDatabase.connect), and the same auto-commit read.
  const db = GraphDatabase.connect(boltConnection(uri, credentials));
  const read = async (cypher: string, params: Record<string, unknown>) => {
    const scope = db.readScope();
    try {
      return await scope.read(cypher, params);
    } finally {
      await scope.close();
    }
  };
  // The statements are fixed per workload; the parameters come with each request.
  const statements = new Map(workloads(DEFAULT_PARAMS).map((w) => [`/w/${w.key}`, w.floor.cypher]));
  const server = http.createServer((req, res) => {
    const cypher = req.method === 'POST' && req.url ? statements.get(req.url) : undefined;
    if (!cypher) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let params: Record<string, unknown>;
      try {
        params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end();
        return;
      }
      read(cypher, params).then(
        (rows) => {
          const body = JSON.stringify({ data: rows });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        (error: unknown) => {
          const body = JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] });
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

async function servePeer(uri: string, credentials: Neo4jCredentials): Promise<Running> {
  const driver = neo4j.driver(uri, authToken(credentials), { maxConnectionPoolSize: POOL_SIZE, connectionAcquisitionTimeout: 10_000 });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    port: Number(new URL(url).port),
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

async function main(): Promise<void> {
  const [target, uri, maxPageSize] = process.argv.slice(2) as [Target | undefined, string | undefined, string | undefined];
  if (!uri || !target || !['vnkg', 'floor', 'peer'].includes(target)) {
    console.error('usage: tsx bench/api/serve.ts vnkg|floor|peer BOLT_URI [MAX_PAGE_SIZE]');
    process.exit(2);
  }
  const credentials = credentialsFromEnv();
  const running =
    target === 'vnkg'
      ? await serveVnkg(uri, credentials, Number(maxPageSize ?? 100))
      : target === 'floor'
        ? await serveFloor(uri, credentials)
        : await servePeer(uri, credentials);
  let stopping = false;
  // Apollo Server registers its own SIGINT/SIGTERM handlers (stop, then re-raise the signal), which
  // keep the process alive next to ours: exit once stopped, or after 5 s whatever is still open.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), 5000).unref();
    void running.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.stdout.write(`LISTENING ${running.port}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
