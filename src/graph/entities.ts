// Reads of the entity aggregate: entities, their relations, mentions, figures and articles.
// Every function takes a batch of ids so the API layer's DataLoaders make one round trip per batch.
import type { EntityType } from '../core/types.ts';
import { relationId } from '../core/ids.ts';
import { pageParams, type GraphReader, type RoundTripCounter } from './database.ts';
import { ENTITY_RELATIONS, ownedPages, type RelatedList } from './lists.ts';
import { entityRecord, entitySummary } from './projections.ts';
import type {
  ArticleRecord,
  EntityRecord,
  EntitySummary,
  GraphRelationType,
  MentionRecord,
  PageRequest,
  RelationRecord,
} from './records.ts';

export type { RelatedList };

export async function entitiesByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ entity: EntityRecord }>(
    `/* entitiesByIds */ UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN ${entityRecord('n')} AS entity`,
    { ids },
    counter,
  );
  return rows.map((r) => r.entity);
}

/** Units inside a unit: PART_OF / LOCATED_IN chains, and provinces merged into it (SUCCEEDED_BY). */
export const WITHIN_PATH = '[:PART_OF|LOCATED_IN|SUCCEEDED_BY*0..4]';

export interface EntityFilter {
  type?: EntityType | null;
  subtype?: string | null;
  /** Only entities in this unit or a unit inside it; campaigns count where a body running them is. */
  withinId?: string | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

const ENTITY_MATCH = `
  MATCH (n:Entity)
  WHERE ($type IS NULL OR n.type = $type) AND ($subtype IS NULL OR n.subtype = $subtype)
    AND ($withinId IS NULL OR EXISTS {
      MATCH (n)<-[:RUNS*0..1]-(:Entity)-${WITHIN_PATH}->(:Entity {id: $withinId})
    })
    AND ($publishedFrom IS NULL AND $publishedTo IS NULL OR EXISTS {
      MATCH (n)<-[:MENTIONS]-(a:Article)
      WHERE ($publishedFrom IS NULL OR a.publishedAt >= datetime($publishedFrom))
        AND ($publishedTo IS NULL OR a.publishedAt < datetime($publishedTo))
    })`;

/** The filter's parameters in the statement of `entityPageStatement`. */
export const entityFilterParams = (filter: EntityFilter) => ({
  type: filter.type ?? null,
  subtype: filter.subtype ?? null,
  withinId: filter.withinId ?? null,
  publishedFrom: filter.publishedFrom ?? null,
  publishedTo: filter.publishedTo ?? null,
});

/** A page of entities by name then id (`$offset`, `$limit`), with the count; `extra` adds to each record. */
export const entityPageStatement = (extra = '') => `CALL () { ${ENTITY_MATCH} RETURN count(n) AS total }
     CALL () {
       ${ENTITY_MATCH}
       WITH n ORDER BY n.name, n.id SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${entitySummary('n', extra)}) AS items
     }
     RETURN {total: total, items: items} AS value`;

export async function listEntities(
  db: GraphReader,
  filter: EntityFilter,
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<{ items: EntitySummary[]; total: number }> {
  const rows = await db.read<{ value: { total: number; items: EntitySummary[] } }>(
    `/* listEntities */ ${entityPageStatement()}`,
    { ...entityFilterParams(filter), ...pageParams(page) },
    counter,
  );
  return rows[0]?.value ?? { items: [], total: 0 };
}

/** Names in Vietnamese alphabetical order (a ă â b c d đ …), which code-point order is not. */
const VIETNAMESE = new Intl.Collator('vi');

/**
 * Provinces in Vietnamese order of name (then id), only those in force on `inForceAt`
 * (`YYYY-MM-DD`; null for every period): a unit whose validFrom or validTo is unknown counts as
 * in force. At most 97 units, so they are read whole and sorted here: Cypher orders by code point.
 */
export async function listProvinces(
  db: GraphReader,
  inForceAt: string | null,
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<{ items: EntitySummary[]; total: number }> {
  const rows = await db.read<{ unit: EntitySummary }>(
    `/* listProvinces */ MATCH (n:Entity {type: 'AdministrativeUnit', subtype: 'PROVINCE'})
     WHERE $day IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= date($day)) AND (n.validTo IS NULL OR n.validTo >= date($day)))
     RETURN ${entitySummary('n')} AS unit`,
    { day: inForceAt },
    counter,
  );
  const units = rows.map((r) => r.unit).sort((a, b) => VIETNAMESE.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: units.slice(page.offset, page.offset + page.limit), total: units.length };
}

/** A relation as listed from one of its ends, with the entity at the other end (to prime loaders). */
export type RelationFromEnd = RelationRecord & { other: EntitySummary };

export interface RelationFilter {
  type?: GraphRelationType | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
}

/** A page of the relations of each entity (by type, then ends' ids), with each list's size. */
export const relationsOfEntities = (db: GraphReader, ids: readonly string[], page: PageRequest, filter: RelationFilter, counter?: RoundTripCounter) =>
  ownedPages<RelationFromEnd>(db, 'Entity.relations', ids, page, { type: filter.type ?? null, direction: filter.direction ?? 'BOTH', evidence: null }, counter);

export async function relationsByIds(
  db: GraphReader,
  keys: readonly { fromId: string; type: string; toId: string }[],
  counter?: RoundTripCounter,
): Promise<RelationRecord[]> {
  const rows = await db.read<Omit<RelationRecord, 'id'>>(
    `/* relationsByIds */ UNWIND $keys AS k
     MATCH (a:Entity {id: k.fromId})-[r:${ENTITY_RELATIONS}]->(b:Entity {id: k.toId})
     WHERE type(r) = k.type
     WITH r, a, b, coalesce(r.evidence, []) AS evidence
     RETURN type(r) AS type, a.id AS fromId, b.id AS toId, evidence AS evidenceKeys, size(evidence) AS evidenceCount`,
    { keys },
    counter,
  );
  return rows.map((row) => ({ ...row, id: relationId(row.type, row.fromId, row.toId) }));
}

/** A page of the entities related to each entity in one way, by name then id. */
export const relatedEntities = (db: GraphReader, list: RelatedList, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<EntitySummary>(db, list, ids, page, {}, counter);

/** A page of the mentions of each entity, by article then position. */
export const mentionsOfEntities = (db: GraphReader, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<MentionRecord>(db, 'Entity.mentions', ids, page, {}, counter);

/** A page of the articles that mention each entity, newest first. */
export const articlesOfEntities = (db: GraphReader, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<ArticleRecord>(db, 'Entity.articles', ids, page, {}, counter);
