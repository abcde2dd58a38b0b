// Reads of the figure aggregate: quantitative facts with their subjects and source sentence.
import type { GraphDatabase, RoundTripCounter } from './database.ts';
import type { FigureRecord } from './records.ts';

const FIGURE_FIELDS = `f {
  .id, .articleId, .value, .unit, .qualifier, .period, .quote, .start, .end,
  sentenceId: COLLECT { MATCH (f)-[:STATED_IN]->(s:Sentence) RETURN s.id }[0],
  subjectIds: COLLECT { MATCH (f)-[a:ABOUT]->(e:Entity) RETURN e.id ORDER BY a.rank }
}`;

export interface FigureFilter {
  subjectId?: string | null;
  unit?: string | null;
}

export async function listFigures(
  db: GraphDatabase,
  filter: FigureFilter,
  page: { offset: number; limit: number },
  counter?: RoundTripCounter,
): Promise<{ items: FigureRecord[]; total: number }> {
  // Two shapes so each can use its index: by subject (ABOUT expansion) or by unit / all.
  const match = filter.subjectId
    ? 'MATCH (:Entity {id: $subjectId})<-[:ABOUT]-(f:Figure) WHERE $unit IS NULL OR f.unit = $unit'
    : 'MATCH (f:Figure) WHERE $unit IS NULL OR f.unit = $unit';
  const rows = await db.read<{ total: number; items: FigureRecord[] }>(
    `CALL () { ${match} RETURN count(f) AS total }
     CALL () {
       ${match}
       WITH f ORDER BY f.articleId, f.start SKIP toInteger($offset) LIMIT toInteger($limit)
       RETURN collect(${FIGURE_FIELDS}) AS items
     }
     RETURN total, items`,
    { subjectId: filter.subjectId ?? null, unit: filter.unit ?? null, offset: page.offset, limit: page.limit },
    counter,
  );
  return rows[0] ?? { items: [], total: 0 };
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
