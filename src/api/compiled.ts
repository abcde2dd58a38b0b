// The API side of the selection compiler (graph/compiler): reads which lists a root field's
// selection asks for — through fragments, aliases, variables and @include/@skip — into a plan,
// runs the one statement compiled from it, and serves what it read to the list fields below.
// A list field the plan leaves out (a page that needs the list's length first, wrong
// arguments, a field the table does not hold) is resolved by its own resolver, through loaders.
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
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { compile, finishRecord, type CompiledRecord, type ListPlan, type RootPlan } from '../graph/compiler/compile.ts';
import type { EntityFilter } from '../graph/entities.ts';
import { LISTS, type ListName, type NodeKind } from '../graph/lists.ts';
import type { ArticleRecord, EntityView, RelationRecord } from '../graph/records.ts';
import type { ApiContext } from './context.ts';
import { connectionOf, pageBeforeReading, toConnection, type Connection, type PageArgs } from './pagination.ts';
import { TYPE_OF_KIND } from './resolvers/entity.ts';
import type { EntityKind } from '../generated/resolvers.ts';
import { ENTITY_TYPES } from '../core/types.ts';

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

function included(node: SelectionNode, variables: Args): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

function possibleTypes(info: GraphQLResolveInfo, typeName: string): string[] {
  const type = info.schema.getType(typeName);
  if (type && isAbstractType(type)) return info.schema.getPossibleTypes(type).map((t) => t.name);
  return [typeName];
}

