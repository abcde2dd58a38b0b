// Ingest benchmark (see bench/README.md):
//   npm run bench:ingest -- [--count 10000] [--seed 42] [--batch-size 200 | 50,200,1000] [--corpus FILE.jsonl]
// (a) extraction alone, one thread; (b) extraction + ingestBatch into a fresh embedded Neo4j per
// batch size (or NEO4J_URI), with the write time split by statement, the CPU of both processes,
// graph counts and a PROFILE of one batch; (c) re-ingesting the first articles changes nothing.
// Prints a Markdown report and writes it to bench/ingest-results.md.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Neo4jConnection } from '../src/config/index.ts';
import { extractArticle } from '../src/core/extract.ts';
import type { Extraction } from '../src/core/types.ts';
import { GraphDatabase } from '../src/graph/database.ts';
import { articleRows, ingestBatch, type ArticleToIngest, type IngestResult } from '../src/graph/ingest.ts';
import { ingestSources } from '../src/pipeline/batch.ts';
import { createExtractor, defaultWorkerCount } from '../src/pipeline/extractors.ts';
import type { SourceItem } from '../src/pipeline/sources.ts';
import { DEFAULT_ROW_BUDGET } from '../src/pipeline/write-rows.ts';
import { importSources, type ImportSummary } from '../src/import/run.ts';
import { openGraph as openRuntimeGraph } from '../src/runtime/graph.ts';
import { generateArticles, parseJsonLine, toJsonLine, type BenchArticle } from './corpus/generator.ts';
import { jvmTimes } from './lib/jvm.ts';
import { ProfilingGraphDatabase, TimedGraphDatabase, scanOperators, type StatementProfile, type StatementStats } from './lib/timed-db.ts';
import { setTimeout as sleep } from 'node:timers/promises';

// --- options -------------------------------------------------------------------------------------

/** Neo4j replans a cached query once its statistics changed, but not sooner than dbms.cypher.min_replan_interval (10 s). */
const PRIME_WAIT_MS = 11_000;

const USAGE = `usage: npm run bench:ingest -- [options]
  --count N            articles (default 10000)
  --seed S             corpus seed (default 42)
  --batch-size B[,B…]  articles per transaction; a list runs end-to-end once per size, each on a fresh graph (default 200)
  --corpus FILE        read the articles from a JSONL file (bench/corpus/generate.ts) instead of generating them
  --idempotency N      articles re-ingested in the idempotency check (default 500)
  --prime N            before timing, ingest N articles in one batch and wait ${PRIME_WAIT_MS / 1000} s, so Neo4j replans its
                       statements with non-empty statistics (default 0: a cold start, as a user sees it)
  --workers N          extraction worker threads for the pool measurement and the pipelined run (default: one per core)
  --no-pipeline        skip the run through ingestSources (worker threads, row budget), as \`vnkg ingest\` runs
  --no-profile         skip the PROFILE of one batch
  --no-import          skip the run through \`vnkg import\` (importSources) into an empty store
  --results FILE       where to write the Markdown report (default bench/ingest-results.md)
env: NEO4J_URI (+ NEO4J_USERNAME/PASSWORD/DATABASE) to use an existing Neo4j — the benchmark WRITES into it;
     VNKG_NEO4J_HEAP / VNKG_NEO4J_PAGECACHE size the embedded Neo4j (default 1g / 256m).`;

interface Options {
  count: number;
  prime: number;
  seed: number;
  batchSizes: number[];
  corpus: string | undefined;
  idempotency: number;
  profile: boolean;
  workers: number;
  pipeline: boolean;
  import: boolean;
  results: string;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function seedOption(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`--seed must be an integer, got "${value}"`);
  return n;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      'batch-size': { type: 'string', default: '200' },
      corpus: { type: 'string' },
      idempotency: { type: 'string', default: '500' },
      prime: { type: 'string', default: '0' },
      'no-profile': { type: 'boolean', default: false },
      workers: { type: 'string', default: String(defaultWorkerCount()) },
      'no-pipeline': { type: 'boolean', default: false },
      'no-import': { type: 'boolean', default: false },
      results: { type: 'string', default: path.join('bench', 'ingest-results.md') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  return {
    count: positiveInt(values.count, 'count'),
    seed: seedOption(values.seed),
    batchSizes: values['batch-size'].split(',').map((s) => positiveInt(s.trim(), 'batch-size')),
    corpus: values.corpus,
    idempotency: Number(values.idempotency) === 0 ? 0 : positiveInt(values.idempotency, 'idempotency'),
    prime: Number(values.prime) === 0 ? 0 : positiveInt(values.prime, 'prime'),
    profile: !values['no-profile'],
    workers: positiveInt(values.workers, 'workers'),
    pipeline: !values['no-pipeline'],
    import: !values['no-import'],
    results: values.results,
  };
}

// --- helpers -------------------------------------------------------------------------------------

const now = () => performance.now();
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
const extractOne = (a: BenchArticle): Extraction => extractArticle(a.text, { url: a.url, publishedAt: a.publishedAt });

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

// --- the graph -----------------------------------------------------------------------------------

interface Graph {
  db: TimedGraphDatabase;
  /** The database statements go to (undefined: the server's default). */
  database: string | undefined;
  description: string;
  /** Bytes of the embedded store (data + transaction logs); null for an external server. */
  storeBytes(): Promise<number | null>;
  close(): Promise<void>;
}

async function diskUsage(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await diskUsage(p);
    else if (entry.isFile()) total += (await stat(p)).size;
  }
  return total;
}

