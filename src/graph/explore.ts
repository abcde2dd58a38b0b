// Exploration reads over the entity graph: the neighborhood of an entity, the shortest path between
// two, and the whole graph as a stream (for exports). Only :Entity nodes and the relations between
// them take part; articles, sentences, mentions and figures do not.
//
// Variable-length bounds cannot be Cypher parameters, so each statement exists once per allowed
// bound (and a neighborhood once per shape), built here at load time from integer literals; a
// caller's validated number and shape only select one of them. User input reaches Neo4j as
// parameters only.
import type { EntityType } from '../core/types.ts';
import type { GraphDatabase, GraphReader, RoundTripCounter } from './database.ts';
import { ENTITY_RELATIONS as RELATIONS } from './lists.ts';
import { entityRecord, entitySummary } from './projections.ts';
import { relationId } from '../core/ids.ts';
import type { EntityRecord, EntityView, GraphRelationType } from './records.ts';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_PATH_LENGTH = 10;

/** A relation between two entities as a directed edge. */
export interface GraphEdgeRecord {
  /** The relation's id (`core/ids.ts` relationId): `FROM-[TYPE]->TO`. */
  id: string;
  source: string;
  target: string;
  type: GraphRelationType;
  /** Number of evidence spans stored on the relation (0 for gazetteer facts). */
  evidenceCount: number;
}

/** An edge as a neighborhood may read it: the evidence count only when asked for. */
export type GraphEdgeView = Omit<GraphEdgeRecord, 'evidenceCount'> & Partial<Pick<GraphEdgeRecord, 'evidenceCount'>>;

/** Entities and the relations among them. */
export interface SubgraphRecord {
  nodes: EntityRecord[];
  edges: GraphEdgeRecord[];
  /** Whether a node limit left out entities that belong to the subgraph. */
  truncated: boolean;
}

/** A subgraph read for a selection: entity summaries (details on demand) and edges without what it does not ask. */
export interface SubgraphView {
  nodes: EntityView[];
  edges: GraphEdgeView[];
  truncated: boolean;
}

type EdgeRow = Omit<GraphEdgeRecord, 'id'>;

/** The projection of relationship `r` (between entities) onto EdgeRow; the evidence count reads the evidence list. */
const edgeFields = (evidenceCount: boolean) => `{
  source: startNode(r).id, target: endNode(r).id, type: type(r)${evidenceCount ? ', evidenceCount: size(coalesce(r.evidence, []))' : ''}
}`;
const EDGE_FIELDS = edgeFields(true);

const toEdge = <E extends Omit<GraphEdgeView, 'id'>>(row: E): E & { id: string } => ({ id: relationId(row.type, row.source, row.target), ...row });

/** One statement per integer of 1..max, from a template taking that integer as a literal. */
function statementsUpTo(max: number, template: (bound: number) => string): ReadonlyMap<number, string> {
  return new Map(Array.from({ length: max }, (_, i) => [i + 1, template(i + 1)]));
}

function statementFor(statements: ReadonlyMap<number, string>, bound: number, what: string): string {
  const statement = statements.get(bound);
  if (statement === undefined) throw new RangeError(`${what} must be an integer from 1 to ${statements.size}; got ${bound}.`);
  return statement;
}

/** What a neighborhood reads beyond ids, names and types; each costs Neo4j and Node time per node or edge. */
export interface NeighborhoodReads {
  /** Each entity's details (aliases, gazetteer facts), not only its summary. */
  details: boolean;
  /** Each relation's number of evidence spans (read from its evidence list). */
  evidenceCount: boolean;
}

interface NeighborhoodShape extends NeighborhoodReads {
  depth: number;
  /** Whether only entities of `$types` are walked through. */
  typed: boolean;
}

