// The selection compiler (graph/compiler, api/compiled.ts) against the loaders it replaces: the
// same requests to a server that compiles each root field into one statement and to one that
// reads every list through its loader must give the same answers, errors included. The first
// runs its operations compiled by graphql-jit, the second with graphql-js, so the two executors
// are compared too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ingestText } from '../../src/pipeline/ingest.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.ts';
import { provinceArticle, TEST_PROVINCES } from '../support/articles.ts';
import { DETAILS, NEIGHBOURS } from '../../src/explorer/api.ts';

const ENTITY_LISTS = `
  id name kind
  relations(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type from { id name } to { id } evidence(first: 2) { totalCount edges { node { id } } } } } }
  figures(first: 3) { totalCount edges { node { id value unit quote subjects { id } } } }
  mentions(first: 4) { totalCount edges { node { id text start end sentence { index } } } }
  articles(first: 2) { totalCount edges { node { id title entities(first: 3) { edges { node { id name } } } } } }
  ... on AdministrativeUnit { code organizations(first: 5) { totalCount edges { node { id name campaigns(first: 3) { edges { node { id name } } } } } } }
  ... on Organization { aliases locatedIn { edges { node { id } } } campaigns(first: 2) { edges { node { id runBy { totalCount edges { node { id } } } } } } }
`;

