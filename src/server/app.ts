// The HTTP application: GraphQL at /graphql, exports, a health check at /health and a home page,
// compressed, with CORS for the configured origins.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express from 'express';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema } from 'graphql';
import type { Logger } from 'pino';
import { writeAccessFor } from '../api/auth.ts';
import { createContext, type ApiContext } from '../api/context.ts';
import { formatError } from '../api/errors.ts';
import { resolvers } from '../api/resolvers/index.ts';
import { DEFAULT_LIMITS, type CorsOrigins } from '../config/index.ts';
import { projectFile } from '../config/project.ts';
import type { GraphDatabase } from '../graph/database.ts';
import { armorProtection } from './armor.ts';
import { attachBoltRelay, BROWSER_PATH, browserRouter, discoveryDocument, type Neo4jBrowser } from './browser.ts';
import { allowedOriginGets, corsMiddleware } from './cors.ts';
import { compilingExecutor, executorGateway } from './executor.ts';
import { createExportRouter } from './exports.ts';
import { homePage } from './home.ts';
import { EXPLORE_PATH, explorerRouter } from './explore.ts';
import { IDE_ASSET_PATH, ideAssets, idePage } from './ide.ts';
import { graphqlPostHandler, isGraphQLPost, type Middleware } from './graphql-post.ts';
import { jsonErrorHandler, jsonNotFound, sendHttpError } from './http-errors.ts';
import { costLimitPlugin } from './plugins/cost-limit.ts';
import { httpStatusPlugin, RETRY_AFTER_SECONDS } from './plugins/http-status.ts';
import { readScopePlugin } from './plugins/read-scope.ts';
import { boundedJson, OnlySupportedOperations } from './responses.ts';
import { roundTripsPlugin } from './plugins/round-trips.ts';

export const SCHEMA_PATH = projectFile('schema.graphql');

export interface AppOptions {
  db: GraphDatabase;
  logger: Logger;
  maxPageSize: number;
  /** Largest operation cost a request may have (src/api/cost.ts). */
  maxCost?: number | undefined;
  /** Per-request deadline in ms. */
  requestTimeoutMs?: number | undefined;
  /** Largest response body in bytes. */
  maxResponseBytes?: number | undefined;
  /** Enables mutations for requests that carry this key. */
  apiKey?: string | undefined;
  /** Serve the GraphQL IDE to browsers at GET /graphql (default true). */
  ide?: boolean | undefined;
  /** Answer introspection queries (default true); off also masks field suggestions. */
  introspection?: boolean | undefined;
  /** Report the statements compiled for a request as `extensions.cypher` (default false). */
  showCypher?: boolean | undefined;
  /**
   * Read each root field with one statement compiled from its selection (default true); off,
   * every list is read through its loader, as the reference the compiled answers are tested on.
   */
  compileSelections?: boolean | undefined;
  /**
   * Runs of an operation by graphql-js before graphql-js is replaced by the operation compiled
   * to JavaScript (graphql-jit; server/executor.ts). Default 1; 0 compiles from the first run,
   * Infinity never compiles.
   */
  compileOperationsAfter?: number | undefined;
  /** Origins whose browser apps may read the API's answers (default: none). */
  corsOrigins?: CorsOrigins | undefined;
  /** Neo4j Browser at /browser, or why it is not served (default: not served). */
  neo4jBrowser?: Neo4jBrowser | undefined;
}

const NO_BROWSER: Neo4jBrowser = { kind: 'unavailable', reason: 'This server does not serve Neo4j Browser.' };

/** /health answers within this, whatever the database does. */
export const HEALTH_TIMEOUT_MS = 1_000;

