// API benchmark (see bench/README.md, "API benchmark"):
//   npm run bench -- [--scales 1000,10000[,100000]] [--duration 10] [--connections 16] …
// For each scale: a fresh embedded Neo4j with `scale` articles of the seeded synthetic corpus;
// three servers over it, each in its own process — vnkg (createApp), the floor (one hand-written
// Cypher statement per operation behind a bare node:http server) and the peer (@neo4j/graphql +
// Apollo Server standalone); six workloads, each first checked to give the same answer three
// ways, then loaded with autocannon (fixed connections, fixed duration) one server at a time.
// Writes bench/results.md and bench/results.png.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { GraphDatabase } from '../../src/graph/database.ts';
import type { Neo4jCredentials } from '../../src/neo4j/credentials.ts';
import { boltConnection, credentialsEnv, credentialsFromEnv } from './bolt.ts';
import { buildGraph, type BenchGraph } from './graph.ts';
import { profileWorkloads, type WorkloadProfile } from './profile.ts';
import { medianOverRounds } from './rounds.ts';
import { buildServe } from './serve-build.ts';
import { writeReport, type CheckResult, type Measurement, type RunInfo, type ScaleResult } from './report.ts';
import { DEFAULT_PARAMS, TARGETS, firstDifference, workloads, type Target, type Workload, type WorkloadKey, type WorkloadParams } from './workloads.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const USAGE = `usage: npm run bench -- [options]
  --scales N[,N…]       article counts, one fresh graph each (default 1000,10000; add 100000 for the large scale, ~30+ min of ingest)
  --seed S              corpus seed (default 42)
  --duration S          seconds of load per workload and server (default 10)
  --warmup S            seconds of unrecorded load per server, all servers warmed on a workload before it is measured (default 5)
  --jvm-warmup S        seconds of unrecorded load per scale before the first workload, shared by every workload and
                        server in turn, for Neo4j's JIT to compile the paths they all take (default 60)
  --connections C       concurrent connections (default 16)
  --rounds N            measure every workload and server N times, the servers' order rotating each round, and report
                        the median of each number over the rounds (default 1)
  --workloads K[,K…]    only these: entity,search,figures,neighborhood,nested,articles (default all)
  --batch-size B        articles per ingest transaction (default 200)
  --heap H              embedded Neo4j heap (default 1g)
  --page-cache P        embedded Neo4j page cache (default 512m)
  --max-page-size N     vnkg's VNKG_MAX_PAGE_SIZE for the run (default 100, the service default)
  --entity ID           W1's entity (default ${DEFAULT_PARAMS.entityId})
  --province ID         W3/W5's province (default ${DEFAULT_PARAMS.provinceId})
  --search TEXT         W2's text (default "${DEFAULT_PARAMS.searchText}")
  --neighborhood ID     W4's start (default ${DEFAULT_PARAMS.neighborhoodId})
  --uri BOLT_URI        measure an existing graph instead of building one per scale (no ingest; nothing is written to it;
                        its account from NEO4J_USERNAME / NEO4J_PASSWORD)
  --no-profile          skip the PROFILE of vnkg's statements
  --cpu-prof DIR        run each server with node --cpu-prof, its profiles in DIR/<server>/ (read them with
                        \`npx tsx bench/api/cpu-profile.ts DIR\`: where each server's Node time goes)
  --results FILE        Markdown report (default bench/results.md); the chart goes next to it as .png`;

interface Options {
  scales: number[];
  seed: number;
  duration: number;
  warmup: number;
  jvmWarmup: number;
  connections: number;
  rounds: number;
  only: Set<WorkloadKey> | null;
  batchSize: number;
  heap: string;
  pageCache: string;
  maxPageSize: number;
  params: WorkloadParams;
  profile: boolean;
  cpuProfileDir: string | undefined;
  uri: string | undefined;
  results: string;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      scales: { type: 'string', default: '1000,10000' },
      seed: { type: 'string', default: '42' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '5' },
      'jvm-warmup': { type: 'string', default: '60' },
      connections: { type: 'string', default: '16' },
      rounds: { type: 'string', default: '1' },
      workloads: { type: 'string' },
      'batch-size': { type: 'string', default: '200' },
      heap: { type: 'string', default: '1g' },
      'page-cache': { type: 'string', default: '512m' },
      'max-page-size': { type: 'string', default: '100' },
      entity: { type: 'string' },
      province: { type: 'string' },
      search: { type: 'string' },
      neighborhood: { type: 'string' },
      uri: { type: 'string' },
      'no-profile': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      results: { type: 'string', default: path.join('bench', 'results.md') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const keys: WorkloadKey[] = ['entity', 'search', 'figures', 'neighborhood', 'nested', 'articles'];
  const only = values.workloads ? new Set(values.workloads.split(',').map((s) => s.trim() as WorkloadKey)) : null;
  for (const k of only ?? []) if (!keys.includes(k)) throw new Error(`unknown workload "${k}" (${keys.join(', ')})`);
  const scales = values.scales.split(',').map((s) => positive(s.trim(), 'scales'));
  return {
    scales: [...new Set(scales)].sort((a, b) => a - b),
    seed: Number(values.seed),
    duration: positive(values.duration, 'duration'),
    warmup: Number(values.warmup) === 0 ? 0 : positive(values.warmup, 'warmup'),
    jvmWarmup: Number(values['jvm-warmup']) === 0 ? 0 : positive(values['jvm-warmup'], 'jvm-warmup'),
    connections: positive(values.connections, 'connections'),
    rounds: positive(values.rounds, 'rounds'),
    only,
    batchSize: positive(values['batch-size'], 'batch-size'),
    heap: values.heap,
    pageCache: values['page-cache'],
    maxPageSize: positive(values['max-page-size'], 'max-page-size'),
    params: {
      ...DEFAULT_PARAMS,
      ...(values.entity ? { entityId: values.entity } : {}),
      ...(values.province ? { provinceId: values.province } : {}),
      ...(values.search ? { searchText: values.search } : {}),
      ...(values.neighborhood ? { neighborhoodId: values.neighborhood } : {}),
    },
    profile: !values['no-profile'],
    cpuProfileDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined,
    uri: values.uri,
    results: values.results,
  };
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

// --- load average ----------------------------------------------------------------------------------

/** 1-minute load average sampled every second, over the whole run and over the measurement windows. */
class LoadSampler {
  all: number[] = [];
  measuring: number[] = [];
  inWindow = false;
  private timer = setInterval(() => {
    const l = os.loadavg()[0]!;
    this.all.push(l);
    if (this.inWindow) this.measuring.push(l);
  }, 1000);
  stop(): void {
    clearInterval(this.timer);
  }
}

// --- CPU accounting --------------------------------------------------------------------------------

/** CPU time (user + system) of a process in ms, from /proc (Linux); null where unavailable. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12] are utime and stime (the 14th and 15th fields of the line), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

/** The embedded Neo4j JVM this process started (a `java` child of this process), if any. */
function neo4jPid(): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (comm === 'java' && ppid === process.pid) return Number(entry);
      } catch {
        /* gone */
      }
    }
  } catch {
    /* no /proc */
  }
  return undefined;
}

