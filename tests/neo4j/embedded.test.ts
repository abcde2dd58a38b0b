import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jCredentials } from '../../src/neo4j/credentials.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded.ts';
import { prepareEmbeddedNeo4j } from '../../src/neo4j/prepare.ts';

const basic = (c: Neo4jCredentials): AuthToken => neo4j.auth.basic(c.username, c.password);

/** Runs one auto-commit query and returns the records as plain objects. */
async function query(
  uri: string,
  auth: AuthToken | undefined,
  cypher: string,
  params: Record<string, unknown> = {},
  database?: string,
): Promise<Record<string, unknown>[]> {
  const driver = neo4j.driver(uri, auth);
  try {
    const { records } = await driver.executeQuery(cypher, params, database === undefined ? {} : { database });
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

/** The Neo4j error code `work` fails with (it must fail). */
async function errorCode(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => {
      throw new Error('expected the statement to fail');
    },
    (e: unknown) => e as { code?: string },
  );
  return String(error.code);
}

/** The status line and headers the Bolt port answers to a browser's WebSocket handshake from a foreign page. */
function websocketHandshake(uri: string): Promise<string> {
  const { hostname, port } = new URL(uri);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        'GET / HTTP/1.1\r\nHost: ' + `${hostname}:${port}` + '\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://evil.example\r\n\r\n',
      );
    });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n\r\n')) {
        resolve(answer);
        socket.destroy();
      }
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer; got so far: ${JSON.stringify(answer)}`)));
  });
}

const mode = (file: string): number => statSync(file).mode & 0o777;

describe('embedded Neo4j', () => {
  let dataDir: string;
  const running: EmbeddedNeo4j[] = [];
  const logLines: string[] = [];
  const log = (line: string): void => {
    logLines.push(line);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'vnkg-neo4j-test-'));
    // First run on a machine: Maven downloads Neo4j (~100 MB) and compiles the launcher.
    const started = Date.now();
    await prepareEmbeddedNeo4j();
    console.log(`[neo4j test] prepare: ${Date.now() - started} ms`);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(running.map((db) => db.stop()));
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('serves Bolt, stops cleanly and restarts on the same store', async () => {
    let t = Date.now();
    const first = await startEmbeddedNeo4j({ dataDir, log });
    running.push(first);
    console.log(`[neo4j test] start #1 (new store) to ready: ${Date.now() - t} ms, ${first.uri}`);
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(first.credentials.username).toBe('neo4j');
    expect(first.credentials.password.length).toBeGreaterThanOrEqual(40);

    const [one] = await query(first.uri, basic(first.credentials), 'RETURN 1 AS n');
    expect(neo4j.integer.toNumber(one?.n as number)).toBe(1);

    const marker = `vnkg-${process.pid}-${Date.now()}`;
    await query(first.uri, basic(first.credentials), 'CREATE (:EmbeddedTest {marker: $marker, title: $title})', {
      marker,
      title: 'Tin tức Hà Nội',
    });

    t = Date.now();
    await first.stop();
    console.log(`[neo4j test] stop #1: ${Date.now() - t} ms`);
    await first.stop(); // idempotent
    expect((await first.exited).expected).toBe(true);

    // A store left locked would make this start fail. The password is kept, not regenerated.
    t = Date.now();
    const second = await startEmbeddedNeo4j({ dataDir, log });
    running.push(second);
    console.log(`[neo4j test] start #2 (existing store) to ready: ${Date.now() - t} ms`);
    expect(second.credentials).toEqual(first.credentials);

    const rows = await query(second.uri, basic(second.credentials), 'MATCH (n:EmbeddedTest {marker: $marker}) RETURN n.title AS title', {
      marker,
    });
    expect(rows).toEqual([{ title: 'Tin tức Hà Nội' }]);

    t = Date.now();
    await second.stop();
    console.log(`[neo4j test] stop #2: ${Date.now() - t} ms`);
    expect(logLines.some((line) => line.includes('shut down cleanly'))).toBe(true);
  }, 300_000);

  it('reports a clear error when the store is already in use', async () => {
    const holder = await startEmbeddedNeo4j({ dataDir, log });
    running.push(holder);
    try {
      await expect(startEmbeddedNeo4j({ dataDir, startTimeoutMs: 120_000 })).rejects.toThrow(
        /exited with code 1 before it was ready/,
      );
    } finally {
      await holder.stop();
    }
  }, 300_000);

  it('accepts WebSocket when asked to (Neo4j Browser and Bloom need it)', async () => {
    const open = await startEmbeddedNeo4j({ dataDir, log, allowWebSocket: true });
    running.push(open);
    try {
      expect(await websocketHandshake(open.uri)).toMatch(/^HTTP\/1\.1 101 Switching Protocols/);
    } finally {
      await open.stop();
    }
  }, 300_000);

  describe('locked down', () => {
    let home: string;
    let db: EmbeddedNeo4j;

    beforeAll(async () => {
      // A home as an older vnkg (or a permissive umask) left it: everything readable by all.
      home = path.join(mkdtempSync(path.join(tmpdir(), 'vnkg-neo4j-locked-')), 'neo4j');
      mkdirSync(path.join(home, 'logs'), { recursive: true, mode: 0o755 });
      chmodSync(home, 0o755);
      chmodSync(path.join(home, 'logs'), 0o755);
      writeFileSync(path.join(home, 'logs', 'debug.log'), 'an old log line\n', { mode: 0o644 });
      writeFileSync(path.join(home, 'neo4j-password'), 'an-old-but-long-enough-password\n', { mode: 0o644 });
      db = await startEmbeddedNeo4j({ dataDir: home, log });
      running.push(db);
    }, 300_000);

    afterAll(async () => {
      await db?.stop();
      if (home !== undefined) rmSync(path.dirname(home), { recursive: true, force: true });
    }, 120_000);

    it('makes its home, logs and password files owner-only, old ones included', () => {
      expect(db.credentials.password).toBe('an-old-but-long-enough-password'); // kept, made private
      expect(mode(home)).toBe(0o700);
      expect(mode(path.join(home, 'logs'))).toBe(0o700);
      expect(mode(path.join(home, 'data'))).toBe(0o700);
      for (const file of ['neo4j-password', 'reader-password', 'logs/debug.log', 'logs/neo4j.log']) {
        expect([file, mode(path.join(home, file))]).toEqual([file, 0o600]);
      }
      expect(readFileSync(path.join(home, 'reader-password'), 'utf8').trim()).toBe(db.readerCredentials.password);
    });

    it('refuses Bolt clients without the password', async () => {
      expect(await errorCode(query(db.uri, undefined, 'RETURN 1'))).toBe('Neo.ClientError.Security.Unauthorized');
      const wrong = neo4j.auth.basic('neo4j', 'neo4j'); // Neo4j's default password
      expect(await errorCode(query(db.uri, wrong, 'RETURN 1'))).toBe('Neo.ClientError.Security.Unauthorized');
    });

    it('reads no local files with LOAD CSV', async () => {
      const attempt = query(db.uri, basic(db.credentials), "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1");
      await expect(attempt).rejects.toThrow(/allow_csv_import_from_file_urls/);
    });

    it('fetches nothing from the network with LOAD CSV', async () => {
      const attempt = query(db.uri, basic(db.credentials), `LOAD CSV FROM 'http://${new URL(db.uri).host}/' AS line RETURN line`);
      await expect(attempt).rejects.toThrow(/blocked/);
    });

    it('refuses WebSocket handshakes on the Bolt port', async () => {
      const answer = await websocketHandshake(db.uri);
      expect(answer).toMatch(/^HTTP\/1\.1 403 /);
      expect(answer).not.toMatch(/101 Switching Protocols/);
      // Bolt itself still works after the guard stepped aside for it.
      expect(await query(db.uri, basic(db.credentials), 'RETURN 2 AS n')).toHaveLength(1);
    });

    it('gives the reader account reads and nothing else', async () => {
      const reader = basic(db.readerCredentials);
      await query(db.uri, basic(db.credentials), 'CREATE (:Locked {name: "x"})');
      expect(await query(db.uri, reader, 'MATCH (n:Locked) RETURN n.name AS name')).toEqual([{ name: 'x' }]);
      const forbidden = 'Neo.ClientError.Security.Forbidden';
      // The client asks for a write session: the server refuses all the same.
      expect(await errorCode(query(db.uri, reader, 'CREATE (:Locked {name: "y"})'))).toBe(forbidden);
      expect(await errorCode(query(db.uri, reader, 'MATCH (n:Locked) SET n.name = "z"'))).toBe(forbidden);
      expect(await errorCode(query(db.uri, reader, 'MATCH (n:Locked) DETACH DELETE n'))).toBe(forbidden);
      expect(await errorCode(query(db.uri, reader, 'CREATE INDEX locked IF NOT EXISTS FOR (n:Locked) ON (n.name)'))).toBe(forbidden);
      expect(await errorCode(query(db.uri, reader, "ALTER USER neo4j SET PASSWORD 'taken-over-1234'", {}, 'system'))).toBe(forbidden);
      expect(await errorCode(query(db.uri, reader, "CREATE USER intruder SET PASSWORD 'intruder-1234'", {}, 'system'))).toBe(forbidden);
      expect(await errorCode(query(db.uri, reader, 'CALL dbms.listConfig()'))).toBe(forbidden);
      expect(await query(db.uri, basic(db.credentials), 'MATCH (n:Locked) RETURN n.name AS name')).toEqual([{ name: 'x' }]);
    });
  });
});