describe('compiled selections', () => {
  const db = connectTestGraph();
  let compiled: TestServer;
  let loaded: TestServer;
  let entityIds: string[] = [];

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    for (const [i, province] of TEST_PROVINCES.slice(0, 4).entries()) await ingestText(db, { text: provinceArticle(province, i) });
    // The answers are compared, not timed: a loaded machine must not turn them into timeouts.
    compiled = await startTestServer(db, { showCypher: true, requestTimeoutMs: 60_000 });
    loaded = await startTestServer(db, { compileSelections: false, compileOperationsAfter: Infinity, requestTimeoutMs: 60_000 });
    const res = await loaded.query<{ entities: { edges: { node: { id: string } }[] } }>('{ entities(first: 100) { edges { node { id } } } }');
    entityIds = res.data!.entities.edges.map((e) => e.node.id);
  });
  afterAll(async () => {
    await compiled.close();
    await loaded.close();
    await db.close();
  });

  /** Both answers, after checking they agree. */
  async function both(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    const [a, b] = await Promise.all([compiled.query(query, variables), loaded.query(query, variables)]);
    expect(a.data).toEqual(b.data);
    // Errors of fields resolved concurrently come in the order they happen, which GraphQL leaves open.
    const byPath = (errors: GraphQLResponse['errors']) => errors && [...errors].sort((x, y) => JSON.stringify(x.path).localeCompare(JSON.stringify(y.path)));
    expect(byPath(a.errors)).toEqual(byPath(b.errors));
    return a;
  }

  it('reads every entity with all its lists, in one statement, as the loaders do', async () => {
    const res = await both(`{ entities(first: 100) { totalCount edges { node { ${ENTITY_LISTS} } } } }`);
    expect(res.errors).toBeUndefined();
    expect((res.data as { entities: { totalCount: number } }).entities.totalCount).toBeGreaterThan(20);
    expect(res.extensions!.cypherRoundTrips).toBeLessThanOrEqual(1 + 2);
  });

  it('reads a root entity whole only when its details are selected, in one statement either way', async () => {
    const statementOf = (res: GraphQLResponse) => (res.extensions!['cypher'] as { statement: string }[])[0]!.statement;
    const details = 'aliases ... on AdministrativeUnit { code level validFrom validTo }';
    for (const id of entityIds) {
      const whole = await both(`query($id: ID!) { entity(id: $id) { id name ${details} } }`, { id });
      expect(whole.extensions!.cypherRoundTrips, id).toBe(1);
      expect(statementOf(whole), id).toMatch(/aliases/);
      const summary = await both(`query($id: ID!) { entity(id: $id) { id name kind subtype } }`, { id });
      expect(summary.extensions!.cypherRoundTrips, id).toBe(1);
      expect(statementOf(summary), id).not.toMatch(/aliases|validFrom/);
    }
    // A detail asked in a fragment, or under an alias, is seen too.
    const spread = await both('query($id: ID!) { entity(id: $id) { ...D } } fragment D on Entity { names: aliases }', { id: entityIds[0] });
    expect(spread.extensions!.cypherRoundTrips).toBe(1);
    expect(statementOf(spread)).toMatch(/aliases/);
  });

  it('reads of a list item only what the request selects on it, and never serves that partial item to another field', async () => {
    const statementOf = (res: GraphQLResponse) => (res.extensions!['cypher'] as { statement: string }[])[0]!.statement;
    const articles = await loaded.query<{ articles: { edges: { node: { id: string } }[] } }>('{ articles(first: 100) { edges { node { id } } } }');
    for (const { node } of articles.data!.articles.edges) {
      const narrow = await both(`query($id: ID!) { article(id: $id) { entities(first: 50) { edges { node { id name } } } } }`, { id: node.id });
      expect(narrow.errors).toBeUndefined();
      expect(statementOf(narrow)).not.toMatch(/\.subtype/);
      // The same entities again, through a path that loads them by id, with a property the list left out.
      const again = await both(
        `query($id: ID!) { article(id: $id) {
          entities(first: 50) { edges { node { id name } } }
          sentences(first: 50) { edges { node { mentions(first: 50) { edges { node { entity { id kind subtype name } } } } } } }
        } }`,
        { id: node.id },
      );
      expect(again.errors).toBeUndefined();
      const data = again.data as { article: { sentences: { edges: { node: { mentions: { edges: { node: { entity: { subtype: string } } }[] } } }[] } } };
      const entities = data.article.sentences.edges.flatMap((s) => s.node.mentions.edges.map((m) => m.node.entity));
      expect(entities.length).toBeGreaterThan(0);
      for (const entity of entities) expect(typeof entity.subtype).toBe('string');
    }
    // An article item of a nested list keeps only what is selected on it too.
    const page = await both('{ articles(first: 3) { edges { node { id entities(first: 2) { edges { node { id articles(first: 2) { edges { node { title } } } } } } } } } }');
    expect(page.errors).toBeUndefined();
    expect(statementOf(page)).not.toMatch(/ingestedAt: toString\(a_\d+\.ingestedAt\)/);
  });

  it('answers the benchmark shapes with one statement per root field', async () => {
    const organizationsOfProvinces = await loaded.query<{ provinces: { edges: { node: { id: string; organizations: { totalCount: number } } }[] } }>(
      '{ provinces(first: 100, inForceAt: null) { edges { node { id ... on AdministrativeUnit { organizations { totalCount } } } } } }',
    );
    const province = organizationsOfProvinces.data!.provinces.edges.find((e) => e.node.organizations.totalCount > 0)!.node.id;
    const shapes = [
      // W1
      [`query($id: ID!) { entity(id: $id) { id name relations(first: 10) { totalCount edges { node { type from { id } to { id } evidence(first: 10) { totalCount edges { node { id } } } } } }
          figures(first: 10) { totalCount edges { node { id value unit qualifier period quote } } }
          mentions(first: 10) { totalCount edges { node { id text start end } } } } }`, { id: province }],
      // W5
      [`query($id: ID!) { entity(id: $id) { id name ... on AdministrativeUnit { organizations(first: 10) { totalCount edges { node { id name campaigns(first: 10) { edges { node { id name subtype } } } } } } } } }`, { id: province }],
      // W6
      ['{ articles(first: 10) { totalCount edges { node { id title publishedAt entities(first: 10) { edges { node { id name kind } } } } } } }', {}],
    ] as const;
    for (const [query, variables] of shapes) {
      const res = await both(query, variables);
      expect(res.errors).toBeUndefined();
      expect(res.extensions!.cypherRoundTrips).toBe(1);
      const cypher = res.extensions!.cypher as { name: string; statement: string }[];
      expect(cypher).toHaveLength(1);
      expect(cypher[0]!.statement.startsWith(`/* ${cypher[0]!.name} */`)).toBe(true);
    }
  });

  it('follows aliases, fragments, variables and @include/@skip', async () => {
    const query = `query($id: ID!, $withFigures: Boolean!, $skipMentions: Boolean!, $n: Int) {
      entity(id: $id) {
        ...Lists
        out: relations(direction: OUTGOING, first: $n) { totalCount edges { node { id } } }
        incoming: relations(direction: INCOMING) { howMany: totalCount page: pageInfo { more: hasNextPage } edges { node { id } } }
        figures(first: 2) @include(if: $withFigures) { edges { node { id } } }
        mentions @skip(if: $skipMentions) { totalCount }
      }
    }
    fragment Lists on Entity { relations(first: 1) { edges { node { id } } } ... on AdministrativeUnit { parts { totalCount } partOf { totalCount } } }`;
    for (const id of entityIds.slice(0, 12)) {
      for (const flags of [{ withFigures: true, skipMentions: false, n: 2 }, { withFigures: false, skipMentions: true, n: null }]) {
        const res = await both(query, { id, ...flags });
        expect(res.errors).toBeUndefined();
        expect(res.extensions!.cypherRoundTrips).toBe(1);
      }
    }
  });

  it('reads as many evidence keys as the evidence pages below need', async () => {
    const query = `query($id: ID!, $after: String) { entity(id: $id) { relations(first: 20) { edges { node { id
      evidence(first: 1) { totalCount edges { node { id } } }
      more: evidence(first: 3, after: $after) { pageInfo { hasNextPage } edges { cursor node { id } } }
      last: evidence(last: 1) { edges { node { id } } } } } } } }`;
    for (const id of entityIds.slice(0, 12)) {
      for (const after of [null, 'b2Zmc2V0OjA']) {
        const res = await both(query, { id, after });
        expect(res.errors).toBeUndefined();
        // a relation short of the keys its pages need would be read again by its loader
        expect(res.extensions!.cypherRoundTrips).toBe(1);
      }
    }
  });

  it("answers the explorer's queries as the loaders do", async () => {
    const province = entityIds.find((id) => id.startsWith('province:'))!;
    for (const query of [NEIGHBOURS, DETAILS]) {
      const res = await both(query, { id: province, figures: { subject: province } });
      expect(res.errors).toBeUndefined();
    }
  });

  it('leaves to the loaders what needs the length first, and reports wrong arguments where they are', async () => {
    const id = entityIds[0]!;
    const backward = await both(`query($id: ID!) { entity(id: $id) { relations(last: 2) { edges { cursor node { id } } } mentions(first: 1) { totalCount } } }`, { id });
    expect(backward.errors).toBeUndefined();
    const wrong = await both(`query($id: ID!) { entity(id: $id) { name relations(first: 0) { totalCount } mentions(first: 1) { totalCount } } }`, { id });
    expect(wrong.errors?.[0]?.path).toEqual(['entity', 'relations']);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('says an unknown id is not found, as before', async () => {
    const res = await both('{ entity(id: "no-such-entity") { id relations { totalCount } } article(id: "no-such-article") { id } }');
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('pages through a list with the cursors of the loaders', async () => {
    const query = `query($after: String) { articles(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id entities(first: 2, kind: ADMINISTRATIVE_UNIT) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } } } } }`;
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await both(query, { after });
      const page = (res.data as { articles: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).articles.pageInfo;
      after = page.hasNextPage ? page.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBeGreaterThan(1);
  });

  it('pages through a nested list with its cursors', async () => {
    const query = `query($id: ID!, $after: String) { entity(id: $id) { mentions(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
    type Mentions = { entity: { mentions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } } };
    const counts = await loaded.query<{ entities: { edges: { node: { id: string; mentions: { totalCount: number } } }[] } }>(
      '{ entities(first: 100) { edges { node { id mentions { totalCount } } } } }',
    );
    const busiest = counts.data!.entities.edges.map((e) => e.node).sort((a, b) => b.mentions.totalCount - a.mentions.totalCount)[0]!;
    expect(busiest.mentions.totalCount).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await both(query, { id: busiest.id, after });
      expect(res.extensions!.cypherRoundTrips).toBe(1);
      const page: Mentions['entity']['mentions'] = (res.data as Mentions).entity.mentions;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(busiest.mentions.totalCount);
  });
});
