// The API side of the selection compiler (graph/compiler): runs the one statement compiled from
// a root field's plan (plan.ts) and serves what it read to the list fields below. A list field
// the plan leaves out (a page that needs the list's length first, wrong arguments, a field the
// table does not hold) is resolved by its own resolver, through loaders.
import type { GraphQLResolveInfo } from 'graphql';
import { compile, finishRecord, type CompiledRecord, type RootPlan } from '../graph/compiler/compile.ts';
import type { EntityFilter } from '../graph/entities.ts';
import { LISTS, type NodeKind } from '../graph/lists.ts';
import type { ArticleRecord, EntityView, RelationRecord } from '../graph/records.ts';
import type { ApiContext } from './context.ts';
import { connectionOf, toConnection, type Connection, type PageArgs } from './pagination.ts';
import { planRootField, scopeOfInfo, type RootFieldPlan } from './plan.ts';

/**
 * The plan of the root field being resolved: the one made for the operation before it ran (the
 * plan the cost limit weighed), or, for a request that came without one, made here the same way.
 */
function rootFieldPlan(info: GraphQLResolveInfo, ctx: ApiContext): RootFieldPlan | null {
  if (!ctx.compileSelections) return null;
  const planned = info.path.prev === undefined ? ctx.operationPlan?.get(String(info.path.key)) : undefined;
  return planned ?? planRootField(scopeOfInfo(info, ctx.maxPageSize), info.parentType.getFields()[info.fieldName]!, info.fieldNodes);
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
  if (record.compiled === undefined) return record; // a leaf of the selection: nothing to leave out
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

/** The record of `kind` with this id and the lists selected below it, in one statement; null when there is none. */
export async function compiledRecord<T extends EntityView | ArticleRecord>(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  kind: RootKind,
  id: string,
): Promise<(T & CompiledRecord) | null> {
  const plan = rootFieldPlan(info, ctx);
  const lists = plan?.lists ?? [];
  const root: RootPlan = kind === 'Entity' ? { root: 'entity', id, lists, details: plan?.details ?? true } : { root: 'article', id, lists };
  const found = await readCompiled<Record<string, unknown>>(ctx, root);
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
  const lists = rootFieldPlan(info, ctx)?.lists ?? [];
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
    // A partial record must not answer a later load of the same node.
    if (list.whole) for (const item of list.items) prime(ctx, LISTS[list.list].item, item);
    return toConnection(list.items, list.total, { offset: list.offset, limit: list.items.length }) satisfies Connection<CompiledRecord>;
  };
  return served as unknown as R;
}