/** The distinct entities one relation away from those of list `from` (the start is not walked back to). */
const nextLevel = (from: string, to: string, typed: boolean) => `CALL (s, ${from}) {
  UNWIND ${from} AS x
  MATCH (x)-[:${RELATIONS}]-(m:Entity)
  WHERE m <> s${typed ? ' AND m.type IN $types' : ''}
  RETURN collect(DISTINCT m) AS ${to}
}`;

/**
 * Breadth-first from `s`, one level per relation: level k holds the distinct entities k relations
 * from an entity of level k - 1, every entity on the way of an allowed type, so an entity's
 * distance is the first level it appears in. The nearest `$limit - 1` are kept, ordered by
 * distance then id, and every relation among the kept entities is returned. The `$limit`-th
 * neighbor is fetched only to tell whether the result was cut short.
 */
function neighborhoodStatement({ depth, typed, details, evidenceCount }: NeighborhoodShape): string {
  const levels = Array.from({ length: depth }, (_, i) => `level${i + 1}`);
  return `/* neighborhood */
MATCH (s:Entity {id: $id})
WITH s, [s] AS level0
${levels.map((level, i) => nextLevel(`level${i}`, level, typed)).join('\n')}
CALL (${['s', ...levels].join(', ')}) {
  UNWIND range(1, ${depth}) AS distance
  UNWIND [${levels.join(', ')}][distance - 1] AS m
  WITH m, min(distance) AS distance
  ORDER BY distance, m.id
  LIMIT toInteger($limit)
  RETURN collect(m) AS found
}
WITH [s] + found[0..toInteger($limit) - 1] AS ns, size(found) >= toInteger($limit) AS truncated
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r:${RELATIONS}]->(b:Entity)
  WHERE b IN ns
  WITH r ORDER BY a.id, type(r), b.id
  RETURN collect(${edgeFields(evidenceCount)}) AS edges
}
RETURN [n IN ns | ${details ? entityRecord('n') : entitySummary('n')}] AS nodes, edges, truncated`;
}

const shapeKey = (shape: NeighborhoodShape) => `${shape.depth} ${shape.typed} ${shape.details} ${shape.evidenceCount}`;

/** Every shape's statement, built once here: a request's validated depth and reads only pick one. */
const NEIGHBORHOOD = new Map(
  Array.from({ length: MAX_NEIGHBORHOOD_DEPTH }, (_, i) => i + 1).flatMap((depth) =>
    [false, true].flatMap((typed) =>
      [false, true].flatMap((details) =>
        [false, true].map((evidenceCount) => {
          const shape = { depth, typed, details, evidenceCount };
          return [shapeKey(shape), neighborhoodStatement(shape)] as const;
        }),
      ),
    ),
  ),
);

export interface NeighborhoodOptions {
  /** 1..MAX_NEIGHBORHOOD_DEPTH relations away. */
  depth: number;
  /** Most nodes returned, the start included (≥ 1). */
  limit: number;
  /** Only entities of these types are walked through and returned (the start always is); null = all. */
  types?: readonly EntityType[] | null;
}

/** The neighborhood of entity `id`, every node and edge read whole, as one statement; null when no entity has that id. */
export async function neighborhood(
  db: GraphReader,
  id: string,
  options: NeighborhoodOptions,
  counter?: RoundTripCounter,
): Promise<SubgraphRecord | null> {
  return (await neighborhoodView(db, id, options, { details: true, evidenceCount: true }, counter)) as SubgraphRecord | null;
}

