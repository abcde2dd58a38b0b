// Reads of the entity aggregate: entities, their relations, mentions, figures and articles.
// Every function takes a batch of ids so the API layer's DataLoaders make one round trip per batch.
import { RELATION_TYPES, type EntityType } from '../core/types.ts';
import { pageParams, type GraphReader, type RoundTripCounter } from './database.ts';
import { ARTICLE_FIELDS } from './articles.ts';
import { mentionMap, spansOf } from './provenance.ts';
import { relationId } from '../core/ids.ts';
import type {
  ArticleRecord,
  EntityRecord,
  EntitySummary,
  GraphRelationType,
  MentionRecord,
  OwnedPage,
  PageRequest,
  RelationRecord,
} from './records.ts';

/** The projection of an entity node `n` onto EntityRecord: an entity read by id, whole. */
export const ENTITY_FIELDS = `n {
  .id, .type, .subtype, .name, aliases: coalesce(n.aliases, []),
  .code, .level, validFrom: toString(n.validFrom), validTo: toString(n.validTo)
}`;

/**
 * The projection of an entity in a list: the fields every view of it shows. Lists can be long,
 * and every value returned is decoded by the driver; the rest is read by id when asked for.
 */
export const entitySummary = (v: string): string => `${v} {.id, .type, .subtype, .name}`;

export async function entitiesByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ entity: EntityRecord }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN ${ENTITY_FIELDS} AS entity`,
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

export async function listEntities(
  db: GraphReader,
  filter: EntityFilter,
  page: { offset: number; limit: number },
  counter?: RoundTripCounter,
): Promise<{ items: EntitySummary[]; total: number }> {
  const rows = await db.read<{ total: number; items: EntitySummary[] }>(
    `CALL () { ${ENTITY_MATCH} RETURN count(n) AS total }
     CALL () {
       ${ENTITY_MATCH}
       WITH n ORDER BY n.name, n.id SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${entitySummary('n')}) AS items
     }
     RETURN total, items`,
    {
      type: filter.type ?? null,
      subtype: filter.subtype ?? null,
      withinId: filter.withinId ?? null,
      publishedFrom: filter.publishedFrom ?? null,
      publishedTo: filter.publishedTo ?? null,
      offset: page.offset,
      limit: page.limit,
    },
    counter,
  );
  return rows[0] ?? { items: [], total: 0 };
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
    `MATCH (n:Entity {type: 'AdministrativeUnit', subtype: 'PROVINCE'})
     WHERE $day IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= date($day)) AND (n.validTo IS NULL OR n.validTo >= date($day)))
     RETURN ${entitySummary('n')} AS unit`,
    { day: inForceAt },
    counter,
  );
  const units = rows.map((r) => r.unit).sort((a, b) => VIETNAMESE.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: units.slice(page.offset, page.offset + page.limit), total: units.length };
}

/** The relation types between entities: the extracted ones and the gazetteer's succession. */
export const ENTITY_RELATION_TYPES: readonly GraphRelationType[] = [...RELATION_TYPES, 'SUCCEEDED_BY'];

/** The same as a Cypher type expression, so patterns expand only these relationships. */
export const ENTITY_RELATIONS = ENTITY_RELATION_TYPES.join('|');

export interface RelationFilter {
  type?: GraphRelationType | null;
  direction?: 'OUTGOING' | 'INCOMING' | 'BOTH' | null;
}

/**
 * How many evidence keys a relation read from a list carries: a page of the default maximum
 * size. Beyond it, `relationsByIds` reads the whole list.
 */
export const EVIDENCE_PREFIX = 100;

/** A relation as listed from one of its ends, with the entity at the other end (to prime loaders). */
export type RelationFromEnd = RelationRecord & { other: EntitySummary };

/** A page of the relations of each entity (by type, then ends' ids), with each list's size. */
export async function relationsOfEntities(
  db: GraphReader,
  ids: readonly string[],
  page: PageRequest,
  filter: RelationFilter,
  counter?: RoundTripCounter,
): Promise<OwnedPage<RelationFromEnd>[]> {
  const rows = await db.read<OwnedPage<Omit<RelationFromEnd, 'id'>>>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       MATCH (n)-[r:${ENTITY_RELATIONS}]-(m:Entity)
       WHERE ($type IS NULL OR type(r) = $type)
         AND ($direction <> 'OUTGOING' OR startNode(r) = n)
         AND ($direction <> 'INCOMING' OR endNode(r) = n)
       WITH r, m, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId
       ORDER BY type, fromId, toId
       WITH collect({r: r, m: m, type: type, fromId: fromId, toId: toId}) AS ordered
       CALL (ordered) {
         UNWIND ordered[$offset..$offset + $limit] AS x
         WITH x, x.m AS m
         WITH x, m, coalesce(x.r.evidence, []) AS evidence
         RETURN collect({type: x.type, fromId: x.fromId, toId: x.toId,
                         evidenceKeys: evidence[0..${EVIDENCE_PREFIX}], evidenceCount: size(evidence),
                         other: ${entitySummary('m')}}) AS items
       }
       RETURN size(ordered) AS total, items
     }
     RETURN id AS ownerId, total, items`,
    { ids, type: filter.type ?? null, direction: filter.direction ?? 'BOTH', ...pageParams(page) },
    counter,
  );
  return rows.map((row) => ({
    ...row,
    items: row.items.map((r) => ({ ...r, id: relationId(r.type, r.fromId, r.toId) })),
  }));
}

