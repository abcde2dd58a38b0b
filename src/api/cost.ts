// The cost of an operation: an upper bound on the values its response can hold, computed from
// the document AND the variables' values, so `first: $n` weighs what `first: 100` weighs.
// Pages multiply down the tree, aliases add up, and fields that scan (summaries, paths) carry
// the weight of the scan. Pure: the schema, the document and the variables in, a number out.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getVariableValues,
} from 'graphql';
import type { ListPlan } from '../graph/compiler/compile.ts';
import type { PageRequest } from '../graph/records.ts';
import { DEFAULT_PAGE_SIZE } from './pagination.ts';
import { included, type OperationPlan } from './plan.ts';

/**
 * Items a list field without a size argument can hold. Every list field of the schema is
 * either here or sized by an argument (`first`, `limit`, `ids`) or by its connection
 * (`edges`), and tests/api/cost.test.ts checks it, so a new list field is sized on purpose.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  // Names of an entity: canonical forms and abbreviations, a handful.
  'AdministrativeUnit.aliases': 20,
  'Organization.aliases': 20,
  'Campaign.aliases': 20,
  'Person.aliases': 20,
  'Entity.aliases': 20,
  // A figure's ranked subjects: one to three.
  'Figure.subjects': 3,
  'FigureGroup.units': 10,
  'FigureFilter.qualifiers': 10,
};

/** Fields whose work is a scan rather than a lookup: weighed as this many values each. */
export const SCAN_WEIGHTS: Readonly<Record<string, number>> = {
  // Groups every figure the filter matches.
  'Query.figureSummary': 20_000,
  // A breadth-first search up to `maxLength` hops.
  'Query.shortestPath': 2_000,
  // Expands `depth` levels of relations before `limit` cuts.
  'Query.neighborhood': 1_000,
  // The full text of an article, up to the ingest size limit.
  'Article.text': 100,
};

/** Graph.nodes holds at most `limit` nodes; Graph.edges at most this many relations per node. */
const GRAPH_EDGES_PER_NODE = 10;
/**
 * Introspection lists are bounded by the schema itself. A list on each type (its fields, its
 * enum values …) is sized by its mean over the schema, so `types { fields }` weighs exactly the
 * schema's fields, while nesting `fields { type { fields … } }` still multiplies.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();

function introspectionSize(schema: GraphQLSchema, key: string): number {
  let sizes = introspectionSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    const directives = schema.getDirectives();
    const mean = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)));
    const fieldCount = (t: (typeof types)[number]) => ('getFields' in t ? Object.keys(t.getFields()).length : 0);
    const fields = types.flatMap((t) => ('getFields' in t ? Object.values(t.getFields()) : []));
    sizes = {
      '__Schema.types': types.length,
      '__Schema.directives': directives.length,
      '__Type.fields': mean(types.map(fieldCount)),
      '__Type.inputFields': mean(types.map(fieldCount)),
      '__Type.interfaces': mean(types.map((t) => ('getInterfaces' in t ? t.getInterfaces().length : 0))),
      '__Type.possibleTypes': mean(types.map((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0))),
      '__Type.enumValues': mean(types.map((t) => ('getValues' in t ? t.getValues().length : 0))),
      '__Field.args': mean(fields.map((f) => ('args' in f ? f.args.length : 0))),
      '__Directive.args': mean(directives.map((d) => d.args.length)),
      '__Directive.locations': 20,
    };
    introspectionSizes.set(schema, sizes);
  }
  return sizes[key] ?? 1;
}

export interface OperationCost {
  cost: number;
}

export class CostInputError extends Error {}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Fragments being expanded, to stop on a cycle (validation reports those; this only must not loop). */
  expanding: Set<string>;
}

/**
 * Where the walk is in the operation's compiled plan (api/plan.ts): at the root, on a node whose
 * lists are planned, or on a planned connection or one of its edges. A planned list weighs the
 * page its statement reads, so the limit weighs what runs.
 */
type PlanPosition =
  | { at: 'root'; plan: OperationPlan }
  | { at: 'node'; lists: readonly ListPlan[] }
  | { at: 'connection' | 'edge'; page: PageRequest | null; lists: readonly ListPlan[] };

/** The position below `node` and, for a planned connection, its page. */
function planBelow(position: PlanPosition | null, node: FieldNode): { position: PlanPosition | null; page: PageRequest | null } {
  const none = { position: null, page: null };
  if (!position) return none;
  const key = node.alias?.value ?? node.name.value;
  switch (position.at) {
    case 'root': {
      const root = position.plan.get(key);
      if (!root) return none;
      return root.returns === 'record'
        ? { position: { at: 'node', lists: root.lists }, page: null }
        : { position: { at: 'connection', page: root.page, lists: root.lists }, page: root.page };
    }
    case 'node': {
      const list = position.lists.find((l) => l.key === key);
      return list ? { position: { at: 'connection', page: list.page, lists: list.lists }, page: list.page } : none;
    }
    case 'connection':
      return node.name.value === 'edges' ? { position: { ...position, at: 'edge' }, page: null } : none;
    case 'edge':
      return node.name.value === 'node' ? { position: { at: 'node', lists: position.lists }, page: null } : none;
  }
}

