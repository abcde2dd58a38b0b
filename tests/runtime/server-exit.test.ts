// `npm start` when its embedded Neo4j dies for good: the API answers 503 while a restart is tried,
// then the server logs why, closes, and exits with status 1 instead of holding its port. The server
// runs as `npm start` runs it, from the bundle of src/server/bundle.ts, which must find the
// project's files (schema, launcher, explorer and Browser-guide sources) from dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../../src/server/bundle.ts';
import { REPO_ROOT } from '../support/fixtures.ts';

interface LogLine {
  level: number;
  msg: string;
  url?: string;
}

const FATAL = 60;

/** The server bundle on a fresh data dir, no seeds, one restart attempt; its pino lines collected. */
function startServer(bundle: string, dataDir: string, seedsDir: string): { child: ChildProcess; lines: LogLine[] } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VNKG_DATA_DIR: dataDir,
    VNKG_SEEDS_DIR: seedsDir,
    PORT: '0',
    VNKG_NEO4J_RESTART_ATTEMPTS: '1',
    LOG_LEVEL: 'info',
  };
  delete env['NEO4J_URI'];
  const child = spawn(process.execPath, [bundle], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  let buffered = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        lines.push({ level: 0, msg: line });
      }
    }
  });
  child.stderr?.on('data', () => undefined);
  return { child, lines };
}

async function waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the server when Neo4j cannot be brought back', () => {
  let dir: string;
  let server: { child: ChildProcess; lines: LogLine[] } | undefined;
  let squatter: net.Server | undefined;
  let bundle: string;

  beforeAll(async () => {
    bundle = await bundleServer(undefined, path.join(REPO_ROOT, 'dist', 'test', 'server.mjs'));
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-server-exit-'));
    await mkdir(path.join(dir, 'seeds'));
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 meanwhile, then closes its HTTP port and exits with status 1', async () => {
    server = startServer(bundle, path.join(dir, 'data'), path.join(dir, 'seeds'));
    const { child, lines } = server;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const url = await waitFor(() => lines.find((l) => l.msg === 'vnkg is serving GraphQL')?.url, 240_000, 'the server to listen');
    const httpPort = Number(new URL(url).port);
    const started = await waitFor(
      () => lines.map((l) => /started, pid (\d+), .*Bolt on 127\.0\.0\.1:(\d+)/.exec(l.msg)).find((m) => m !== null),
      1_000,
      'the launcher line with pid and Bolt port',
    );
    expect((await fetch(`http://127.0.0.1:${httpPort}/health`)).status).toBe(200);
    // The bundle serves what reads the project's files: the schema, the explorer, the Browser guide.
    const answer = await fetch(`http://127.0.0.1:${httpPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
    });
    expect(await answer.json()).toEqual(expect.objectContaining({ data: { articles: { totalCount: 0 } } }));
    const explorer = await fetch(`http://127.0.0.1:${httpPort}/explore/explore.js`);
    expect([explorer.status, (await explorer.text()).length > 10_000]).toEqual([200, true]);
    const guide = await fetch(`http://127.0.0.1:${httpPort}/browser/vnkg-guide.html`);
    expect([guide.status, await guide.text()]).toEqual([200, expect.stringContaining('vnkg')]);

    process.kill(Number(started[1]), 'SIGKILL');
    // Hold the Bolt port so that the single restart attempt fails.
    for (let i = 0; i < 50 && squatter === undefined; i += 1) {
      squatter = await listenOn(Number(started[2])).catch(async () => {
        await sleep(100); // the JVM is still letting go of it
        return undefined;
      });
    }
    expect(squatter).toBeDefined();

    const health = await fetch(`http://127.0.0.1:${httpPort}/health`);
    expect(health.status).toBe(503);

    expect(await exited).toBe(1);
    const fatal = lines.find((l) => l.level === FATAL);
    expect(fatal?.msg).toMatch(/could not be restarted/);
    expect(lines.some((l) => l.msg === 'shutting down')).toBe(true);
    // Nobody holds the HTTP port any more.
    const reuse = await listenOn(httpPort);
    await new Promise((resolve) => reuse.close(resolve));
  }, 300_000);
});