export async function relationsByIds(
  db: GraphReader,
  keys: readonly { fromId: string; type: string; toId: string }[],
  counter?: RoundTripCounter,
): Promise<RelationRecord[]> {
  const rows = await db.read<Omit<RelationRecord, 'id'>>(
    `UNWIND $keys AS k
     MATCH (a:Entity {id: k.fromId})-[r:${ENTITY_RELATIONS}]->(b:Entity {id: k.toId})
     WHERE type(r) = k.type
     WITH r, a, b, coalesce(r.evidence, []) AS evidence
     RETURN type(r) AS type, a.id AS fromId, b.id AS toId, evidence AS evidenceKeys, size(evidence) AS evidenceCount`,
    { keys },
    counter,
  );
  return rows.map((row) => ({ ...row, id: relationId(row.type, row.fromId, row.toId) }));
}

/** The entity lists that follow one kind of relation; the patterns are constants, never user input. */
export type RelatedList = 'partOf' | 'parts' | 'organizations' | 'successors' | 'predecessors' | 'locatedIn' | 'campaigns' | 'runBy';

const RELATED_PATTERN: Record<RelatedList, string> = {
  partOf: '(n)-[:PART_OF|LOCATED_IN]->(m:AdministrativeUnit)',
  parts: '(n)<-[:PART_OF|LOCATED_IN]-(m:AdministrativeUnit)',
  organizations: '(n)<-[:LOCATED_IN|PART_OF]-(m:Organization)',
  successors: '(n)-[:SUCCEEDED_BY]->(m:AdministrativeUnit)',
  predecessors: '(n)<-[:SUCCEEDED_BY]-(m:AdministrativeUnit)',
  locatedIn: '(n)-[:LOCATED_IN|PART_OF]->(m:AdministrativeUnit)',
  campaigns: '(n)-[:RUNS]->(m:Campaign)',
  runBy: '(n)<-[:RUNS]-(m:Organization)',
};

/** A page of the entities related to each entity in one way, by name then id. */
export async function relatedEntities(
  db: GraphReader,
  list: RelatedList,
  ids: readonly string[],
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<OwnedPage<EntitySummary>[]> {
  return db.read<OwnedPage<EntitySummary>>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       MATCH ${RELATED_PATTERN[list]}
       WITH DISTINCT m ORDER BY m.name, m.id
       WITH collect(m) AS ordered
       RETURN size(ordered) AS total, [m IN ordered[$offset..$offset + $limit] | ${entitySummary('m')}] AS items
     }
     RETURN id AS ownerId, total, items`,
    { ids, ...pageParams(page) },
    counter,
  );
}

/** A page of the mentions of each entity, by article then position. */
export async function mentionsOfEntities(
  db: GraphReader,
  ids: readonly string[],
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<OwnedPage<MentionRecord>[]> {
  return db.read<OwnedPage<MentionRecord>>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       MATCH (n)<-[r:MENTIONS]-(a:Article)
       ${spansOf('r')}
       WITH a, n, start, end ORDER BY a.id, start, end
       SKIP $offset LIMIT $limit
       RETURN collect(${mentionMap('a', 'n', 'start', 'end')}) AS items
     }
     RETURN id AS ownerId, COUNT { MATCH (n)<-[r:MENTIONS]-() UNWIND r.starts AS start RETURN start } AS total, items`,
    { ids, ...pageParams(page) },
    counter,
  );
}

/** A page of the articles that mention each entity, newest first. */
export async function articlesOfEntities(
  db: GraphReader,
  ids: readonly string[],
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<OwnedPage<ArticleRecord>[]> {
  return db.read<OwnedPage<ArticleRecord>>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       MATCH (n)<-[:MENTIONS]-(a:Article)
       WITH a ORDER BY a.publishedAt DESC, a.id SKIP $offset LIMIT $limit
       RETURN collect(${ARTICLE_FIELDS}) AS items
     }
     RETURN id AS ownerId, COUNT { (n)<-[:MENTIONS]-() } AS total, items`,
    { ids, ...pageParams(page) },
    counter,
  );
}
