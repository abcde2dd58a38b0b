// One DataLoader per relation of the graph, created per request: every resolver that needs
// the same kind of data in one execution level shares one batched Cypher round trip.
import DataLoader from 'dataloader';
import type { GraphDatabase, RoundTripCounter } from '../graph/database.ts';
import * as articles from '../graph/articles.ts';
import * as entities from '../graph/entities.ts';
import * as figures from '../graph/figures.ts';
import { parseRelationId } from '../graph/ids.ts';
import type {
  ArticleRecord,
  EntityRecord,
  FigureRecord,
  MentionRecord,
  RelationRecord,
  SentenceRecord,
} from '../graph/records.ts';

type BatchRead<R> = (db: GraphDatabase, keys: readonly string[], counter?: RoundTripCounter) => Promise<R[]>;

/** A loader of one record per id (null when missing). */
function byId<R extends { id: string }>(db: GraphDatabase, counter: RoundTripCounter, read: BatchRead<R>) {
  return new DataLoader<string, R | null>(async (ids) => {
    const found = new Map((await read(db, ids, counter)).map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A loader of the list of records belonging to each key, in the order the query returned them. */
function listBy<R, V>(
  db: GraphDatabase,
  counter: RoundTripCounter,
  read: BatchRead<R>,
  keyOf: (row: R) => string,
  valueOf: (row: R) => V,
) {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>(keys.map((k) => [k, []]));
    for (const row of await read(db, keys, counter)) groups.get(keyOf(row))?.push(valueOf(row));
    return keys.map((k) => groups.get(k) ?? []);
  });
}

export function createLoaders(db: GraphDatabase, counter: RoundTripCounter) {
  return {
    article: byId<ArticleRecord>(db, counter, articles.articlesByIds),
    entity: byId<EntityRecord>(db, counter, entities.entitiesByIds),
    figure: byId<FigureRecord>(db, counter, figures.figuresByIds),
    sentence: byId<SentenceRecord>(db, counter, articles.sentencesByIds),
    mention: byId<MentionRecord>(db, counter, articles.mentionsByIds),
    relation: byId<RelationRecord>(db, counter, (d, ids, c) =>
      entities.relationsByIds(d, ids.flatMap((id) => parseRelationId(id) ?? []), c),
    ),
    relationsOfEntity: listBy(db, counter, entities.relationsOfEntities, (r) => r.entityId, (r): RelationRecord => r),
    mentionsOfEntity: listBy(db, counter, entities.mentionsOfEntities, (r) => r.entityId, (r) => r),
    figuresOfEntity: listBy(db, counter, figures.figuresOfEntities, (r) => r.entityId, (r) => r.figure),
    articleIdsOfEntity: listBy(db, counter, entities.articleIdsOfEntities, (r) => r.entityId, (r) => r.articleId),
    entitiesOfArticle: listBy(db, counter, articles.entitiesOfArticles, (r) => r.articleId, (r) => r.entity),
    sentencesOfArticle: listBy(db, counter, articles.sentencesOfArticles, (r) => r.articleId, (r) => r),
    figuresOfArticle: listBy(db, counter, figures.figuresOfArticles, (r) => r.articleId, (r) => r.figure),
    mentionsOfSentence: listBy(db, counter, articles.mentionsOfSentences, (r) => r.sentenceId, (r) => r),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Keeps what `loadMany` found; a missing id (null) or a failed key (Error) is left out. */
export function foundOnly<T>(loaded: readonly (T | null | Error)[]): T[] {
  return loaded.filter((x): x is T => x !== null && !(x instanceof Error));
}