/**
 * Opens the graph the way the service and `vnkg ingest` do (src/runtime/graph.ts: schema and
 * whatever else it sets up at start), on a fresh temporary data dir unless NEO4J_URI is set.
 */
async function openBenchGraph(external: Neo4jConnection | undefined): Promise<Graph> {
  const dir = external ? null : await mkdtemp(path.join(os.tmpdir(), 'vnkg-bench-'));
  const config = loadConfig({ ...process.env, ...(dir ? { VNKG_DATA_DIR: dir } : {}) });
  const t0 = now();
  const opened = await openRuntimeGraph(config, (line) => {
    if (!/^\s*$/.test(line) && !line.startsWith('[neo4j]')) log(`  ${line}`);
  });
  // The driver openGraph made, already logged in (to NEO4J_URI, or to the embedded Neo4j with its password).
  const database = config.neo4j?.database;
  const db = new TimedGraphDatabase(opened.db.driver, database);
  log(`graph ready in ${((now() - t0) / 1000).toFixed(1)} s at ${opened.uri}${dir ? ` (store ${dir})` : ''}`);
  const heap = process.env['VNKG_NEO4J_HEAP'] ?? '1g';
  const pageCache = process.env['VNKG_NEO4J_PAGECACHE'] ?? '256m';
  return {
    db,
    database,
    description: external ? `external ${external.uri}` : `embedded, fresh store, heap ${heap}, page cache ${pageCache}`,
    storeBytes: async () => (dir ? diskUsage(path.join(dir, 'neo4j', 'data')).catch(() => null) : null),
    close: async () => {
      await opened.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

async function neo4jVersion(db: GraphDatabase): Promise<string> {
  const rows = await db.read<{ name: string; versions: string[]; edition: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
    {},
  );
  return rows.map((r) => `${r.name} ${r.versions.join(', ')} ${r.edition}`).join('; ');
}

/** Node and relationship counts by label/type from the count store, plus the evidence keys on entity relations. */
async function graphCounts(db: GraphDatabase): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const [all] = await db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n', {});
  const [allRels] = await db.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n', {});
  out.set('nodes', all?.n ?? 0);
  out.set('relationships', allRels?.n ?? 0);
  const labels = await db.read<{ label: string }>('CALL db.labels() YIELD label RETURN label ORDER BY label', {});
  for (const { label } of labels) {
    const [r] = await db.read<{ n: number }>(`MATCH (n:\`${label.replace(/`/g, '``')}\`) RETURN count(n) AS n`, {});
    out.set(`:${label}`, r?.n ?? 0);
  }
  const types = await db.read<{ t: string }>('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t', {});
  for (const { t } of types) {
    const [r] = await db.read<{ n: number }>(`MATCH ()-[r:\`${t.replace(/`/g, '``')}\`]->() RETURN count(r) AS n`, {});
    out.set(`[:${t}]`, r?.n ?? 0);
  }
  const [ev] = await db.read<{ n: number }>(
    'MATCH (:Entity)-[r]->(:Entity) RETURN sum(size(coalesce(r.evidence, []))) AS n',
    {},
  );
  out.set('evidence keys on entity relations', ev?.n ?? 0);
  return out;
}

// --- phases --------------------------------------------------------------------------------------

interface ExtractionResult {
  articles: number;
  warmup: number;
  wallS: number;
  cpuS: number;
  chars: number;
  bytes: number;
  entities: number;
  figures: number;
  relations: number;
  rowsUsPerArticle: number;
  loadBefore: string;
  loadAfter: string;
}

function runExtraction(articles: BenchArticle[]): ExtractionResult {
  const warmup = Math.min(1000, articles.length);
  log(`extraction: warm-up on ${warmup} articles …`);
  for (let i = 0; i < warmup; i++) extractOne(articles[i]!);
  const loadBefore = load();
  log(`extraction: timing ${articles.length} articles on one thread (load ${loadBefore}) …`);
  let chars = 0;
  let bytes = 0;
  let entities = 0;
  let figures = 0;
  let relations = 0;
  const keep: Extraction[] = [];
  const c0 = cpuSeconds();
  const t0 = now();
  for (const a of articles) {
    const x = extractOne(a);
    chars += a.text.length;
    entities += x.entities.length;
    figures += x.figures.length;
    relations += x.relations.length;
    if (keep.length < 2000) keep.push(x);
  }
  const wallS = (now() - t0) / 1000;
  const cpuS = cpuSeconds() - c0;
  for (const a of articles) bytes += Buffer.byteLength(a.text, 'utf8');
  // Client-side cost of shaping the parameters (src/graph/ingest.ts articleRows), per article.
  for (const x of keep) articleRows(x);
  const r0 = now();
  for (const x of keep) articleRows(x);
  const rowsUsPerArticle = ((now() - r0) * 1000) / keep.length;
  return { articles: articles.length, warmup, wallS, cpuS, chars, bytes, entities, figures, relations, rowsUsPerArticle, loadBefore, loadAfter: load() };
}

interface PoolResult {
  workers: number;
  articles: number;
  startS: number;
  wallS: number;
  loadBefore: string;
  loadAfter: string;
}

