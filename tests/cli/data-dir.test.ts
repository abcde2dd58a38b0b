// `vnkg ingest` without VNKG_DATA_DIR while a server runs with its own: the articles go to the
// server's graph (it answers them), and with no server running the command says where it writes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SEED_FILE } from '../support/fixtures.ts';
import { BIN } from './vnkg.ts';

const run = promisify(execFile);

describe('vnkg ingest finds the running server’s graph', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-data-dir-'));
    await mkdir(path.join(dir, 'seeds'));
    await mkdir(path.join(dir, 'elsewhere'));
    // A state dir of its own, so no other vnkg process of this user is found.
    env = { ...process.env, XDG_STATE_HOME: path.join(dir, 'state'), LOG_LEVEL: 'info' };
    for (const name of ['NEO4J_URI', 'VNKG_DATA_DIR', 'NEO4J_USERNAME', 'NEO4J_PASSWORD']) delete env[name];
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...env, VNKG_DATA_DIR: path.join(dir, 'server-data'), VNKG_SEEDS_DIR: path.join(dir, 'seeds'), PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const deadline = Date.now() + 300_000;
    while (!/"url":"([^"]+)"/.test(out)) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start:\n${out}`);
      await sleep(200);
    }
    url = /"url":"([^"]+)"/.exec(out)![1]!;
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  const ingest = (cwd: string) =>
    run(process.execPath, [BIN, 'ingest', SEED_FILE], { cwd, env, timeout: 300_000 }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('writes into the server’s graph when VNKG_DATA_DIR is not set, and says so', async () => {
    const res = await ingest(path.join(dir, 'elsewhere'));
    expect(res.stderr).toContain(`writing to the graph of the vnkg server running with data in ${path.join(dir, 'server-data')}`);
    expect(res.code).toBe(0);
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(await answer.json()).toMatchObject({ data: { articles: { totalCount: 1 } } });
    // Nothing was started in the current directory.
    expect(await readdir(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it('says plainly where it writes when no server runs', async () => {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server!.kill('SIGTERM');
    await exited;
    const cwd = path.join(dir, 'elsewhere');
    const res = await ingest(cwd);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`No vnkg server is running: writing to the embedded Neo4j with data in ${path.join(cwd, '.data')}`);
  }, 300_000);
});
