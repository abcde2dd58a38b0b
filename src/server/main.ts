// `npm start`: open the graph (starting embedded Neo4j unless NEO4J_URI is set), load the seed
// articles into an empty graph, serve GraphQL, and shut everything down cleanly on a signal —
// also when the signal arrives while Neo4j is still starting.
import { pino } from 'pino';
import { loadConfig } from '../config/index.ts';
import { countArticles } from '../graph/articles.ts';
import { ingestSources } from '../pipeline/batch.ts';
import { readSources } from '../pipeline/sources.ts';
import { openGraph, type OpenGraph } from '../runtime/graph.ts';
import { createApp, type App } from './app.ts';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  let graph: OpenGraph | undefined;
  let app: App | undefined;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app?.stop();
    await graph?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  graph = await openGraph(config, (line) => logger.info(line));
  if (stopping) return void (await graph.close());
  logger.info({ uri: graph.uri }, 'Neo4j is answering');

  if ((await countArticles(graph.db)) === 0) {
    const summary = await ingestSources(graph.db, readSources([config.seedsDir]), {
      batchSize: 200,
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