/** Extraction in the worker pool `ingestSources` uses: every article asked for at once, answers awaited. */
async function runExtractionPool(articles: BenchArticle[], workers: number): Promise<PoolResult> {
  const extractor = createExtractor(workers);
  const extractAll = (list: BenchArticle[]) =>
    Promise.all(list.map((a) => extractor.extract({ text: a.text, meta: { url: a.url, publishedAt: a.publishedAt } })));
  try {
    const s0 = now();
    // starting the workers (tsx compiles the sources in each) and warming their JIT, as in (a)
    await extractAll(articles.slice(0, Math.min(1000, articles.length)));
    const startS = (now() - s0) / 1000;
    const loadBefore = load();
    log(`extraction pool: timing ${articles.length} articles on ${workers} worker threads (load ${loadBefore}) …`);
    const t0 = now();
    await extractAll(articles);
    return { workers, articles: articles.length, startS, wallS: (now() - t0) / 1000, loadBefore, loadAfter: load() };
  } finally {
    await extractor.close();
  }
}

interface PipelineRun {
  workers: number;
  rowBudget: number;
  articles: number;
  wallS: number;
  transactions: number;
  statuses: Record<string, number>;
  stopped: string | null;
  loadBefore: string;
  loadAfter: string;
  /** Node's CPU, worker threads included. */
  nodeCpuS: number;
  jvm: { cpuMs: number; gcMs: number } | null;
}

/** The articles through `ingestSources`, as `vnkg ingest` writes them, into a fresh graph. */
async function runPipeline(articles: BenchArticle[], options: Options, external: Neo4jConnection | undefined): Promise<PipelineRun> {
  const graph = await openBenchGraph(external);
  try {
    async function* items(): AsyncGenerator<SourceItem> {
      for (const [i, a] of articles.entries()) yield { ok: true, record: { origin: `article ${i + 1}`, text: a.text, url: a.url, publishedAt: a.publishedAt } };
    }
    const statuses: Record<string, number> = {};
    const loadBefore = load();
    log(`pipelined: ${articles.length} articles through ingestSources, ${options.workers} workers, ${DEFAULT_ROW_BUDGET} rows per batch (load ${loadBefore}) …`);
    const jvm0 = await jvmTimes(graph.db);
    const cpu0 = cpuSeconds();
    const t0 = now();
    const summary = await ingestSources(graph.db, items(), {
      workers: options.workers,
      rowBudget: DEFAULT_ROW_BUDGET,
      dryRun: false,
      onOutcome: (o) => {
        const status = o.ok ? o.result.status : 'failed';
        statuses[status] = (statuses[status] ?? 0) + 1;
      },
    });
    const wallS = (now() - t0) / 1000;
    const nodeCpuS = cpuSeconds() - cpu0;
    const jvm1 = await jvmTimes(graph.db);
    log(`  done in ${wallS.toFixed(1)} s: ${fmt(summary.total / wallS)} articles/s in ${graph.db.transactions} transactions`);
    return {
      nodeCpuS,
      jvm: jvm0 && jvm1 ? { cpuMs: jvm1.cpuMs - jvm0.cpuMs, gcMs: jvm1.gcMs - jvm0.gcMs } : null,
      workers: options.workers,
      rowBudget: DEFAULT_ROW_BUDGET,
      articles: summary.total,
      wallS,
      transactions: graph.db.transactions,
      statuses,
      stopped: summary.stopped ? summary.stopped.error.message : null,
      loadBefore,
      loadAfter: load(),
    };
  } finally {
    await graph.close();
  }
}

/** Linux's USER_HZ, the unit of /proc times (sysconf(_SC_CLK_TCK) is 100 on every common kernel). */
const CLOCK_TICKS_PER_S = 100;

/** CPU seconds of this process's children that have ended and been waited for (/proc/self/stat cutime + cstime). */
async function endedChildrenCpuSeconds(): Promise<number | null> {
  try {
    const stat = await readFile('/proc/self/stat', 'utf8');
    // the fields after "pid (comm) " start at field 3 (state); cutime and cstime are fields 16 and 17
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_S;
  } catch {
    return null;
  }
}

interface ImportRun {
  articles: number;
  imported: number;
  wallS: number;
  seconds: ImportSummary['seconds'];
  /** Node's CPU, extraction threads included. */
  nodeCpuS: number;
  /** neo4j-admin and the Neo4j that opens the store (child JVMs), null off Linux. */
  childCpuS: number | null;
  loadBefore: string;
  loadAfter: string;
}

