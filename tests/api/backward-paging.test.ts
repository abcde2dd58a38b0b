// Relay backward paging (`last`/`before`) on root and nested connections, against the real
// server: the pages backward are the pages forward, read from the other end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}
const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
const ids = (p: Page) => p.edges.map((e) => e.node.id);

describe('backward paging', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await loadGazetteer(db, gazetteerGraph());
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db.close();
  });

  async function provinces(args: string): Promise<Page> {
    const variables = args.includes('$c') ? '($c: String)' : '';
    const res = await server.query<{ provinces: Page }>(`query${variables} { provinces(inForceAt: "2020-01-01", ${args}) { ${PAGE} } }`, {
      ...(variables ? { c: cursor } : {}),
    });
    expect(res.errors, args).toBeUndefined();
    return res.data!.provinces;
  }
  let cursor: string | null = null;

  it('walks the provinces from the end with last/before and meets the forward order', async () => {
    cursor = null;
    const all = ids(await provinces('first: 100'));
    expect(all).toHaveLength(63);
    const backward: string[] = [];
    let page = await provinces('last: 10');
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(ids(page)).toEqual(all.slice(53));
    for (;;) {
      backward.unshift(...ids(page));
      if (!page.pageInfo.hasPreviousPage) break;
      cursor = page.pageInfo.startCursor;
      page = await provinces('last: 10, before: $c');
    }
    expect(backward).toEqual(all);
    // The first page backward is short (63 = 6 × 10 + 3) and starts the list.
    expect(ids(page)).toEqual(all.slice(0, 3));
    // A cursor from a backward page continues forward too.
    cursor = page.pageInfo.endCursor;
    expect(ids(await provinces('first: 2, after: $c'))).toEqual(all.slice(3, 5));
    // after and before together bound the window; last takes its end.
    cursor = null;
    const window = await server.query<{ provinces: Page }>(
      `query($a: String, $b: String) { provinces(inForceAt: "2020-01-01", after: $a, before: $b, last: 3) { ${PAGE} } }`,
      { a: (await provinces('first: 1')).pageInfo.endCursor, b: (await provinces('first: 6')).pageInfo.endCursor },
    );
    expect(ids(window.data!.provinces)).toEqual(all.slice(2, 5));
  });

  it('pages nested connections backward, through their batching loaders', async () => {
    const res = await server.query<{ search: { edges: { node: { figures: Page; forward: Page } }[] } }>(`{
      search(text: "lao cai", kind: ADMINISTRATIVE_UNIT, first: 1) { edges { node {
        figures(last: 2) { ${PAGE} }
        forward: figures(first: 100) { ${PAGE} } } } } }`);
    expect(res.errors).toBeUndefined();
    const { figures, forward } = res.data!.search.edges[0]!.node;
    expect(forward.totalCount).toBeGreaterThan(2);
    expect(ids(figures)).toEqual(ids(forward).slice(-2));
    expect(figures.pageInfo.hasPreviousPage).toBe(true);
  });

  it('refuses first with last, and bad sizes or cursors, naming the argument', async () => {
    const both = await server.query('{ articles(first: 1, last: 1) { totalCount } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0]?.extensions?.['argument']).toBe('last');
    const tooMany = await server.query('{ articles(last: 101) { totalCount } }');
    expect(tooMany.errors?.[0]?.message).toBe('"last" must be between 1 and 100; got 101.');
    const cursorless = await server.query('{ articles(before: "nope") { totalCount } }');
    expect(cursorless.errors?.[0]?.extensions?.['argument']).toBe('before');
  });

  it('weighs last like first in the cost limit', async () => {
    const small = await startTestServer(db, { maxCost: 5_000 });
    try {
      const deep = (arg: string) => `{ provinces(${arg}) { edges { node { figures(${arg}) { edges { node { id mentions(${arg}) { totalCount } } } } } } } }`;
      const forward = await small.query(deep('first: 100'));
      const backward = await small.query(deep('last: 100'));
      expect(forward.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
      expect(backward.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
      expect(backward.errors?.[0]?.extensions?.['cost']).toBe(forward.errors?.[0]?.extensions?.['cost']);
    } finally {
      await small.close();
    }
  });
});
