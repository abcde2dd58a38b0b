// The Graph type taken as it comes by graphology, Cytoscape.js and d3-force, each with the
// selection its description gives, from the running server. A second relation is added between
// two entities already related, so the graph has the parallel edges real graphs have.
import cytoscape from 'cytoscape';
import { forceLink, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import GraphModule, { MultiGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// graphology's types describe its CommonJS build; the ESM build loaded here exports the Graph
// class as default, whose `from` reads `options` from the data.
const Graph = GraphModule as unknown as typeof MultiGraph;

const neighborhood = (selection: string) => `query($id: ID!) { neighborhood(id: $id, depth: 2) { ${selection} } }`;

// The selections schema.graphql's description of Graph gives, word for word.
const GRAPHOLOGY = 'options { type multi allowSelfLoops } nodes { key attributes { label kind subtype } } edges { key source target attributes { type evidenceCount } }';
const CYTOSCAPE = 'nodes { data { id label kind subtype } } edges { data { id source target type } }';
const D3 = 'nodes { id label kind } edges { source target type }';

interface Truth {
  nodes: string[];
  edges: { id: string; source: string; target: string; type: string }[];
}

describe('Graph as graph libraries take it', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let bacNinh = '';
  let truth: Truth;

  async function fetchGraph<T>(selection: string): Promise<T> {
    const res = await server.query<{ neighborhood: T }>(neighborhood(selection), { id: bacNinh });
    expect(res.errors).toBeUndefined();
    return res.data!.neighborhood;
  }

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
    [{ id: bacNinh }] = (await db.read<{ id: string }>(
      "MATCH (n:Entity {subtype: 'PROVINCE', name: 'Bắc Ninh'}) RETURN n.id AS id",
      {},
    )) as [{ id: string }];
    // A RELATED_TO alongside the first PART_OF/LOCATED_IN into Bắc Ninh: two edges, one pair.
    await db.writeTransaction((tx) =>
      tx.run(
        `MATCH (a:Entity)-[:PART_OF|LOCATED_IN]->(b:Entity {id: $id}) WITH a, b ORDER BY a.id LIMIT 1
         MERGE (a)-[r:RELATED_TO]->(b) SET r.evidence = []`,
        { id: bacNinh },
      ),
    );
    const full = await fetchGraph<{ nodes: { id: string }[]; edges: Truth['edges'] }>('nodes { id } edges { id source target type }');
    truth = { nodes: full.nodes.map((n) => n.id), edges: full.edges };
    expect(truth.nodes.length).toBeGreaterThan(5);
    const pairs = truth.edges.map((e) => `${e.source}>${e.target}`);
    expect(new Set(pairs).size).toBeLessThan(pairs.length);
  });
  afterAll(async () => {
    await server?.close();
    await db.close();
  });

  it('graphology: Graph.from and MultiGraph.import take it unchanged', async () => {
    const data = await fetchGraph<SerializedGraph>(GRAPHOLOGY);
    const graph = Graph.from(data);
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.nodes()).toEqual(truth.nodes);
    expect(graph.size).toBe(truth.edges.length);
    for (const e of truth.edges) {
      expect(graph.source(e.id)).toBe(e.source);
      expect(graph.target(e.id)).toBe(e.target);
      expect(graph.getEdgeAttribute(e.id, 'type')).toBe(e.type);
    }
    expect(graph.getNodeAttribute(bacNinh, 'label')).toBe('Bắc Ninh');
    expect(graph.getNodeAttribute(bacNinh, 'kind')).toBe('ADMINISTRATIVE_UNIT');
    const imported = new MultiGraph().import(data);
    expect(imported.order).toBe(truth.nodes.length);
    expect(imported.size).toBe(truth.edges.length);
  });

  it('Cytoscape.js: elements take it unchanged, edges included', async () => {
    const elements = await fetchGraph<cytoscape.ElementsDefinition>(CYTOSCAPE);
    const cy = cytoscape({ headless: true, elements });
    expect(cy.nodes().map((n) => n.id())).toEqual(truth.nodes);
    expect(cy.edges().length).toBe(truth.edges.length);
    for (const e of truth.edges) {
      const edge = cy.getElementById(e.id);
      expect(edge.isEdge()).toBe(true);
      expect(edge.source().id()).toBe(e.source);
      expect(edge.target().id()).toBe(e.target);
      expect(edge.data('type')).toBe(e.type);
    }
    expect(cy.getElementById(bacNinh).data('label')).toBe('Bắc Ninh');
  });

  it('d3-force: the simulation and forceLink take nodes and edges unchanged', async () => {
    type Node = SimulationNodeDatum & { id: string; label: string; kind: string };
    type Link = { source: string | Node; target: string | Node; type: string };
    const graph = await fetchGraph<{ nodes: Node[]; edges: Link[] }>(D3);
    const simulation = forceSimulation(graph.nodes)
      .force('link', forceLink<Node, Link>(graph.edges).id((d) => d.id))
      .stop();
    simulation.tick(20);
    expect(graph.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    expect(graph.edges.map((l) => [(l.source as Node).id, (l.target as Node).id, l.type])).toEqual(
      truth.edges.map((e) => [e.source, e.target, e.type]),
    );
  });

  it('serves all three at once from one selection', async () => {
    const all = await fetchGraph<SerializedGraph & cytoscape.ElementsDefinition>(`${GRAPHOLOGY} ${CYTOSCAPE} ${D3} truncated`);
    expect(Graph.from(all).size).toBe(truth.edges.length);
    expect(cytoscape({ headless: true, elements: all }).edges().length).toBe(truth.edges.length);
  });
});
