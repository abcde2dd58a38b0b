// Root query fields: thin over the graph layer, validating arguments into typed filters.
import type { EntityKind, FigureFilter as FigureFilterInput, QueryResolvers } from '../../generated/resolvers.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { listProvinces, type EntityFilter } from '../../graph/entities.ts';
import type { ArticleRecord, EntityView } from '../../graph/records.ts';
import { compiledConnection, compiledRecord } from '../compiled.ts';
import { listFigures, summarizeFigures, type FigureFilter } from '../../graph/figures.ts';
import { searchEntities } from '../../graph/search.ts';
import type { ApiContext } from '../context.ts';
import { badUserInput, notFound } from '../errors.ts';
import { connectionOf, listSize, type PageArgs } from '../pagination.ts';
import { figureKeysBelow } from '../plan.ts';
import { selects } from '../selection.ts';
import { TYPE_OF_KIND } from './entity.ts';
import { loadNode } from './node.ts';


/** A page of entities and the lists selected below them, in one statement. */
const entityConnection = (ctx: ApiContext, info: GraphQLResolveInfo, filter: EntityFilter, args: PageArgs) =>
  compiledConnection<EntityView>(ctx, info, 'Entity', args, filter);

/** A DateTime argument as an instant in UTC, the form the graph layer compares. */
const instant = (value: string | null | undefined) => (value == null ? null : new Date(value).toISOString());

const typeOf = (kind: EntityKind | null | undefined) => (kind ? TYPE_OF_KIND[kind] : null);

/** The graph layer's figure filter from the GraphQL input; the shorthand arguments fill gaps. */
function figureFilter(
  input: FigureFilterInput | null | undefined,
  shorthand: { subject?: string | null; unit?: string | null },
): FigureFilter {
  const f = input ?? {};
  if (f.minValue != null && f.maxValue != null && f.minValue > f.maxValue) {
    throw badUserInput(`"minValue" (${f.minValue}) is greater than "maxValue" (${f.maxValue}).`, 'filter');
  }
  return {
    subjectId: f.subject ?? shorthand.subject ?? null,
    subjectType: typeOf(f.subjectKind),
    subjectSubtype: f.subjectSubtype ?? null,
    withinId: f.within ?? null,
    unit: f.unit ?? shorthand.unit ?? null,
    qualifiers: f.qualifiers ?? null,
    period: f.period ?? null,
    measure: f.measure ?? null,
    change: f.change ?? null,
    rate: f.rate ?? null,
    minValue: f.minValue ?? null,
    maxValue: f.maxValue ?? null,
    publishedFrom: instant(f.publishedFrom),
    publishedTo: instant(f.publishedTo),
  };
}

/** Today's date in Vietnam (UTC+7), `YYYY-MM-DD`: the calendar the gazetteer's dates are in. */
const vietnamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** Search's default page: the best hits are what a search box shows. */
const SEARCH_PAGE_SIZE = 10;

/** Longest search text accepted; names are short, and this bounds the work of one request. */
const MAX_SEARCH_TEXT = 200;

export const Query: QueryResolvers = {
  node: (_, { id }, ctx) => loadNode(id, ctx),
  nodes: (_, { ids }, ctx) => {
    if (ids.length > ctx.maxPageSize) throw badUserInput(`"ids" may hold at most ${ctx.maxPageSize} ids.`, 'ids');
    return Promise.all(ids.map((id) => loadNode(id, ctx)));
  },

  article: async (_, { id }, ctx, info) =>
    (await compiledRecord<ArticleRecord>(ctx, info, 'Article', id)) ?? Promise.reject(notFound('article', id)),
  articles: (_, args, ctx, info) => compiledConnection<ArticleRecord>(ctx, info, 'Article', args),

  entity: async (_, { id }, ctx, info) =>
    (await compiledRecord<EntityView>(ctx, info, 'Entity', id)) ?? Promise.reject(notFound('entity', id)),
  entities: (_, args, ctx, info) =>
    entityConnection(
      ctx,
      info,
      {
        type: typeOf(args.kind),
        subtype: args.subtype,
        withinId: args.within,
        publishedFrom: instant(args.publishedFrom),
        publishedTo: instant(args.publishedTo),
      },
      args,
    ),
  provinces: (_, args, ctx) => {
    // Absent means today; an explicit null asks for every period.
    const day = args.inForceAt === undefined ? vietnamToday() : args.inForceAt;
    return connectionOf(args, ctx.maxPageSize, async (page) => {
      const found = await listProvinces(ctx.reads, day, page, ctx.roundTrips);
      for (const e of found.items) ctx.loaders.entity.prime(e.id, e);
      return found;
    });
  },
  organizations: (_, args, ctx, info) => entityConnection(ctx, info, { type: 'Organization' }, args),
  campaigns: (_, args, ctx, info) => entityConnection(ctx, info, { type: 'Campaign' }, args),
  people: (_, args, ctx, info) => entityConnection(ctx, info, { type: 'Person' }, args),

  figures: (_, args, ctx, info) => {
    const filter = figureFilter(args.filter, { subject: args.subject, unit: args.unit });
    const order = { field: args.orderBy?.field ?? 'POSITION', direction: args.orderBy?.direction ?? 'ASC' } as const;
    // Only the properties the selection reads: a figure has sixteen, a page of them is decoded whole.
    // The subjects hold only the fields selected below `subjects`, so they are not primed into the
    // entity loader, where another field would take them for whole summaries.
    const { figure: keep, subjects } = figureKeysBelow(info, ctx.maxPageSize);
    return connectionOf(args, ctx.maxPageSize, (page) => listFigures(ctx.reads, filter, order, page, { keep, subjects }, ctx.roundTrips));
  },

  figureSummary: (_, { groupBy, filter, first }, ctx) => {
    return summarizeFigures(ctx.reads, figureFilter(filter, {}), groupBy, listSize(first, ctx.maxPageSize), ctx.roundTrips);
  },

  search: async (_, { text, kind, ...args }, ctx, info) => {
    if (text.length > MAX_SEARCH_TEXT) {
      throw badUserInput(`"text" may be at most ${MAX_SEARCH_TEXT} characters long; got ${text.length}.`, 'text');
    }
    const lengthSelected = selects(info, ['totalCount']) || selects(info, ['pageInfo']);
    const connection = await connectionOf(
      args,
      ctx.maxPageSize,
      async (page, lengthNeeded) => {
        const counted = lengthSelected || lengthNeeded;
        const found = await searchEntities(ctx.reads, text, { type: typeOf(kind) }, page, { counted }, ctx.roundTrips);
        for (const h of found.items) ctx.loaders.entity.prime(h.entity.id, h.entity);
        return found;
      },
      SEARCH_PAGE_SIZE,
    );
    return { ...connection, edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: node.entity, score: node.score })) };
  },
};
