// Reads of the figure aggregate: quantitative facts (one node per fact, stated by one or more
// articles) with their subjects and the mentions that state them; filtered, sorted and
// summarised lists.
import neo4j from 'neo4j-driver';
import type { EntityType, FigureChange, FigureMeasure, Qualifier } from '../core/types.ts';
import { parseFigureMentionId } from '../core/ids.ts';
import { pageParams, type GraphReader, type RoundTripCounter } from './database.ts';
import { WITHIN_PATH } from './entities.ts';
import { ownedPages } from './lists.ts';
import { entitySummary, figureRecord, keeping } from './projections.ts';
import { figureMentionMap, type Keep } from './provenance.ts';
import type { EntitySummary, FigureMentionRecord, FigureRecord, PageRequest } from './records.ts';

const FIGURE_FIELDS = figureRecord('f');

export interface FigureFilter {
  subjectId?: string | null;
  subjectType?: EntityType | null;
  subjectSubtype?: string | null;
  withinId?: string | null;
  unit?: string | null;
  qualifiers?: readonly Qualifier[] | null;
  period?: string | null;
  measure?: FigureMeasure | null;
  change?: FigureChange | null;
  /** true: only rates (a `per`); false: only amounts. */
  rate?: boolean | null;
  minValue?: number | null;
  maxValue?: number | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

export type FigureOrderField = 'VALUE' | 'PUBLISHED_AT' | 'POSITION';
export type OrderDirection = 'ASC' | 'DESC';
export type FigureGroupBy = 'SUBJECT' | 'UNIT' | 'PERIOD' | 'MEASURE';

type FilterParams = ReturnType<typeof filterParams>;

/**
 * Each filter's condition on figure `f`, written only when the filter is set: a condition a
 * parameter switches off (`$unit IS NULL OR …`) is still evaluated on every figure, and keeps the
 * planner from starting at the unit index. Constant strings; the values stay parameters.
 */
const FILTER_CONDITIONS: readonly { isSet: (p: FilterParams) => boolean; cypher: string }[] = [
  { isSet: (p) => p.unit !== null, cypher: 'f.unit = $unit' },
  { isSet: (p) => p.qualifiers !== null, cypher: 'f.qualifier IN $qualifiers' },
  { isSet: (p) => p.period !== null, cypher: 'f.period = $period' },
  { isSet: (p) => p.measure !== null, cypher: 'f.measure = $measure' },
  { isSet: (p) => p.change !== null, cypher: 'f.change = $change' },
  { isSet: (p) => p.rate !== null, cypher: '(f.per IS NOT NULL) = $rate' },
  { isSet: (p) => p.minValue !== null, cypher: 'f.value >= $minValue' },
  { isSet: (p) => p.maxValue !== null, cypher: 'f.value <= $maxValue' },
  {
    isSet: (p) => p.publishedFrom !== null || p.publishedTo !== null,
    cypher: `EXISTS {
      MATCH (f)<-[:STATES]-(a:Article)
      WHERE ($publishedFrom IS NULL OR a.publishedAt >= datetime($publishedFrom))
        AND ($publishedTo IS NULL OR a.publishedAt < datetime($publishedTo))
    }`,
  },
  {
    isSet: (p) => p.subjectType !== null || p.subjectSubtype !== null,
    cypher: `EXISTS {
      MATCH (f)-[:ABOUT]->(e:Entity)
      WHERE ($subjectType IS NULL OR e.type = $subjectType) AND ($subjectSubtype IS NULL OR e.subtype = $subjectSubtype)
    }`,
  },
];

/**
 * The MATCH that starts from the most selective filter (a subject, an area, or every figure,
 * which the planner narrows by the unit index when a unit is set), then the conditions of the
 * filters that are set, and only those: one plan per shape of filter, each as tight as it can be.
 */
function figureMatch(filter: FigureFilter): string {
  const start = filter.subjectId
    ? 'MATCH (:Entity {id: $subjectId})<-[:ABOUT]-(f:Figure)'
    : filter.withinId
      ? `MATCH (:Entity {id: $withinId})<-${WITHIN_PATH}-(:Entity)<-[:ABOUT]-(f:Figure) WITH DISTINCT f`
      : 'MATCH (f:Figure)';
  const params = filterParams(filter);
  const conditions = FILTER_CONDITIONS.filter((c) => c.isSet(params)).map((c) => c.cypher);
  return conditions.length ? `${start}\n  WITH f WHERE ${conditions.join('\n    AND ')}` : start;
}

function filterParams(filter: FigureFilter) {
  return {
    subjectId: filter.subjectId ?? null,
    withinId: filter.withinId ?? null,
    subjectType: filter.subjectType ?? null,
    subjectSubtype: filter.subjectSubtype ?? null,
    unit: filter.unit ?? null,
    qualifiers: filter.qualifiers?.length ? [...filter.qualifiers] : null,
    period: filter.period ?? null,
    measure: filter.measure ?? null,
    change: filter.change ?? null,
    rate: filter.rate ?? null,
    minValue: filter.minValue ?? null,
    maxValue: filter.maxValue ?? null,
    publishedFrom: filter.publishedFrom ?? null,
    publishedTo: filter.publishedTo ?? null,
  };
}

const ORDER: Record<FigureOrderField, Record<OrderDirection, string>> = {
  POSITION: { ASC: 'f.articleId, f.start', DESC: 'f.articleId DESC, f.start DESC' },
  VALUE: { ASC: 'f.value, f.id', DESC: 'f.value DESC, f.id' },
  PUBLISHED_AT: { ASC: 'f.publishedAt, f.id', DESC: 'f.publishedAt DESC, f.id' },
};

/** A figure with its subjects in rank order, when they were read in the same statement. */
export type FigureWithSubjects = FigureRecord & { subjects?: EntitySummary[] };

/** The figure's subjects, of each entity only the summary keys in `keep` (null: all). */
const subjectsOf = (keep: Keep) => `[(f)-[:ABOUT]->(e:Entity) | ${entitySummary('e', '', keep)}]`;

/** `subjects` in the order of `rankedIds` (the figure's subjectIds, main subject first). */
const inRankOrder = (subjects: EntitySummary[], rankedIds: readonly string[]): EntitySummary[] =>
  subjects.sort((a, b) => rankedIds.indexOf(a.id) - rankedIds.indexOf(b.id));

/**
 * One pass over the matching figures: sorted once, counted and sliced (the answer needs both).
 * With `subjects`, each figure comes with its subjects (of each, the keys kept), saving the
 * request a round trip; they are put in rank order here, by the figure's `subjectIds`, which
 * are then always read.
 */
export async function listFigures(
  db: GraphReader,
  filter: FigureFilter,
  order: { field: FigureOrderField; direction: OrderDirection },
  page: PageRequest,
  options: { keep?: Keep; subjects?: { keep: Keep } | undefined },
  counter?: RoundTripCounter,
): Promise<{ items: FigureWithSubjects[]; total: number }> {
  const { subjects } = options;
  const keep = subjects ? keeping(options.keep ?? null, ['subjectIds']) : (options.keep ?? null);
  // Beside the figure's projection, not in it: inside, Neo4j reads 1–2 % more (PROFILE of W3, 300 and 10k articles).
  const projection = `{figure: ${figureRecord('f', '', keep)}${subjects ? `, subjects: ${subjectsOf(subjects.keep)}` : ''}}`;
  const rows = await db.read<{ total: number; items: { figure: FigureRecord; subjects?: EntitySummary[] }[] }>(
    `/* listFigures */ ${figureMatch(filter)}
     WITH f ORDER BY ${ORDER[order.field][order.direction]}
     WITH collect(f) AS ordered
     RETURN size(ordered) AS total, [f IN ordered[$offset..$offset + $limit] | ${projection}] AS items`,
    { ...filterParams(filter), ...pageParams(page) },
    counter,
  );
  const row = rows[0];
  if (!row) return { items: [], total: 0 };
  const items = row.items.map(({ figure, subjects }): FigureWithSubjects =>
    subjects ? Object.assign(figure, { subjects: inRankOrder(subjects, figure.subjectIds) }) : figure,
  );
  return { items, total: row.total };
}

/**
 * One group of a summary: one measure, unit and change (and, for OTHER, one measure phrase), so
 * its sum adds like with like.
 */
export interface FigureGroupRecord {
  key: string;
  subjectId: string | null;
  measure: FigureMeasure;
  /** For OTHER: the lower-cased words that govern the figures; null for the other measures. */
  measurePhrase: string | null;
  unit: string;
  change: FigureChange;
  count: number;
  sum: number;
  min: number;
  max: number;
}

const GROUP_KEY: Record<FigureGroupBy, string> = {
  SUBJECT: `MATCH (f)-[:ABOUT]->(e:Entity)
    WHERE ($subjectType IS NULL OR e.type = $subjectType) AND ($subjectSubtype IS NULL OR e.subtype = $subjectSubtype)
    WITH f, e.id AS key, e.id AS subjectId`,
  UNIT: 'WITH f, f.unit AS key, null AS subjectId',
  PERIOD: "WITH f, coalesce(f.period, 'unknown') AS key, null AS subjectId",
  MEASURE: 'WITH f, f.measure AS key, null AS subjectId',
};

/**
 * The `limit` groups with the biggest sums (ties by key, measure, unit, change, phrase). Groups
 * are split by measure, unit and change (levels and increases apart) whatever `groupBy` says,
 * figures of no known measure (OTHER) by the words that govern them, and rates (a `per`: "36
 * triệu đồng/người") are left out, so a sum never adds a capital to a loan volume, or an
 * allowance per person to a total.
 */
export async function summarizeFigures(
  db: GraphReader,
  filter: FigureFilter,
  groupBy: FigureGroupBy,
  limit: number,
  counter?: RoundTripCounter,
): Promise<FigureGroupRecord[]> {
  return db.read<FigureGroupRecord>(
    `/* summarizeFigures */ ${figureMatch(filter)}
     ${GROUP_KEY[groupBy]}
     WITH f, key, subjectId WHERE f.per IS NULL
     WITH f, key, subjectId, CASE WHEN f.measure = 'OTHER' THEN toLower(coalesce(f.measurePhrase, '')) END AS phrase
     RETURN key, subjectId, f.measure AS measure, phrase AS measurePhrase, f.unit AS unit, f.change AS change,
            count(f) AS count, sum(f.value) AS sum, min(f.value) AS min, max(f.value) AS max
     ORDER BY sum DESC, key, measure, unit, change, measurePhrase
     LIMIT $limit`,
    { ...filterParams(filter), limit: neo4j.int(limit) },
    counter,
  );
}

export async function figuresByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ figure: FigureRecord }>(
    `/* figuresByIds */ UNWIND $ids AS id MATCH (f:Figure {id: id}) RETURN ${FIGURE_FIELDS} AS figure`,
    { ids },
    counter,
  );
  return rows.map((r) => r.figure);
}