export interface App {
  httpServer: http.Server;
  /** Listens on `host` (default loopback) and resolves to the port bound. */
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { db, logger, maxPageSize, apiKey } = options;
  const ide = options.ide ?? true;
  const introspection = options.introspection ?? true;
  const maxCost = options.maxCost ?? DEFAULT_LIMITS.maxCost;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_LIMITS.maxResponseBytes;
  const corsOrigins = options.corsOrigins ?? [];
  const neo4jBrowser = options.neo4jBrowser ?? NO_BROWSER;
  const expressApp = express();
  expressApp.disable('x-powered-by');
  // POST /graphql is answered outside Express (graphql-post.ts) once Apollo has started.
  let graphqlPost: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const httpServer = http.createServer((req, res) => (graphqlPost && isGraphQLPost(req) ? graphqlPost(req, res) : expressApp(req, res)));
  const armor = armorProtection<ApiContext>({ introspection });
  const typeDefs = readFileSync(SCHEMA_PATH, 'utf8');
  const schema = makeExecutableSchema<ApiContext>({ typeDefs, resolvers });
  const apollo = new ApolloServer<ApiContext>({
    // Operations run compiled (graphql-jit) once they have run before; see executor.ts.
    gateway: executorGateway(schema, typeDefs, compilingExecutor(schema, options.compileOperationsAfter)),
    introspection,
    validationRules: [...armor.validationRules, OnlySupportedOperations],
    parseOptions: armor.parseOptions,
    includeStacktraceInErrorResponses: false,
    stringifyResult: (result) => boundedJson(result, maxResponseBytes),
    formatError: (formatted, error) => formatError(formatted, error, (e) => logger.error({ err: e }, 'resolver failed')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing pages load from a CDN; the IDE below is served from our own packages.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints; without this, Apollo wraps every field resolver to track them.
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      costLimitPlugin(buildSchema(typeDefs), maxCost),
      httpStatusPlugin(),
      roundTripsPlugin(),
      readScopePlugin(),
    ],
  });
  await apollo.start();

  // gzip or brotli, as the client accepts, for anything over 1 KB: JSON, exports, the IDE's assets.
  const compressed = compression();
  const cors = corsMiddleware(corsOrigins);
  const jsonBody = express.json({ limit: '1mb' });
  const contextOf = async (req: http.IncomingMessage) =>
    createContext(db, maxPageSize, writeAccessFor(req.headers, apiKey), requestTimeoutMs, {
      compileSelections: options.compileSelections ?? true,
      showCypher: options.showCypher ?? false,
    });
  graphqlPost = graphqlPostHandler({
    apollo,
    // Express's own middleware, written for Node's request and response objects.
    middleware: [compressed, cors, jsonBody] as unknown as Middleware[],
    context: contextOf,
    fail: (res, error) => {
      if (!sendHttpError(res, error, logger)) res.destroy();
    },
  });

  expressApp.use(compressed);
  // Before CORS: the Browser's guide is readable from any origin, preflight included.
  expressApp.use(BROWSER_PATH, browserRouter(neo4jBrowser));
  expressApp.use(cors);
  // Neo4j Browser asks the page's host for Neo4j's discovery document (JSON) before connecting.
  expressApp.get('/', (req, res, next) =>
    neo4jBrowser.kind === 'relay' && req.accepts(['html', 'json']) === 'json' ? res.json(discoveryDocument(req)) : homePage(req, res, next),
  );

  expressApp.get('/health', async (_req, res) => {
    try {
      await db.ping(HEALTH_TIMEOUT_MS);
      res.status(200).json({ status: 'ok', neo4j: 'up' });
    } catch (error) {
      logger.warn({ err: error }, 'health check: Neo4j is not answering');
      res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable', neo4j: 'down' });
    }
  });

  // Downloads of the entity graph for graph tools (GraphML, GEXF, Cytoscape.js JSON).
  expressApp.use('/export', createExportRouter({ db, logger }));

  if (ide) {
    expressApp.use(IDE_ASSET_PATH, ideAssets());
    expressApp.get('/graphql', idePage);
  }
  // The graph explorer: a page over the public API, nothing it could do a client could not.
  expressApp.use(EXPLORE_PATH, explorerRouter());
  const detachBoltRelay =
    neo4jBrowser.kind === 'relay'
      ? attachBoltRelay(httpServer, neo4jBrowser.relay, corsOrigins, (message, error) => logger.warn({ err: error }, message))
      : () => undefined;

  expressApp.use(
    '/graphql',
    allowedOriginGets(corsOrigins),
    jsonBody,
    expressMiddleware(apollo, { context: async ({ req }) => contextOf(req) }),
  );
  expressApp.use(jsonNotFound);
  expressApp.use(jsonErrorHandler(logger));

  return {
    httpServer,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      detachBoltRelay();
      await apollo.stop();
    },
  };
}
