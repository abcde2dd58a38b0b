// One DataLoader per relation of the graph, per request, made when first used: every resolver
// that needs the same kind of data in one execution level shares one batched Cypher round trip.
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

/** One record per id, null when missing, in one read. */
function batchById<R extends { id: string }>(db: GraphReader, counter: RoundTripCounter, read: BatchRead<R>): DataLoader.BatchLoadFn<string, R | null> {
  return async (ids) => {
    const found = new Map((await read(db, ids, counter)).map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  };
}

/** A loader of one record per id (null when missing). */
function byId<R extends { id: string }>(db: GraphReader, counter: RoundTripCounter, read: BatchRead<R>) {
  return new DataLoader<string, R | null>(batchById(db, counter, read));
}

/**
 * A loader's cache that also keeps records read by other statements (a page of a list, a compiled
 * request) as they are: a promise is made for a record when a resolver loads it, not for each of
 * the hundreds a page of lists primes.
 */
class PrimedCache<V> implements DataLoader.CacheMap<string, Promise<V>> {
  readonly #promises = new Map<string, Promise<V>>();
  readonly #records = new Map<string, V>();

  get(key: string): Promise<V> | undefined {
    const promise = this.#promises.get(key);
    if (promise || !this.#records.has(key)) return promise;
    const primed = Promise.resolve(this.#records.get(key)!);
    this.#promises.set(key, primed);
    return primed;
  }
  set(key: string, value: Promise<V>) {
    this.#promises.set(key, value);
  }
  delete(key: string) {
    this.#promises.delete(key);
    this.#records.delete(key);
  }
  clear() {
    this.#promises.clear();
    this.#records.clear();
  }
  /** As DataLoader's `prime`: the first value for a key stays. */
  keep(key: string, record: V) {
    if (!this.#promises.has(key) && !this.#records.has(key)) this.#records.set(key, record);
  }
}

/** A loader by id whose `prime` of a record makes no promise (PrimedCache). */
class PrimedLoader<R> extends DataLoader<string, R | null> {
  readonly #cache: PrimedCache<R | null>;

  constructor(batch: DataLoader.BatchLoadFn<string, R | null>, cache = new PrimedCache<R | null>()) {
    super(batch, { cacheMap: cache });
    this.#cache = cache;
  }
  override prime(key: string, value: R | null | PromiseLike<R | null> | Error): this {
    if (value instanceof Error || (value !== null && typeof (value as PromiseLike<unknown>).then === 'function')) return super.prime(key, value);
    this.#cache.keep(key, value as R | null);
    return this;
  }
}

/** A loader of one record per id, whose primed records cost no promise until loaded. */
function primedById<R extends { id: string }>(db: GraphReader, counter: RoundTripCounter, read: BatchRead<R>) {
  return new PrimedLoader<R>(batchById(db, counter, read));
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

type RelatedLoaders = Record<entities.RelatedList, DataLoader<PageKey<Record<string, never>>, OwnedPage<EntitySummary>, string>>;

/**
 * The loaders of one request, each made the first time a resolver asks for it: most requests
 * read their answer with one compiled statement and touch one or two loaders, not all of them.
 */
export class Loaders {
  #article?: PrimedLoader<ArticleRecord>;
  #articleText?: DataLoader<string, { id: string; text: string } | null>;
  #entity?: PrimedLoader<EntityView>;
  #entityDetails?: DataLoader<string, EntityRecord | null>;
  #figure?: DataLoader<string, FigureRecord | null>;
  #figureMention?: DataLoader<string, FigureMentionRecord | null>;
  #sentence?: DataLoader<string, SentenceRecord | null>;
  #mention?: DataLoader<string, MentionRecord | null>;
  #relation?: DataLoader<string, RelationRecord | null>;
  #relationsOfEntity?: DataLoader<PageKey<entities.RelationFilter>, OwnedPage<entities.RelationFromEnd>, string>;
  #mentionsOfEntity?: DataLoader<PageKey<Record<string, never>>, OwnedPage<MentionRecord>, string>;
  #figuresOfEntity?: DataLoader<PageKey<Record<string, never>>, OwnedPage<FigureRecord>, string>;
  #articlesOfEntity?: DataLoader<PageKey<Record<string, never>>, OwnedPage<ArticleRecord>, string>;
  #relatedEntities?: RelatedLoaders;
  #entitiesOfArticle?: DataLoader<PageKey<{ type: string | null }>, OwnedPage<EntitySummary>, string>;
  #sentencesOfArticle?: DataLoader<PageKey<Record<string, never>>, OwnedPage<SentenceRecord>, string>;
  #figuresOfArticle?: DataLoader<PageKey<Record<string, never>>, OwnedPage<FigureRecord>, string>;
  #mentionsOfFigure?: DataLoader<PageKey<Record<string, never>>, OwnedPage<FigureMentionRecord>, string>;
  #mentionsOfSentence?: DataLoader<PageKey<Record<string, never>>, OwnedPage<MentionRecord>, string>;

  constructor(
    private readonly db: GraphReader,
    private readonly counter: RoundTripCounter,
  ) {}

  get article() {
    return (this.#article ??= primedById<ArticleRecord>(this.db, this.counter, articles.articlesByIds));
  }
  get articleText() {
    return (this.#articleText ??= byId<{ id: string; text: string }>(this.db, this.counter, articles.articleTexts));
  }
  /** Holds whole records (read by id) and summaries primed from lists; `entityDetails` completes the latter. */
  get entity() {
    return (this.#entity ??= primedById<EntityView>(this.db, this.counter, entities.entitiesByIds));
  }
  get entityDetails() {
    return (this.#entityDetails ??= byId<EntityRecord>(this.db, this.counter, entities.entitiesByIds));
  }
  get figure() {
    return (this.#figure ??= byId<FigureRecord>(this.db, this.counter, figures.figuresByIds));
  }
  get figureMention() {
    return (this.#figureMention ??= byId<FigureMentionRecord>(this.db, this.counter, figures.figureMentionsByIds));
  }
  get sentence() {
    return (this.#sentence ??= byId<SentenceRecord>(this.db, this.counter, articles.sentencesByIds));
  }
  get mention() {
    return (this.#mention ??= byId<MentionRecord>(this.db, this.counter, articles.mentionsByIds));
  }
  get relation() {
    return (this.#relation ??= byId<RelationRecord>(this.db, this.counter, (d, ids, c) =>
      entities.relationsByIds(d, ids.flatMap((id) => parseRelationId(id) ?? []), c),
    ));
  }
  get relationsOfEntity() {
    return (this.#relationsOfEntity ??= pagedBy<entities.RelationFromEnd, entities.RelationFilter>((ids, page, filter) =>
      entities.relationsOfEntities(this.db, ids, page, filter, this.counter),
    ));
  }
  get mentionsOfEntity() {
    return (this.#mentionsOfEntity ??= pagedBy<MentionRecord>((ids, page) => entities.mentionsOfEntities(this.db, ids, page, this.counter)));
  }
  get figuresOfEntity() {
    return (this.#figuresOfEntity ??= pagedBy<FigureRecord>((ids, page) => figures.figuresOfEntities(this.db, ids, page, this.counter)));
  }
  get articlesOfEntity() {
    return (this.#articlesOfEntity ??= pagedBy<ArticleRecord>((ids, page) => entities.articlesOfEntities(this.db, ids, page, this.counter)));
  }
  get relatedEntities(): RelatedLoaders {
    return (this.#relatedEntities ??= this.#makeRelated());
  }
  #makeRelated(): RelatedLoaders {
    const related = (list: entities.RelatedList) =>
      pagedBy<EntitySummary>((ids, page) => entities.relatedEntities(this.db, list, ids, page, this.counter));
    return {
      partOf: related('partOf'),
      parts: related('parts'),
      organizations: related('organizations'),
      successors: related('successors'),
      predecessors: related('predecessors'),
      locatedIn: related('locatedIn'),
      campaigns: related('campaigns'),
      runBy: related('runBy'),
    };
  }
  get entitiesOfArticle() {
    return (this.#entitiesOfArticle ??= pagedBy<EntitySummary, { type: string | null }>((ids, page, filter) =>
      articles.entitiesOfArticles(this.db, ids, page, filter, this.counter),
    ));
  }
  get sentencesOfArticle() {
    return (this.#sentencesOfArticle ??= pagedBy<SentenceRecord>((ids, page) => articles.sentencesOfArticles(this.db, ids, page, this.counter)));
  }
  get figuresOfArticle() {
    return (this.#figuresOfArticle ??= pagedBy<FigureRecord>((ids, page) => figures.figuresOfArticles(this.db, ids, page, this.counter)));
  }
  get mentionsOfFigure() {
    return (this.#mentionsOfFigure ??= pagedBy<FigureMentionRecord>((ids, page) => figures.mentionsOfFigures(this.db, ids, page, this.counter)));
  }
  get mentionsOfSentence() {
    return (this.#mentionsOfSentence ??= pagedBy<MentionRecord>((ids, page) => articles.mentionsOfSentences(this.db, ids, page, this.counter)));
  }
}

export const createLoaders = (db: GraphReader, counter: RoundTripCounter): Loaders => new Loaders(db, counter);

/** Keeps what `loadMany` found; a missing id (null) or a failed key (Error) is left out. */
export function foundOnly<T>(loaded: readonly (T | null | Error)[]): T[] {
  return loaded.filter((x): x is T => x !== null && !(x instanceof Error));
}
