// Fields shared by every entity type, and the typed shortcuts of each.
import type { EntityType } from '../../core/types.ts';
import type {
  AdministrativeUnitResolvers,
  CampaignResolvers,
  Direction,
  EntityKind,
  OrganizationResolvers,
  PersonResolvers,
  RelationType,
} from '../../generated/resolvers.ts';
import type { RelatedList } from '../../graph/entities.ts';
import type { EntityDetails, EntityView } from '../../graph/records.ts';
import type { ApiContext } from '../context.ts';
import { ownedConnection, type PageArgs } from '../pagination.ts';

export const KIND_OF_TYPE: Record<EntityType, EntityKind> = {
  AdministrativeUnit: 'ADMINISTRATIVE_UNIT',
  Organization: 'ORGANIZATION',
  Campaign: 'CAMPAIGN',
  Person: 'PERSON',
};

export const TYPE_OF_KIND = Object.fromEntries(
  Object.entries(KIND_OF_TYPE).map(([type, kind]) => [kind, type]),
) as Record<EntityKind, EntityType>;

/** A page of the entities related to `entity` in one way; they are primed for later `entity` loads. */
async function related(entity: EntityView, list: RelatedList, args: PageArgs, ctx: ApiContext) {
  const connection = await ownedConnection(ctx.loaders.relatedEntities[list], entity.id, args, ctx, {});
  for (const { node } of connection.edges) ctx.loaders.entity.prime(node.id, node);
  return connection;
}

type RelationArgs = PageArgs & { type?: RelationType | null; direction?: Direction | null };

/** The entity's details: on the record when it was read by id, else read (batched) now. */
export async function entityDetails(entity: EntityView, ctx: ApiContext): Promise<EntityDetails> {
  if (entity.aliases !== undefined) return { ...entity, aliases: entity.aliases };
  const whole = await ctx.loaders.entityDetails.load(entity.id);
  if (!whole) throw new Error(`Dangling reference: entity "${entity.id}" is missing from the graph.`);
  return whole;
}

const entityFields = {
  kind: (e: EntityView) => KIND_OF_TYPE[e.type],
  aliases: async (e: EntityView, _: unknown, ctx: ApiContext) => (await entityDetails(e, ctx)).aliases,
  relations: async (e: EntityView, { type, direction, ...page }: RelationArgs, ctx: ApiContext) => {
    const filter = { type: type ?? null, direction: direction ?? 'BOTH' };
    const connection = await ownedConnection(ctx.loaders.relationsOfEntity, e.id, page, ctx, filter);
    for (const { node } of connection.edges) ctx.loaders.entity.prime(node.other.id, node.other);
    return connection;
  },
  figures: (e: EntityView, page: PageArgs, ctx: ApiContext) => ownedConnection(ctx.loaders.figuresOfEntity, e.id, page, ctx, {}),
  mentions: (e: EntityView, page: PageArgs, ctx: ApiContext) =>
    ownedConnection(ctx.loaders.mentionsOfEntity, e.id, page, ctx, {}),
  articles: async (e: EntityView, page: PageArgs, ctx: ApiContext) => {
    const connection = await ownedConnection(ctx.loaders.articlesOfEntity, e.id, page, ctx, {});
    for (const { node } of connection.edges) ctx.loaders.article.prime(node.id, node);
    return connection;
  },
};

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  ...entityFields,
  code: async (e, _, ctx) => (await entityDetails(e, ctx)).code ?? null,
  level: async (e, _, ctx) => (await entityDetails(e, ctx)).level ?? null,
  validFrom: async (e, _, ctx) => (await entityDetails(e, ctx)).validFrom ?? null,
  validTo: async (e, _, ctx) => (await entityDetails(e, ctx)).validTo ?? null,
  partOf: (e, args, ctx) => related(e, 'partOf', args, ctx),
  parts: (e, args, ctx) => related(e, 'parts', args, ctx),
  organizations: (e, args, ctx) => related(e, 'organizations', args, ctx),
  successor: async (e, _, ctx) => (await related(e, 'successors', { first: 1 }, ctx)).edges[0]?.node ?? null,
  predecessors: (e, args, ctx) => related(e, 'predecessors', args, ctx),
};

export const Organization: OrganizationResolvers = {
  ...entityFields,
  locatedIn: (e, args, ctx) => related(e, 'locatedIn', args, ctx),
  campaigns: (e, args, ctx) => related(e, 'campaigns', args, ctx),
};

export const Campaign: CampaignResolvers = {
  ...entityFields,
  runBy: (e, args, ctx) => related(e, 'runBy', args, ctx),
};

export const Person: PersonResolvers = { ...entityFields };