/** The operation's variables coerced as execution will coerce them; null when they do not coerce. */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  return coerced.coerced ?? null;
}

/**
 * The cost of `operation` of `document`, with `variables` coerced as execution will coerce them,
 * and the pages of its compiled lists read from `plan`, the plan its statements are compiled from.
 * Variables that do not coerce get no cost (null): execution refuses them before any resolver
 * runs, with the precise message.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  plan: OperationPlan | null = null,
): OperationCost | null {
  const variables = coercedVariables(schema, operation, rawVariables);
  return variables && costWithVariables(schema, document, operation, variables, plan);
}

/** operationCost for variables already coerced (the server coerces them once, for the plan too). */
export function costWithVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  plan: OperationPlan | null,
): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return { cost: 0 };
  const walk: Walk = { schema, fragments, variables, expanding: new Set() };
  return { cost: selectionCost(walk, operation.selectionSet, root, 1, null, plan && { at: 'root', plan }) };
}


/**
 * The cost of a selection set on `parentType`, reached `multiplier` times. `pageSize` is the
 * `first` of the connection this set belongs to, which its `edges` list takes as its size.
 */
function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  parentType: GraphQLCompositeType,
  multiplier: number,
  pageSize: number | null,
  position: PlanPosition | null,
): number {
  let total = 0;
  for (const selection of set.selections) {
    if (!included(selection, walk.variables)) continue;
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(walk, selection, parentType, multiplier, pageSize, position);
      continue;
    }
    // Fragments: on an abstract parent, the fragment's type condition says whose fields these are.
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (walk.expanding.has(selection.name.value)) continue;
      walk.expanding.add(selection.name.value);
    }
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parentType;
    if (condition && isCompositeType(condition)) {
      total += selectionCost(walk, fragment.selectionSet, condition, multiplier, pageSize, position);
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) walk.expanding.delete(selection.name.value);
  }
  return total;
}

function fieldDefinition(parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  // A union has no fields of its own (only __typename, which costs nothing).
  return 'getFields' in parentType ? parentType.getFields()[name] : undefined;
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  parentType: GraphQLCompositeType,
  multiplier: number,
  pageSize: number | null,
  position: PlanPosition | null,
): number {
  const name = node.name.value;
  if (name === '__typename') return 0;
  const key = `${parentType.name}.${name}`;
  const definition = metaField(walk.schema, parentType, name) ?? fieldDefinition(parentType, name);
  if (!definition) return 0; // unknown fields are validation's to report
  const args = getArgumentValues(definition, node, walk.variables);
  const here = multiplier * (SCAN_WEIGHTS[key] ?? 1);
  const named = getNamedType(definition.type);
  if (!node.selectionSet || !isCompositeType(named)) {
    return isListOutput(definition.type) ? here * listSize(walk.schema, key, name, args, pageSize) : here;
  }
  const size = isListOutput(definition.type) ? listSize(walk.schema, key, name, args, pageSize) : 1;
  const planned = planBelow(position, node);
  const childPage = planned.page ? planned.page.limit : (childPageSize(key, named.name, args) ?? pageSize);
  return here + selectionCost(walk, node.selectionSet, named, multiplier * size, childPage, planned.position);
}

/** The meta fields `__schema` and `__type` exist on the query root only. */
function metaField(schema: GraphQLSchema, parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parentType !== schema.getQueryType()) return undefined;
  return name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : undefined;
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** A page's size: `first`, or `last` when paging backward. */
function pageArgument(args: Record<string, unknown>): number | null {
  const size = args['first'] ?? args['last'];
  return typeof size === 'number' && Number.isFinite(size) ? Math.max(0, size) : null;
}

/**
 * The size the lists below this field take: a connection's `first` for its `edges`, a graph's
 * node bound for its `nodes` and `edges`.
 */
function childPageSize(key: string, typeName: string, args: Record<string, unknown>): number | null {
  if (typeName.endsWith('Connection')) return pageArgument(args) ?? DEFAULT_PAGE_SIZE;
  if (key === 'Query.neighborhood') return typeof args['limit'] === 'number' ? args['limit'] : null;
  if (key === 'Query.shortestPath') return typeof args['maxLength'] === 'number' ? args['maxLength'] + 1 : null;
  return null;
}

function listSize(
  schema: GraphQLSchema,
  key: string,
  name: string,
  args: Record<string, unknown>,
  pageSize: number | null,
): number {
  if (key.startsWith('__')) return introspectionSize(schema, key);
  const first = pageArgument(args);
  if (first !== null) return first;
  if (name === 'edges' && pageSize !== null) return pageSize;
  if (Array.isArray(args['ids'])) return args['ids'].length;
  if (key === 'Graph.nodes' || key === 'Graph.edges') {
    const nodes = pageSize ?? 0; // the neighborhood's limit or the path's length (childPageSize)
    return key === 'Graph.nodes' ? nodes : nodes * GRAPH_EDGES_PER_NODE;
  }
  const known = LIST_SIZES[key];
  if (known !== undefined) return known;
  throw new CostInputError(`The cost model does not know how long ${key} can be.`);
}
