// GET /export/graph.{graphml,gexf,cyjs}: the seed graph downloaded in each format and parsed back
// with graph libraries' own parsers equals the entity graph in Neo4j.
import { MultiGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { pino } from 'pino';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The graph class the parsers build (graphology's default export is typed as CommonJS, which
// NodeNext cannot import as a class): multi, since two relations may join the same entities.
const Graph = MultiGraph;
type Graph = AbstractGraph;

interface EntityRow { id: string; name: string; kind: string; subtype: string; aliases: string[] }
interface RelationRow { id: string; source: string; target: string; type: string; evidenceCount: number }

const KIND_OF_TYPE: Record<string, string> = {
  AdministrativeUnit: 'ADMINISTRATIVE_UNIT',
  Organization: 'ORGANIZATION',
  Campaign: 'CAMPAIGN',
  Person: 'PERSON',
};

/** A downloaded file parsed into a graphology graph, aliases as a list whatever the format. */
const PARSERS: Record<string, (text: string) => Graph> = {
  graphml: (text) => {
    const graph = parseGraphml(Graph, text);
    graph.updateEachNodeAttributes((_, a) => ({ ...a, aliases: JSON.parse(a['aliases'] as string) }));
    return graph;
  },
  gexf: (text) => parseGexf(Graph, text),
  cyjs: (text) => {
    const json = JSON.parse(text) as {
      elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
    };
    const graph = new Graph({ type: 'directed' });
    for (const { data } of json.elements.nodes) graph.addNode(data['id'] as string, data);
    for (const { data } of json.elements.edges) graph.addEdgeWithKey(data['id'] as string, data['source'] as string, data['target'] as string, data);
    return graph;
  },
};

const CONTENT_TYPES: Record<string, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  cyjs: 'application/json; charset=utf-8',
};

describe('graph exports over HTTP', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let bacNinh: string;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
    const rows = await db.read<{ id: string }>(`MATCH (n:Entity {subtype: 'PROVINCE', name: 'Bắc Ninh'}) RETURN n.id AS id`, {});
    expect(rows).toHaveLength(1);
    bacNinh = rows[0]!.id;
  });

  async function neighborhoodIds(args: string): Promise<string[]> {
    const gql = await server.query<{ neighborhood: { nodes: { id: string }[] } }>(
      `query($id: ID!) { neighborhood(id: $id, ${args}) { nodes { id } } }`,
      { id: bacNinh },
    );
    expect(gql.errors).toBeUndefined();
    return gql.data!.neighborhood.nodes.map((n) => n.id);
  }
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function download(path: string) {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async function entities(ids?: string[]): Promise<EntityRow[]> {
    const rows = await db.read<EntityRow & { type: string }>(
      `MATCH (n:Entity) WHERE $ids IS NULL OR n.id IN $ids
       RETURN n.id AS id, n.name AS name, n.type AS type, n.subtype AS subtype, coalesce(n.aliases, []) AS aliases ORDER BY id`,
      { ids: ids ?? null },
    );
    return rows.map(({ type, ...row }) => ({ ...row, kind: KIND_OF_TYPE[type]! }));
  }

  async function relations(ids?: string[]): Promise<RelationRow[]> {
    return db.read<RelationRow>(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
       RETURN a.id + '-[' + type(r) + ']->' + b.id AS id, a.id AS source, b.id AS target, type(r) AS type,
              size(coalesce(r.evidence, [])) AS evidenceCount ORDER BY id`,
      { ids: ids ?? null },
    );
  }

  /** The parsed graph holds exactly these entities and relations, with their attributes. */
  function expectSameGraph(graph: Graph, nodes: EntityRow[], edges: RelationRow[]) {
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(edges.length);
    expect(graph.nodes().sort()).toEqual(nodes.map((n) => n.id));
    for (const n of nodes) {
      expect(graph.getNodeAttributes(n.id), n.id).toMatchObject({
        label: n.name,
        name: n.name,
        kind: n.kind,
        subtype: n.subtype,
        aliases: n.aliases,
      });
    }
    expect(graph.edges().sort()).toEqual(edges.map((e) => e.id));
    for (const e of edges) {
      expect([graph.source(e.id), graph.target(e.id)]).toEqual([e.source, e.target]);
      expect(graph.getEdgeAttributes(e.id)).toMatchObject({ type: e.type, evidenceCount: e.evidenceCount });
    }
  }

  for (const format of ['graphml', 'gexf', 'cyjs']) {
    it(`graph.${format}: the whole entity graph, as an attachment, parses back to what Neo4j holds`, async () => {
      const res = await download(`/export/graph.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="vnkg-graph.${format}"`);
      const nodes = await entities();
      const edges = await relations();
      expect(nodes.length).toBeGreaterThan(10);
      expect(edges.length).toBeGreaterThan(5);
      expectSameGraph(PARSERS[format]!(res.text), nodes, edges);
    });

    it(`graph.${format}?id=…&depth=2: the neighborhood GraphQL returns, as a file`, async () => {
      const ids = await neighborhoodIds('depth: 2');
      expect(ids.length).toBeGreaterThan((await neighborhoodIds('depth: 1')).length);
      const res = await download(`/export/graph.${format}?id=${encodeURIComponent(bacNinh)}&depth=2`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(CONTENT_TYPES[format]);
      const file = `vnkg-neighborhood-${bacNinh.replace(/[^A-Za-z0-9._-]+/g, '-')}-depth2.${format}`;
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      expect(res.headers.get('x-vnkg-truncated')).toBe('false');
      expectSameGraph(PARSERS[format]!(res.text), await entities(ids), await relations(ids));
    });
  }

  it('takes limit and kinds for a neighborhood, and says when the limit cut it', async () => {
    const id = encodeURIComponent(bacNinh);
    const cut = await download(`/export/graph.cyjs?id=${id}&depth=2&limit=2`);
    expect(cut.headers.get('x-vnkg-truncated')).toBe('true');
    expect(PARSERS['cyjs']!(cut.text).nodes()).toEqual(await neighborhoodIds('depth: 2, limit: 2'));
    const units = PARSERS['gexf']!((await download(`/export/graph.gexf?id=${id}&depth=2&kinds=ADMINISTRATIVE_UNIT`)).text);
    const unitIds = await neighborhoodIds('depth: 2, kinds: [ADMINISTRATIVE_UNIT]');
    expect(unitIds.length).toBeGreaterThan(1);
    expect(units.nodes()).toEqual(unitIds);
    expect(units.edges().sort()).toEqual((await relations(unitIds)).map((r) => r.id));
    const multi = await download(`/export/graph.graphml?id=${id}&depth=2&kinds=ORGANIZATION,CAMPAIGN`);
    expect(PARSERS['graphml']!(multi.text).nodes()).toEqual(await neighborhoodIds('depth: 2, kinds: [ORGANIZATION, CAMPAIGN]'));
  });

  it('answers bad parameters with 400 BAD_USER_INPUT and an unknown id with 404 NOT_FOUND, as JSON', async () => {
    const cases: [string, number, string, string][] = [
      ['?depth=2', 400, 'BAD_USER_INPUT', `"depth" applies to a neighborhood: give the entity's "id" too.`],
      ['?id=province:bac-ninh&depth=0', 400, 'BAD_USER_INPUT', '"depth" must be an integer from 1 to 3; got "0".'],
      ['?id=province:bac-ninh&depth=4', 400, 'BAD_USER_INPUT', '"depth" must be an integer from 1 to 3; got "4".'],
      ['?id=province:bac-ninh&depth=two', 400, 'BAD_USER_INPUT', '"depth" must be an integer from 1 to 3; got "two".'],
      ['?id=province:bac-ninh&limit=10001', 400, 'BAD_USER_INPUT', '"limit" must be an integer from 1 to 10000; got "10001".'],
      ['?id=province:bac-ninh&kinds=PLACE', 400, 'BAD_USER_INPUT', '"kinds" is a comma-separated list of ADMINISTRATIVE_UNIT, ORGANIZATION, CAMPAIGN, PERSON; got "PLACE".'],
      ['?id=a&id=b', 400, 'BAD_USER_INPUT', '"id" must be given once, as a plain value.'],
      ['?id=', 400, 'BAD_USER_INPUT', '"id" must not be empty.'],
      ['?format=xml', 400, 'BAD_USER_INPUT', 'Unknown query parameter "format"; the parameters are id, depth, limit, kinds.'],
      ['?id=province:atlantis', 404, 'NOT_FOUND', 'No entity has the id "province:atlantis".'],
    ];
    for (const [query, status, code, message] of cases) {
      for (const format of ['graphml', 'gexf', 'cyjs']) {
        const res = await download(`/export/graph.${format}${query}`);
        expect([query, res.status, res.headers.get('content-type')]).toEqual([query, status, 'application/json; charset=utf-8']);
        expect(JSON.parse(res.text)).toEqual({ error: { code, message } });
      }
    }
    expect((await download('/export/graph.dot')).status).toBe(404);
  });
});

