// Rough edges a new user met (issue 11, part 5), each through the running server: dates keep
// their offset, request errors keep a code, provinces are those of one date in Vietnamese order,
// and GET / says what is served.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { createApp, type App } from '../../src/server/app.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API_KEY = 'test-key-0123456789abcdef';
type Names = { provinces: { totalCount: number; edges: { node: { id: string; name: string } }[] } };

describe('rough edges', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let logged: string[];
  let app: App;
  let appUrl: string;

  beforeAll(async () => {
    await resetGraph(db);
    await loadGazetteer(db, gazetteerGraph());
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db, { apiKey: API_KEY });
    // A server whose log is kept, to see what a request makes it log.
    logged = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logged.push(chunk.toString()), done()) });
    app = await createApp({ db, logger: pino({ level: 'warn' }, sink), maxPageSize: 100 });
    appUrl = `http://127.0.0.1:${await app.listen(0)}`;
  });
  afterAll(async () => {
    await Promise.all([server?.close(), app?.stop()]);
    await db.close();
  });

  it('gives publishedAt with the offset it was published with, stored or written through the API', async () => {
    const res = await server.query<{ articles: { edges: { node: { publishedAt: string } }[] } }>('{ articles { edges { node { publishedAt } } } }');
    expect(res.data!.articles.edges[0]!.node.publishedAt).toBe('2020-11-21T02:27:00+07:00');
    const written = await server.query<{ ingestArticle: { article: { publishedAt: string } } }>(
      'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { publishedAt } } }',
      { input: { title: 'Hà Giang trao nhà đại đoàn kết', text: 'Ủy ban MTTQ tỉnh Hà Giang trao 12 nhà đại đoàn kết.', publishedAt: '2021-03-04T08:15:00+07:00' } },
      { authorization: `Bearer ${API_KEY}` },
    );
    expect(written.errors).toBeUndefined();
    expect(written.data!.ingestArticle.article.publishedAt).toBe('2021-03-04T08:15:00+07:00');
    // A filter given with an offset compares instants: 02:27+07:00 is 19:27Z the day before.
    const count = (from: string) =>
      server
        .query<{ entities: { totalCount: number } }>('query($from: DateTime) { entities(publishedFrom: $from, publishedTo: "2020-12-01T00:00:00+07:00") { totalCount } }', { from })
        .then((r) => r.data!.entities.totalCount);
    expect(await count('2020-11-21T02:27:00+07:00')).toBeGreaterThan(0);
    expect(await count('2020-11-20T19:27:00.001Z')).toBe(0);
    const bad = await server.query('{ entities(publishedFrom: "2020-11-21") { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers malformed JSON, in a body or a GET parameter, with a JSON BAD_REQUEST', async () => {
    const body = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' });
    expect(body.status).toBe(400);
    expect(await body.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}&variables=%7Bbad`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    expect(get.headers.get('content-type')).toMatch(/json/);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a persisted query whose hash is not its text’s with PERSISTED_QUERY_HASH_MISMATCH, logging nothing', async () => {
    const query = '{ articles { totalCount } }';
    const post = (sha256Hash: string) =>
      fetch(`${appUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      });
    const wrong = await post('a'.repeat(64));
    expect(wrong.status).toBe(400);
    const body = (await wrong.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(body.errors[0]!.message).toMatch(/sha256Hash/);
    expect(logged).toEqual([]);
    const right = await post(createHash('sha256').update(query).digest('hex'));
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ data: { articles: { totalCount: expect.any(Number) } } });
  });

  it('lists the provinces in force on a day, today by default, in Vietnamese order', async () => {
    const list = async (args: string) => {
      const res = await server.query<Names>(`{ provinces(${args} first: 100) { totalCount edges { node { id name } } } }`);
      expect(res.errors).toBeUndefined();
      return res.data!.provinces;
    };
    const names = (p: Names['provinces']) => p.edges.map((e) => e.node.name);
    const today = await list('');
    expect(today.totalCount).toBe(34);
    expect(new Set(names(today)).size).toBe(34);
    expect(names(today)).toContain('Lào Cai');
    expect(names(today)).not.toContain('Yên Bái'); // merged into Lào Cai on 1 July 2025
    const before = await list('inForceAt: "2020-11-21"');
    expect(before.totalCount).toBe(63);
    const b = names(before);
    expect(b.indexOf('Bạc Liêu')).toBeGreaterThan(-1);
    expect(b.indexOf('Bạc Liêu')).toBeLessThan(b.indexOf('Bình Định'));
    expect(b.indexOf('Đà Nẵng')).toBeGreaterThan(b.indexOf('Cần Thơ'));
    expect(b.indexOf('Đà Nẵng')).toBeLessThan(b.indexOf('Điện Biên'));
    expect(b).toEqual([...b].sort(new Intl.Collator('vi').compare));
    expect(b.slice(0, 3)).toEqual(['An Giang', 'Bà Rịa - Vũng Tàu', 'Bạc Liêu']);
    const merger = await list('inForceAt: "2025-07-01"');
    expect(merger.totalCount).toBe(34);
    expect((await list('inForceAt: "2025-06-30"')).totalCount).toBe(63);
    const every = await list('inForceAt: null');
    expect(every.totalCount).toBe(97);
    // Pages follow the same order.
    const page = await server.query<Names>('{ provinces(inForceAt: "2020-11-21", first: 2, after: "' + Buffer.from('offset:1').toString('base64url') + '") { totalCount edges { node { id name } } } }');
    expect(page.data!.provinces.edges.map((e) => e.node.name)).toEqual(b.slice(2, 4));
  });

  it('answers GET / with a page linking the IDE, the explorer, Neo4j Browser, the exports and /health', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['/graphql', '/explore', '/browser', '/export/graph.graphml', '/export/graph.gexf', '/export/graph.cyjs', '/health']);
    expect(html).not.toMatch(/<script/i);
    for (const href of ['/graphql', '/browser', '/health', '/export/graph.cyjs']) {
      const target = await fetch(`${server.url}${href}`, { headers: { accept: 'text/html' } });
      expect(target.status, href).toBe(200);
    }
  });
});
