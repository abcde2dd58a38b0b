// Soak and fuzz (`npm run soak -- [--minutes 5] [--connections 8] [--seed 1]`): starts the real
// server (as `npm start` runs it: the bundle of src/server/bundle.ts, its embedded Neo4j on a fresh data dir, seeds loaded), then for
// the given time sends ordinary queries and generated hostile requests (tests/support/fuzz.ts)
// over several connections. Fails (exit 1) on any 5xx, a leaked stack or Cypher text, an
// internal error, a server that stops answering, or a resident set that keeps growing.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleServer } from '../../src/server/bundle.ts';
import { fuzzRequests, LEAKS, withoutEchoes, type FuzzRequest } from '../../tests/support/fuzz.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '4789' },
  },
});
const minutes = Number(values.minutes);
const connections = Number(values.connections);
const port = Number(values.port);

const ORDINARY: FuzzRequest[] = [
  '{ search(text: "lao cai", first: 5) { edges { node { id name figures(first: 10) { edges { node { value unit quote } } } } } } }',
  '{ articles(first: 20) { totalCount edges { node { title entities(first: 20) { edges { node { name } } } } } } }',
  '{ figureSummary(groupBy: SUBJECT, filter: { unit: "VND" }) { key count sum } }',
  '{ entity(id: "province:lao-cai") { name relations(first: 20) { edges { node { type evidence { edges { node { quote } } } } } } } }',
  '{ neighborhood(id: "province:lao-cai", depth: 2) { nodes { id label } edges { source target type } } }',
].map((query) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), label: query }));

async function residentKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function waitForHealth(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not become healthy within ${ms / 1000} s`);
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-soak-'));
const server = spawn(process.execPath, [await bundleServer()], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: 'production', PORT: String(port), VNKG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
const failures: string[] = [];
const statuses = new Map<number, number>();
const latencies: number[] = [];
const rss: number[] = [];
try {
  await waitForHealth(url, 180_000);
  const end = Date.now() + minutes * 60_000;
  let round = 0;
  const sampler = setInterval(() => void residentKb(server.pid!).then((kb) => rss.push(kb)), 5_000);
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (Date.now() < end && failures.length < 20) {
        const batch = [...ORDINARY, ...fuzzRequests(Number(values.seed) * 1_000_003 + worker * 7919 + round++, 20)];
        for (const request of batch) {
          const started = performance.now();
          const res = await fetch(`${url}${request.path}`, {
            method: request.method,
            headers: request.headers,
            ...(request.body === undefined ? {} : { body: request.body }),
            signal: AbortSignal.timeout(30_000),
          }).catch((error: unknown) => error as Error);
          if (res instanceof Error) {
            failures.push(`no answer (${res.message}) to ${request.label.slice(0, 200)}`);
            continue;
          }
          const text = await res.text();
          latencies.push(performance.now() - started);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${res.status} for ${request.label.slice(0, 200)}: ${text.slice(0, 200)}`);
          if (LEAKS.test(withoutEchoes(text))) failures.push(`leak for ${request.label.slice(0, 200)}: ${text.slice(0, 200)}`);
          if (text.includes('"INTERNAL_SERVER_ERROR"')) failures.push(`internal error for ${request.label.slice(0, 200)}`);
        }
      }
    }),
  );
  clearInterval(sampler);
  const health = await fetch(`${url}/health`).then((r) => r.status, () => 0);
  if (health !== 200) failures.push(`/health answers ${health} after the soak`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]?.toFixed(1) ?? '-';
const third = Math.max(1, Math.floor(rss.length / 3));
const early = rss.slice(0, third);
const late = rss.slice(-third);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
// Growth of the last third over the first third of the run, beyond warm-up noise, is a leak.
if (rss.length >= 6 && mean(late) > mean(early) * 1.5 + 50_000) failures.push(`resident set grew from ${mean(early).toFixed(0)} kB to ${mean(late).toFixed(0)} kB`);
console.log(
  `soak: ${latencies.length} requests in ${minutes} min over ${connections} connections; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
    `latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms; server RSS ${Math.round(Math.min(...rss) / 1024)}–${Math.round(Math.max(...rss) / 1024)} MB`,
);
if (failures.length) {
  console.error(`soak FAILED:\n${failures.slice(0, 20).join('\n')}`);
  process.exit(1);
}
console.log('soak passed: no 5xx, no leak, no internal error, server healthy at the end');
