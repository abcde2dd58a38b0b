// Every list of the API is a Relay connection: nested lists page with cursors like the root ones,
// in a stable order, with a total count, and the maximum page size holds at every level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile, ingestText } from '../../src/pipeline/ingest.ts';
import { provinceArticle, TEST_PROVINCES } from '../support/articles.ts';
import { nodesOf, type Page } from '../support/connections.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.ts';

const BAC_NINH = 'province:bac-ninh';

describe('nested connections', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    for (const [i, p] of TEST_PROVINCES.entries()) await ingestText(db, { text: provinceArticle(p, i) });
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  /** Walks a nested list page by page (`size` at a time) and returns every page. */
  async function walk<T>(field: string, select: string, size: number, id = BAC_NINH): Promise<Page<T>[]> {
    const pages: Page<T>[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse<{ entity: Record<string, Page<T>> }> = await server.query(
        `query($id: ID!, $first: Int, $after: String) { entity(id: $id) { ... on AdministrativeUnit {
           ${field}(first: $first, after: $after) {
             totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { ${select} } } } } } }`,
        { id, first: size, after },
      );
      expect(res.errors).toBeUndefined();
      const page: Page<T> = res.data!.entity[field]!;
      pages.push(page);
      after = page.pageInfo!.hasNextPage ? page.pageInfo!.endCursor : null;
    } while (after && pages.length < 100);
    return pages;
  }

  it('pages through an entity’s mentions with cursors, in the same order as one big page', async () => {
    const [whole] = await walk<{ id: string }>('mentions', 'id', 100);
    expect(whole!.totalCount).toBeGreaterThan(3);
    expect(whole!.edges).toHaveLength(whole!.totalCount);
    const pages = await walk<{ id: string }>('mentions', 'id', 2);
    expect(pages).toHaveLength(Math.ceil(whole!.totalCount / 2));
    expect(pages.flatMap(nodesOf).map((m) => m.id)).toEqual(nodesOf(whole!).map((m) => m.id));
    expect(pages.every((p) => p.totalCount === whole!.totalCount)).toBe(true);
    expect(pages[0]!.pageInfo!.hasPreviousPage).toBe(false);
    expect(pages.slice(1).every((p) => p.pageInfo!.hasPreviousPage)).toBe(true);
    expect(pages.at(-1)!.pageInfo!.hasNextPage).toBe(false);
  });

  it('pages every nested list of an administrative unit the same way', async () => {
    for (const field of ['relations', 'figures', 'articles', 'organizations', 'parts']) {
      const [whole] = await walk<{ id: string }>(field, 'id', 100);
      expect(whole!.totalCount, field).toBeGreaterThan(0);
      const pages = await walk<{ id: string }>(field, 'id', 1);
      const ids = pages.flatMap(nodesOf).map((n) => n.id);
      expect(ids, field).toEqual(nodesOf(whole!).map((n) => n.id));
      expect(new Set(ids).size, field).toBe(whole!.totalCount);
    }
  });

  it('counts and filters relations by type and direction', async () => {
    const res = await server.query<{
      entity: Record<'all' | 'outgoing' | 'incoming' | 'partOf', Page<{ type: string; from: { id: string }; to: { id: string } }>>;
    }>(
      `query($id: ID!) { entity(id: $id) {
         all: relations(first: 100) { totalCount edges { node { type from { id } to { id } } } }
         outgoing: relations(direction: OUTGOING, first: 100) { totalCount edges { node { type from { id } to { id } } } }
         incoming: relations(direction: INCOMING, first: 100) { totalCount edges { node { type from { id } to { id } } } }
         partOf: relations(type: PART_OF, first: 100) { totalCount edges { node { type from { id } to { id } } } } } }`,
      { id: BAC_NINH },
    );
    expect(res.errors).toBeUndefined();
    const { all, outgoing, incoming, partOf } = res.data!.entity;
    expect(outgoing.totalCount + incoming.totalCount).toBe(all.totalCount);
    expect(nodesOf(outgoing).every((r) => r.from.id === BAC_NINH)).toBe(true);
    expect(nodesOf(incoming).every((r) => r.to.id === BAC_NINH)).toBe(true);
    expect(partOf.totalCount).toBeGreaterThan(0);
    expect(nodesOf(partOf).every((r) => r.type === 'PART_OF')).toBe(true);
    expect(partOf.totalCount).toBe(nodesOf(all).filter((r) => r.type === 'PART_OF').length);
  });

  it('lists an article’s sentences in text order and its entities by kind', async () => {
    const res = await server.query<{
      articles: Page<{ sentences: Page<{ index: number }>; entities: Page<{ kind: string }>; units: Page<{ kind: string }> }>;
    }>(`{ articles(first: 1) { edges { node {
          sentences(first: 100) { totalCount edges { node { index } } }
          entities(first: 100) { totalCount edges { node { kind } } }
          units: entities(kind: ADMINISTRATIVE_UNIT, first: 100) { totalCount edges { node { kind } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const article = nodesOf(res.data!.articles)[0]!;
    expect(nodesOf(article.sentences).map((s) => s.index)).toEqual([...Array(article.sentences.totalCount).keys()]);
    const units = nodesOf(article.units);
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((e) => e.kind === 'ADMINISTRATIVE_UNIT')).toBe(true);
    expect(units).toHaveLength(nodesOf(article.entities).filter((e) => e.kind === 'ADMINISTRATIVE_UNIT').length);
  });

  it('pages search results, best first, without repeating a hit', async () => {
    const query = 'query($after: String) { search(text: "tinh", first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { score node { id } } } }';
    const first = await server.query<{ search: Page<{ id: string }> & { edges: { score: number }[] } }>(query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.search.totalCount).toBeGreaterThan(3);
    const second = await server.query<{ search: Page<{ id: string }> & { edges: { score: number }[] } }>(query, {
      after: first.data!.search.pageInfo!.endCursor,
    });
    const scores = [...first.data!.search.edges, ...second.data!.search.edges].map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ids = [...nodesOf(first.data!.search), ...nodesOf(second.data!.search)].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves the same search pages whether or not the total is asked for (counted or not, in Neo4j)', async () => {
    type Hits = { search: { totalCount?: number; pageInfo?: { endCursor: string | null }; edges: { cursor: string; score: number; node: { id: string } }[] } };
    const page = (counted: boolean) =>
      `query($after: String, $kind: EntityKind) { search(text: "tinh", first: 2, after: $after, kind: $kind) {
         ${counted ? 'totalCount pageInfo { endCursor }' : ''} edges { cursor score node { id } } } }`;
    for (const kind of [null, 'ORGANIZATION']) {
      let after: string | null = null;
      let pages = 0;
      do {
        const counted: GraphQLResponse<Hits> = await server.query<Hits>(page(true), { after, kind });
        const bare: GraphQLResponse<Hits> = await server.query<Hits>(page(false), { after, kind });
        expect(counted.errors).toBeUndefined();
        expect(bare.errors).toBeUndefined();
        expect(bare.data!.search.totalCount).toBeUndefined();
        expect(bare.data!.search.edges).toEqual(counted.data!.search.edges);
        expect(counted.data!.search.edges.length).toBeGreaterThan(0);
        after = bare.data!.search.edges.at(-1)!.cursor;
        pages += 1;
        if (pages * 2 >= counted.data!.search.totalCount!) break;
      } while (pages < 20);
      expect(pages).toBeGreaterThan(1);
    }
    // Read from the end, the page needs the length first, selected or not.
    const fromEnd = (counted: boolean) =>
      server.query<Hits>(`{ search(text: "tinh", last: 2) { ${counted ? 'totalCount' : ''} edges { cursor score node { id } } } }`);
    const [counted, bare] = await Promise.all([fromEnd(true), fromEnd(false)]);
    expect(bare.errors).toBeUndefined();
    expect(bare.data!.search.edges).toHaveLength(2);
    expect(bare.data!.search.edges).toEqual(counted.data!.search.edges);
  });

  it('enforces the maximum page size and checks cursors at every level, with BAD_USER_INPUT', async () => {
    const tooBig = await server.query(`{ entity(id: "${BAC_NINH}") { mentions(first: 101) { totalCount } } }`);
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooBig.errors?.[0]?.message).toBe('"first" must be between 1 and 100; got 101.');
    expect(tooBig.errors?.[0]?.path).toEqual(['entity', 'mentions']);
    const badCursor = await server.query(`{ entity(id: "${BAC_NINH}") { relations(after: "nope") { totalCount } } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badCursor.errors?.[0]?.message).toMatch(/not a cursor returned by this API/);
  });

  it('reads the details of listed entities (aliases, gazetteer facts) on demand, in one batch', async () => {
    type Unit = { id: string; aliases: string[]; code: string | null; level: string | null; validFrom: string | null; validTo: string | null };
    const select = 'id aliases ... on AdministrativeUnit { code level validFrom validTo }';
    const listed = await server.query<{ provinces: Page<Unit> }>(`{ provinces(first: 10) { edges { node { ${select} } } } }`);
    expect(listed.errors).toBeUndefined();
    // The list reads summaries (1 statement); the details of all ten come in one more.
    expect(listed.extensions!.cypherRoundTrips).toBe(2);
    const units = nodesOf(listed.data!.provinces);
    expect(units.length).toBeGreaterThan(5);
    expect(units.every((u) => u.aliases.some((a) => a.startsWith('tỉnh ')))).toBe(true);
    const byId = await server.query<{ nodes: Unit[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { ${select} } } }`, {
      ids: units.map((u) => u.id),
    });
    expect(byId.data!.nodes).toEqual(units);
  });

  it('pages a relation’s evidence past what a listed relation carries', async () => {
    // One relation of Bắc Ninh given 150 evidence spans: more than a listed relation holds (100).
    const [rel] = await db.read<{ id: string; type: string; sentence: string }>(
      `MATCH (n:Entity {id: $id})-[r:PART_OF|LOCATED_IN]-(m:Entity)
       WITH r, r.evidence[0] AS key LIMIT 1
       RETURN elementId(r) AS id, type(r) AS type, split(key, '|')[0] AS sentence`,
      { id: BAC_NINH },
    );
    const keys = Array.from({ length: 150 }, (_, i) => `${rel!.sentence}|${i}|${i + 1}`);
    await db.writeTransaction((tx) => tx.run('MATCH ()-[r]->() WHERE elementId(r) = $id SET r.evidence = $keys', { id: rel!.id, keys }));
    const query = `query($id: ID!, $type: RelationType, $after: String) { entity(id: $id) { relations(type: $type, first: 20) { edges { node {
      evidence(first: 60, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { start } } } } } } } }`;
    type Res = { entity: { relations: Page<{ evidence: Page<{ start: number }> }> } };
    const pick = (res: { data?: Res | null }) => nodesOf(res.data!.entity.relations).map((r) => r.evidence).find((e) => e.totalCount === 150)!;
    const starts: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res = await server.query<Res>(query, { id: BAC_NINH, type: rel!.type, after });
      expect(res.errors).toBeUndefined();
      const page = pick(res);
      starts.push(...nodesOf(page).map((e) => e.start));
      after = page.pageInfo!.endCursor;
      expect(page.pageInfo!.hasNextPage).toBe(i < 2);
    }
    expect(starts).toEqual(keys.map((_, i) => i));
  });

  it('leaves a malformed evidence key out of its page, and pages on past it', async () => {
    const [rel] = await db.read<{ id: string; type: string; key: string }>(
      `MATCH (n:Entity {id: $id})-[r:PART_OF|LOCATED_IN]-(m:Entity)
       WITH r LIMIT 1
       RETURN elementId(r) AS id, type(r) AS type, r.evidence[0] AS key`,
      { id: BAC_NINH },
    );
    const [sentence] = rel!.key.split('|');
    const keys = [`${sentence}|1|2`, 'not a key', `${sentence}|3|4`, `${sentence}|5|6`];
    await db.writeTransaction((tx) => tx.run('MATCH ()-[r]->() WHERE elementId(r) = $id SET r.evidence = $keys', { id: rel!.id, keys }));
    const query = `query($id: ID!, $type: RelationType, $after: String) { entity(id: $id) { relations(type: $type, first: 20) { edges { node {
      evidence(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { start } } } } } } } }`;
    type Res = { entity: { relations: Page<{ evidence: Page<{ start: number }> }> } };
    const read = async (after: string | null) => {
      const res = await server.query<Res>(query, { id: BAC_NINH, type: rel!.type, after });
      expect(res.errors).toBeUndefined();
      return nodesOf(res.data!.entity.relations).map((r) => r.evidence).find((e) => e.totalCount === keys.length)!;
    };
    const first = await read(null);
    expect(nodesOf(first).map((e) => e.start)).toEqual([1]);
    expect(first.pageInfo!.hasNextPage).toBe(true);
    const second = await read(first.pageInfo!.endCursor);
    expect(nodesOf(second).map((e) => e.start)).toEqual([3, 5]);
    expect(second.pageInfo!.hasNextPage).toBe(false);
    // The first page ends at the key it left out, so the second starts after it.
    expect(first.pageInfo!.endCursor).not.toBe(first.edges[0]!.cursor);
    expect(second.pageInfo!.endCursor).toBe(second.edges[1]!.cursor);
  });

  it('reads figures with their subjects in one statement when the subjects are selected, fragments included', async () => {
    type Figures = { figures: Page<{ id: string; subjects: { id: string; name: string }[] }> };
    const direct = await server.query<Figures>('{ figures(first: 30) { edges { node { id subjects { id name } } } } }');
    const viaFragment = await server.query<Figures>(`
      query { figures(first: 30) { edges { ...F } } }
      fragment F on FigureEdge { node { id ... on Figure { subjects { id name } } } }`);
    const without = await server.query<Figures>('{ figures(first: 30) { edges { node { id } } } }');
    for (const res of [direct, viaFragment, without]) expect(res.errors).toBeUndefined();
    expect(direct.extensions!.cypherRoundTrips).toBe(1);
    expect(viaFragment.extensions!.cypherRoundTrips).toBe(1);
    expect(viaFragment.data).toEqual(direct.data);
    // The subjects, in rank order, are those node(id) gives each figure.
    const ids = nodesOf(direct.data!.figures).map((f) => f.id);
    const byId = await server.query<{ nodes: { id: string; subjects: { id: string; name: string }[] }[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Figure { subjects { id name } } } }',
      { ids },
    );
    expect(byId.data!.nodes).toEqual(nodesOf(direct.data!.figures));
    expect(nodesOf(direct.data!.figures).every((f) => f.subjects.length > 0)).toBe(true);
  });

  it('reads of the figures\' subjects the fields every alias selects, and the rest by id', async () => {
    type Subject = { id?: string; name?: string; subtype?: string | null; kind?: string; aliases?: string[] };
    type Figures = { figures: Page<{ id: string; main: Subject[]; full: Subject[] }> };
    const res = await server.query<Figures>(`{ figures(first: 30) { edges { node {
      id main: subjects { id } full: subjects { name kind ... on Organization { subtype } aliases }
    } } } }`);
    expect(res.errors).toBeUndefined();
    const figures = nodesOf(res.data!.figures);
    const byId = await server.query<{ nodes: { id: string; subjects: Subject[] }[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Figure { subjects { id name kind ... on Organization { subtype } aliases } } } }',
      { ids: figures.map((f) => f.id) },
    );
    expect(byId.errors).toBeUndefined();
    expect(figures.map((f) => ({ id: f.id, subjects: f.main.map((s, i) => ({ ...s, ...f.full[i] })) }))).toEqual(byId.data!.nodes);
    // Some figure has more than one subject, so their order is checked too, and some an organization.
    expect(figures.some((f) => f.main.length > 1)).toBe(true);
    expect(figures.some((f) => f.full.some((s) => s.kind === 'ORGANIZATION'))).toBe(true);
  });

  it('costs one round trip per nested list and page shape, however many parents ask', async () => {
    const res = await server.query<{ provinces: Page<{ id: string }> }>(`{
      provinces(first: 100) { totalCount edges { node {
        id
        firstMentions: mentions(first: 2) { totalCount }
        moreMentions: mentions(first: 5) { totalCount }
        figures(first: 3) { totalCount }
      } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.provinces.totalCount).toBeGreaterThan(5);
    // provinces, then two mention pages of different size and one figure page: one statement each.
    expect(res.extensions!.cypherRoundTrips).toBe(4);
  });
});
