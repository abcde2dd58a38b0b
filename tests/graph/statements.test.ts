// A figure is a statement: one node per fact, with the mentions of every article that states it
// (as Wikidata keeps one statement with several references).
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { deleteArticle, ingestBatch, ingestExtraction } from '../../src/graph/ingest.ts';
import { connectTestGraph, graphCounts, resetGraph } from '../support/graph.ts';

// Two reports of one fact, worded and dated differently, and a third that repeats it in its title.
const FIRST = [
  'Lào Cai chú trọng công tác phát triển đảng viên',
  '',
  'Thứ Hai, 01-03-2021, 09:00',
  '',
  'Năm 2020, Đảng bộ tỉnh Lào Cai kết nạp 2.800 đảng viên. Các chi bộ cơ sở tập trung bồi dưỡng quần chúng ưu tú.',
].join('\n');
const SECOND = [
  'Nâng cao chất lượng tổ chức cơ sở đảng ở vùng cao',
  '',
  'Thứ Năm, 15-04-2021, 10:30',
  '',
  'Ban Tổ chức Tỉnh ủy cho biết nhiều chi bộ vùng cao đã được củng cố. Năm 2020, Đảng bộ tỉnh Lào Cai kết nạp 2.800 đảng viên.',
].join('\n');

interface Statement {
  id: string;
  articleId: string;
  quote: string;
  sourceCount: number;
  mentions: { articleId: string; primary: boolean }[];
}

const STATEMENTS = `
MATCH (f:Figure {value: 2800.0})
RETURN f.id AS id, f.articleId AS articleId, f.quote AS quote, f.sourceCount AS sourceCount,
       COLLECT {
         MATCH (f)<-[r:STATES]-(a:Article) UNWIND range(0, size(r.starts) - 1) AS i
         RETURN {articleId: a.id, primary: r.starts[i] = r.primaryStart AND r.ends[i] = r.primaryEnd} AS m ORDER BY a.id, r.starts[i]
       } AS mentions`;

describe('figures as statements with several sources', () => {
  const db: GraphDatabase = connectTestGraph();
  const first = extractArticle(FIRST);
  const second = extractArticle(SECOND);

  beforeEach(() => resetGraph(db));
  afterAll(() => db.close());

  it('extracts the same fact from both articles with the same id', () => {
    const a = first.figures.find((f) => f.value === 2800)!;
    const b = second.figures.find((f) => f.value === 2800)!;
    expect(a).toMatchObject({ unit: 'đảng viên', measure: 'ADMITTED', period: '2020', change: 'LEVEL', per: null });
    expect(b.id).toBe(a.id);
    expect(first.article.id).not.toBe(second.article.id);
  });

  it('writes one figure with a source per article, whatever order they come in', async () => {
    await ingestExtraction(db, second);
    await ingestExtraction(db, first);
    const [statement, ...others] = await db.read<Statement>(STATEMENTS, {});
    expect(others).toEqual([]);
    expect(statement!.sourceCount).toBe(2);
    expect(statement!.mentions.map((m) => m.articleId).sort()).toEqual([first.article.id, second.article.id].sort());
    // the primary mention is the earliest-published source's
    expect(statement!.articleId).toBe(first.article.id);

    await resetGraph(db);
    await ingestBatch(db, [{ extraction: first }, { extraction: second }]);
    const [again] = await db.read<Statement>(STATEMENTS, {});
    expect(again).toEqual(statement);
  });

  it('changes nothing when an article is ingested again', async () => {
    await ingestBatch(db, [{ extraction: first }, { extraction: second }]);
    const before = { counts: await graphCounts(db), statements: await db.read<Statement>(STATEMENTS, {}) };
    await ingestExtraction(db, extractArticle(FIRST));
    expect({ counts: await graphCounts(db), statements: await db.read<Statement>(STATEMENTS, {}) }).toEqual(before);
  });

  it('keeps the statement with one source when one article is deleted, and deletes it with the last', async () => {
    await ingestBatch(db, [{ extraction: first }, { extraction: second }]);
    await deleteArticle(db, first.article.id);
    const [left] = await db.read<Statement>(STATEMENTS, {});
    expect(left).toMatchObject({ sourceCount: 1, articleId: second.article.id, mentions: [{ articleId: second.article.id, primary: true }] });
    const [primary] = await db.read<{ quote: string; start: number; end: number }>(
      'MATCH (f:Figure {id: $id}) RETURN f.quote AS quote, f.start AS start, f.end AS end',
      { id: left!.id },
    );
    expect(second.article.text.slice(primary!.start, primary!.end)).toBe(primary!.quote);

    await deleteArticle(db, second.article.id);
    expect(await db.read(STATEMENTS, {})).toEqual([]);
    expect(await graphCounts(db)).toEqual({});
  });

  it('keeps a fact an article states twice (title and body) as one figure with two mentions, the body one primary', async () => {
    const repeated = extractArticle(
      ['Lào Cai kết nạp 2.800 đảng viên', '', 'Thứ Hai, 01-03-2021, 09:00', '', FIRST.split('\n').at(-1)!].join('\n'),
    );
    const figures = repeated.figures.filter((f) => f.value === 2800);
    expect(figures).toHaveLength(1);
    const [figure] = figures;
    expect(figure!.mentions).toHaveLength(2);
    expect(figure!.sentenceIndex).toBeGreaterThan(0); // the body statement, not the title
    await ingestExtraction(db, repeated);
    const [statement] = await db.read<Statement>(STATEMENTS, {});
    expect(statement!.sourceCount).toBe(1);
    expect(statement!.mentions).toHaveLength(2);
    expect(statement!.mentions.filter((m) => m.primary)).toHaveLength(1);
    expect(statement!.quote).toBe('2.800 đảng viên');
  });
});
