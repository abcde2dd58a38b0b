// `npm start`: open the graph (starting embedded Neo4j unless NEO4J_URI is set), load the seed
// articles into an empty graph, serve GraphQL, and shut everything down cleanly on a signal —
// also when the signal arrives while Neo4j is still starting. If the embedded Neo4j dies it is
// restarted (src/neo4j/supervisor.ts) while the API answers 503; if that fails for good, the
// server closes and exits with status 1 rather than hold its port while useless.
import { pino } from 'pino';
import { loadConfig } from '../config/index.ts';
import { countArticles } from '../graph/articles.ts';
import { ingestSources } from '../pipeline/batch.ts';
import { readSources } from '../pipeline/sources.ts';
import { openGraph, type OpenGraph } from '../runtime/graph.ts';
import { NEO4J_BROWSER_DIR } from '../neo4j/prepare.ts';
import { createApp, type App } from './app.ts';
import { neo4jBrowserFor } from './browser.ts';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  let graph: OpenGraph | undefined;
  let app: App | undefined;
  let stopping = false;

  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    await app?.stop();
    await graph?.close();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  graph = await openGraph(config, (line) => logger.info(line));
  if (stopping) return void (await graph.close());
  logger.info({ uri: graph.uri }, 'Neo4j is answering');
  graph.onStatusChange((status, error) => {
    if (status === 'restarting') logger.error({ err: error }, 'Neo4j died; restarting it (the API answers 503 meanwhile)');
    else if (status === 'up') logger.info('Neo4j restarted; serving again');
    else {
      logger.fatal({ err: error }, 'Neo4j could not be restarted; stopping the server');
      void shutdown('Neo4j could not be restarted', 1);
    }
  });

  if ((await countArticles(graph.db)) === 0) {
    const summary = await ingestSources(graph.db, readSources([config.seedsDir]), {
      // a handful of articles: starting worker threads would take longer than extracting them
      workers: 0,
      dryRun: false,
      onOutcome: (o) =>
        o.ok
          ? logger.info({ origin: o.origin, ...o.result }, 'seed article loaded')
          : logger.warn({ origin: o.origin, error: o.error.message }, 'seed article skipped'),
    });
    logger.info(summary, 'seeds loaded');
  }

  app = await createApp({
    db: graph.db,
    logger,
    maxPageSize: config.maxPageSize,
    maxCost: config.maxCost,
    requestTimeoutMs: config.requestTimeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    apiKey: config.apiKey,
    ide: config.ide,
    introspection: config.introspection,
    showCypher: config.showCypher,
    corsOrigins: config.corsOrigins,
    neo4jBrowser: neo4jBrowserFor(config, graph.embeddedReader, NEO4J_BROWSER_DIR),
  });
  const port = await app.listen(config.port, config.host);
  logger.info(
    { url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`, startupMs: Math.round(performance.now() - startedAt) },
    'vnkg is serving GraphQL',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
