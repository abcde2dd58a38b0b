// Browser apps on other origins: CORS from VNKG_CORS_ORIGINS, preflights on every path, Apollo's
// CSRF prevention still refusing what a foreign page can make a browser send, and compression.
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseCorsOrigins } from '../../src/config/index.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const APP = 'http://localhost:5173';
const OTHER = 'https://evil.example';
const QUERY = encodeURIComponent('{ articles { totalCount } }');

/** A raw HTTP exchange, so the body arrives exactly as sent (fetch would decompress it). */
/** A request whose body comes back as sent: fetch would decompress it. A `body` makes it a JSON POST. */
function raw(
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const method = body === undefined ? 'GET' : 'POST';
    const sent = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
    request(url, { method, headers: sent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end(body);
  });
}

describe('VNKG_CORS_ORIGINS', () => {
  it('is empty by default, a list of exact origins, or * only when written so', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ VNKG_CORS_ORIGINS: ' http://localhost:5173, https://App.example.org/ ' }).corsOrigins).toEqual([
      'http://localhost:5173',
      'https://app.example.org',
    ]);
    expect(parseCorsOrigins('*')).toBe('*');
    for (const bad of ['localhost:5173', 'http://localhost:5173/app', '*,http://a.example', 'null', 'ftp//x']) {
      expect(() => parseCorsOrigins(bad), bad).toThrow(ConfigError);
    }
  });
});

describe('cross-origin requests against the running server', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let closed: TestServer;
  let open: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db, { corsOrigins: [APP] });
    closed = await startTestServer(db);
    open = await startTestServer(db, { corsOrigins: '*' });
  });
  afterAll(async () => {
    await Promise.all([server?.close(), closed?.close(), open?.close()]);
    await db.close();
  });

  const preflight = (base: string, path: string, origin: string, headers = 'content-type, authorization') =>
    fetch(`${base}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
    });

  it('answers preflights for /graphql, /export and /health, allowing only the listed origin', async () => {
    for (const path of ['/graphql', '/export/graph.cyjs', '/health']) {
      const ok = await preflight(server.url, path, APP);
      expect(ok.status, path).toBe(204);
      expect(ok.headers.get('access-control-allow-origin'), path).toBe(APP);
      expect(ok.headers.get('access-control-allow-methods'), path).toContain('POST');
      expect(ok.headers.get('access-control-allow-headers'), path).toBe('content-type, authorization');
      expect(ok.headers.get('access-control-allow-credentials'), path).toBeNull();
      const refused = await preflight(server.url, path, OTHER);
      expect(refused.status, path).toBe(204);
      expect(refused.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('lets the listed origin read /graphql, /export and /health, and no other', async () => {
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBe(APP);
    expect(post.headers.get('vary')).toMatch(/origin/i);
    expect(await post.json()).toMatchObject({ data: { articles: { totalCount: 1 } } });
    const exported = await fetch(`${server.url}/export/graph.cyjs`, { headers: { origin: APP } });
    expect(exported.headers.get('access-control-allow-origin')).toBe(APP);
    expect(exported.headers.get('access-control-expose-headers')).toContain('Content-Disposition');
    const health = await fetch(`${server.url}/health`, { headers: { origin: OTHER } });
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no origin by default and every origin only when configured with *', async () => {
    const none = await preflight(closed.url, '/graphql', APP);
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    const any = await preflight(open.url, '/graphql', OTHER);
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('runs a GET query without a preflight header only from an allowed origin (urql’s way); CSRF prevention stays for the rest', async () => {
    const get = (base: string, headers: Record<string, string>) =>
      fetch(`${base}/graphql?query=${QUERY}`, { headers: { accept: 'application/graphql-response+json, application/json', ...headers } });
    const allowed = await get(server.url, { origin: APP });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ data: { articles: { totalCount: 1 } } });
    for (const [base, headers] of [
      [server.url, {}], // an <img> or a link: no Origin
      [server.url, { origin: OTHER }],
      [closed.url, { origin: APP }],
      [server.url, { origin: 'null' }],
    ] as const) {
      const res = await get(base, headers);
      expect(res.status, JSON.stringify(headers)).toBe(400);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0]!.message).toMatch(/Cross-Site Request Forgery/);
    }
    // A form POST from a foreign page is still refused, whatever origin it claims.
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(form.status).toBe(400);
    // GET never runs a mutation, from any origin.
    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { deleteArticle(id: "x") { deletedId } }')}`, {
      headers: { origin: APP },
    });
    expect(mutation.status).toBe(405);
  });

  it('compresses JSON, exports and the IDE’s assets with gzip or brotli, as the client asks', async () => {
    const bigQuery = '{ figures(first: 50) { edges { node { id quote sentence { text } } } } }';
    const big = `/graphql?query=${encodeURIComponent(bigQuery)}`;
    const cases: [string, Record<string, string>, string?][] = [
      [big, { 'apollo-require-preflight': 'true' }],
      // POST /graphql is served outside Express (server/graphql-post.ts), with the same middleware.
      ['/graphql', {}, JSON.stringify({ query: bigQuery })],
      ['/export/graph.graphml', {}],
      ['/export/graph.cyjs', {}],
      ['/ide/graphiql.js', {}],
    ];
    for (const [path, headers, body] of cases) {
      for (const encoding of ['gzip', 'br'] as const) {
        const res = await raw(`${server.url}${path}`, { 'accept-encoding': encoding, ...headers }, body);
        expect(res.status, path).toBe(200);
        expect(res.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
        const text = (encoding === 'gzip' ? gunzipSync(res.body) : brotliDecompressSync(res.body)).toString('utf8');
        expect(text.length, path).toBeGreaterThan(res.body.length);
        if (path.startsWith('/graphql')) expect(JSON.parse(text)).toHaveProperty('data.figures.edges');
      }
      const plain = await raw(`${server.url}${path}`, { 'accept-encoding': 'identity', ...headers }, body);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      if (body) expect(Number(plain.headers['content-length']), path).toBe(plain.body.length);
    }
  });
});