// --- servers ---------------------------------------------------------------------------------------

interface Server {
  target: Target;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

function startServer(
  bundle: string,
  target: Target,
  uri: string,
  credentials: Neo4jCredentials,
  maxPageSize: number,
  cpuProfileDir?: string,
): Promise<Server> {
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(cpuProfileDir, target)}`] : [];
  const child = spawn(process.execPath, [...profiling, bundle, target, uri, String(maxPageSize)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...credentialsEnv(credentials) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`${target} server did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${target} server exited with code ${code} before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const m = /LISTENING (\d+)/.exec(buffered);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        target,
        port: Number(m[1]),
        child,
        stop: async () => {
          child.stdin!.end();
          child.kill('SIGTERM');
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timeout);
        },
      });
    });
  });
}

/** Where a workload's request goes and what it sends, for one server. */
function requestFor(w: Workload, server: Server): { url: string; body: string } {
  const base = `http://127.0.0.1:${server.port}`;
  if (server.target === 'floor') return { url: `${base}/w/${w.key}`, body: JSON.stringify(w.floor.params) };
  return { url: `${base}/graphql`, body: JSON.stringify(server.target === 'vnkg' ? w.vnkg : w.peer) };
}

async function post(url: string, body: string): Promise<{ status: number; json: any; bytes: number }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* reported below */
  }
  return { status: res.status, json, bytes: Buffer.byteLength(text) };
}

