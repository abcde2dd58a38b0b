// The pure serializers on a small hand-made graph: what graph tools parse back is exactly what
// went in, whatever characters the names hold.
import { MultiGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { FORMATS, renderGraph, serializeGraph, type ExportEdge, type ExportNode } from '../../src/export/index.ts';

// The graph class the parsers build (graphology's default export is typed as CommonJS, which
// NodeNext cannot import as a class): multi, since two relations may join the same entities.
const Graph = MultiGraph;
type Graph = AbstractGraph;

const TRICKY = `Công ty <A> & "B" 'C'`;

const NODES: ExportNode[] = [
  {
    id: 'org:a&b<c>',
    label: TRICKY,
    kind: 'ORGANIZATION',
    subtype: 'ENTERPRISE',
    aliases: ['A & B', 'Nhà máy X, Y', 'say "hi"', 'back\\slash', '<tag>'],
  },
  {
    id: 'province:bac-ninh',
    label: 'Bắc Ninh',
    kind: 'ADMINISTRATIVE_UNIT',
    subtype: 'PROVINCE',
    aliases: ['tỉnh Bắc Ninh'],
    code: '27',
    level: 'tỉnh',
    validFrom: null,
    validTo: '2025-06-30',
  },
  // A bell character cannot be carried by XML at all: the XML formats drop it.
  { id: 'person:thanh-phong', label: 'Thanh\tPhong\nẢnh\u0007', kind: 'PERSON', subtype: 'photographer', aliases: [] },
];

const EDGES: ExportEdge[] = [
  { id: 'org:a&b<c>-[LOCATED_IN]->province:bac-ninh', source: 'org:a&b<c>', target: 'province:bac-ninh', type: 'LOCATED_IN', evidenceCount: 2 },
  // A parallel relation of another type between the same two entities.
  { id: 'org:a&b<c>-[PART_OF]->province:bac-ninh', source: 'org:a&b<c>', target: 'province:bac-ninh', type: 'PART_OF', evidenceCount: 0 },
  { id: 'person:thanh-phong-[MEMBER_OF]->org:a&b<c>', source: 'person:thanh-phong', target: 'org:a&b<c>', type: 'MEMBER_OF', evidenceCount: 1 },
];

const GRAPH = { nodes: NODES, edges: EDGES };
const XML_LABEL_OF_PHOTOGRAPHER = 'Thanh\tPhong\nẢnh';

/** The node attributes every format carries, as a graphology parser returns them. */
function expectNodeAttributes(graph: Graph, aliasesOf: (raw: unknown) => unknown) {
  const org = graph.getNodeAttributes('org:a&b<c>');
  expect(org['label']).toBe(TRICKY);
  expect(org['name']).toBe(TRICKY);
  expect(org['kind']).toBe('ORGANIZATION');
  expect(org['subtype']).toBe('ENTERPRISE');
  expect(aliasesOf(org['aliases'])).toEqual(['A & B', 'Nhà máy X, Y', 'say "hi"', 'back\\slash', '<tag>']);
  expect(org).not.toHaveProperty('code');

  const province = graph.getNodeAttributes('province:bac-ninh');
  expect([province['kind'], province['subtype'], province['code'], province['level'], province['validTo']]).toEqual([
    'ADMINISTRATIVE_UNIT', 'PROVINCE', '27', 'tỉnh', '2025-06-30',
  ]);
  expect(province).not.toHaveProperty('validFrom');
  expect(aliasesOf(province['aliases'])).toEqual(['tỉnh Bắc Ninh']);

  const person = graph.getNodeAttributes('person:thanh-phong');
  expect(person['label']).toBe(XML_LABEL_OF_PHOTOGRAPHER);
  expect(aliasesOf(person['aliases'])).toEqual([]);
}

function expectEdges(graph: Graph) {
  expect(graph.type).toBe('directed');
  expect(graph.size).toBe(3);
  for (const e of EDGES) {
    expect(graph.hasEdge(e.id), e.id).toBe(true);
    expect(graph.source(e.id)).toBe(e.source);
    expect(graph.target(e.id)).toBe(e.target);
    expect(graph.getEdgeAttribute(e.id, 'type')).toBe(e.type);
    expect(graph.getEdgeAttribute(e.id, 'evidenceCount')).toBe(e.evidenceCount);
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

describe('GraphML', () => {
  const text = renderGraph(FORMATS.graphml, GRAPH);

  it('parses with graphology-graphml into the same nodes, edges and attributes', () => {
    const graph = parseGraphml(Graph, text);
    expect(graph.order).toBe(3);
    expect(graph.nodes()).toEqual(NODES.map((n) => n.id));
    expectNodeAttributes(graph, (raw) => JSON.parse(raw as string));
    expectEdges(graph);
  });

  it('declares every attribute as a key, typed, before the graph', () => {
    const keys = [...text.matchAll(/<key id="([^"]+)" for="(node|edge)" attr\.name="([^"]+)" attr\.type="([^"]+)"/g)].map((m) => [m[2], m[3], m[4]]);
    expect(keys).toEqual([
      ['node', 'label', 'string'], ['node', 'name', 'string'], ['node', 'kind', 'string'], ['node', 'subtype', 'string'],
      ['node', 'aliases', 'string'], ['node', 'code', 'string'], ['node', 'level', 'string'], ['node', 'validFrom', 'string'],
      ['node', 'validTo', 'string'], ['edge', 'type', 'string'], ['edge', 'evidenceCount', 'int'],
    ]);
    expect(text.indexOf('<key ')).toBeLessThan(text.indexOf('<graph '));
    expect(text).toContain('<graph id="vnkg" edgedefault="directed">');
  });

  it('escapes &, <, > in text and attributes, and drops characters XML cannot hold', () => {
    expect(text).toContain('<node id="org:a&amp;b&lt;c&gt;">');
    expect(text).toContain(`<data key="n_label">Công ty &lt;A&gt; &amp; "B" 'C'</data>`);
    expect(text).toContain('source="org:a&amp;b&lt;c&gt;"');
    expect(text).not.toContain('\u0007');
    expect(text).not.toMatch(/<A>|& "B"|<c>/);
  });
});

describe('GEXF', () => {
  const text = renderGraph(FORMATS.gexf, GRAPH);

  it('parses with graphology-gexf into the same nodes, edges and typed attributes', () => {
    const graph = parseGexf(Graph, text);
    expect(graph.nodes()).toEqual(NODES.map((n) => n.id));
    // aliases is a GEXF liststring: the parser returns the list itself.
    expectNodeAttributes(graph, (raw) => raw);
    expectEdges(graph);
    // The relation type is also the edge's GEXF label and kind (Gephi keeps parallel kinds apart).
    expect(graph.getEdgeAttributes(EDGES[1]!.id)).toMatchObject({ label: 'PART_OF', kind: 'PART_OF' });
  });

  it('declares node and edge attributes with their types and escapes attribute values', () => {
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(text).toContain('<attribute id="aliases" title="aliases" type="liststring"/>');
    expect(text).toContain('<attribute id="evidenceCount" title="evidenceCount" type="integer"/>');
    expect(text).toContain('label="Công ty &lt;A&gt; &amp; &quot;B&quot; &apos;C&apos;"');
    // Whitespace in attribute values is kept as character references, or parsers turn it into spaces.
    expect(text).toContain('label="Thanh&#9;Phong&#10;Ảnh"');
    expect(text.indexOf('</nodes>')).toBeLessThan(text.indexOf('<edges>'));
  });
});

describe('Cytoscape.js JSON', () => {
  it('is the elements JSON Cytoscape.js loads, with every attribute in data', () => {
    const json = JSON.parse(renderGraph(FORMATS.cyjs, GRAPH));
    expect(Object.keys(json)).toEqual(['format_version', 'generated_by', 'target_cytoscapejs_version', 'data', 'elements']);
    expect(json.elements.nodes).toEqual([
      { data: { id: 'org:a&b<c>', label: TRICKY, name: TRICKY, kind: 'ORGANIZATION', subtype: 'ENTERPRISE', aliases: NODES[0]!.aliases } },
      {
        data: {
          id: 'province:bac-ninh', label: 'Bắc Ninh', name: 'Bắc Ninh', kind: 'ADMINISTRATIVE_UNIT', subtype: 'PROVINCE',
          aliases: ['tỉnh Bắc Ninh'], code: '27', level: 'tỉnh', validTo: '2025-06-30',
        },
      },
      // JSON carries every character, the bell included.
      { data: { id: 'person:thanh-phong', label: NODES[2]!.label, name: NODES[2]!.label, kind: 'PERSON', subtype: 'photographer', aliases: [] } },
    ]);
    expect(json.elements.edges).toEqual(EDGES.map((e) => ({ data: { ...e } })));
  });
});

describe('every format', () => {
  for (const [name, format] of Object.entries(FORMATS)) {
    it(`${name}: streaming from async sources writes exactly what rendering in memory writes`, async () => {
      const streamed = await collect(serializeGraph(format, { nodes: slowly(NODES), edges: slowly(EDGES) }));
      expect(streamed).toBe(renderGraph(format, GRAPH));
    });
  }

  it('writes an empty graph that parses as one', () => {
    const empty = { nodes: [], edges: [] };
    for (const parsed of [parseGraphml(Graph, renderGraph(FORMATS.graphml, empty)), parseGexf(Graph, renderGraph(FORMATS.gexf, empty))]) {
      expect([parsed.order, parsed.size]).toEqual([0, 0]);
    }
    expect(JSON.parse(renderGraph(FORMATS.cyjs, empty)).elements).toEqual({ nodes: [], edges: [] });
  });

  it('names its file extension and content type', () => {
    expect(Object.values(FORMATS).map((f) => [f.extension, f.contentType])).toEqual([
      ['graphml', 'application/graphml+xml; charset=utf-8'],
      ['gexf', 'application/gexf+xml; charset=utf-8'],
      ['cyjs', 'application/json; charset=utf-8'],
    ]);
  });
});
