// The plan of a query: which lists each compiled root field's selection asks for, read from the
// document, the variables' values, fragments, aliases and @include/@skip, with the page of each.
// It is made once per operation, before any resolver runs (server/plugins/cost-limit.ts), so
// the cost limit (cost.ts) weighs the very pages the compiled statements (compiled.ts) will read.
// Pure: the schema, the document and the variables in, a plan out.
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ListPlan } from '../graph/compiler/compile.ts';
import { LISTS, type ListName, type NodeKind } from '../graph/lists.ts';
import type { Keep } from '../graph/provenance.ts';
import type { PageRequest } from '../graph/records.ts';
import { pageBeforeReading } from './pagination.ts';
import { TYPE_OF_KIND } from './resolvers/entity.ts';
import type { EntityKind } from '../generated/resolvers.ts';
import { ENTITY_TYPES } from '../core/types.ts';

/** What a plan is read from: the schema, the operation's fragments and its coerced variables. */
export interface PlanScope {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Record<string, FragmentDefinitionNode>;
  maxPageSize: number;
}

export const scopeOfInfo = (info: GraphQLResolveInfo, maxPageSize: number): PlanScope => ({
  schema: info.schema,
  variables: info.variableValues,
  fragments: info.fragments,
  maxPageSize,
});

type Args = Record<string, unknown>;

/** The filter of each list that takes one, from its field's arguments. */
const FILTER_OF: Partial<Record<ListName, (args: Args) => Record<string, unknown>>> = {
  'Entity.relations': (args) => ({ type: args.type ?? null, direction: args.direction ?? 'BOTH' }),
  'Article.entities': (args) => ({ type: args.kind ? TYPE_OF_KIND[args.kind as EntityKind] : null }),
};

/** The list a field of a type reads, if the table holds it. */
function listOf(typeName: string, field: string): ListName | null {
  const own = `${typeName}.${field}`;
  if (own in LISTS) return own as ListName;
  const shared = `Entity.${field}`;
  return (ENTITY_TYPES as readonly string[]).includes(typeName) && shared in LISTS ? (shared as ListName) : null;
}

interface Collected {
  name: string;
  nodes: FieldNode[];
  /** The owner types the field was selected on. */
  types: Set<string>;
  /** Two fields under one response key (possible on exclusive types): not compiled. */
  conflict: boolean;
}

/** Whether @include/@skip keep a selection, with these variables. */
export function included(node: SelectionNode, variables: Args): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

function possibleTypes(scope: PlanScope, typeName: string): string[] {
  const type = scope.schema.getType(typeName);
  if (type && isAbstractType(type)) return scope.schema.getPossibleTypes(type).map((t) => t.name);
  return [typeName];
}