/** A page of the figures about each entity, by article then position. */
export const figuresOfEntities = (db: GraphReader, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<FigureRecord>(db, 'Entity.figures', ids, page, {}, counter);

/** A page of the figures each article states, in the order of their first statement in it. */
export const figuresOfArticles = (db: GraphReader, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<FigureRecord>(db, 'Article.figures', ids, page, {}, counter);

/** A page of the mentions of each figure: earliest-published article first, then text order. */
export const mentionsOfFigures = (db: GraphReader, ids: readonly string[], page: PageRequest, counter?: RoundTripCounter) =>
  ownedPages<FigureMentionRecord>(db, 'Figure.mentions', ids, page, {}, counter);

/** Figure mentions by id (`<articleId>:f<start>-<end>`); ids that name none are left out. */
export async function figureMentionsByIds(db: GraphReader, ids: readonly string[], counter?: RoundTripCounter) {
  const mentions = ids.flatMap((id) => parseFigureMentionId(id) ?? []);
  const rows = await db.read<{ mention: FigureMentionRecord }>(
    `/* figureMentionsByIds */ UNWIND $mentions AS x
     MATCH (a:Article {id: x.articleId})-[r:STATES]->(f:Figure)
     WITH a, r, f, toInteger(x.start) AS start, toInteger(x.end) AS end
     WHERE any(i IN range(0, size(r.starts) - 1) WHERE r.starts[i] = start AND r.ends[i] = end)
     RETURN ${figureMentionMap('a', 'r', 'f', 'start', 'end')} AS mention`,
    { mentions },
    counter,
  );
  return rows.map((r) => r.mention);
}
