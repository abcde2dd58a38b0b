// GraphML (http://graphml.graphdrawing.org/): yEd, Gephi, Cytoscape desktop, NetworkX, igraph,
// graphology-graphml. Every attribute is declared as a <key> so tools list it by name.
import { OPTIONAL_NODE_ATTRIBUTES, type ExportEdge, type ExportNode, type GraphFormat } from './model.ts';
import { xmlAttribute as attr, xmlText as text } from './xml.ts';

type Key = readonly [id: string, name: string, type: 'string' | 'int', description: string];

/** Node keys: [key id, attr.name, attr.type, description]. */
const NODE_KEYS: readonly Key[] = [
  ['n_label', 'label', 'string', 'Display label: the entity name'],
  ['n_name', 'name', 'string', 'Canonical name of the entity'],
  ['n_kind', 'kind', 'string', 'ADMINISTRATIVE_UNIT, ORGANIZATION, CAMPAIGN or PERSON'],
  ['n_subtype', 'subtype', 'string', 'PROVINCE, DISTRICT, PARTY, FUND … or a role word'],
  ['n_aliases', 'aliases', 'string', 'Other surface forms, as a JSON array of strings'],
  ...OPTIONAL_NODE_ATTRIBUTES.map((name): Key => [`n_${name}`, name, 'string', `Gazetteer: ${name}`]),
];

const EDGE_KEYS: readonly Key[] = [
  ['e_type', 'type', 'string', 'Relation type: LOCATED_IN, PART_OF, RUNS, MEMBER_OF, LEADS, RELATED_TO, SUCCEEDED_BY'],
  ['e_evidenceCount', 'evidenceCount', 'int', 'Number of article spans stating the relation'],
];

const key = (domain: 'node' | 'edge', [id, name, type, desc]: Key) =>
  `  <key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"><desc>${text(desc)}</desc></key>\n`;

const data = (keyId: string, value: string) => `<data key="${keyId}">${text(value)}</data>`;

export const graphml: GraphFormat = {
  extension: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',

  header: () =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    NODE_KEYS.map((k) => key('node', k)).join('') +
    EDGE_KEYS.map((k) => key('edge', k)).join('') +
    '  <graph id="vnkg" edgedefault="directed">\n',

  node: (n: ExportNode) => {
    const optional = OPTIONAL_NODE_ATTRIBUTES.flatMap((name) => {
      const value = n[name];
      return value === null || value === undefined ? [] : [data(`n_${name}`, value)];
    });
    return (
      `    <node id="${attr(n.id)}">` +
      data('n_label', n.label) +
      data('n_name', n.label) +
      data('n_kind', n.kind) +
      data('n_subtype', n.subtype) +
      data('n_aliases', JSON.stringify(n.aliases)) +
      optional.join('') +
      '</node>\n'
    );
  },

  between: () => '',

  edge: (e: ExportEdge) =>
    `    <edge id="${attr(e.id)}" source="${attr(e.source)}" target="${attr(e.target)}">` +
    data('e_type', e.type) +
    data('e_evidenceCount', String(e.evidenceCount)) +
    '</edge>\n',

  footer: () => '  </graph>\n</graphml>\n',
};
