// neighborhood and shortestPath on the seed article, through HTTP GraphQL. Expected node and edge
// sets come from the graph itself (direct Cypher), so they follow whatever the extractor finds;
// the few entities named here are the ones the README's examples rest on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.ts';

interface GraphNode { id: string; label: string; kind: string; subtype: string; properties: Record<string, unknown> | null }
interface GraphEdge { id: string; source: string; target: string; type: string; evidenceCount: number }
interface GraphView { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }

const GRAPH_FIELDS = `nodes { id label kind subtype properties } edges { id source target type evidenceCount } truncated`;

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int, $kinds: [EntityKind!]) {
  neighborhood(id: $id, depth: $depth, limit: $limit, kinds: $kinds) { ${GRAPH_FIELDS} } }`;

const SHORTEST_PATH = `query($from: ID!, $to: ID!, $maxLength: Int) {
  shortestPath(from: $from, to: $to, maxLength: $maxLength) { ${GRAPH_FIELDS} } }`;

const KIND_OF_TYPE: Record<string, string> = {
  AdministrativeUnit: 'ADMINISTRATIVE_UNIT',
  Organization: 'ORGANIZATION',
  Campaign: 'CAMPAIGN',
  Person: 'PERSON',
};

describe('exploring the seed graph: neighborhood and shortestPath', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  const ids = { bacNinh: '', laoCai: '', tuSon: '', factory: '', photographer: '' };

  async function idOf(where: string, params: Record<string, unknown>): Promise<string> {
    const rows = await db.read<{ id: string }>(`MATCH (n:Entity) WHERE ${where} RETURN n.id AS id`, params);
    expect(rows, `${where} ${JSON.stringify(params)}`).toHaveLength(1);
    return rows[0]!.id;
  }

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
    ids.bacNinh = await idOf('n.subtype = $s AND n.name = $name', { s: 'PROVINCE', name: 'Bắc Ninh' });
    ids.laoCai = await idOf('n.subtype = $s AND n.name = $name', { s: 'PROVINCE', name: 'Lào Cai' });
    ids.tuSon = await idOf('n.subtype = $s AND n.name = $name', { s: 'DISTRICT', name: 'Từ Sơn' });
    ids.factory = await idOf('n.type = $t AND n.name STARTS WITH $prefix', { t: 'Organization', prefix: 'Nhà máy Vật liệu' });
    ids.photographer = await idOf('n.type = $t AND n.subtype = $s', { t: 'Person', s: 'photographer' });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  /**
   * Ids within `depth` relations of `id` (not `id` itself): paths through entities only (an
   * article mentions many), every entity on the way of one of `types`.
   */
  async function expectedIds(id: string, depth: 1 | 2 | 3, types: string[] | null = null): Promise<string[]> {
    const [row] = await db.read<{ ids: string[] }>(
      `MATCH (s:Entity {id: $id})
       OPTIONAL MATCH p = (s)-[*1..${depth}]-(m:Entity)
       WHERE m <> s AND all(x IN nodes(p)[1..] WHERE x:Entity AND ($types IS NULL OR x.type IN $types))
       RETURN collect(DISTINCT m.id) AS ids`,
      { id, types },
    );
    return row!.ids.sort();
  }

  /** Every relation whose two ends are among `nodeIds`, as GraphEdge values. */
  async function expectedEdges(nodeIds: string[]): Promise<GraphEdge[]> {
    const rows = await db.read<GraphEdge>(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
       RETURN a.id + '-[' + type(r) + ']->' + b.id AS id, a.id AS source, b.id AS target, type(r) AS type,
              size(coalesce(r.evidence, [])) AS evidenceCount`,
      { ids: nodeIds },
    );
    return sortEdges(rows);
  }

  const sortEdges = (edges: GraphEdge[]) => [...edges].sort((a, b) => a.id.localeCompare(b.id));

  async function neighborhood(variables: Record<string, unknown>): Promise<GraphQLResponse<{ neighborhood: GraphView }>> {
    return server.query<{ neighborhood: GraphView }>(NEIGHBORHOOD, variables);
  }

  async function graphOf(variables: Record<string, unknown>): Promise<GraphView> {
    const res = await neighborhood(variables);
    expect(res.errors).toBeUndefined();
    return res.data!.neighborhood;
  }

  it('depth 1 of Bắc Ninh: exactly its direct neighbors, the relations among them, in one Cypher round trip', async () => {
    const res = await neighborhood({ id: ids.bacNinh, depth: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cypherRoundTrips).toBe(1);
    const graph = res.data!.neighborhood;
    const expected = await expectedIds(ids.bacNinh, 1);
    expect(graph.nodes[0]!.id).toBe(ids.bacNinh);
    expect(graph.nodes.slice(1).map((n) => n.id)).toEqual(expected);
    expect(expected).toContain(ids.tuSon);
    expect(expected).not.toContain(ids.factory);
    expect(expected).not.toContain(ids.laoCai);
    expect(sortEdges(graph.edges)).toEqual(await expectedEdges([ids.bacNinh, ...expected]));
    expect(graph.edges.length).toBeGreaterThanOrEqual(expected.length);
    expect(graph.truncated).toBe(false);
  });

  it('depth 2 of Bắc Ninh adds what lies behind its neighbors, nearest first', async () => {
    const graph = await graphOf({ id: ids.bacNinh, depth: 2 });
    const depth1 = await expectedIds(ids.bacNinh, 1);
    const depth2 = await expectedIds(ids.bacNinh, 2);
    const further = depth2.filter((id) => !depth1.includes(id));
    expect(further).toContain(ids.factory);
    expect(further.length).toBeGreaterThan(1);
    // The start, then distance 1 by id, then distance 2 by id.
    expect(graph.nodes.map((n) => n.id)).toEqual([ids.bacNinh, ...depth1, ...further]);
    expect(sortEdges(graph.edges)).toEqual(await expectedEdges([ids.bacNinh, ...depth2]));
    expect(graph.edges.find((e) => e.source === ids.factory)).toMatchObject({ target: ids.tuSon, type: 'LOCATED_IN' });
    expect(depth2).not.toContain(ids.laoCai);
  });

  it('describes each node by the entity it is', async () => {
    const graph = await graphOf({ id: ids.bacNinh, depth: 2 });
    const rows = await db.read<{ id: string; name: string; type: string; subtype: string; properties: Record<string, unknown> }>(
      `MATCH (n:Entity) WHERE n.id IN $ids
       RETURN n.id AS id, n.name AS name, n.type AS type, n.subtype AS subtype,
              n {aliases: coalesce(n.aliases, []), .code, .level, validFrom: toString(n.validFrom), validTo: toString(n.validTo)} AS properties`,
      { ids: graph.nodes.map((n) => n.id) },
    );
    expect(rows).toHaveLength(graph.nodes.length);
    for (const row of rows) {
      const properties = Object.fromEntries(Object.entries(row.properties).filter(([, v]) => v !== null));
      expect(graph.nodes.find((n) => n.id === row.id)).toEqual({
        id: row.id,
        label: row.name,
        kind: KIND_OF_TYPE[row.type],
        subtype: row.subtype,
        properties,
      });
    }
    expect(graph.nodes[0]).toMatchObject({ label: 'Bắc Ninh', kind: 'ADMINISTRATIVE_UNIT', subtype: 'PROVINCE' });
    expect((graph.nodes[0]!.properties!['aliases'] as string[]).length).toBeGreaterThan(0);
  });

  it('answers properties and evidence counts asked alone, nested or in a fragment as when all is asked, in one round trip', async () => {
    const whole = await graphOf({ id: ids.bacNinh, depth: 2 });
    const ask = async (selection: string, fragments = '') => {
      const res = await server.query<{ neighborhood: Record<string, unknown[]> }>(
        `query($id: ID!) { neighborhood(id: $id, depth: 2) { ${selection} } } ${fragments}`,
        { id: ids.bacNinh },
      );
      expect(res.errors, selection).toBeUndefined();
      expect(res.extensions?.cypherRoundTrips, selection).toBe(1); // read by the statement, not by id afterwards
      return res.data!.neighborhood;
    };
    const propertiesOf = whole.nodes.map((n) => n.properties);
    const countsOf = whole.edges.map((e) => e.evidenceCount);
    expect(propertiesOf.some((p) => (p?.['aliases'] as string[] | undefined)?.length)).toBe(true); // details worth reading
    expect(countsOf.some((c) => c > 0)).toBe(true);
    for (const via of ['', 'data', 'attributes']) {
      const open = via ? `${via} { ` : '';
      const close = via ? ' }' : '';
      const nodes = (await ask(`nodes { ${open}properties${close} }`)).nodes as Record<string, { properties: unknown }>[];
      expect(nodes.map((n) => (via ? n[via]!.properties : (n as unknown as { properties: unknown }).properties)), via).toEqual(propertiesOf);
      const edges = (await ask(`edges { ${open}evidenceCount${close} }`)).edges as Record<string, { evidenceCount: number }>[];
      expect(edges.map((e) => (via ? e[via]!.evidenceCount : (e as unknown as { evidenceCount: number }).evidenceCount)), via).toEqual(countsOf);
    }
    const spread = await ask('...G', 'fragment G on Graph { nodes { ... on GraphNode { properties } } edges { ...E } } fragment E on GraphEdge { evidenceCount }');
    expect(spread).toEqual({ nodes: propertiesOf.map((properties) => ({ properties })), edges: countsOf.map((evidenceCount) => ({ evidenceCount })) });
    // Without properties or counts asked, the summary read is the same graph.
    const bare = await ask('nodes { id label kind subtype } edges { id source target type } truncated');
    expect(bare).toEqual({
      nodes: whole.nodes.map(({ id, label, kind, subtype }) => ({ id, label, kind, subtype })),
      edges: whole.edges.map(({ id, source, target, type }) => ({ id, source, target, type })),
      truncated: whole.truncated,
    });
  });

  it('returns edge ids that node(id) resolves to the relation with its evidence', async () => {
    const graph = await graphOf({ id: ids.bacNinh, depth: 1 });
    const res = await server.query<{ nodes: { __typename: string; type: string; evidence: { totalCount: number } }[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Relation { type evidence { totalCount } } } }',
      { ids: graph.edges.map((e) => e.id) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes.map((n) => [n.__typename, n.type, n.evidence.totalCount])).toEqual(
      graph.edges.map((e) => ['Relation', e.type, e.evidenceCount]),
    );
  });

  it('kinds: returns and walks through only entities of those kinds, the start always included', async () => {
    const units = await graphOf({ id: ids.bacNinh, depth: 2, kinds: ['ADMINISTRATIVE_UNIT'] });
    const expectedUnits = await expectedIds(ids.bacNinh, 2, ['AdministrativeUnit']);
    expect(units.nodes.map((n) => n.id)).toEqual([ids.bacNinh, ...expectedUnits]);
    expect(expectedUnits).toContain(ids.tuSon);
    expect(units.nodes.every((n) => n.kind === 'ADMINISTRATIVE_UNIT')).toBe(true);
    expect(sortEdges(units.edges)).toEqual(await expectedEdges([ids.bacNinh, ...expectedUnits]));

    // Campaigns hang off organizations: without walking through organizations none is reached.
    const campaigns = await graphOf({ id: ids.bacNinh, depth: 3, kinds: ['CAMPAIGN'] });
    expect(await expectedIds(ids.bacNinh, 3, ['Campaign'])).toEqual([]);
    expect(campaigns).toEqual({ nodes: [expect.objectContaining({ id: ids.bacNinh })], edges: [], truncated: false });

    const bodies = await graphOf({ id: ids.bacNinh, depth: 2, kinds: ['ORGANIZATION', 'CAMPAIGN', 'ORGANIZATION'] });
    const expectedBodies = await expectedIds(ids.bacNinh, 2, ['Organization', 'Campaign']);
    expect(bodies.nodes.slice(1).map((n) => n.id).sort()).toEqual(expectedBodies);
    expect(expectedBodies.some((id) => id.startsWith('campaign:'))).toBe(true);
    expect(expectedBodies).not.toContain(ids.factory); // reached only through the district
  });

  it('limit: keeps the nearest nodes, the start counted, and says the result was cut', async () => {
    const depth1 = await expectedIds(ids.bacNinh, 1);
    const depth2 = await expectedIds(ids.bacNinh, 2);
    const two = await graphOf({ id: ids.bacNinh, depth: 2, limit: 2 });
    expect(two.nodes.map((n) => n.id)).toEqual([ids.bacNinh, depth1[0]]);
    expect(sortEdges(two.edges)).toEqual(await expectedEdges([ids.bacNinh, depth1[0]!]));
    expect(two.truncated).toBe(true);

    const exact = await graphOf({ id: ids.bacNinh, depth: 2, limit: depth2.length + 1 });
    expect([exact.nodes.length, exact.truncated]).toEqual([depth2.length + 1, false]);
    const oneShort = await graphOf({ id: ids.bacNinh, depth: 2, limit: depth2.length });
    expect([oneShort.nodes.length, oneShort.truncated]).toEqual([depth2.length, true]);
    const alone = await graphOf({ id: ids.bacNinh, limit: 1 });
    expect([alone.nodes.map((n) => n.id), alone.edges, alone.truncated]).toEqual([[ids.bacNinh], [], true]);
  });

  it('an entity without relations is a graph of one node', async () => {
    const graph = await graphOf({ id: ids.photographer, depth: 3 });
    expect(graph).toEqual({
      nodes: [expect.objectContaining({ id: ids.photographer, kind: 'PERSON', subtype: 'photographer' })],
      edges: [],
      truncated: false,
    });
  });

  it('rejects depth outside 1..3, limit outside 1..max page size, and an empty kinds list', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ depth: 0 }, 'depth', '"depth" must be an integer from 1 to 3; got 0.'],
      [{ depth: 4 }, 'depth', '"depth" must be an integer from 1 to 3; got 4.'],
      [{ limit: 0 }, 'limit', '"limit" must be an integer from 1 to 100; got 0.'],
      [{ limit: 101 }, 'limit', '"limit" must be an integer from 1 to 100; got 101.'],
      [{ kinds: [] }, 'kinds', '"kinds" must name at least one kind; omit it for all kinds.'],
    ];
    for (const [variables, argument, message] of cases) {
      const res = await neighborhood({ id: ids.bacNinh, ...variables });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument } });
      expect(res.extensions?.cypherRoundTrips).toBe(0);
    }
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const res = await neighborhood({ id: 'province:atlantis' });
    expect(res.data).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ message: 'No entity has the id "province:atlantis".', extensions: { code: 'NOT_FOUND' } });
  });

  async function path(variables: Record<string, unknown>): Promise<GraphQLResponse<{ shortestPath: GraphView | null }>> {
    return server.query<{ shortestPath: GraphView | null }>(SHORTEST_PATH, variables);
  }

  it('shortestPath from the factory in Từ Sơn to Bắc Ninh goes through the district', async () => {
    const res = await path({ from: ids.factory, to: ids.bacNinh });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.cypherRoundTrips).toBe(1);
    const graph = res.data!.shortestPath!;
    expect(graph.nodes.map((n) => [n.label, n.kind, n.subtype])).toEqual([
      ['Nhà máy Vật liệu chịu lửa kiềm tính Việt Nam', 'ORGANIZATION', 'ENTERPRISE'],
      ['Từ Sơn', 'ADMINISTRATIVE_UNIT', 'DISTRICT'],
      ['Bắc Ninh', 'ADMINISTRATIVE_UNIT', 'PROVINCE'],
    ]);
    const edges = await expectedEdges([ids.factory, ids.tuSon, ids.bacNinh]);
    expect(graph.edges).toEqual([
      edges.find((e) => e.source === ids.factory && e.target === ids.tuSon),
      edges.find((e) => e.source === ids.tuSon && e.target === ids.bacNinh),
    ]);
    expect(graph.edges.map((e) => [e.type, e.evidenceCount])).toEqual([['LOCATED_IN', 1], ['PART_OF', 1]]);
    expect(graph.truncated).toBe(false);
  });

  it('shortestPath follows relations against their direction and keeps each edge as stored', async () => {
    const forward = (await path({ from: ids.factory, to: ids.bacNinh })).data!.shortestPath!;
    const backward = (await path({ from: ids.bacNinh, to: ids.factory })).data!.shortestPath!;
    expect(backward.nodes.map((n) => n.id)).toEqual([ids.bacNinh, ids.tuSon, ids.factory]);
    expect(backward.edges).toEqual([...forward.edges].reverse());
  });

  it('shortestPath is null when no path is short enough, or none exists', async () => {
    expect((await path({ from: ids.factory, to: ids.bacNinh, maxLength: 2 })).data!.shortestPath).not.toBeNull();
    const tooShort = await path({ from: ids.factory, to: ids.bacNinh, maxLength: 1 });
    expect([tooShort.errors, tooShort.data]).toEqual([undefined, { shortestPath: null }]);

    // Lào Cai and Bắc Ninh share no chain of relations between entities in this article.
    const [{ paths }] = (await db.read<{ paths: number }>(
      `MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
       OPTIONAL MATCH p = shortestPath((a)-[*..15]-(b)) WHERE all(x IN nodes(p) WHERE x:Entity)
       RETURN count(p) AS paths`,
      { a: ids.laoCai, b: ids.bacNinh },
    )) as [{ paths: number }];
    expect(paths).toBe(0);
    const none = await path({ from: ids.laoCai, to: ids.bacNinh, maxLength: 10 });
    expect([none.errors, none.data]).toEqual([undefined, { shortestPath: null }]);
    const isolated = await path({ from: ids.photographer, to: ids.bacNinh });
    expect(isolated.data).toEqual({ shortestPath: null });
  });

  it('shortestPath from an entity to itself is that entity alone', async () => {
    const res = await path({ from: ids.tuSon, to: ids.tuSon, maxLength: 1 });
    expect(res.data!.shortestPath).toEqual({ nodes: [expect.objectContaining({ id: ids.tuSon, label: 'Từ Sơn' })], edges: [], truncated: false });
  });

  it('shortestPath rejects maxLength outside 1..10 and names an unknown end', async () => {
    for (const maxLength of [0, 11]) {
      const res = await path({ from: ids.factory, to: ids.bacNinh, maxLength });
      expect(res.errors?.[0]).toMatchObject({
        message: `"maxLength" must be an integer from 1 to 10; got ${maxLength}.`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'maxLength' },
      });
    }
    const unknownTo = await path({ from: ids.factory, to: 'province:atlantis' });
    expect(unknownTo.data).toEqual({ shortestPath: null });
    expect(unknownTo.errors?.[0]).toMatchObject({ message: 'No entity has the id "province:atlantis".', extensions: { code: 'NOT_FOUND' } });
    const unknownFrom = await path({ from: 'org:nowhere', to: ids.bacNinh });
    expect(unknownFrom.errors?.[0]?.message).toBe('No entity has the id "org:nowhere".');
  });
});
