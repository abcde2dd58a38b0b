// Time and size limits, and what the HTTP layer answers outside GraphQL: every request ends in
// bounded time with a coded JSON error, whatever the database does, and the server keeps serving.
import net from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadlineExceededError, deadlineIn, GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { createApp, HEALTH_TIMEOUT_MS } from '../../src/server/app.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** A TCP server that accepts connections and never answers: a frozen (SIGSTOPped) Neo4j, as a client sees it. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('request deadline, response size and HTTP errors', () => {
  const db = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('cancels a statement at the deadline, on the server too', async () => {
    const scope = db.readScope(deadlineIn(400));
    const started = performance.now();
    // Tens of seconds of work if nothing stops it.
    const slow = scope.read('UNWIND range(1, 500000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n', {});
    await expect(slow).rejects.toSatisfy(
      (e: unknown) => e instanceof DeadlineExceededError || /TransactionTimedOut/.test(String((e as { code?: string }).code)),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    await scope.close();
    // The server ended the transaction: nothing of it is still running a moment later.
    let running = 1;
    for (let i = 0; i < 20 && running > 0; i++) {
      const rows = await db.read<{ n: number }>(
        // The marker is split so this statement does not find itself.
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'range(1, ' + '500000000)' RETURN count(*) AS n",
        {},
      );
      running = rows[0]!.n;
      if (running > 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(running).toBe(0);
  });

  it('answers REQUEST_TIMEOUT past the per-request deadline, and keeps serving', async () => {
    const hurried = await startTestServer(db, { requestTimeoutMs: 1 });
    try {
      await new Promise((r) => setTimeout(r, 5));
      const res = await hurried.query('{ articles { totalCount } }');
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'REQUEST_TIMEOUT', timeoutMs: 1 });
      expect(res.errors![0]!.message).toMatch(/time limit/);
    } finally {
      await hurried.close();
    }
    const ok = await server.query<{ articles: { totalCount: number } }>('{ articles { totalCount } }');
    expect(ok.data!.articles.totalCount).toBe(1);
  });

  it('answers /health within a second and queries within their deadline when the database is frozen', async () => {
    const frozen = await silentServer();
    const stuck = GraphDatabase.connect({ uri: `bolt://127.0.0.1:${frozen.port}`, username: 'neo4j', password: 'x', database: undefined });
    const app = await createApp({ db: stuck, logger: pino({ level: 'silent' }), maxPageSize: 100, requestTimeoutMs: 1_500 });
    const port = await app.listen(0);
    try {
      let started = performance.now();
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(performance.now() - started).toBeLessThan(HEALTH_TIMEOUT_MS + 700);

      started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(['REQUEST_TIMEOUT', 'SERVICE_UNAVAILABLE']).toContain(body.errors[0]!.extensions.code);
      expect(performance.now() - started).toBeLessThan(1_500 + 2_000);
    } finally {
      await app.stop();
      void stuck.close();
      await frozen.close();
    }
  });

  it('answers 503 with Retry-After while the database is down', async () => {
    const dead = GraphDatabase.connect({ uri: 'bolt://127.0.0.1:9', username: 'neo4j', password: '', database: undefined }, { maxRetryTimeMs: 200 });
    const app = await createApp({ db: dead, logger: pino({ level: 'silent' }), maxPageSize: 100 });
    const port = await app.listen(0);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await app.stop();
      await dead.close();
    }
  });

  it('replaces a response over the size limit with RESPONSE_TOO_LARGE', async () => {
    const small = await startTestServer(db, { maxResponseBytes: 2_048 });
    try {
      const res = await small.query('{ articles { edges { node { text } } } }');
      expect(res.data ?? undefined).toBeUndefined();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 2_048 });
      const fits = await small.query<{ articles: { totalCount: number } }>('{ articles { totalCount } }');
      expect(fits.data!.articles.totalCount).toBe(1);
    } finally {
      await small.close();
    }
  });

  it('answers a body that is not JSON with a JSON 400, no HTML and no stack', async () => {
    for (const body of ['{"query": ', '\u0000\u0001', '[1,2', '{"query":"{ articles { totalCount } }"']) {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/json/);
      const text = await res.text();
      expect(text).not.toMatch(/<html|<pre|at .*\.js|\/work\/|node_modules/i);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('answers POST /graphql alike on its fast route and through Express (a trailing slash)', async () => {
    // /graphql and /graphql?… are served outside Express (server/graphql-post.ts), /graphql/ by it.
    const post = async (path: string, body: string) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as unknown };
    };
    const query = JSON.stringify({ query: '{ articles { totalCount } }' });
    const answers = await Promise.all(['/graphql', '/graphql?via=fast', '/graphql/'].map((path) => post(path, query)));
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.body).toMatchObject({ data: { articles: { totalCount: expect.any(Number) } } });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const broken = await Promise.all(['/graphql', '/graphql/'].map((path) => post(path, '{"query": ')));
    expect(broken[0]!.status).toBe(400);
    expect(broken[1]).toEqual(broken[0]);
  });

  it('answers a body over 1 MB with a JSON 413', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ articles { totalCount } } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers unknown paths with a JSON 404 and sends no X-Powered-By', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('NOT_FOUND');
    const graphql = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(graphql.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a subscription as a validation error, not an internal one', async () => {
    const res = await server.query('subscription { __typename }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).toBe('This API has no subscription operations.');
  });

  it('answers bad persisted-query extensions with a client error, not an internal one', async () => {
    const cases = [
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'not-the-hash' } } },
      { query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
      { extensions: { persistedQuery: { version: 'x', sha256Hash: 42 } } },
      { extensions: { persistedQuery: 'nonsense' } },
    ];
    for (const body of cases) {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(json.errors[0]!.extensions.code, JSON.stringify(body)).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });

  it('listens on loopback unless told otherwise', async () => {
    const app = await createApp({ db, logger: pino({ level: 'silent' }), maxPageSize: 100 });
    await app.listen(0);
    try {
      expect((app.httpServer.address() as net.AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await app.stop();
    }
  });
});
