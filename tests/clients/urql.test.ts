// urql with its default settings, as a browser app on another origin uses it: it sends queries as
// GET with no header that would force a preflight. The fetch below only adds the `Origin` header
// a browser adds to every cross-origin request (Node's fetch sends none); urql's options are its
// defaults.
import { Client, fetchExchange, gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const APP = 'http://localhost:5173';

const LAO_CAI = gql`
  query LaoCai {
    search(text: "lao cai", kind: ADMINISTRATIVE_UNIT, first: 1) {
      edges { node { id name figures(first: 5) { totalCount edges { node { value unit quote } } } } }
    }
  }
`;

interface LaoCaiData {
  search: { edges: { node: { id: string; name: string; figures: { totalCount: number } } }[] };
}

/** A urql client with default settings whose requests carry the browser's Origin header. */
function browserClient(url: string, seen: { method: string; headers: Headers }[]): Client {
  return new Client({
    url: `${url}/graphql`,
    exchanges: [fetchExchange],
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('origin', APP);
      seen.push({ method: init?.method ?? 'GET', headers });
      return fetch(input, { ...init, headers });
    },
  });
}

describe('@urql/core with default settings', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let noCors: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db, { corsOrigins: [APP] });
    noCors = await startTestServer(db);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), noCors?.close()]);
    await db.close();
  });

  it('queries by GET from an origin in VNKG_CORS_ORIGINS and reads the answer', async () => {
    const seen: { method: string; headers: Headers }[] = [];
    const result = await browserClient(server.url, seen).query<LaoCaiData>(LAO_CAI, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data!.search.edges[0]!.node.name).toBe('Lào Cai');
    expect(result.data!.search.edges[0]!.node.figures.totalCount).toBeGreaterThan(0);
    // What urql sent: a GET with no header that forces a preflight.
    expect(seen.map((s) => s.method)).toEqual(['GET']);
    expect(seen[0]!.headers.get('content-type')).toBeNull();
    expect(seen[0]!.headers.get('apollo-require-preflight')).toBeNull();
  });

  it('is refused by the CSRF check with BAD_REQUEST when its origin is not allowed, and works with preferGetMethod: false', async () => {
    const refused = await browserClient(noCors.url, []).query<LaoCaiData>(LAO_CAI, {}).toPromise();
    expect(refused.error?.graphQLErrors[0]?.extensions['code']).toBe('BAD_REQUEST');
    const seen: { method: string; headers: Headers }[] = [];
    const post = new Client({
      url: `${noCors.url}/graphql`,
      exchanges: [fetchExchange],
      preferGetMethod: false,
      fetch: (input, init) => {
        seen.push({ method: init?.method ?? 'GET', headers: new Headers(init?.headers) });
        return fetch(input, init);
      },
    });
    const result = await post.query<LaoCaiData>(LAO_CAI, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(seen.map((s) => s.method)).toEqual(['POST']);
    expect(result.data!.search.edges[0]!.node.name).toBe('Lào Cai');
  });
});
