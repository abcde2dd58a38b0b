// One DataLoader per relation of the graph, created per request: every resolver that needs
// the same kind of data in one execution level shares one batched Cypher round trip.
import DataLoader from 'dataloader';
import type { GraphReader, RoundTripCounter } from '../graph/database.ts';
import * as articles from '../graph/articles.ts';
import * as entities from '../graph/entities.ts';
import * as figures from '../graph/figures.ts';
import { parseRelationId } from '../core/ids.ts';
import type {
  ArticleRecord,
  EntityRecord,
  EntitySummary,
  EntityView,
  FigureMentionRecord,
  FigureRecord,
  MentionRecord,
  OwnedPage,
  PageRequest,
  RelationRecord,
  SentenceRecord,
} from '../graph/records.ts';

type BatchRead<R> = (db: GraphReader, keys: readonly string[], counter?: RoundTripCounter) => Promise<R[]>;

/** A loader of one record per id (null when missing). */
function byId<R extends { id: string }>(db: GraphReader, counter: RoundTripCounter, read: BatchRead<R>) {
  return new DataLoader<string, R | null>(async (ids) => {
    const found = new Map((await read(db, ids, counter)).map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Which page of which owner's list, with the list's own filter (a JSON-serialisable object). */
export interface PageKey<F> {
  ownerId: string;
  page: PageRequest;
  filter: F;
}

type PagedRead<R, F> = (ids: readonly string[], page: PageRequest, filter: F) => Promise<OwnedPage<R>[]>;

/**
 * A loader of one page of a list per owner. Keys that ask for the same page and filter (every
 * parent of one field in a selection) share a round trip, so the number of queries follows
 * the selection, not the number of parents.
 */
function pagedBy<R, F extends object = Record<string, never>>(read: PagedRead<R, F>) {
  const groupOf = (key: PageKey<F>) => JSON.stringify([key.page, key.filter]);
  return new DataLoader<PageKey<F>, OwnedPage<R>, string>(
    async (keys) => {
      const groups = new Map<string, PageKey<F>[]>();
      for (const key of keys) {
        const group = groupOf(key);
        const members = groups.get(group);
        if (members) members.push(key);
        else groups.set(group, [key]);
      }
      const pages = new Map<string, OwnedPage<R>>();
      await Promise.all(
        [...groups].map(async ([group, members]) => {
          const { page, filter } = members[0]!;
          const owners = [...new Set(members.map((k) => k.ownerId))];
          for (const owned of await read(owners, page, filter)) pages.set(`${group}\u0000${owned.ownerId}`, owned);
        }),
      );
      return keys.map(
        (key) => pages.get(`${groupOf(key)}\u0000${key.ownerId}`) ?? { ownerId: key.ownerId, total: 0, items: [] },
      );
    },
    { cacheKeyFn: (key) => `${groupOf(key)}\u0000${key.ownerId}` },
  );
}

export function createLoaders(db: GraphReader, counter: RoundTripCounter) {
  const related = (list: entities.RelatedList) =>
    pagedBy<EntitySummary>((ids, page) => entities.relatedEntities(db, list, ids, page, counter));
  return {
    article: byId<ArticleRecord>(db, counter, articles.articlesByIds),
    articleText: byId<{ id: string; text: string }>(db, counter, articles.articleTexts),
    // Holds whole records (read by id) and summaries primed from lists; `entityDetails` completes the latter.
    entity: byId<EntityView>(db, counter, entities.entitiesByIds),
    entityDetails: byId<EntityRecord>(db, counter, entities.entitiesByIds),
    figure: byId<FigureRecord>(db, counter, figures.figuresByIds),
    figureMention: byId<FigureMentionRecord>(db, counter, figures.figureMentionsByIds),
    sentence: byId<SentenceRecord>(db, counter, articles.sentencesByIds),
    mention: byId<MentionRecord>(db, counter, articles.mentionsByIds),
    relation: byId<RelationRecord>(db, counter, (d, ids, c) =>
      entities.relationsByIds(d, ids.flatMap((id) => parseRelationId(id) ?? []), c),
    ),
    relationsOfEntity: pagedBy<entities.RelationFromEnd, entities.RelationFilter>((ids, page, filter) =>
      entities.relationsOfEntities(db, ids, page, filter, counter),
    ),
    mentionsOfEntity: pagedBy<MentionRecord>((ids, page) => entities.mentionsOfEntities(db, ids, page, counter)),
    figuresOfEntity: pagedBy<FigureRecord>((ids, page) => figures.figuresOfEntities(db, ids, page, counter)),
    articlesOfEntity: pagedBy<ArticleRecord>((ids, page) => entities.articlesOfEntities(db, ids, page, counter)),
    relatedEntities: {
      partOf: related('partOf'),
      parts: related('parts'),
      organizations: related('organizations'),
      successors: related('successors'),
      predecessors: related('predecessors'),
      locatedIn: related('locatedIn'),
      campaigns: related('campaigns'),
      runBy: related('runBy'),
    } satisfies Record<entities.RelatedList, unknown>,
    entitiesOfArticle: pagedBy<EntitySummary, { type: string | null }>((ids, page, filter) =>
      articles.entitiesOfArticles(db, ids, page, filter, counter),
    ),
    sentencesOfArticle: pagedBy<SentenceRecord>((ids, page) => articles.sentencesOfArticles(db, ids, page, counter)),
    figuresOfArticle: pagedBy<FigureRecord>((ids, page) => figures.figuresOfArticles(db, ids, page, counter)),
    mentionsOfFigure: pagedBy<FigureMentionRecord>((ids, page) => figures.mentionsOfFigures(db, ids, page, counter)),
    mentionsOfSentence: pagedBy<MentionRecord>((ids, page) => articles.mentionsOfSentences(db, ids, page, counter)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Keeps what `loadMany` found; a missing id (null) or a failed key (Error) is left out. */
export function foundOnly<T>(loaded: readonly (T | null | Error)[]): T[] {
  return loaded.filter((x): x is T => x !== null && !(x instanceof Error));
}