// --- the check -------------------------------------------------------------------------------------

async function check(w: Workload, servers: Map<Target, Server>): Promise<CheckResult> {
  const canonical = new Map<Target, unknown>();
  const bytes: Partial<Record<Target, number>> = {};
  let roundTrips: number | null = null;
  const problems: string[] = [];
  for (const target of TARGETS) {
    const { url, body } = requestFor(w, servers.get(target)!);
    await post(url, body); // the first answer warms caches and plans; the second is compared
    const res = await post(url, body);
    bytes[target] = res.bytes;
    if (res.status !== 200 || !res.json || res.json.errors) {
      problems.push(`${target}: HTTP ${res.status} ${JSON.stringify(res.json?.errors ?? res.json)?.slice(0, 300)}`);
      continue;
    }
    if (target === 'vnkg') roundTrips = res.json.extensions?.cypherRoundTrips ?? null;
    try {
      canonical.set(target, w.canonical[target](res.json.data));
    } catch (error) {
      problems.push(`${target}: unexpected answer shape (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const v = canonical.get('vnkg');
  for (const other of ['floor', 'peer'] as const) {
    const o = canonical.get(other);
    if (v === undefined || o === undefined) continue;
    const pair = `vnkg/${other}`;
    const diff = w.compare ? w.compare(v, o, pair) : firstDifference(v, o);
    if (diff) problems.push(`${pair}: ${diff}`);
  }
  const truncated = (v as { truncated?: boolean } | undefined)?.truncated === true;
  return { key: w.key, ok: problems.length === 0, problems, roundTrips, bytes, summary: summarize(v), truncated };
}

/** A few words on the size of an answer, for the report. */
function summarize(canonical: unknown): string {
  if (!canonical || typeof canonical !== 'object') return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(canonical as Record<string, unknown>)) {
    if (Array.isArray(v)) parts.push(`${v.length} ${k}`);
    else if (typeof v === 'number' && (k === 'total' || k === 'count')) parts.push(`${k} ${v}`);
    else if (v && typeof v === 'object' && Array.isArray((v as { page?: unknown }).page)) parts.push(`${(v as { page: unknown[] }).page.length} ${k}`);
  }
  return parts.join(', ');
}

// --- the load --------------------------------------------------------------------------------------

function percentile(sortedValues: number[], p: number): number {
  if (!sortedValues.length) return NaN;
  const i = Math.min(sortedValues.length - 1, Math.max(0, Math.ceil((p / 100) * sortedValues.length) - 1));
  return sortedValues[i]!;
}

/** Load for `seconds`, or (amount) until every connection has completed that many requests. */
async function load(url: string, body: string, seconds: number, connections: number, record: boolean, amount?: number) {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  /** The first answer that carried errors, so a run says what went wrong, not only how often. */
  let firstError: string | null = null;
  // Without a callback autocannon returns its event emitter made thenable (the types say only Promise).
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    ...(amount ? { amount: amount * connections } : {}),
    timeout: amount ? 300 : 30,
    // A 2xx that carries GraphQL errors is an error too; a non-2xx answer is counted once, as non-2xx.
    requests: [
      {
        onResponse: (status: number, b: string) => {
          const carriesErrors = b.startsWith('{"errors"') || b.includes('"errors":[');
          if (carriesErrors) firstError ??= b.slice(0, 300);
          if (carriesErrors && status >= 200 && status < 300) graphqlErrors++;
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
  if (record) {
    void instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  }
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies, graphqlErrors, firstError: firstError as string | null };
}

/** Set per scale: the JVM of the graph being measured (undefined with --uri). */
let neo4jPidNow: number | undefined;

/** Neo4j counts as idle below this CPU share of one core, over a second. */
const IDLE_SHARE = 0.1;
const MAX_SETTLE_MS = 180_000;

/** Set per scale: how many transactions the graph has open, this count's own left out (undefined with --uri). */
let openTransactionsNow: (() => Promise<number>) | undefined;

/**
 * Waits until the Neo4j JVM is idle and no transaction is open. When a window closes, autocannon
 * drops the requests in flight but Neo4j runs their statements to the end: left alone, a slow
 * server's statements (the peer's take seconds at 100k) would run on into the next server's
 * window, in its latencies and its Neo4j CPU. A statement whose rows are still being read by a
 * busy server leaves the JVM idle while its transaction holds its memory (the peer's W6 statement
 * counts about 450 MB at 100k, against a limit of 700 MB for all transactions): the next server's
 * requests would be refused for memory they did not use. Returns the ms waited.
 */
async function settleNeo4j(): Promise<number> {
  const start = performance.now();
  let before = processCpuMs(neo4jPidNow);
  while (before !== null && performance.now() - start < MAX_SETTLE_MS) {
    await sleep(1000);
    const now = processCpuMs(neo4jPidNow);
    if (now === null) break;
    if (now - before < IDLE_SHARE * 1000 && (await openTransactionsNow?.()) === 0) break;
    before = now;
  }
  return performance.now() - start;
}

async function measure(
  w: Workload,
  server: Server,
  options: Options,
  sampler: LoadSampler,
  scale: number,
): Promise<Measurement> {
  const { url, body } = requestFor(w, server);
  const settled = await settleNeo4j();
  if (settled > 2500) log(`  waited ${(settled / 1000).toFixed(0)} s for Neo4j to finish the statements left running before ${w.key} on ${server.target}`);
  const loadStart = os.loadavg()[0]!;
  const cpu0 = { server: processCpuMs(server.child.pid), neo4j: processCpuMs(neo4jPidNow), self: process.cpuUsage() };
  sampler.inWindow = true;
  let run = await load(url, body, options.duration, options.connections, true);
  // A request slower than the window never completes inside it (autocannon drops what is in
  // flight): then every connection sends two requests, however long they take.
  const byAmount = run.latencies.length < options.connections;
  if (byAmount) {
    log(`  ${w.key} on ${server.target}: fewer than ${options.connections} answers in ${options.duration} s; measuring 2 requests per connection instead …`);
    run = await load(url, body, options.duration, options.connections, true, 2);
  }
  const { result, latencies, graphqlErrors, firstError } = run;
  sampler.inWindow = false;
  const cpu1 = { server: processCpuMs(server.child.pid), neo4j: processCpuMs(neo4jPidNow), self: process.cpuUsage(cpu0.self) };
  const perRequest = (a: number | null, b: number | null) => (a === null || b === null || !latencies.length ? NaN : (b - a) / latencies.length);
  const m: Measurement = {
    scale,
    key: w.key,
    target: server.target,
    requests: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    load: [loadStart, os.loadavg()[0]!],
    byAmount,
    cpuPerRequest: {
      server: perRequest(cpu0.server, cpu1.server),
      neo4j: perRequest(cpu0.neo4j, cpu1.neo4j),
      loadGenerator: latencies.length ? (cpu1.self.user + cpu1.self.system) / 1000 / latencies.length : NaN,
    },
  };
  const bad = m.errors + m.non2xx + m.graphqlErrors;
  log(
    `  ${w.key.padEnd(12)} ${server.target.padEnd(5)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(1).padStart(7)} ms  p99 ${m.p99.toFixed(1).padStart(7)} ms` +
      `  cpu/req ${m.cpuPerRequest.server.toFixed(1)} + neo4j ${Number.isNaN(m.cpuPerRequest.neo4j) ? '– (external)' : m.cpuPerRequest.neo4j.toFixed(1)} ms` +
      `${bad ? `  ERRORS ${m.errors} non2xx ${m.non2xx} graphql ${m.graphqlErrors}` : ''}  (load ${m.load[0].toFixed(1)}→${m.load[1].toFixed(1)})`,
  );
  if (firstError) log(`    first answer with errors: ${firstError}`);
  return m;
}

// --- main ------------------------------------------------------------------------------------------

/** A graph that is already there (--uri): counted, never written to. */
async function existingGraph(uri: string): Promise<BenchGraph> {
  const credentials = credentialsFromEnv();
  const db = GraphDatabase.connect(boltConnection(uri, credentials));
  const counts: Record<string, number> = {};
  for (const label of ['Article', 'Entity', 'Figure']) {
    const [row] = await db.read<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`, {});
    counts[label] = row?.n ?? 0;
  }
  return { db, uri, credentials, articles: counts['Article'] ?? 0, ingestSeconds: NaN, counts, close: () => db.close() };
}

async function runScale(scale: number, options: Options, list: Workload[], sampler: LoadSampler): Promise<ScaleResult> {
  const graph: BenchGraph = options.uri ? await existingGraph(options.uri) : await buildGraph({
    count: scale,
    seed: options.seed,
    batchSize: options.batchSize,
    heap: options.heap,
    pageCache: options.pageCache,
    primeMs: 11_000,
    log,
  });
  if (options.uri) scale = graph.articles;
  neo4jPidNow = options.uri ? undefined : neo4jPid();
  openTransactionsNow = options.uri
    ? undefined
    : async () => {
        const [row] = await graph.db.read<{ open: number }>(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS open",
          {},
        );
        return row?.open ?? 0;
      };
  const servers = new Map<Target, Server>();
  try {
    const [component] = await graph.db.read<{ name: string; versions: string[]; edition: string }>(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
    );
    const neo4jVersion = component ? `${component.name} ${component.versions.join(', ')} ${component.edition}, embedded` : 'unknown';
    const bundle = await buildServe();
    for (const target of TARGETS) {
      servers.set(target, await startServer(bundle, target, graph.uri, graph.credentials, options.maxPageSize, options.cpuProfileDir));
    }
    log(`servers up: ${[...servers.values()].map((s) => `${s.target} :${s.port}`).join(', ')}`);

    const checks: CheckResult[] = [];
    for (const w of list) {
      const c = await check(w, servers);
      checks.push(c);
      if (c.ok) log(`  check ${w.key}: the three answers agree (${c.summary}; vnkg ${c.roundTrips} round trips)`);
      else {
        log(`  !!! MISMATCH in ${w.key} at ${scale} articles — not timed:`);
        for (const p of c.problems) log(`  !!!   ${p}`);
      }
    }

    let profiles: WorkloadProfile[] = [];
    if (options.profile) {
      log('PROFILE of the statements vnkg sends, and of the floor …');
      profiles = await profileWorkloads(graph.uri, graph.credentials, list, options.maxPageSize);
    }

    // Neo4j's JVM keeps getting cheaper per statement for tens of thousands of statements after it
    // starts (W2's search: 2.2 ms of Neo4j CPU over runs 4,000–8,000, 0.7 after 24,000): without this,
    // the first workloads measured pay for the JIT, whichever server they are sent by.
    const timed = list.filter((_, i) => checks[i]!.ok);
    if (options.jvmWarmup > 0 && timed.length > 0) {
      const slice = options.jvmWarmup / (timed.length * TARGETS.length);
      log(`JVM warm-up: ${options.jvmWarmup} s over every workload and server, not recorded …`);
      for (const w of timed) {
        for (const target of TARGETS) {
          const { url, body } = requestFor(w, servers.get(target)!);
          await load(url, body, slice, options.connections, false);
        }
      }
    }
    const rounds = options.rounds > 1 ? `, ${options.rounds} rounds` : '';
    log(`load: ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per workload and server${rounds}`);
    const byRound: Measurement[] = [];
    for (let round = 0; round < options.rounds; round++) {
      if (options.rounds > 1) log(`round ${round + 1} of ${options.rounds}`);
      for (let i = 0; i < list.length; i++) {
        const w = list[i]!;
        if (!checks[i]!.ok) continue;
        // Rotate which server goes first, so none is always measured right after ingest or another's load.
        const order = TARGETS.map((_, j) => TARGETS[(i + round + j) % TARGETS.length]!);
        // Every server is warmed on the workload before any is measured: Neo4j's JVM runs a new
        // statement several times slower until its JIT has compiled the paths it takes (about the
        // first thousand runs), and the server measured first would otherwise pay for the others.
        if (options.warmup > 0 && round === 0) {
          for (const target of order) {
            const { url, body } = requestFor(w, servers.get(target)!);
            await load(url, body, options.warmup, options.connections, false);
          }
        }
        for (const target of order) byRound.push(await measure(w, servers.get(target)!, options, sampler, scale));
      }
    }
    const measurements = medianOverRounds(byRound);
    return {
      scale,
      articles: graph.articles,
      counts: graph.counts,
      ingestSeconds: graph.ingestSeconds,
      neo4jVersion,
      checks,
      measurements,
      profiles,
    };
  } finally {
    for (const s of servers.values()) await s.stop().catch(() => undefined);
    await graph.close().catch((e: unknown) => log(`closing the graph: ${String(e)}`));
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (!options) {
    console.log(USAGE);
    return;
  }
  const list = workloads(options.params).filter((w) => !options.only || options.only.has(w.key));
  const sampler = new LoadSampler();
  const t0 = performance.now();
  const info: RunInfo = {
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    neo4j: '',
    loadBefore: os.loadavg(),
    options: {
      scales: options.scales,
      seed: options.seed,
      duration: options.duration,
      warmup: options.warmup,
      jvmWarmup: options.jvmWarmup,
      connections: options.connections,
      rounds: options.rounds,
      heap: options.heap,
      pageCache: options.pageCache,
      maxPageSize: options.maxPageSize,
      batchSize: options.batchSize,
    },
    params: options.params,
    workloads: list.map((w) => ({ key: w.key, title: w.title, note: w.note, vnkg: w.vnkg.query, floor: w.floor.cypher, peer: w.peer.query })),
    loadDuring: { mean: NaN, max: NaN, samples: 0 },
    loadAfter: [],
    seconds: 0,
  };
  log(`${info.command}: scales ${options.scales.join(', ')}; ${info.cpus} CPUs; load ${info.loadBefore.map((l) => l.toFixed(2)).join(' ')}`);

  const results: ScaleResult[] = [];
  const finish = async () => {
    info.loadDuring = {
      mean: sampler.measuring.reduce((s, x) => s + x, 0) / Math.max(1, sampler.measuring.length),
      max: Math.max(...sampler.measuring),
      samples: sampler.measuring.length,
    };
    info.loadAfter = os.loadavg();
    info.seconds = (performance.now() - t0) / 1000;
    const written = await writeReport(options.results, info, results);
    log(`wrote ${written.join(' and ')}`);
  };
  for (const scale of options.uri ? [0] : options.scales) {
    log(`=== ${scale} articles ===`);
    results.push(await runScale(scale, options, list, sampler));
    await finish();
  }
  sampler.stop();
  const mismatches = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${c.key} at ${r.scale}`));
  if (mismatches.length) {
    log(`!!! ${mismatches.length} workload(s) gave different answers and were not timed: ${mismatches.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