/** The articles through `vnkg import` (importSources) into an empty store of their own. */
async function runImport(articles: BenchArticle[], options: Options): Promise<ImportRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-bench-import-'));
  try {
    const corpus = path.join(dir, 'articles.jsonl');
    await writeFile(corpus, articles.map(toJsonLine).join(''));
    const env: NodeJS.ProcessEnv = { ...process.env, VNKG_DATA_DIR: path.join(dir, 'data') };
    for (const key of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[key];
    const loadBefore = load();
    log(`import: ${articles.length} articles through importSources, ${options.workers} extraction threads (load ${loadBefore}) …`);
    const children0 = await endedChildrenCpuSeconds();
    const cpu0 = cpuSeconds();
    const t0 = now();
    const summary = await importSources(loadConfig(env), [corpus], {
      log: (line) => log(`  ${line}`),
      onSkipped: (origin, reason) => log(`  skipped ${origin}: ${reason}`),
      threads: options.workers,
    });
    const wallS = (now() - t0) / 1000;
    const nodeCpuS = cpuSeconds() - cpu0;
    const children1 = await endedChildrenCpuSeconds();
    log(`  done in ${wallS.toFixed(1)} s: ${fmt(summary.total / wallS)} articles/s`);
    return {
      articles: summary.total,
      imported: summary.imported,
      wallS,
      seconds: summary.seconds,
      nodeCpuS,
      childCpuS: children0 !== null && children1 !== null ? children1 - children0 : null,
      loadBefore,
      loadAfter: load(),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface IngestRun {
  batchSize: number;
  graph: string;
  neo4j: string;
  articles: number;
  wallS: number;
  extractMs: number;
  ingestMs: number;
  statements: Map<string, { calls: number; ms: number; rows: number }>;
  transactions: number;
  nodeCpuS: number;
  jvm: { cpuMs: number; gcMs: number } | null;
  firstTenthMsPerArticle: number;
  lastTenthMsPerArticle: number;
  /** The first timed batch alone (wall ms, articles), and the rate of the others. */
  firstBatch: { ms: number; n: number; statements: Map<string, { calls: number; ms: number; rows: number }> };
  steadyRate: number;
  primed: { articles: number; ms: number } | null;
  /** Statements whose plan on the graph as it was before the timed run reads a whole label/type/store. */
  coldScans: Array<{ label: string; operators: string[] }>;
  statuses: Record<string, number>;
  /** The batch whose transaction failed (the run stops there). */
  failure: { batch: number; articlesDone: number; message: string } | null;
  counts: Map<string, number>;
  storeBytes: number | null;
  profile: StatementProfile[] | null;
  profileGraphArticles: number;
  idempotency: IdempotencyResult | null;
  loadBefore: string;
  loadAfter: string;
}

interface IdempotencyResult {
  articles: number;
  extractMs: number;
  ingestMs: number;
  unchanged: number;
  countsEqual: boolean;
  differences: string[];
}

function snapshotStats(stats: StatementStats) {
  return new Map([...stats.byLabel].map(([k, v]) => [k, { ...v }]));
}

async function runEndToEnd(
  articles: BenchArticle[],
  batchSize: number,
  options: Options,
  external: Neo4jConnection | undefined,
  profileArticles: BenchArticle[],
): Promise<IngestRun> {
  const graph = await openBenchGraph(external);
  try {
    const { db } = graph;
    const version = await neo4jVersion(db);
    const existing = (await db.read<{ n: number }>('MATCH (a:Article) RETURN count(a) AS n', {}))[0]?.n ?? 0;
    if (existing > 0) log(`WARNING: the graph already holds ${existing} articles; the numbers are not those of a fresh graph.`);
    let primed: IngestRun['primed'] = null;
    let timed = articles;
    if (options.prime > 0) {
      const first = articles.slice(0, options.prime);
      log(`priming: ${first.length} articles in one batch, then ${PRIME_WAIT_MS / 1000} s for Neo4j to replan …`);
      const p0 = now();
      await ingestBatch(db, first.map((a) => ({ extraction: extractOne(a), url: a.url })));
      primed = { articles: first.length, ms: now() - p0 };
      await sleep(PRIME_WAIT_MS);
      timed = articles.slice(options.prime);
    }
    // How Neo4j plans the statements on the graph as it is now (EXPLAIN: nothing runs).
    const explainer = new ProfilingGraphDatabase(db.driver, graph.database, 'EXPLAIN');
    await ingestBatch(explainer, timed.slice(0, 2).map((a) => ({ extraction: extractOne(a), url: a.url })));
    const coldScans = explainer.profiles
      .map((p) => ({ label: p.label, operators: scanOperators(p).map((o) => o.operator) }))
      .filter((p) => p.operators.length > 0);
    db.stats.reset();
    db.transactions = 0;
    const statuses: Record<string, number> = {};
    let firstBatch: IngestRun['firstBatch'] | null = null;
    let failure: IngestRun['failure'] = null;
    const perBatch: Array<{ n: number; ms: number }> = [];
    let extractMs = 0;
    let ingestMs = 0;
    const loadBefore = load();
    log(`end-to-end, batch size ${batchSize}: ${timed.length} articles (load ${loadBefore}) …`);
    const jvm0 = await jvmTimes(db);
    const c0 = cpuSeconds();
    const t0 = now();
    let nextReport = t0 + 15_000;
    for (let i = 0; i < timed.length; i += batchSize) {
      const slice = timed.slice(i, i + batchSize);
      const e0 = now();
      const items: ArticleToIngest[] = slice.map((a) => ({ extraction: extractOne(a), url: a.url }));
      const e1 = now();
      let results: IngestResult[];
      try {
        results = await ingestBatch(db, items);
      } catch (error) {
        ingestMs += now() - e1;
        extractMs += e1 - e0;
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        failure = { batch: perBatch.length + 1, articlesDone: i, message };
        log(`  FAILED at batch ${failure.batch} (after ${i} articles): ${message}`);
        break;
      }
      const e2 = now();
      extractMs += e1 - e0;
      ingestMs += e2 - e1;
      perBatch.push({ n: slice.length, ms: e2 - e1 });
      if (!firstBatch) {
        firstBatch = { ms: e2 - e0, n: slice.length, statements: snapshotStats(db.stats) };
        log(`  first batch: ${fmt((e2 - e0) / 1000, 1)} s (${[...db.stats.byLabel].map(([k, v]) => `${k} ${fmt(v.ms)} ms`).join(', ')})`);
      }
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (e2 > nextReport) {
        nextReport = e2 + 15_000;
        const done = i + slice.length;
        log(`  ${done}/${timed.length} articles, ${fmt(done / ((e2 - t0) / 1000))} articles/s, last batch write ${fmt((e2 - e1) / slice.length, 2)} ms/article`);
      }
    }
    const wallS = (now() - t0) / 1000;
    const nodeCpuS = cpuSeconds() - c0;
    const jvm1 = await jvmTimes(db);
    const loadAfter = load();
    const statements = snapshotStats(db.stats);
    const transactions = db.transactions;
    const tenth = Math.max(1, Math.floor(perBatch.length / 10));
    const msPerArticle = (bs: typeof perBatch) => bs.reduce((s, b) => s + b.ms, 0) / Math.max(1, bs.reduce((s, b) => s + b.n, 0));
    const fb = firstBatch ?? { ms: 0, n: 0, statements: new Map() };
    const processed = failure ? failure.articlesDone : timed.length;
    const steadyRate = processed > fb.n ? (processed - fb.n) / (wallS - fb.ms / 1000) : 0;
    log(`  done in ${wallS.toFixed(1)} s: ${fmt(processed / wallS)} articles/s; without the first batch ${fmt(steadyRate)} articles/s`);

    const counts = await graphCounts(db);
    const storeBytes = await graph.storeBytes();

    let profile: StatementProfile[] | null = null;
    if (options.profile && profileArticles.length && !failure) {
      log(`  PROFILE of one batch of ${profileArticles.length} new articles (rolled back) …`);
      const profiler = new ProfilingGraphDatabase(db.driver, graph.database);
      await ingestBatch(profiler, profileArticles.map((a) => ({ extraction: extractOne(a), url: a.url })));
      profile = profiler.profiles;
    }

    let idempotency: IdempotencyResult | null = null;
    const k = failure ? 0 : Math.min(options.idempotency, articles.length);
    if (k > 0) {
      log(`  idempotency: re-ingesting the first ${k} articles …`);
      let ex = 0;
      let ing = 0;
      let unchanged = 0;
      for (let i = 0; i < k; i += batchSize) {
        const slice = articles.slice(i, Math.min(i + batchSize, k));
        const a0 = now();
        const items = slice.map((a) => ({ extraction: extractOne(a), url: a.url }));
        const a1 = now();
        const results = await ingestBatch(db, items);
        ing += now() - a1;
        ex += a1 - a0;
        unchanged += results.filter((r) => r.status === 'unchanged').length;
      }
      const after = await graphCounts(db);
      const keys = new Set([...counts.keys(), ...after.keys()]);
      const differences = [...keys].filter((key) => counts.get(key) !== after.get(key)).map((key) => `${key}: ${counts.get(key) ?? 0} → ${after.get(key) ?? 0}`);
      idempotency = { articles: k, extractMs: ex, ingestMs: ing, unchanged, countsEqual: differences.length === 0, differences };
    }

    return {
      batchSize,
      graph: graph.description,
      neo4j: version,
      articles: failure ? failure.articlesDone : timed.length,
      wallS,
      extractMs,
      ingestMs,
      statements,
      transactions,
      nodeCpuS,
      jvm: jvm0 && jvm1 ? { cpuMs: jvm1.cpuMs - jvm0.cpuMs, gcMs: jvm1.gcMs - jvm0.gcMs } : null,
      firstTenthMsPerArticle: msPerArticle(perBatch.slice(0, tenth)),
      lastTenthMsPerArticle: msPerArticle(perBatch.slice(-tenth)),
      firstBatch: fb,
      steadyRate,
      primed,
      coldScans,
      statuses,
      failure,
      counts,
      storeBytes,
      profile,
      profileGraphArticles: articles.length,
      idempotency,
      loadBefore,
      loadAfter,
    };
  } finally {
    await graph.close();
  }
}

// --- report --------------------------------------------------------------------------------------

const STATEMENT_ORDER = ['FIND_ARTICLES', 'FIGURES_OF_ARTICLES', 'REMOVE_ARTICLE_PROVENANCE', 'WRITE_ARTICLES', 'WRITE_ENTITIES', 'WRITE_MENTIONS', 'FIND_FIGURES', 'CREATE_FIGURES', 'WRITE_STATEMENTS', 'WRITE_RELATIONS', 'REFRESH_FIGURES', 'COMMIT'];
const orderOf = (label: string) => {
  const i = STATEMENT_ORDER.indexOf(label);
  return i < 0 ? STATEMENT_ORDER.length : i;
};

function report(
  options: Options,
  commandLine: string,
  corpusInfo: { source: string; genS: number },
  extraction: ExtractionResult,
  pool: PoolResult,
  runs: IngestRun[],
  pipelined: PipelineRun | null,
  imported: ImportRun | null,
): string {
  const out: string[] = [];
  const cpus = os.cpus();
  out.push(`# Ingest benchmark`);
  out.push('');
  out.push(`- date: ${new Date().toISOString()}`);
  out.push(`- command: \`${commandLine}\``);
  out.push(`- machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'} (os.cpus().length = ${cpus.length}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`);
  if (runs[0]) out.push(`- Neo4j: ${runs[0].neo4j} (${runs[0].graph})`);
  out.push(`- corpus: ${corpusInfo.source}; ${fmt(extraction.articles)} articles, mean ${fmt(extraction.chars / extraction.articles)} characters (${fmt(extraction.bytes / extraction.articles / 1024, 1)} KiB UTF-8); ${options.corpus ? "read" : "generated"} in ${corpusInfo.genS.toFixed(1)} s`);
  out.push(
    `- per article (extractor output): ${fmt(extraction.entities / extraction.articles, 1)} entities, ${fmt(extraction.figures / extraction.articles, 1)} figures, ${fmt(extraction.relations / extraction.articles, 1)} relations`,
  );
  out.push('');

  out.push(`## (a) Extraction alone (one thread, after a warm-up of ${fmt(extraction.warmup)} articles)`);
  out.push('');
  const wallRate = extraction.articles / extraction.wallS;
  const cpuRate = extraction.articles / extraction.cpuS;
  out.push(
    table(
      ['articles', 'wall s', 'articles/s (wall, 1 thread)', 'articles per CPU-second (per core)', 'MB/s (UTF-8)', 'target per core', 'load avg 1/5/15 min before → after'],
      [[
        fmt(extraction.articles),
        extraction.wallS.toFixed(2),
        fmt(wallRate),
        fmt(cpuRate),
        (extraction.bytes / 1e6 / extraction.wallS).toFixed(2),
        `2,000 ${cpuRate >= 2000 ? '✅' : '❌'}`,
        `${extraction.loadBefore} → ${extraction.loadAfter}`,
      ]],
    ),
  );
  out.push('');
  out.push(
    `Shaping the Cypher parameters (\`articleRows\`, client side) costs ${fmt(extraction.rowsUsPerArticle)} µs per article; \`ingestBatch\` calls it twice per article.`,
  );
  out.push('');
  out.push(`In the worker pool \`vnkg ingest\` extracts with (\`src/pipeline/extractors.ts\`), all articles asked for at once:`);
  out.push('');
  out.push(
    table(
      ['worker threads', 'articles', 'start + warm-up s', 'wall s', 'articles/s (wall)', '× one thread', 'load avg before → after'],
      [[pool.workers, fmt(pool.articles), pool.startS.toFixed(1), pool.wallS.toFixed(2), fmt(pool.articles / pool.wallS), (extraction.wallS / pool.wallS).toFixed(2), `${pool.loadBefore} → ${pool.loadAfter}`]],
    ),
  );
  out.push('');

  if (runs.length) {
    out.push(`## (b) End-to-end: extraction + \`ingestBatch\` into a fresh graph (opened like \`vnkg ingest\` does: schema and gazetteer)`);
    out.push('');
    out.push(
      table(
        ['batch size', 'articles', 'wall s', 'articles/s', 'target', 'first batch', 'articles/s without the first batch', 'extraction', 'Neo4j write (ingestBatch)', 'write ms/article first → last 10 %', 'node CPU', 'Neo4j CPU (GC)', 'CPU ms/article node + Neo4j', 'articles/s if alone (≈ 1000 / CPU ms)', 'load before → after'],
        runs.map((r) => [
          r.batchSize,
          fmt(r.articles),
          r.wallS.toFixed(1),
          fmt(r.articles / r.wallS),
          `500 ${r.articles / r.wallS >= 500 ? '✅' : '❌'}${r.failure ? ' (failed)' : ''}`,
          `${fmt(r.firstBatch.ms / 1000, 1)} s`,
          fmt(r.steadyRate),
          `${fmt(r.extractMs / 1000, 1)} s (${pct(r.extractMs, r.wallS * 1000)})`,
          `${fmt(r.ingestMs / 1000, 1)} s (${pct(r.ingestMs, r.wallS * 1000)})`,
          `${r.firstTenthMsPerArticle.toFixed(2)} → ${r.lastTenthMsPerArticle.toFixed(2)}`,
          `${r.nodeCpuS.toFixed(1)} s (${pct(r.nodeCpuS, r.wallS)} of one core)`,
          r.jvm ? `${fmt(r.jvm.cpuMs / 1000, 1)} s (${pct(r.jvm.cpuMs / 1000, r.wallS)} of one core; GC ${fmt(r.jvm.gcMs / 1000, 1)} s)` : 'n/a',
          r.jvm ? `${fmt((r.nodeCpuS * 1000) / r.articles, 1)} + ${fmt(r.jvm.cpuMs / r.articles, 1)}` : 'n/a',
          r.jvm ? fmt(1000 / ((r.nodeCpuS * 1000 + r.jvm.cpuMs) / r.articles)) : 'n/a',
          `${r.loadBefore} → ${r.loadAfter}`,
        ]),
      ),
    );
    out.push('');
    for (const r of runs) {
      if (r.failure) {
        out.push(
          `- **batch size ${r.batchSize}: the transaction of batch ${r.failure.batch} failed after ${fmt(r.failure.articlesDone)} articles** — \`${r.failure.message}\`. The row above covers the articles written before it. (\`vnkg ingest\` would retry that batch article by article.)`,
        );
      }
      if (r.primed) out.push(`- batch size ${r.batchSize}: primed with ${fmt(r.primed.articles)} articles (${fmt(r.primed.ms / 1000, 1)} s, not counted) and a ${PRIME_WAIT_MS / 1000} s pause before timing.`);
      const scans = r.coldScans.map((c) => `${c.label} → ${c.operators.join(', ')}`).join('; ');
      out.push(
        `- batch size ${r.batchSize}: plans before the timed run (EXPLAIN on the ${r.primed ? 'primed' : 'fresh'} graph): ${scans ? `**whole-store scans: ${scans}**` : 'index seeks only'}. First batch by statement: ${[...r.firstBatch.statements]
          .sort((a, b) => orderOf(a[0]) - orderOf(b[0]))
          .map(([k, v]) => `${k} ${fmt(v.ms / 1000, 1)} s`)
          .join(', ')}.`,
      );
    }
    out.push('');
    if (runs.length > 1) {
      const ok = runs.filter((r) => !r.failure);
      const best = [...(ok.length ? ok : runs)].sort((a, b) => b.articles / b.wallS - a.articles / a.wallS)[0]!;
      const bestSteady = [...(ok.length ? ok : runs)].sort((a, b) => b.steadyRate - a.steadyRate)[0]!;
      out.push(
        `Best batch size overall: **${best.batchSize}** (${fmt(best.articles / best.wallS)} articles/s); without the first batch: **${bestSteady.batchSize}** (${fmt(bestSteady.steadyRate)} articles/s).`,
        '',
      );
    }

    for (const r of runs) {
      out.push(`### Where the write time goes — batch size ${r.batchSize} (${fmt(r.transactions)} transactions)`);
      out.push('');
      const labels = [...r.statements.keys()].sort((a, b) => orderOf(a) - orderOf(b));
      const measured = [...r.statements.values()].reduce((s, v) => s + v.ms, 0);
      const rows = labels.map((label) => {
        const s = r.statements.get(label)!;
        return [
          label,
          fmt(s.calls),
          fmt(s.ms / 1000, 1),
          pct(s.ms, r.ingestMs),
          fmt(s.ms / s.calls, 1),
          label === 'COMMIT' ? '–' : fmt(s.rows),
          label === 'COMMIT' || !s.rows ? '–' : fmt((s.ms * 1000) / s.rows, 0),
        ];
      });
      rows.push([r.failure ? 'client + session (rest; the failed batch is in the rows above, retried by the driver)' : 'client + session (rest of ingestBatch)', '', fmt((r.ingestMs - measured) / 1000, 1), pct(r.ingestMs - measured, r.ingestMs), '', '', '']);
      out.push(table(['statement', 'calls', 's', 'share of write', 'ms/call', 'param rows', 'µs/row'], rows));
      out.push('');
      out.push(`Statuses: ${Object.entries(r.statuses).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}.`);
      out.push('');
    }

    if (pipelined) {
      out.push(`### Pipelined, as \`vnkg ingest\` writes: \`ingestSources\` on a fresh graph`);
      out.push('');
      out.push(
        `Extraction in ${pipelined.workers} worker threads, batch N written while batch N+1 is extracted, batches closed at ${fmt(pipelined.rowBudget)} parameter rows. Compare with the loop above, which extracts a batch, then writes it.`,
      );
      out.push('');
      out.push(
        table(
          ['articles', 'transactions', 'articles per transaction', 'wall s', 'articles/s', 'target', 'CPU ms/article Node + Neo4j', 'statuses', 'load before → after'],
          [[
            fmt(pipelined.articles),
            fmt(pipelined.transactions),
            fmt(pipelined.articles / Math.max(1, pipelined.transactions)),
            pipelined.wallS.toFixed(1),
            fmt(pipelined.articles / pipelined.wallS),
            `500 ${pipelined.articles / pipelined.wallS >= 500 ? '✅' : '❌'}`,
            pipelined.jvm
              ? `${fmt((pipelined.nodeCpuS * 1000) / pipelined.articles, 1)} + ${fmt(pipelined.jvm.cpuMs / pipelined.articles, 1)}`
              : `${fmt((pipelined.nodeCpuS * 1000) / pipelined.articles, 1)} + n/a`,
            Object.entries(pipelined.statuses).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') + (pipelined.stopped ? `; stopped: ${pipelined.stopped}` : ''),
            `${pipelined.loadBefore} → ${pipelined.loadAfter}`,
          ]],
        ),
      );
      out.push('');
    }

    if (imported) {
      out.push(`### Bulk load, as \`vnkg import\` builds a new store: \`importSources\``);
      out.push('');
      out.push(
        'Extraction in worker threads, CSV files, `neo4j-admin database import full`, then the store opened once (constraints and indexes built, empty lists set). Neo4j CPU is that of the child JVMs: neo4j-admin and the Neo4j that opens the store.',
      );
      out.push('');
      const sec = imported.seconds;
      out.push(
        table(
          ['articles', 'wall s', 'articles/s', 'target', 'extraction s', 'CSV s', 'neo4j-admin s', 'opening s', 'CPU ms/article Node + Neo4j', 'load before → after'],
          [[
            fmt(imported.articles),
            imported.wallS.toFixed(1),
            fmt(imported.articles / imported.wallS),
            `1,500 ${imported.articles / imported.wallS >= 1500 ? '✅' : '❌'}`,
            sec.extract.toFixed(1),
            sec.csv.toFixed(1),
            sec.bulkImport.toFixed(1),
            sec.open.toFixed(1),
            `${fmt((imported.nodeCpuS * 1000) / imported.articles, 1)} + ${imported.childCpuS === null ? 'n/a' : fmt((imported.childCpuS * 1000) / imported.articles, 1)}`,
            `${imported.loadBefore} → ${imported.loadAfter}`,
          ]],
        ),
      );
      out.push('');
    }

    const last = [...runs].reverse().find((r) => !r.failure) ?? runs[runs.length - 1]!;
    out.push(`### Graph after ${fmt(last.articles)} articles (batch size ${last.batchSize})`);
    out.push('');
    const countRows = [...last.counts].map(([k, v]) => [k, fmt(v)]);
    if (last.storeBytes !== null) countRows.push(['store size on disk (data + transaction logs)', `${fmt(last.storeBytes / 1e6)} MB`]);
    out.push(table(['what', 'count'], countRows));
    out.push('');

    out.push(`## (c) Idempotency: re-ingesting the first articles`);
    out.push('');
    out.push(
      table(
        ['batch size', 'articles', 'status unchanged', 'counts unchanged', 'articles/s (extract + no-op write)', 'articles/s (no-op write only)'],
        runs.filter((r) => r.idempotency).map((r) => {
          const i = r.idempotency!;
          return [
            r.batchSize,
            fmt(i.articles),
            `${fmt(i.unchanged)} / ${fmt(i.articles)}`,
            i.countsEqual ? 'yes ✅' : `NO ❌ ${i.differences.join('; ')}`,
            fmt(i.articles / ((i.extractMs + i.ingestMs) / 1000)),
            fmt(i.articles / (i.ingestMs / 1000)),
          ];
        }),
      ),
    );
    out.push('');

    const profiled = runs.find((r) => r.profile);
    if (profiled?.profile) {
      out.push(`## PROFILE of one batch (${profiled.batchSize} new articles on the graph of ${fmt(profiled.profileGraphArticles)}; rolled back)`);
      out.push('');
      out.push(
        table(
          ['statement', 'param rows', 'ms (with PROFILE)', 'db hits', 'db hits/row', 'index seeks', 'scans', 'top operators by db hits'],
          profiled.profile.map((p) => {
            const seeks = p.operators.filter((o) => /IndexSeek|IndexContainsScan|UniqueIndexSeek/.test(o.operator)).length;
            const scans = p.operators.filter((o) => /LabelScan|AllNodesScan|RelationshipTypeScan|IndexScan$/.test(o.operator));
            const top = [...p.operators].sort((a, b) => b.dbHits - a.dbHits).slice(0, 3).map((o) => `${o.operator} ${fmt(o.dbHits)}`);
            return [p.label, fmt(p.paramRows), fmt(p.ms, 1), fmt(p.dbHits), p.paramRows ? fmt(p.dbHits / p.paramRows, 1) : '–', seeks, scans.length ? scans.map((o) => o.operator).join(', ') : 'none', top.join('; ')];
          }),
        ),
      );
      out.push('');
      out.push('<details><summary>Operator trees</summary>');
      out.push('');
      for (const p of profiled.profile) {
        out.push(`**${p.label}** — ${fmt(p.dbHits)} db hits, updates ${JSON.stringify(p.updates)}`);
        out.push('');
        out.push('```');
        for (const o of p.operators) {
          out.push(`${'  '.repeat(o.depth)}${o.operator}  rows=${fmt(o.rows)} dbHits=${fmt(o.dbHits)}  ${o.details.replace(/\s+/g, ' ').slice(0, 140)}`);
        }
        out.push('```');
        out.push('');
      }
      out.push('</details>');
      out.push('');
    }
  }
  return out.join('\n');
}

// --- main ----------------------------------------------------------------------------------------

async function loadCorpus(options: Options): Promise<{ articles: BenchArticle[]; extra: BenchArticle[]; source: string; genS: number }> {
  const t0 = now();
  const extraCount = options.profile ? Math.max(...options.batchSizes) : 0;
  if (options.corpus) {
    const lines = (await readFile(options.corpus, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    const all = lines.map(parseJsonLine);
    if (all.length < options.count) throw new Error(`${options.corpus} holds ${all.length} articles, fewer than --count ${options.count}`);
    // The PROFILE batch must be articles the graph has not seen: those after --count, else generated ones.
    const extra = all.length >= options.count + extraCount ? all.slice(options.count, options.count + extraCount) : [];
    return { articles: all.slice(0, options.count), extra, source: `${options.corpus}`, genS: (now() - t0) / 1000 };
  }
  const all = [...generateArticles(options.count + extraCount, options.seed)];
  return {
    articles: all.slice(0, options.count),
    extra: all.slice(options.count),
    source: `generated in memory, seed ${options.seed}`,
    genS: (now() - t0) / 1000,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (!options) {
    console.log(USAGE);
    return;
  }
  const external = loadConfig(process.env).neo4j;
  if (external) {
    log(`WARNING: NEO4J_URI is set — the benchmark WRITES ${options.count} synthetic articles into ${external.uri}${external.database ? ` (database ${external.database})` : ''}.`);
    if (options.batchSizes.length > 1) throw new Error('with NEO4J_URI only one --batch-size can be run (later runs would find the articles already there)');
  }
  log(`${os.cpus().length} CPUs, Node ${process.version}, load ${load()}`);
  log(`corpus: ${options.corpus ?? `generating ${options.count} articles, seed ${options.seed}`} …`);
  const corpus = await loadCorpus(options);

  const extraction = runExtraction(corpus.articles);
  log(`extraction: ${fmt(extraction.articles / extraction.wallS)} articles/s wall, ${fmt(extraction.articles / extraction.cpuS)} per CPU-second`);

  const pool = await runExtractionPool(corpus.articles, options.workers);
  log(`extraction pool: ${fmt(pool.articles / pool.wallS)} articles/s wall on ${pool.workers} workers`);

  const runs: IngestRun[] = [];
  // PROFILE once: with batch size 200 if it is among those run, else the first.
  const profiled = options.batchSizes.includes(200) ? 200 : options.batchSizes[0];
  for (const batchSize of options.batchSizes) {
    const extra = batchSize === profiled ? corpus.extra.slice(0, batchSize) : [];
    runs.push(await runEndToEnd(corpus.articles, batchSize, options, external, extra));
  }

  // An external graph holds the articles already: the pipelined run would only find them unchanged.
  const pipelined = options.pipeline && !external ? await runPipeline(corpus.articles, options, external) : null;

  const imported = options.import ? await runImport(corpus.articles, options) : null;

  const commandLine = `npm run bench:ingest${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const md = report(options, commandLine, { source: corpus.source, genS: corpus.genS }, extraction, pool, runs, pipelined, imported);
  console.log(md);
  await writeFile(options.results, md + '\n');
  log(`report written to ${options.results}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
