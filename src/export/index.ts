// Graph serializers: GraphML, GEXF and Cytoscape.js JSON, as pure functions of an ExportGraph.
import { cyjs } from './cyjs.ts';
import { gexf } from './gexf.ts';
import { graphml } from './graphml.ts';
import type { ExportEdge, ExportGraph, ExportNode, GraphFormat } from './model.ts';

export type { ExportEdge, ExportGraph, ExportNode, GraphFormat } from './model.ts';

export const FORMATS = { graphml, gexf, cyjs } as const satisfies Record<string, GraphFormat>;
export type FormatName = keyof typeof FORMATS;

/**
 * The text of `graph` in `format`, chunk by chunk, as nodes and edges arrive: nodes are read to
 * their end before the first edge. Memory stays that of one element.
 */
export async function* serializeGraph(format: GraphFormat, graph: ExportGraph): AsyncGenerator<string> {
  yield format.header();
  let i = 0;
  for await (const node of graph.nodes) yield format.node(node, i++);
  yield format.between();
  i = 0;
  for await (const edge of graph.edges) yield format.edge(edge, i++);
  yield format.footer();
}

/** The whole text of an in-memory graph in `format`. */
export function renderGraph(format: GraphFormat, graph: ExportGraph<Iterable<ExportNode>, Iterable<ExportEdge>>): string {
  const parts = [format.header()];
  let i = 0;
  for (const node of graph.nodes) parts.push(format.node(node, i++));
  parts.push(format.between());
  i = 0;
  for (const edge of graph.edges) parts.push(format.edge(edge, i++));
  parts.push(format.footer());
  return parts.join('');
}
