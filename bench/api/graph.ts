// Builds the graph one scale of the API benchmark runs on: a fresh embedded Neo4j in a temporary
// VNKG_DATA_DIR, opened as the service opens it (runtime/graph.ts: schema, gazetteer, format), and
// `count` articles of the seeded synthetic corpus (bench/corpus/generator.ts) extracted and
// written the way `vnkg ingest` writes them (extractArticle + ingestBatch).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/index.ts';
import { extractArticle } from '../../src/core/extract.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestBatch, type ArticleToIngest } from '../../src/graph/ingest.ts';
import { readEmbeddedAdmin, type Neo4jCredentials } from '../../src/neo4j/credentials.ts';
import { openGraph } from '../../src/runtime/graph.ts';
import { generateArticles } from '../corpus/generator.ts';

export interface BenchGraph {
  db: GraphDatabase;
  uri: string;
  /** The account the servers under test log in with. */
  credentials: Neo4jCredentials;
  articles: number;
  /** Seconds spent extracting + writing the articles. */
  ingestSeconds: number;
  counts: Record<string, number>;
  close(): Promise<void>;
}

export interface GraphOptions {
  count: number;
  seed: number;
  batchSize: number;
  heap: string;
  pageCache: string;
  /** Pause after the first batch so statements are replanned on a non-empty graph (0: none). */
  primeMs: number;
  log: (message: string) => void;
}

async function graphCounts(db: GraphDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const label of ['Article', 'Entity', 'Figure']) {
    const [row] = await db.read<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`, {});
    out[label] = row?.n ?? 0;
  }
  const [rels] = await db.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n', {});
  out['relationships'] = rels?.n ?? 0;
  return out;
}

/**
 * Extracts `count` articles of the seeded corpus and writes them in batches of `batchSize`, as
 * `vnkg ingest` does; `afterBatch` hears how many are written so far. The number written.
 */
export async function ingestGeneratedArticles(
  db: GraphDatabase,
  { count, seed, batchSize }: Pick<GraphOptions, 'count' | 'seed' | 'batchSize'>,
  afterBatch: (written: number) => Promise<void> = async () => undefined,
): Promise<number> {
  let batch: ArticleToIngest[] = [];
  let written = 0;
  const flush = async () => {
    if (!batch.length) return;
    await ingestBatch(db, batch);
    written += batch.length;
    batch = [];
    await afterBatch(written);
  };
  for (const a of generateArticles(count, seed)) {
    batch.push({ extraction: extractArticle(a.text, { url: a.url, publishedAt: a.publishedAt }), url: a.url });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return written;
}

export async function buildGraph(options: GraphOptions): Promise<BenchGraph> {
  const { log } = options;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-bench-api-'));
  log(`starting a fresh embedded Neo4j in ${dir} (heap ${options.heap}, page cache ${options.pageCache}) …`);
  // A store of its own: NEO4J_URI and its account, if set, are for --uri, not for this graph.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
  const opened = await openGraph(loadConfig({ ...env, VNKG_DATA_DIR: dir }), (line) => {
    if (/error|exception/i.test(line)) log(`  [neo4j] ${line}`);
  }, { memory: { heap: options.heap, pageCache: options.pageCache } });
  const { db } = opened;
  const close = async () => {
    await opened.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const credentials = await readEmbeddedAdmin(path.join(dir, 'neo4j'));
    if (!credentials) throw new Error(`the embedded Neo4j in ${dir} has no admin account`);
    log(`schema and gazetteer written; ingesting ${options.count} articles (seed ${options.seed}) …`);

    const t0 = performance.now();
    let lastLog = t0;
    let primed = options.primeMs <= 0;
    const done = await ingestGeneratedArticles(db, options, async (written) => {
      if (!primed) {
        // Statements planned on the empty graph stay cached with empty-graph plans until Neo4j
        // replans them, which it does once statistics changed, not sooner than
        // dbms.cypher.min_replan_interval (10 s): wait that out once, after the first batch.
        primed = true;
        log(`  first batch written; waiting ${options.primeMs / 1000} s so Neo4j replans with real statistics …`);
        await sleep(options.primeMs);
      }
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const rate = written / ((lastLog - t0) / 1000);
        log(`  ${written} / ${options.count} articles (${rate.toFixed(0)}/s, load ${os.loadavg()[0]!.toFixed(1)})`);
      }
    });
    const ingestSeconds = (performance.now() - t0) / 1000;
    // Let the index population finish and statistics settle before anything is timed.
    await db.runSchemaCommand('CALL db.awaitIndexes(300)');
    const counts = await graphCounts(db);
    log(`ingested ${done} articles in ${ingestSeconds.toFixed(1)} s: ${JSON.stringify(counts)}`);
    return { db, uri: opened.uri, credentials, articles: done, ingestSeconds, counts, close };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
