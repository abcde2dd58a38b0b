// Reads of the article aggregate and its provenance layer (sentences, mentions).
import type { GraphDatabase, RoundTripCounter } from './database.ts';
import { ENTITY_FIELDS } from './entities.ts';
import type { ArticleRecord, EntityRecord, MentionRecord, SentenceRecord } from './records.ts';

const ARTICLE_FIELDS = `a {
  .id, .title, .text, url: a.url,
  publishedAt: toString(a.publishedAt), ingestedAt: toString(a.ingestedAt)
}`;

export async function articlesByIds(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ article: ArticleRecord }>(
    `UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN ${ARTICLE_FIELDS} AS article`,
    { ids },
    counter,
  );
  return rows.map((r) => r.article);
}

export async function listArticles(
  db: GraphDatabase,
  page: { offset: number; limit: number },
  counter?: RoundTripCounter,
): Promise<{ items: ArticleRecord[]; total: number }> {
  const rows = await db.read<{ total: number; items: ArticleRecord[] }>(
    `CALL () { MATCH (a:Article) RETURN count(a) AS total }
     CALL () {
       MATCH (a:Article)
       WITH a ORDER BY a.publishedAt DESC, a.id SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${ARTICLE_FIELDS}) AS items
     }
     RETURN total, items`,
    page,
    counter,
  );
  return rows[0] ?? { items: [], total: 0 };
}

export async function countArticles(db: GraphDatabase): Promise<number> {
  const [row] = await db.read<{ n: number }>('MATCH (a:Article) RETURN count(a) AS n', {});
  return row?.n ?? 0;
}

export async function entitiesOfArticles(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<{ articleId: string; entity: EntityRecord }>(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[:MENTIONS]->(n:Entity)
     WITH id, n ORDER BY n.type, n.name
     RETURN id AS articleId, ${ENTITY_FIELDS} AS entity`,
    { ids },
    counter,
  );
}

const SENTENCE_FIELDS = 's {.id, .articleId, .index, .section, .start, .end, .text}';

export async function sentencesByIds(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ sentence: SentenceRecord }>(
    `UNWIND $ids AS id MATCH (s:Sentence {id: id}) RETURN ${SENTENCE_FIELDS} AS sentence`,
    { ids },
    counter,
  );
  return rows.map((r) => r.sentence);
}

export async function sentencesOfArticles(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ sentence: SentenceRecord }>(
    `UNWIND $ids AS id
     MATCH (:Article {id: id})-[:HAS_SENTENCE]->(s:Sentence)
     WITH s ORDER BY s.articleId, s.index
     RETURN ${SENTENCE_FIELDS} AS sentence`,
    { ids },
    counter,
  );
  return rows.map((r) => r.sentence);
}

export async function mentionsByIds(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<MentionRecord>(
    `UNWIND $ids AS id
     MATCH (e:Entity)<-[:REFERS_TO]-(m:Mention {id: id})-[:IN_SENTENCE]->(s:Sentence)
     RETURN m.id AS id, e.id AS entityId, m.articleId AS articleId, s.id AS sentenceId,
            m.start AS start, m.end AS end, m.text AS text`,
    { ids },
    counter,
  );
}

export async function mentionsOfSentences(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<MentionRecord>(
    `UNWIND $ids AS id
     MATCH (e:Entity)<-[:REFERS_TO]-(m:Mention)-[:IN_SENTENCE]->(s:Sentence {id: id})
     RETURN m.id AS id, e.id AS entityId, m.articleId AS articleId, s.id AS sentenceId,
            m.start AS start, m.end AS end, m.text AS text
     ORDER BY start`,
    { ids },
    counter,
  );
}