/** The fields of selection sets by response key, as graphql-js collects them, with the owner types of each. */
function collectFields(scope: PlanScope, sets: readonly SelectionSetNode[], possible: readonly string[]): Map<string, Collected> {
  const out = new Map<string, Collected>();
  const visit = (set: SelectionSetNode, types: readonly string[]) => {
    for (const selection of set.selections) {
      if (!included(selection, scope.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const seen = out.get(key) ?? { name: selection.name.value, nodes: [], types: new Set<string>(), conflict: false };
        if (seen.name !== selection.name.value) seen.conflict = true;
        seen.nodes.push(selection);
        for (const t of types) seen.types.add(t);
        out.set(key, seen);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : scope.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      const narrowed = condition ? types.filter((t) => possibleTypes(scope, condition).includes(t)) : types;
      if (narrowed.length) visit(fragment.selectionSet, narrowed);
    }
  };
  for (const set of sets) visit(set, possible);
  return out;
}

const selectionSets = (nodes: readonly FieldNode[]) => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** The selection below a node of one of `possible` types: its fields by response key. */
interface NodeFields {
  fields: Map<string, Collected>;
  possible: readonly string[];
}

const nodeFieldsOf = (scope: PlanScope, sets: readonly SelectionSetNode[], possible: readonly string[]): NodeFields => ({
  fields: collectFields(scope, sets, possible),
  possible,
});

/** The lists selected below a node. */
function planLists(scope: PlanScope, { fields, possible }: NodeFields): ListPlan[] {
  const plans: ListPlan[] = [];
  for (const [key, field] of fields) {
    if (field.conflict) continue;
    const types = [...field.types];
    const lists = new Set(types.map((t) => listOf(t, field.name)));
    const list = lists.size === 1 ? [...lists][0] : null;
    if (!list) continue;
    const owner = scope.schema.getType(types[0]!);
    if (!isObjectType(owner)) continue;
    const definition = owner.getFields()[field.name]!;
    const plan = planList(scope, key, list, definition, field);
    if (!plan) continue;
    plans.push({ ...plan, ownerTypes: types.length === possible.length ? null : types });
  }
  return plans;
}

function planList(
  scope: PlanScope,
  key: string,
  list: ListName,
  definition: GraphQLField<unknown, unknown>,
  field: Collected,
): Omit<ListPlan, 'ownerTypes'> | null {
  const args = getArgumentValues(definition, field.nodes[0]!, scope.variables);
  const page = pageBeforeReading(args, scope.maxPageSize);
  if (!page) return null;
  const connection = collectFields(scope, selectionSets(field.nodes), [getNamedType(definition.type).name]);
  const count = [...connection.values()].some((f) => f.name === 'totalCount' || f.name === 'pageInfo');
  const nodes = nodeSelection(scope, connection);
  const filter = FILTER_OF[list]?.(args) ?? {};
  if (list === 'Entity.relations') filter.evidence = evidenceNeeded(scope, nodes);
  return { key, list, filter, page, count, keep: keysRead(LISTS[list].item, nodes), lists: nodes ? planLists(scope, nodes) : [] };
}

/** The selection of the nodes of a connection (`edges { node { … } }`) and their possible types. */
function nodeSelection(scope: PlanScope, connection: Map<string, Collected>): NodeFields | null {
  const edges = [...connection.values()].filter((f) => f.name === 'edges' && !f.conflict);
  if (edges.length === 0) return null;
  const connectionType = scope.schema.getType([...edges[0]!.types][0]!);
  if (!isObjectType(connectionType)) return null;
  const edgeType = getNamedType(connectionType.getFields().edges!.type);
  if (!isObjectType(edgeType)) return null;
  const nodeFields = [...collectFields(scope, edges.flatMap((e) => selectionSets(e.nodes)), [edgeType.name]).values()].filter(
    (f) => f.name === 'node' && !f.conflict,
  );
  const nodeType = getNamedType(edgeType.getFields().node!.type).name;
  return nodeFieldsOf(scope, nodeFields.flatMap((f) => selectionSets(f.nodes)), possibleTypes(scope, nodeType));
}

/**
 * The record keys each field reads, where they are not the field's own name: the resolvers of
 * provenance.ts read these. An entity or article item keeps only the properties selected on it
 * (an entity also its type); its other fields read by id. Relations are read whole.
 */
const KEYS_READ: Partial<Record<NodeKind, Record<string, readonly string[]>>> = {
  Entity: {},
  Article: {},
  Figure: { subjects: ['subjectIds'], sentence: ['sentenceId'], article: ['articleId'], mentions: [] },
  Mention: { entity: ['entityId'], sentence: ['sentenceId'], article: ['articleId'] },
  FigureMention: { figure: ['figureId'], sentence: ['sentenceId'], article: ['articleId'] },
  Sentence: { article: ['articleId'], mentions: [] },
};

/** The keys the request reads of the records of a connection's nodes; null (all) for kinds read whole. */
function keysRead(item: NodeKind, nodes: NodeFields | null): ReadonlySet<string> | null {
  const reads = KEYS_READ[item];
  if (!reads || !nodes) return null;
  const keys = new Set(['id']);
  for (const field of nodes.fields.values()) for (const key of reads[field.name] ?? [field.name]) keys.add(key);
  return keys;
}

/**
 * What a `figures` page reads: the keys of its figures, and of their subjects the entities' keys
 * (subjects undefined when none is selected).
 */
export function figureKeysBelow(info: GraphQLResolveInfo, maxPageSize: number): { figure: Keep; subjects: { keep: Keep } | undefined } {
  const scope = scopeOfInfo(info, maxPageSize);
  const nodes = nodeSelection(scope, collectFields(scope, selectionSets(info.fieldNodes), [getNamedType(info.returnType).name]));
  const figure = keysRead('Figure', nodes);
  const subjects = nodes ? [...nodes.fields.values()].filter((f) => f.name === 'subjects') : [];
  if (subjects.length === 0) return { figure, subjects: undefined };
  const entities = nodeFieldsOf(scope, subjects.flatMap((f) => selectionSets(f.nodes)), possibleTypes(scope, 'Entity'));
  return { figure, subjects: { keep: keysRead('Entity', entities) } };
}

/**
 * How many evidence keys each relation of a page must carry for the `evidence` pages selected
 * below it: none when none is, null (the default prefix) when a page is read from the end.
 */
function evidenceNeeded(scope: PlanScope, nodes: NodeFields | null): number | null {
  const relation = scope.schema.getType('Relation');
  if (!nodes || !isObjectType(relation)) return 0;
  let needed = 0;
  for (const field of nodes.fields.values()) {
    if (field.name !== 'evidence') continue;
    for (const node of field.nodes) {
      const page = pageBeforeReading(getArgumentValues(relation.getFields().evidence!, node, scope.variables), scope.maxPageSize);
      if (!page) return null;
      needed = Math.max(needed, page.offset + page.limit);
    }
  }
  return needed;
}

/** The root fields whose whole selection compiles, and what they return: one record or a page of them. */
const COMPILED_ROOTS: Readonly<Record<string, 'record' | 'connection'>> = {
  entity: 'record',
  article: 'record',
  entities: 'connection',
  organizations: 'connection',
  campaigns: 'connection',
  people: 'connection',
  articles: 'connection',
};

/**
 * A compiled root field: the lists below its record (or below its page's nodes), and for a page,
 * the page itself when it is known before the list's length.
 */
export interface RootFieldPlan {
  returns: 'record' | 'connection';
  page: PageRequest | null;
  lists: ListPlan[];
  /** Whether an entity record read whole is needed (its details selected), not its summary. */
  details: boolean;
}

/** The fields of an entity that read its details rather than its summary (resolvers/entity.ts `entityDetails`). */
const ENTITY_DETAIL_FIELDS: ReadonlySet<string> = new Set(['aliases', 'code', 'level', 'validFrom', 'validTo']);

/** The plans of a query's compiled root fields, by response key. */
export type OperationPlan = ReadonlyMap<string, RootFieldPlan>;

/** The plan of root field `definition` selected by `nodes`; null when the field does not compile. */
export function planRootField(scope: PlanScope, definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): RootFieldPlan | null {
  const returns = COMPILED_ROOTS[definition.name];
  if (!returns) return null;
  const type = getNamedType(definition.type).name;
  if (returns === 'record') {
    const record = nodeFieldsOf(scope, selectionSets(nodes), possibleTypes(scope, type));
    const details = [...record.fields.values()].some((f) => ENTITY_DETAIL_FIELDS.has(f.name));
    return { returns, page: null, lists: planLists(scope, record), details };
  }
  const page = pageBeforeReading(getArgumentValues(definition, nodes[0]!, scope.variables), scope.maxPageSize);
  const below = nodeSelection(scope, collectFields(scope, selectionSets(nodes), [type]));
  return { returns, page, lists: below ? planLists(scope, below) : [], details: false };
}

/** The plan of every compiled root field of a query; mutations and subscriptions compile nothing. */
export function planOperation(scope: PlanScope, operation: OperationDefinitionNode): OperationPlan {
  const plans = new Map<string, RootFieldPlan>();
  const root = scope.schema.getQueryType();
  if (operation.operation !== 'query' || !root) return plans;
  for (const [key, field] of collectFields(scope, [operation.selectionSet], [root.name])) {
    const definition = root.getFields()[field.name];
    if (field.conflict || !definition) continue;
    const plan = planRootField(scope, definition, field.nodes);
    if (plan) plans.set(key, plan);
  }
  return plans;
}
