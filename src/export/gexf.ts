// GEXF 1.3 (https://gexf.net/): Gephi, graphology-gexf, NetworkX. Attributes are declared in
// <attributes> so Gephi's Data Laboratory shows them as typed columns; an edge's relation type is
// also its GEXF `kind`, so parallel relations of different types stay apart in Gephi.
import { OPTIONAL_NODE_ATTRIBUTES, type ExportEdge, type ExportNode, type GraphFormat } from './model.ts';
import { xmlAttribute as attr, xmlText as text } from './xml.ts';

type Attribute = readonly [id: string, type: 'string' | 'liststring' | 'integer'];

const NODE_ATTRIBUTES: readonly Attribute[] = [
  ['name', 'string'],
  ['kind', 'string'],
  ['subtype', 'string'],
  ['aliases', 'liststring'],
  ...OPTIONAL_NODE_ATTRIBUTES.map((name): Attribute => [name, 'string']),
];

const EDGE_ATTRIBUTES: readonly Attribute[] = [
  ['type', 'string'],
  ['evidenceCount', 'integer'],
];

const declare = (cls: 'node' | 'edge', attributes: readonly Attribute[]) =>
  `    <attributes class="${cls}" mode="static">\n` +
  attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>\n`).join('') +
  '    </attributes>\n';

const value = (id: string, v: string) => `<attvalue for="${id}" value="${attr(v)}"/>`;

export const gexf: GraphFormat = {
  extension: 'gexf',
  contentType: 'application/gexf+xml; charset=utf-8',

  header: () =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    '  <meta>\n    <creator>vnkg</creator>\n' +
    `    <description>${text('Entities of Vietnamese news and the relations between them')}</description>\n  </meta>\n` +
    '  <graph defaultedgetype="directed" mode="static">\n' +
    declare('node', NODE_ATTRIBUTES) +
    declare('edge', EDGE_ATTRIBUTES) +
    '    <nodes>\n',

  node: (n: ExportNode) => {
    const optional = OPTIONAL_NODE_ATTRIBUTES.flatMap((name) => {
      const v = n[name];
      return v === null || v === undefined ? [] : [value(name, v)];
    });
    return (
      `      <node id="${attr(n.id)}" label="${attr(n.label)}"><attvalues>` +
      value('name', n.label) +
      value('kind', n.kind) +
      value('subtype', n.subtype) +
      // GEXF 1.3 list syntax: [a, "b, c"] with quoted, backslash-escaped items; JSON is one of its forms.
      value('aliases', JSON.stringify(n.aliases)) +
      optional.join('') +
      '</attvalues></node>\n'
    );
  },

  between: () => '    </nodes>\n    <edges>\n',

  edge: (e: ExportEdge) =>
    `      <edge id="${attr(e.id)}" source="${attr(e.source)}" target="${attr(e.target)}"` +
    ` label="${attr(e.type)}" kind="${attr(e.type)}"><attvalues>` +
    value('type', e.type) +
    value('evidenceCount', String(e.evidenceCount)) +
    '</attvalues></edge>\n',

  footer: () => '    </edges>\n  </graph>\n</gexf>\n',
};
