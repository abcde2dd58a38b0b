// Reads of the article aggregate and its provenance layer (sentences, mentions: see provenance.ts).
import { parseMentionId, parseSentenceId } from '../core/ids.ts';
import { pageParams, type GraphReader, type RoundTripCounter } from './database.ts';
import { ownedPages } from './lists.ts';
import { articleRecord } from './projections.ts';
import { mentionMap, sentenceMap, spansOf } from './provenance.ts';
import type { ArticleRecord, EntitySummary, MentionRecord, OwnedPage, PageRequest, SentenceRecord } from './records.ts';

export async function articlesByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ article: ArticleRecord }>(
    `/* articlesByIds */ UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN ${articleRecord('a')} AS article`,
    { ids },
    counter,
  );
  return rows.map((r) => r.article);
}

/** Article texts, read only when a client asks for a text or a quote that slices it. */
export async function articleTexts(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<{ id: string; text: string }>(
    `/* articleTexts */ UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.text AS text`,
    { ids },
    counter,
  );
}

/**
 * Articles newest first, undated ones last. The dated ones are read off the `publishedAt` range
 * index in order, so a page costs its offset plus its size, not the size of the graph; the
 * undated ones are looked at only once the dated are exhausted (an UNWIND guards that MATCH: a
 * WHERE on `dated` would be planned after a scan of every article). `extra` adds to each record.
 */
export const articlePageStatement = (extra = '') => `CALL () { MATCH (a:Article) RETURN count(a) AS total }
     CALL () {
       MATCH (a:Article) WHERE a.publishedAt IS NOT NULL
       WITH a ORDER BY a.publishedAt DESC, a.id LIMIT $offset + $limit
       RETURN collect(a) AS dated
     }
     CALL (dated) {
       UNWIND CASE WHEN size(dated) < $offset + $limit THEN [true] ELSE [] END AS needed
       MATCH (a:Article) WHERE a.publishedAt IS NULL
       WITH a ORDER BY a.id LIMIT $offset + $limit
       RETURN collect(a) AS undated
     }
     RETURN {total: total, items: [a IN (dated + undated)[$offset..$offset + $limit] | ${articleRecord('a', extra)}]} AS value`;

export async function listArticles(
  db: GraphReader,
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<{ items: ArticleRecord[]; total: number }> {
  const rows = await db.read<{ value: { total: number; items: ArticleRecord[] } }>(`/* listArticles */ ${articlePageStatement()}`, pageParams(page), counter);
  return rows[0]?.value ?? { items: [], total: 0 };
}

export async function countArticles(db: GraphReader): Promise<number> {
  const [row] = await db.read<{ n: number }>('/* countArticles */ MATCH (a:Article) RETURN count(a) AS n', {});
  return row?.n ?? 0;
}

/** A page of the entities each article mentions, by kind, name and id; optionally of one kind. */
export const entitiesOfArticles = (
  db: GraphReader,
  ids: readonly string[],
  page: PageRequest,
  filter: { type?: string | null },
  counter?: RoundTripCounter,
) => ownedPages<EntitySummary>(db, 'Article.entities', ids, page, { type: filter.type ?? null }, counter);

/** Sentences by id (`<articleId>:s<index>`); ids that name no sentence are left out. */
export async function sentencesByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const sentences = ids.flatMap((id) => parseSentenceId(id) ?? []);
  const rows = await db.read<{ sentence: SentenceRecord }>(
    `/* sentencesByIds */ UNWIND $sentences AS x
     MATCH (a:Article {id: x.articleId})
     WITH a, toInteger(x.index) AS i WHERE i < size(a.sentenceStarts)
     RETURN ${sentenceMap('a', 'i')} AS sentence`,
    { sentences },
    counter,
  );
  return rows.map((r) => r.sentence);
}

/** A page of the sentences of each article, in text order. */
export const sentencesOfArticles = (db: GraphReader, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<SentenceRecord>(db, 'Article.sentences', ids, page, {}, counter);

/** Mentions by id (`<articleId>:m<start>-<end>:<entityId>`); ids that name no mention are left out. */
export async function mentionsByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const mentions = ids.flatMap((id) => parseMentionId(id) ?? []);
  const rows = await db.read<{ mention: MentionRecord }>(
    `/* mentionsByIds */ UNWIND $mentions AS x
     MATCH (a:Article {id: x.articleId})-[r:MENTIONS]->(e:Entity {id: x.entityId})
     WITH a, e, r, toInteger(x.start) AS start, toInteger(x.end) AS end
     WHERE any(i IN range(0, size(r.starts) - 1) WHERE r.starts[i] = start AND r.ends[i] = end)
     RETURN ${mentionMap('a', 'e', 'start', 'end')} AS mention`,
    { mentions },
    counter,
  );
  return rows.map((r) => r.mention);
}

/** A page of the mentions in each sentence, in text order. */
export async function mentionsOfSentences(
  db: GraphReader,
  ids: readonly string[],
  page: PageRequest,
  counter?: RoundTripCounter,
): Promise<OwnedPage<MentionRecord>[]> {
  const sentences = ids.flatMap((id) => {
    const sentence = parseSentenceId(id);
    return sentence ? [{ id, ...sentence }] : [];
  });
  return db.read<OwnedPage<MentionRecord>>(
    `/* mentionsOfSentences */ UNWIND $sentences AS x
     MATCH (a:Article {id: x.articleId})
     WITH x, a, a.sentenceStarts[toInteger(x.index)] AS from, a.sentenceEnds[toInteger(x.index)] AS to
     WHERE from IS NOT NULL
     CALL (a, from, to) {
       MATCH (a)-[r:MENTIONS]->(e:Entity)
       ${spansOf('r')}
       WITH a, e, start, end WHERE from <= start < to
       WITH ${mentionMap('a', 'e', 'start', 'end')} AS mention
       ORDER BY mention.start, mention.id
       RETURN collect(mention) AS mentions
     }
     RETURN x.id AS ownerId, size(mentions) AS total, mentions[$offset..$offset + $limit] AS items`,
    { sentences, ...pageParams(page) },
    counter,
  );
}
