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
import type { EntityRecord, RelationRecord } from '../../graph/records.ts';
import type { ApiContext } from '../context.ts';
import { foundOnly } from '../loaders.ts';

export const KIND_OF_TYPE: Record<EntityType, EntityKind> = {
  AdministrativeUnit: 'ADMINISTRATIVE_UNIT',
  Organization: 'ORGANIZATION',
  Campaign: 'CAMPAIGN',
  Person: 'PERSON',
};

export const TYPE_OF_KIND = Object.fromEntries(
  Object.entries(KIND_OF_TYPE).map(([type, kind]) => [kind, type]),
) as Record<EntityKind, EntityType>;

async function relationsOf(
  entity: EntityRecord,
  ctx: ApiContext,
  filter: { type?: RelationType | null; direction?: Direction | null },
): Promise<RelationRecord[]> {
  const all = await ctx.loaders.relationsOfEntity.load(entity.id);
  return all.filter(
    (r) =>
      (!filter.type || r.type === filter.type) &&
      (filter.direction !== 'OUTGOING' || r.fromId === entity.id) &&
      (filter.direction !== 'INCOMING' || r.toId === entity.id),
  );
}

/** Entities at the other end of this entity's relations of the given types and direction. */
async function related(
  entity: EntityRecord,
  ctx: ApiContext,
  types: RelationType[],
  direction: 'OUTGOING' | 'INCOMING',
  targetType: EntityType,
): Promise<EntityRecord[]> {
  const relations = await relationsOf(entity, ctx, { direction });
  const ids = [
    ...new Set(relations.filter((r) => types.includes(r.type)).map((r) => (direction === 'OUTGOING' ? r.toId : r.fromId))),
  ];
  return foundOnly(await ctx.loaders.entity.loadMany(ids)).filter((e) => e.type === targetType);
}

const entityFields = {
  kind: (e: EntityRecord) => KIND_OF_TYPE[e.type],
  relations: (e: EntityRecord, args: { type?: RelationType | null; direction?: Direction | null }, ctx: ApiContext) =>
    relationsOf(e, ctx, args),
  figures: (e: EntityRecord, _: unknown, ctx: ApiContext) => ctx.loaders.figuresOfEntity.load(e.id),
  mentions: (e: EntityRecord, _: unknown, ctx: ApiContext) => ctx.loaders.mentionsOfEntity.load(e.id),
  articles: async (e: EntityRecord, _: unknown, ctx: ApiContext) => {
    const ids = await ctx.loaders.articleIdsOfEntity.load(e.id);
    return foundOnly(await ctx.loaders.article.loadMany(ids));
  },
};

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  ...entityFields,
  partOf: (e, _, ctx) => related(e, ctx, ['PART_OF', 'LOCATED_IN'], 'OUTGOING', 'AdministrativeUnit'),
  parts: (e, _, ctx) => related(e, ctx, ['PART_OF', 'LOCATED_IN'], 'INCOMING', 'AdministrativeUnit'),
  organizations: (e, _, ctx) => related(e, ctx, ['LOCATED_IN', 'PART_OF'], 'INCOMING', 'Organization'),
  successor: async (e, _, ctx) => (await related(e, ctx, ['SUCCEEDED_BY'], 'OUTGOING', 'AdministrativeUnit'))[0] ?? null,
  predecessors: (e, _, ctx) => related(e, ctx, ['SUCCEEDED_BY'], 'INCOMING', 'AdministrativeUnit'),
};

export const Organization: OrganizationResolvers = {
  ...entityFields,
  locatedIn: (e, _, ctx) => related(e, ctx, ['LOCATED_IN', 'PART_OF'], 'OUTGOING', 'AdministrativeUnit'),
  campaigns: (e, _, ctx) => related(e, ctx, ['RUNS'], 'OUTGOING', 'Campaign'),
};

export const Campaign: CampaignResolvers = {
  ...entityFields,
  runBy: (e, _, ctx) => related(e, ctx, ['RUNS'], 'INCOMING', 'Organization'),
};

export const Person: PersonResolvers = { ...entityFields };
