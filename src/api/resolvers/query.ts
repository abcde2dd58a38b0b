// Root query fields: thin over the graph layer, validating arguments into typed filters.
import type { EntityKind, QueryResolvers } from '../../generated/resolvers.ts';
import { listArticles } from '../../graph/articles.ts';
import { listEntities, type EntityFilter } from '../../graph/entities.ts';
import { listFigures } from '../../graph/figures.ts';
import { searchEntities } from '../../graph/search.ts';
import type { ApiContext } from '../context.ts';
import { badUserInput, notFound } from '../errors.ts';
import { pageFromArgs, toConnection } from '../pagination.ts';
import { TYPE_OF_KIND } from './entity.ts';
import { loadNode } from './node.ts';

type PageArgs = { first?: number | null; after?: string | null };

async function entityConnection(ctx: ApiContext, filter: EntityFilter, args: PageArgs) {
  const page = pageFromArgs(args, ctx.maxPageSize);
  const { items, total } = await listEntities(ctx.db, filter, page, ctx.roundTrips);
  for (const e of items) ctx.loaders.entity.prime(e.id, e);
  return toConnection(items, total, page);
}

const typeOf = (kind: EntityKind | null | undefined) => (kind ? TYPE_OF_KIND[kind] : null);

/** Longest search text accepted; names are short, and this bounds the work of one request. */
const MAX_SEARCH_TEXT = 200;

export const Query: QueryResolvers = {
  node: (_, { id }, ctx) => loadNode(id, ctx),
  nodes: (_, { ids }, ctx) => {
    if (ids.length > ctx.maxPageSize) throw badUserInput(`"ids" may hold at most ${ctx.maxPageSize} ids.`, 'ids');
    return Promise.all(ids.map((id) => loadNode(id, ctx)));
  },

  article: async (_, { id }, ctx) => (await ctx.loaders.article.load(id)) ?? Promise.reject(notFound('article', id)),
  articles: async (_, args, ctx) => {
    const page = pageFromArgs(args, ctx.maxPageSize);
    const { items, total } = await listArticles(ctx.db, page, ctx.roundTrips);
    for (const a of items) ctx.loaders.article.prime(a.id, a);
    return toConnection(items, total, page);
  },

  entity: async (_, { id }, ctx) => (await ctx.loaders.entity.load(id)) ?? Promise.reject(notFound('entity', id)),
  entities: (_, args, ctx) => entityConnection(ctx, { type: typeOf(args.kind), subtype: args.subtype }, args),
  provinces: (_, args, ctx) => entityConnection(ctx, { type: 'AdministrativeUnit', subtype: 'PROVINCE' }, args),
  organizations: (_, args, ctx) => entityConnection(ctx, { type: 'Organization' }, args),
  campaigns: (_, args, ctx) => entityConnection(ctx, { type: 'Campaign' }, args),
  people: (_, args, ctx) => entityConnection(ctx, { type: 'Person' }, args),

  figures: async (_, args, ctx) => {
    const page = pageFromArgs(args, ctx.maxPageSize);
    const { items, total } = await listFigures(ctx.db, { subjectId: args.subject, unit: args.unit }, page, ctx.roundTrips);
    return toConnection(items, total, page);
  },

  search: async (_, { text, kind, first }, ctx) => {
    if (text.length > MAX_SEARCH_TEXT) {
      throw badUserInput(`"text" may be at most ${MAX_SEARCH_TEXT} characters long; got ${text.length}.`, 'text');
    }
    const limit = pageFromArgs({ first }, ctx.maxPageSize).limit;
    const hits = await searchEntities(ctx.db, text, { type: typeOf(kind), limit }, ctx.roundTrips);
    for (const h of hits) ctx.loaders.entity.prime(h.entity.id, h.entity);
    return hits;
  },
};
