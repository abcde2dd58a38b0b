// `npx tsx bench/api/fixed-cost.ts [--seconds S] [--cpu-prof DIR]`: the Node CPU vnkg spends on a request that reads
// nothing — `{ __typename }` through the HTTP route (compression, CORS, body parser), Apollo's
// pipeline, the plugins and the per-request context — the part of every request's cost no
// statement or answer size explains. The server runs in its own process (serve.ts, built as the
// bench runs it: serve-build.ts) with a Bolt
// address nothing listens on: this request never uses it. With --cpu-prof, the server's CPU profile
// goes to DIR/vnkg/ (read it with `npx tsx bench/api/cpu-profile.ts DIR`: where the fixed cost goes).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildServe } from './serve-build.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '8' }, 'cpu-prof': { type: 'string' } } });
const profiling = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'], 'vnkg')}`] : [];

/** CPU time (user + system) of a process in ms, from /proc (Linux, 100 ticks a second). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const child = spawn(process.execPath, [...profiling, await buildServe(), 'vnkg', 'bolt://127.0.0.1:1', '100'], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: 'production', NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'unused' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
try {
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  const options = {
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    connections: Number(values.connections),
  };
  await autocannon({ ...options, duration: 3 }); // JIT warm-up, and the operation compiled
  const before = processCpuMs(child.pid!);
  const result = await autocannon({ ...options, duration: Number(values.seconds) });
  const cpu = processCpuMs(child.pid!) - before;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  console.log(`{ __typename }: ${Math.round(result.requests.average)} req/s, ${(cpu / result.requests.total).toFixed(3)} ms of vnkg's Node CPU per request (${options.connections} connections, ${values.seconds} s)`);
} finally {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin!.end();
  child.kill('SIGTERM');
  await exited; // its CPU profile, if any, is written as it exits
}