describe('whole-graph export of a larger graph', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  const COUNT = 5000;

  beforeAll(async () => {
    await resetGraph(db);
    // A chain of organizations, each located in one of 50 provinces; names that need escaping.
    await db.writeTransaction((tx) =>
      tx.run(
        `UNWIND range(0, 49) AS i
         CREATE (:Entity:AdministrativeUnit:Province {id: 'province:p' + i, type: 'AdministrativeUnit', subtype: 'PROVINCE', name: 'Tỉnh ' + i, aliases: []})
         WITH count(*) AS provinces
         UNWIND range(0, $count - 1) AS i
         MATCH (p:Entity {id: 'province:p' + (i % 50)})
         CREATE (o:Entity:Organization {id: 'org:o' + i, type: 'Organization', subtype: 'ENTERPRISE',
                 name: 'Công ty <' + i + '> & "Cộng sự"', aliases: ['CT ' + i + ', Ltd']})
         CREATE (o)-[:LOCATED_IN {evidence: ['article:0:s' + i + '|0|1']}]->(p)`,
        { count: COUNT },
      ),
    );
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('streams every entity and relation (chunked, no length known in advance)', async () => {
    for (const format of ['graphml', 'cyjs']) {
      const res = await fetch(`${server.url}/export/graph.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      expect(res.headers.get('content-length')).toBeNull();
      const graph = PARSERS[format]!(await res.text());
      expect([graph.order, graph.size]).toEqual([COUNT + 50, COUNT]);
      expect(graph.getNodeAttributes('org:o4321')).toMatchObject({ label: 'Công ty <4321> & "Cộng sự"', aliases: ['CT 4321, Ltd'] });
      expect(graph.getEdgeAttributes('org:o4321-[LOCATED_IN]->province:p21')).toMatchObject({ type: 'LOCATED_IN', evidenceCount: 1 });
    }
  });

  it('keeps serving after a client abandons a download halfway', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/export/graph.gexf`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.closed.catch(() => {});
    const again = await fetch(`${server.url}/export/graph.cyjs?id=province:p7&depth=1`);
    expect(again.status).toBe(200);
    expect(PARSERS['cyjs']!(await again.text()).order).toBe(1 + COUNT / 50);
  });
});

describe('graph exports while Neo4j is down', () => {
  it('answer 503 SERVICE_UNAVAILABLE as JSON before sending any of the file', async () => {
    const dead = GraphDatabase.connect(
      { uri: 'bolt://127.0.0.1:9', username: 'neo4j', password: '', database: undefined },
      { maxRetryTimeMs: 500 },
    );
    const app = await createApp({ db: dead, logger: pino({ level: 'silent' }), maxPageSize: 100 });
    const port = await app.listen(0);
    try {
      for (const path of ['/export/graph.graphml', '/export/graph.cyjs?id=province:bac-ninh']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect([path, res.status, res.headers.get('content-disposition')]).toEqual([path, 503, null]);
        expect(await res.json()).toEqual({
          error: { code: 'SERVICE_UNAVAILABLE', message: 'The graph database is not reachable right now; please retry shortly.' },
        });
      }
    } finally {
      await app.stop();
      await dead.close();
    }
  });
});
