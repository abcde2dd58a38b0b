// Reads of the entity aggregate: entities, their relations, mentions, figures and articles.
// Every function takes a batch of ids so the API layer's DataLoaders make one round trip per batch.
import type { EntityType } from '../core/types.ts';
import type { GraphDatabase, RoundTripCounter } from './database.ts';
import { WITHIN_PATH } from './figures.ts';
import { parseEvidenceKey, relationId } from './ids.ts';
import type { EntityRecord, GraphRelationType, MentionRecord, RelationRecord } from './records.ts';

/** The projection of an entity node `n` onto EntityRecord; shared by every read of entities. */
export const ENTITY_FIELDS = `n {
  .id, .type, .subtype, .name, aliases: coalesce(n.aliases, []),
  .code, .level, validFrom: toString(n.validFrom), validTo: toString(n.validTo)
}`;

export async function entitiesByIds(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ entity: EntityRecord }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN ${ENTITY_FIELDS} AS entity`,
    { ids },
    counter,
  );
  return rows.map((r) => r.entity);
}

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
  db: GraphDatabase,
  filter: EntityFilter,
  page: { offset: number; limit: number },
  counter?: RoundTripCounter,
): Promise<{ items: EntityRecord[]; total: number }> {
  const rows = await db.read<{ total: number; items: EntityRecord[] }>(
    `CALL () { ${ENTITY_MATCH} RETURN count(n) AS total }
     CALL () {
       ${ENTITY_MATCH}
       WITH n ORDER BY n.name, n.id SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${ENTITY_FIELDS}) AS items
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

interface RelationRow {
  entityId: string;
  type: GraphRelationType;
  fromId: string;
  toId: string;
  evidence: string[];
}

/** Relations between entities that touch any of `ids`, in both directions. */
export async function relationsOfEntities(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<RelationRow>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})-[r]-(m:Entity)
     RETURN id AS entityId, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId,
            coalesce(r.evidence, []) AS evidence
     ORDER BY type, fromId, toId`,
    { ids },
    counter,
  );
  return rows.map((row): RelationRecord & { entityId: string } => ({
    entityId: row.entityId,
    id: relationId(row.fromId, row.type, row.toId),
    type: row.type,
    fromId: row.fromId,
    toId: row.toId,
    evidence: row.evidence.flatMap((k) => parseEvidenceKey(k) ?? []),
  }));
}

export async function relationsByIds(
  db: GraphDatabase,
  keys: readonly { fromId: string; type: string; toId: string }[],
  counter?: RoundTripCounter,
) {
  const rows = await db.read<Omit<RelationRow, 'entityId'>>(
    `UNWIND $keys AS k
     MATCH (a:Entity {id: k.fromId})-[r]->(b:Entity {id: k.toId})
     WHERE type(r) = k.type
     RETURN type(r) AS type, a.id AS fromId, b.id AS toId, coalesce(r.evidence, []) AS evidence`,
    { keys },
    counter,
  );
  return rows.map(
    (row): RelationRecord => ({
      id: relationId(row.fromId, row.type, row.toId),
      type: row.type,
      fromId: row.fromId,
      toId: row.toId,
      evidence: row.evidence.flatMap((k) => parseEvidenceKey(k) ?? []),
    }),
  );
}

export async function mentionsOfEntities(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<MentionRecord>(
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})<-[:REFERS_TO]-(m:Mention)-[:IN_SENTENCE]->(s:Sentence)
     RETURN m.id AS id, id AS entityId, m.articleId AS articleId, s.id AS sentenceId,
            m.start AS start, m.end AS end, m.text AS text
     ORDER BY articleId, start`,
    { ids },
    counter,
  );
}

export async function articleIdsOfEntities(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<{ entityId: string; articleId: string }>(
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})<-[:MENTIONS]-(a:Article)
     RETURN id AS entityId, a.id AS articleId
     ORDER BY a.publishedAt DESC, a.id`,
    { ids },
    counter,
  );
}