/** The neighborhood of entity `id`, reading only `reads` beyond each node's summary and edge's ends. */
export async function neighborhoodView(
  db: GraphReader,
  id: string,
  options: NeighborhoodOptions,
  reads: NeighborhoodReads,
  counter?: RoundTripCounter,
): Promise<SubgraphView | null> {
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`limit must be a positive integer; got ${options.limit}.`);
  if (!Number.isInteger(options.depth) || options.depth < 1 || options.depth > MAX_NEIGHBORHOOD_DEPTH) {
    throw new RangeError(`depth must be an integer from 1 to ${MAX_NEIGHBORHOOD_DEPTH}; got ${options.depth}.`);
  }
  const types = options.types ?? null;
  const statement = NEIGHBORHOOD.get(shapeKey({ depth: options.depth, typed: types !== null, ...reads }))!;
  const [row] = await db.read<{ nodes: EntityView[]; edges: Omit<GraphEdgeView, 'id'>[]; truncated: boolean }>(
    statement,
    { id, limit: options.limit, types },
    counter,
  );
  return row ? { nodes: row.nodes, edges: row.edges.map(toEdge), truncated: row.truncated } : null;
}

/**
 * A shortest path between two entities, ignoring the relations' direction. `*0..` lets a path
 * from an entity to itself be that entity alone.
 */
const SHORTEST_PATH = statementsUpTo(
  MAX_PATH_LENGTH,
  (maxLength) => `/* shortestPath */
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
OPTIONAL MATCH p = shortestPath((a)-[:${RELATIONS}*0..${maxLength}]-(b))
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
       CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | ${entityRecord('n')}] END AS nodes,
       CASE WHEN p IS NULL THEN null ELSE [r IN relationships(p) | ${EDGE_FIELDS}] END AS edges`,
);

export type ShortestPathResult =
  | { found: 'path'; path: SubgraphRecord }
  | { found: 'none' }
  | { found: 'missing'; ids: string[] };

/** A shortest path from `from` to `to` of at most `maxLength` relations, in path order; one statement. */
export async function shortestPath(
  db: GraphReader,
  from: string,
  to: string,
  maxLength: number,
  counter?: RoundTripCounter,
): Promise<ShortestPathResult> {
  const statement = statementFor(SHORTEST_PATH, maxLength, 'maxLength');
  const [row] = await db.read<{ fromFound: boolean; toFound: boolean; nodes: EntityRecord[] | null; edges: EdgeRow[] | null }>(
    statement,
    { from, to },
    counter,
  );
  if (!row || !row.fromFound || !row.toFound) {
    return { found: 'missing', ids: [...new Set([...(row?.fromFound ? [] : [from]), ...(row?.toFound ? [] : [to])])] };
  }
  if (!row.nodes || !row.edges) return { found: 'none' };
  return { found: 'path', path: { nodes: row.nodes, edges: row.edges.map(toEdge), truncated: false } };
}

// The whole entity graph, in id order (the unique index on Entity.id provides the order, so
// Neo4j streams rather than sorts).
const ALL_ENTITIES = `
MATCH (n:Entity) WHERE n.id IS NOT NULL
RETURN ${entityRecord('n')} AS entity
ORDER BY n.id`;

const ALL_RELATIONS = `
MATCH (a:Entity)-[r:${RELATIONS}]->(b:Entity) WHERE a.id IS NOT NULL
RETURN ${EDGE_FIELDS} AS edge
ORDER BY a.id, type(r), b.id`;

/**
 * Every entity, then every relation between entities, as records arrive from Neo4j. Read `nodes`
 * to its end before `edges`: the edges are those whose two ends were among the nodes read, so an
 * entity written between the two statements can never leave an edge pointing at a missing node.
 */
export function streamEntityGraph(
  db: GraphDatabase,
  counter?: RoundTripCounter,
): { nodes: AsyncIterable<EntityRecord>; edges: AsyncIterable<GraphEdgeRecord> } {
  const seen = new Set<string>();
  return {
    nodes: (async function* () {
      for await (const { entity } of db.stream<{ entity: EntityRecord }>(ALL_ENTITIES, {}, counter)) {
        seen.add(entity.id);
        yield entity;
      }
    })(),
    edges: (async function* () {
      for await (const { edge } of db.stream<{ edge: EdgeRow }>(ALL_RELATIONS, {}, counter)) {
        if (seen.has(edge.source) && seen.has(edge.target)) yield toEdge(edge);
      }
    })(),
  };
}
