// Bad input gets a precise message and a code; the service keeps serving.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDatabase } from '../../src/graph/database.ts';
import { formatError } from '../../src/api/errors.ts';
import { createApp } from '../../src/server/app.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('errors through GraphQL', () => {
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

  const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

  it('rejects a malformed query with GRAPHQL_PARSE_FAILED', async () => {
    const res = await server.query('{ articles { totalCount ');
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors![0]!.message).toMatch(/Syntax Error/);
  });

  it('rejects an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await server.query('{ articles { nope } }');
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0]!.message).toContain('nope');
  });

  it('answers an unknown id with NOT_FOUND naming the id', async () => {
    for (const [field, what] of [['article', 'article'], ['entity', 'entity']] as const) {
      const res = await server.query(`query($id: ID!) { ${field}(id: $id) { id } }`, { id: 'no-such-id' });
      expect(res.data).toEqual({ [field]: null });
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(res.errors![0]!.message).toBe(`No ${what} has the id "no-such-id".`);
    }
    const node = await server.query('{ node(id: "no-such-id") { id } }');
    expect(node.errors).toBeUndefined();
    expect(node.data).toEqual({ node: null });
  });

  it('treats any search string as plain words, never as query syntax', async () => {
    const nasty = ['"', 'AND', 'lao AND', '*', '~', 'lao~2', '(lao', 'cai]', '\\', '', '   ', 'OR NOT', '+-&&||!(){}[]^"~*?:\\/', "'; MATCH (n) DETACH DELETE n //"];
    for (const text of nasty) {
      const res = await server.query<{ search: { totalCount: number; edges: unknown[] } }>(
        'query($t: String!) { search(text: $t) { totalCount edges { score } } }',
        { t: text },
      );
      expect(res.errors, `search("${text}")`).toBeUndefined();
      expect(res.data!.search.edges.length).toBeLessThanOrEqual(res.data!.search.totalCount);
    }
    const found = await server.query<{ search: { edges: { node: { name: string } }[] } }>(
      '{ search(text: "(lào] *cai~") { edges { node { name } } } }',
    );
    expect(found.data!.search.edges[0]!.node.name).toBe('Lào Cai');
    const still = await server.query<{ articles: { totalCount: number } }>('{ articles { totalCount } }');
    expect(still.data!.articles.totalCount).toBe(1);
  });

  it('bounds search text and page sizes with BAD_USER_INPUT', async () => {
    const long = await server.query('query($t: String!) { search(text: $t) { totalCount } }', { t: 'a'.repeat(201) });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    for (const first of [0, -1, 101]) {
      const res = await server.query('query($f: Int) { organizations(first: $f) { totalCount } }', { f: first });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toBe(`"first" must be between 1 and 100; got ${first}.`);
    }
    const cursor = await server.query('{ organizations(after: "bogus") { totalCount } }');
    expect(codeOf(cursor)).toBe('BAD_USER_INPUT');
  });

  it('reports SERVICE_UNAVAILABLE and an unhealthy /health when Neo4j is down, then keeps serving', async () => {
    const dead = GraphDatabase.connect(
      { uri: 'bolt://127.0.0.1:9', username: 'neo4j', password: '', database: undefined },
      { maxRetryTimeMs: 500 },
    );
    const app = await createApp({ db: dead, logger: pino({ level: 'silent' }), maxPageSize: 100 });
    const port = await app.listen(0);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
      });
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0]!.message).toMatch(/not reachable/);
    } finally {
      await app.stop();
      await dead.close();
    }
    const healthy = await fetch(`${server.url}/health`);
    expect(healthy.status).toBe(200);
  });

  it('says when Neo4j has no memory left for transactions (SERVICE_UNAVAILABLE), then keeps serving', async () => {
    // What Neo4j raises when the transactions it runs together reach dbms.memory.transaction.total.max
    // (70 % of the heap): under load, many heavy requests at once; here, one statement that collects too much.
    const scope = db.readScope();
    const failure = await scope.read('UNWIND range(1, 200000000) AS i WITH collect(i) AS xs RETURN size(xs) AS n', {}).then(
      () => null,
      (error: unknown) => error,
    );
    await scope.close();
    expect((failure as { code?: string }).code).toBe('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    const formatted = formatError({ message: 'raw' }, failure, () => undefined);
    expect(formatted.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    expect(formatted.message).toMatch(/no memory left for this request/);
    const after = await server.query('{ articles { totalCount } }');
    expect(after.errors).toBeUndefined();
  });
});
