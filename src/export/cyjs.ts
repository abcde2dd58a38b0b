// Cytoscape.js JSON (https://js.cytoscape.org/#notation/elements-json): `cy.json(file)` or
// `cytoscape({ elements: file.elements })` load it as is; Cytoscape desktop imports it as .cyjs.
import { OPTIONAL_NODE_ATTRIBUTES, type ExportEdge, type ExportNode, type GraphFormat } from './model.ts';

function nodeData(n: ExportNode): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: n.id,
    label: n.label,
    name: n.label,
    kind: n.kind,
    subtype: n.subtype,
    aliases: n.aliases,
  };
  for (const name of OPTIONAL_NODE_ATTRIBUTES) {
    const value = n[name];
    if (value !== null && value !== undefined) data[name] = value;
  }
  return data;
}

const edgeData = (e: ExportEdge) => ({
  id: e.id,
  source: e.source,
  target: e.target,
  type: e.type,
  evidenceCount: e.evidenceCount,
});

const separator = (index: number) => (index === 0 ? '\n' : ',\n');

export const cyjs: GraphFormat = {
  extension: 'cyjs',
  contentType: 'application/json; charset=utf-8',
  header: () =>
    '{"format_version":"1.0","generated_by":"vnkg","target_cytoscapejs_version":"~3",' +
    '"data":{"name":"vnkg"},"elements":{"nodes":[',
  node: (n, index) => separator(index) + JSON.stringify({ data: nodeData(n) }),
  between: () => '\n],"edges":[',
  edge: (e, index) => separator(index) + JSON.stringify({ data: edgeData(e) }),
  footer: () => '\n]}}\n',
};