/** The fields of selection sets by response key, as graphql-js collects them, with the owner types of each. */
function collectFields(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], possible: readonly string[]): Map<string, Collected> {
  const out = new Map<string, Collected>();
  const visit = (set: SelectionSetNode, types: readonly string[]) => {
    for (const selection of set.selections) {
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const seen = out.get(key) ?? { name: selection.name.value, nodes: [], types: new Set<string>(), conflict: false };
        if (seen.name !== selection.name.value) seen.conflict = true;
        seen.nodes.push(selection);
        for (const t of types) seen.types.add(t);
        out.set(key, seen);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      const narrowed = condition ? types.filter((t) => possibleTypes(info, condition).includes(t)) : types;
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

const nodeFieldsOf = (info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], possible: readonly string[]): NodeFields => ({
  fields: collectFields(info, sets, possible),
  possible,
});

/** The lists selected below a node. */
function planLists(info: GraphQLResolveInfo, ctx: ApiContext, { fields, possible }: NodeFields): ListPlan[] {
  const plans: ListPlan[] = [];
  for (const [key, field] of fields) {
    if (field.conflict) continue;
    const types = [...field.types];
    const lists = new Set(types.map((t) => listOf(t, field.name)));
    const list = lists.size === 1 ? [...lists][0] : null;
    if (!list) continue;
    const owner = info.schema.getType(types[0]!);
    if (!isObjectType(owner)) continue;
    const definition = owner.getFields()[field.name]!;
    const plan = planList(info, ctx, key, list, definition, field);
    if (!plan) continue;
    plans.push({ ...plan, ownerTypes: types.length === possible.length ? null : types });
  }
  return plans;
}

function planList(
  info: GraphQLResolveInfo,
  ctx: ApiContext,
  key: string,
  list: ListName,
  definition: GraphQLField<unknown, unknown>,
  field: Collected,
): Omit<ListPlan, 'ownerTypes'> | null {
  const args = getArgumentValues(definition, field.nodes[0]!, info.variableValues);
  const page = pageBeforeReading(args, ctx.maxPageSize);
  if (!page) return null;
  const connection = collectFields(info, selectionSets(field.nodes), [getNamedType(definition.type).name]);
  const count = [...connection.values()].some((f) => f.name === 'totalCount' || f.name === 'pageInfo');
  const nodes = nodeSelection(info, connection);
  const filter = FILTER_OF[list]?.(args) ?? {};
  if (list === 'Entity.relations') filter.evidence = evidenceNeeded(info, ctx, nodes);
  return { key, list, filter, page, count, keep: keysRead(LISTS[list].item, nodes), lists: nodes ? planLists(info, ctx, nodes) : [] };
}

/** The selection of the nodes of a connection (`edges { node { … } }`) and their possible types. */
function nodeSelection(info: GraphQLResolveInfo, connection: Map<string, Collected>): NodeFields | null {
  const edges = [...connection.values()].filter((f) => f.name === 'edges' && !f.conflict);
  if (edges.length === 0) return null;
  const connectionType = info.schema.getType([...edges[0]!.types][0]!);
  if (!isObjectType(connectionType)) return null;
  const edgeType = getNamedType(connectionType.getFields().edges!.type);
  if (!isObjectType(edgeType)) return null;
  const nodeFields = [...collectFields(info, edges.flatMap((e) => selectionSets(e.nodes)), [edgeType.name]).values()].filter(
    (f) => f.name === 'node' && !f.conflict,
  );
  const nodeType = getNamedType(edgeType.getFields().node!.type).name;
  return nodeFieldsOf(info, nodeFields.flatMap((f) => selectionSets(f.nodes)), possibleTypes(info, nodeType));
}

/**
 * The record keys each field of a leaf kind reads, where they are not the field's own name; the
 * resolvers of provenance.ts read these. Records of other kinds are read whole: the loaders share them.
 */
const KEYS_READ: Partial<Record<NodeKind, Record<string, readonly string[]>>> = {
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
 * How many evidence keys each relation of a page must carry for the `evidence` pages selected
 * below it: none when none is, null (the default prefix) when a page is read from the end.
 */
function evidenceNeeded(info: GraphQLResolveInfo, ctx: ApiContext, nodes: NodeFields | null): number | null {
  const relation = info.schema.getType('Relation');
  if (!nodes || !isObjectType(relation)) return 0;
  let needed = 0;
  for (const field of nodes.fields.values()) {
    if (field.name !== 'evidence') continue;
    for (const node of field.nodes) {
      const page = pageBeforeReading(getArgumentValues(relation.getFields().evidence!, node, info.variableValues), ctx.maxPageSize);
      if (!page) return null;
      needed = Math.max(needed, page.offset + page.limit);
    }
  }
  return needed;
}

/** The lists selected below the field being resolved, whose value is of type `typeName`. */
function listsBelow(info: GraphQLResolveInfo, ctx: ApiContext, typeName: string): ListPlan[] {
  if (!ctx.compileSelections) return [];
  return planLists(info, ctx, nodeFieldsOf(info, selectionSets(info.fieldNodes), possibleTypes(info, typeName)));
}

/** The lists selected below the nodes of the connection being resolved. */
function listsBelowConnection(info: GraphQLResolveInfo, ctx: ApiContext): ListPlan[] {
  if (!ctx.compileSelections) return [];
  const nodes = nodeSelection(info, collectFields(info, selectionSets(info.fieldNodes), [getNamedType(info.returnType).name]));
  return nodes ? planLists(info, ctx, nodes) : [];
}

/** Runs the statement of a root plan; its one row's `value`. */
async function readCompiled<T>(ctx: ApiContext, plan: RootPlan): Promise<T | null> {
  const statement = compile(plan);
  ctx.compiledStatements?.push(statement);
  const [row] = await ctx.reads.read<{ value: T | null }>(statement.cypher, statement.params, ctx.roundTrips);
  return row?.value ?? null;
}

/** A record without the lists compiled below it, to share through the loaders (other selections, other lists). */
function plainRecord<T extends object>(record: T & { compiled?: unknown }): T {
  const { compiled: _, ...rest } = record;
  return rest as T;
}

/** Shares a record read by a compiled statement with the loaders, as the loaders' own reads do. */
function prime(ctx: ApiContext, item: NodeKind, record: CompiledRecord) {
  if (item === 'Entity') ctx.loaders.entity.prime(record.id as string, plainRecord(record as CompiledRecord & EntityView));
  else if (item === 'Article') ctx.loaders.article.prime(record.id as string, plainRecord(record as CompiledRecord & ArticleRecord));
  else if (item === 'Relation') {
    const other = (record as unknown as RelationRecord & { other: EntityView }).other;
    ctx.loaders.entity.prime(other.id, other);
  }
}

type RootKind = 'Entity' | 'Article';
const ROOT_OF = { Entity: 'entity', Article: 'article' } as const;

/** The record of `kind` with this id and the lists selected below it, in one statement; null when there is none. */
export async function compiledRecord<T extends EntityView | ArticleRecord>(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  kind: RootKind,
  id: string,
): Promise<(T & CompiledRecord) | null> {
  const lists = listsBelow(info, ctx, kind);
  const found = await readCompiled<Record<string, unknown>>(ctx, { root: ROOT_OF[kind], id, lists });
  if (!found) return null;
  const record = finishRecord(found, lists);
  prime(ctx, kind, record);
  return record as T & CompiledRecord;
}

/** A page of a root list of `kind` and the lists selected below its nodes, in one statement. */
export function compiledConnection<T extends EntityView | ArticleRecord>(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  kind: RootKind,
  args: PageArgs,
  filter: EntityFilter = {},
): Promise<Connection<T & CompiledRecord>> {
  const lists = listsBelowConnection(info, ctx);
  return connectionOf(args, ctx.maxPageSize, async (page) => {
    const plan: RootPlan = kind === 'Entity' ? { root: 'entities', filter, page, lists } : { root: 'articles', page, lists };
    const found = await readCompiled<{ total: number; items: Record<string, unknown>[] }>(ctx, plan);
    const items = (found?.items ?? []).map((r) => finishRecord(r, lists));
    for (const item of items) prime(ctx, kind, item);
    return { items: items as (T & CompiledRecord)[], total: found?.total ?? 0 };
  });
}

type FieldResolver = (parent: never, args: never, ctx: ApiContext, info: GraphQLResolveInfo) => unknown;

/**
 * A list field's resolver that serves the page its root's statement read, when it did; else
 * `resolve` reads it (through its loader).
 */
export function servedCompiled<R extends FieldResolver>(resolve: R): R {
  const served = (parent: CompiledRecord, args: never, ctx: ApiContext, info: GraphQLResolveInfo) => {
    const list = parent.compiled?.get(String(info.path.key));
    if (!list) return resolve(parent as never, args, ctx, info);
    for (const item of list.items) prime(ctx, LISTS[list.list].item, item);
    return toConnection(list.items, list.total, { offset: list.offset, limit: list.items.length }) satisfies Connection<CompiledRecord>;
  };
  return served as unknown as R;
}
