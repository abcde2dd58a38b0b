// Reads of the figure aggregate: quantitative facts with their subjects and source sentence;
// filtered, sorted and summarised lists.
import type { EntityType, Qualifier } from '../core/types.ts';
import type { GraphDatabase, RoundTripCounter } from './database.ts';
import type { FigureRecord } from './records.ts';

const FIGURE_FIELDS = `f {
  .id, .articleId, .value, .unit, .qualifier, .period, .quote, .start, .end,
  sentenceId: COLLECT { MATCH (f)-[:STATED_IN]->(s:Sentence) RETURN s.id }[0],
  subjectIds: COLLECT { MATCH (f)-[a:ABOUT]->(e:Entity) RETURN e.id ORDER BY a.rank }
}`;

/** Units inside a unit: PART_OF / LOCATED_IN chains, and provinces merged into it (SUCCEEDED_BY). */
export const WITHIN_PATH = '[:PART_OF|LOCATED_IN|SUCCEEDED_BY*0..4]';

export interface FigureFilter {
  subjectId?: string | null;
  subjectType?: EntityType | null;
  subjectSubtype?: string | null;
  withinId?: string | null;
  unit?: string | null;
  qualifiers?: readonly Qualifier[] | null;
  period?: string | null;
  minValue?: number | null;
  maxValue?: number | null;
  publishedFrom?: string | null;
  publishedTo?: string | null;
}

export type FigureOrderField = 'VALUE' | 'PUBLISHED_AT' | 'POSITION';
export type OrderDirection = 'ASC' | 'DESC';
export type FigureGroupBy = 'SUBJECT' | 'UNIT' | 'PERIOD';

/**
 * The MATCH that starts from the most selective filter (a subject or a unit via their index),
 * followed by the conditions every shape shares. Chosen among constant strings.
 */
function figureMatch(filter: FigureFilter): string {
  const start = filter.subjectId
    ? 'MATCH (:Entity {id: $subjectId})<-[:ABOUT]-(f:Figure)'
    : filter.withinId
      ? `MATCH (:Entity {id: $withinId})<-${WITHIN_PATH}-(:Entity)<-[:ABOUT]-(f:Figure) WITH DISTINCT f`
      : 'MATCH (f:Figure)';
  return `${start}
  WITH f WHERE ($unit IS NULL OR f.unit = $unit)
    AND ($qualifiers IS NULL OR f.qualifier IN $qualifiers)
    AND ($period IS NULL OR f.period = $period)
    AND ($minValue IS NULL OR f.value >= $minValue)
    AND ($maxValue IS NULL OR f.value <= $maxValue)
    AND ($publishedFrom IS NULL OR f.publishedAt >= datetime($publishedFrom))
    AND ($publishedTo IS NULL OR f.publishedAt < datetime($publishedTo))
    AND ($subjectType IS NULL AND $subjectSubtype IS NULL OR EXISTS {
      MATCH (f)-[:ABOUT]->(e:Entity)
      WHERE ($subjectType IS NULL OR e.type = $subjectType) AND ($subjectSubtype IS NULL OR e.subtype = $subjectSubtype)
    })`;
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

export async function listFigures(
  db: GraphDatabase,
  filter: FigureFilter,
  order: { field: FigureOrderField; direction: OrderDirection },
  page: { offset: number; limit: number },
  counter?: RoundTripCounter,
): Promise<{ items: FigureRecord[]; total: number }> {
  const match = figureMatch(filter);
  const rows = await db.read<{ total: number; items: FigureRecord[] }>(
    `CALL () { ${match} RETURN count(f) AS total }
     CALL () {
       ${match}
       WITH f ORDER BY ${ORDER[order.field][order.direction]} SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${FIGURE_FIELDS}) AS items
     }
     RETURN total, items`,
    { ...filterParams(filter), offset: page.offset, limit: page.limit },
    counter,
  );
  return rows[0] ?? { items: [], total: 0 };
}

export interface FigureGroupRecord {
  key: string;
  subjectId: string | null;
  units: string[];
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
};

export async function summarizeFigures(
  db: GraphDatabase,
  filter: FigureFilter,
  groupBy: FigureGroupBy,
  limit: number,
  counter?: RoundTripCounter,
): Promise<FigureGroupRecord[]> {
  return db.read<FigureGroupRecord>(
    `${figureMatch(filter)}
     ${GROUP_KEY[groupBy]}
     RETURN key, subjectId, collect(DISTINCT f.unit) AS units, count(f) AS count,
            sum(f.value) AS sum, min(f.value) AS min, max(f.value) AS max
     ORDER BY sum DESC, key
     LIMIT toInteger($limit)`,
    { ...filterParams(filter), limit },
    counter,
  );
}

export async function figuresByIds(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  const rows = await db.read<{ figure: FigureRecord }>(
    `UNWIND $ids AS id MATCH (f:Figure {id: id}) RETURN ${FIGURE_FIELDS} AS figure`,
    { ids },
    counter,
  );
  return rows.map((r) => r.figure);
}

export async function figuresOfEntities(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<{ entityId: string; figure: FigureRecord }>(
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})<-[:ABOUT]-(f:Figure)
     WITH id, f ORDER BY f.articleId, f.start
     RETURN id AS entityId, ${FIGURE_FIELDS} AS figure`,
    { ids },
    counter,
  );
}

export async function figuresOfArticles(db: GraphDatabase, ids: readonly string[], counter?: RoundTripCounter) {
  return db.read<{ articleId: string; figure: FigureRecord }>(
    `UNWIND $ids AS id
     MATCH (f:Figure {articleId: id})
     WITH id, f ORDER BY f.start
     RETURN id AS articleId, ${FIGURE_FIELDS} AS figure`,
    { ids },
    counter,
  );
}
