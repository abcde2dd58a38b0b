// The embedded Neo4j as the service opens it (openGraph): when its JVM is killed it comes back on
// the same port by itself and the same GraphDatabase (same driver) answers again; when it cannot
// come back, the graph says so. Runs its own embedded Neo4j instances, on temporary data dirs.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.ts';
import { openGraph, type GraphStatus, type OpenGraph } from '../../src/runtime/graph.ts';

const log = (line: string): void => {
  if (process.env['VNKG_TEST_VERBOSE']) process.stderr.write(`[self-healing] ${line}\n`);
};

/** The config the service would have with VNKG_DATA_DIR=dir and nothing else set. */
const configFor = (dir: string): Config => loadConfig({ VNKG_DATA_DIR: dir });

/** Retries `work` until it succeeds or `timeoutMs` passes (then its last error is thrown). */
async function eventually<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

/** Resolves with the first status in `wanted` the graph reports (or has already). */
function statusReached(graph: OpenGraph, wanted: GraphStatus): Promise<Error | undefined> {
  return new Promise((resolve) => {
    if (graph.status() === wanted) return resolve(undefined);
    const unsubscribe = graph.onStatusChange((status, error) => {
      if (status !== wanted) return;
      unsubscribe();
      resolve(error);
    });
  });
}

/** Listens on `port` as soon as the dead JVM has let go of it. */
async function occupy(port: number): Promise<net.Server> {
  return eventually(
    () =>
      new Promise<net.Server>((resolve, reject) => {
        const server = net.createServer((socket) => socket.destroy());
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(server));
      }),
    5_000,
  );
}

describe('the embedded graph after its JVM dies', () => {
  let dir: string;
  let graph: OpenGraph;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-self-healing-'));
    graph = await openGraph(configFor(dir), log, { restartDelaysMs: [200, 500, 1_000, 2_000, 4_000] });
  }, 300_000);

  afterAll(async () => {
    await graph?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('keeps the data dir and the bolt-uri file owner-only', async () => {
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'neo4j'))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'bolt-uri'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'neo4j', 'neo4j-password'))).mode & 0o777).toBe(0o600);
  });

  it('lets another process of the same user share it with the password from the data dir', async () => {
    const second = await openGraph(configFor(dir), log);
    try {
      expect(second.ownsDatabase).toBe(false);
      expect(second.uri).toBe(graph.uri);
      await second.db.ping();
    } finally {
      await second.close();
    }
  }, 60_000);

  it('is restarted on the same port, and the same driver answers again by itself', async () => {
    const marker = `healing-${Date.now()}`;
    await graph.db.writeTransaction((tx) => tx.run('CREATE (:Healing {marker: $marker})', { marker }));
    const statuses: GraphStatus[] = [];
    graph.onStatusChange((status) => statuses.push(status));
    const pid = graph.neo4jPid();
    expect(pid).toBeGreaterThan(0);

    const killedAt = Date.now();
    process.kill(pid!, 'SIGKILL');
    const rows = await eventually(
      () => graph.db.read<{ marker: string }>('MATCH (n:Healing {marker: $marker}) RETURN n.marker AS marker', { marker }),
      60_000,
    );
    console.log(`[self-healing] answering again ${Date.now() - killedAt} ms after kill -9`);

    expect(rows).toEqual([{ marker }]);
    // Bolt answers a moment before the supervisor has checked the new JVM and says 'up'.
    await statusReached(graph, 'up');
    expect(statuses).toEqual(['restarting', 'up']);
    expect(graph.status()).toBe('up');
    expect(graph.neo4jPid()).not.toBe(pid);
    expect((await readFile(path.join(dir, 'bolt-uri'), 'utf8')).trim()).toBe(graph.uri);
  }, 120_000);
});

describe('the embedded graph when its JVM cannot come back', () => {
  let dir: string;
  let graph: OpenGraph | undefined;
  let squatter: net.Server | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-self-healing-failed-'));
    graph = await openGraph(configFor(dir), log, { restartDelaysMs: [100, 100] });
  }, 300_000);

  afterAll(async () => {
    await graph?.close();
    await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("reports 'failed' with the reason once its restart attempts are used up", async () => {
    const opened = graph!;
    const failed = statusReached(opened, 'failed');
    process.kill(opened.neo4jPid()!, 'SIGKILL');
    // Someone else takes the pinned port: every restart fails to bind it.
    squatter = await occupy(Number(new URL(opened.uri).port));

    const error = await failed;
    expect(opened.status()).toBe('failed');
    expect(error?.message).toMatch(/could not be restarted \(2 attempts\)/);
    expect(error?.message).toMatch(/already in use/);
    expect(opened.neo4jPid()).toBeUndefined();
    await opened.close(); // still closes cleanly
    graph = undefined;
  }, 180_000);
});
