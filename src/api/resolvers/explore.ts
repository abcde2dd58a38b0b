// Exploration: neighborhoods and shortest paths as plain graphs (nodes + edges), one Cypher
// statement each (graph/explore.ts). Arguments are checked here; the graph layer gets only
// validated numbers and ids as parameters.
import { JSONObjectResolver } from 'graphql-scalars';
import type {
  GraphEdgeDataResolvers,
  GraphEdgeResolvers,
  GraphNodeDataResolvers,
  GraphNodeResolvers,
  GraphResolvers,
  QueryResolvers,
  Resolvers,
} from '../../generated/resolvers.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_PATH_LENGTH, neighborhoodView, shortestPath, type GraphEdgeView, type NeighborhoodReads } from '../../graph/explore.ts';
import type { ApiContext } from '../context.ts';
import type { EntityDetails } from '../../graph/records.ts';
import { badUserInput, notFound } from '../errors.ts';
import { selects } from '../selection.ts';
import { entityDetails, KIND_OF_TYPE, TYPE_OF_KIND } from './entity.ts';

function integerIn(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`"${argument}" must be an integer from ${min} to ${max}; got ${value}.`, argument);
  }
  return value;
}

/** The properties of an entity beyond id, label, kind and subtype; gazetteer facts only when known. */
export function entityProperties(e: EntityDetails): Record<string, unknown> {
  const properties: Record<string, unknown> = { aliases: e.aliases };
  for (const key of ['code', 'level', 'validFrom', 'validTo'] as const) {
    const value = e[key];
    if (value !== null && value !== undefined) properties[key] = value;
  }
  return properties;
}

/**
 * What the selection reads of a graph's nodes and edges beyond the summary, directly or as `data`
 * or `attributes`; a field left unread here is still answered, read by id when asked for.
 */
function neighborhoodReads(info: GraphQLResolveInfo): NeighborhoodReads {
  const anyOf = (list: string, field: string) => ['', 'data', 'attributes'].some((via) => selects(info, [list, ...(via ? [via] : []), field]));
  return { details: anyOf('nodes', 'properties'), evidenceCount: anyOf('edges', 'evidenceCount') };
}

/** The exploration fields of Query: spread into the root Query resolvers. */
export const ExploreQuery: Pick<QueryResolvers, 'neighborhood' | 'shortestPath'> = {
  neighborhood: async (_, args, ctx, info) => {
    const depth = integerIn(args.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH, 'depth');
    const limit = integerIn(args.limit ?? 100, 1, ctx.maxPageSize, 'limit');
    if (args.kinds && args.kinds.length === 0) {
      throw badUserInput('"kinds" must name at least one kind; omit it for all kinds.', 'kinds');
    }
    const types = args.kinds ? [...new Set(args.kinds.map((k) => TYPE_OF_KIND[k]))] : null;
    const graph = await neighborhoodView(ctx.reads, args.id, { depth, limit, types }, neighborhoodReads(info), ctx.roundTrips);
    if (!graph) throw notFound('entity', args.id);
    return graph;
  },

  shortestPath: async (_, args, ctx) => {
    const maxLength = integerIn(args.maxLength ?? 6, 1, MAX_PATH_LENGTH, 'maxLength');
    const result = await shortestPath(ctx.reads, args.from, args.to, maxLength, ctx.roundTrips);
    if (result.found === 'missing') throw notFound('entity', result.ids[0]!);
    return result.found === 'path' ? result.path : null;
  },
};

// What graphology's Graph.from needs to build a graph that holds parallel edges (schema.graphql).
const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: true } as const;

const Graph: GraphResolvers = { options: () => GRAPH_OPTIONS };

// A node's and an edge's fields are also served nested, as `data` (Cytoscape.js) and
// `attributes` (graphology), so each library reads the same result unchanged.
const GraphNodeData: GraphNodeDataResolvers = {
  label: (e) => e.name,
  kind: (e) => KIND_OF_TYPE[e.type],
  properties: async (e, _, ctx) => entityProperties(await entityDetails(e, ctx)),
};

const GraphNode: GraphNodeResolvers = {
  ...GraphNodeData,
  key: (e) => e.id,
  data: (e) => e,
  attributes: (e) => e,
};

/** The relation's evidence count: on the edge when the neighborhood read it, else read by id now. */
async function evidenceCount(edge: GraphEdgeView, ctx: ApiContext): Promise<number> {
  if (edge.evidenceCount !== undefined) return edge.evidenceCount;
  const relation = await ctx.loaders.relation.load(edge.id);
  if (!relation) throw new Error(`Dangling reference: relation "${edge.id}" is missing from the graph.`);
  return relation.evidenceCount;
}

const GraphEdgeData: GraphEdgeDataResolvers = {
  evidenceCount: (e, _, ctx) => evidenceCount(e, ctx),
};

const GraphEdge: GraphEdgeResolvers = {
  ...GraphEdgeData,
  key: (e) => e.id,
  data: (e) => e,
  attributes: (e) => e,
};

/** The types exploration returns: spread into the root resolvers. */
export const exploreTypes = { JSONObject: JSONObjectResolver, Graph, GraphNode, GraphNodeData, GraphEdge, GraphEdgeData } satisfies Resolvers;
