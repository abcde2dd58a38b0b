// What a figure measures, through the API: summaries never add unlike things, and a figure
// stated by two articles is one figure with both as sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/pipeline/ingest.ts';
import { nodesOf, type Page } from '../support/connections.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// One province's policy bank: its capital, its loans, a loan per household and its outstanding
// loans with their increase, all in đồng.
const BANK = [
  'Ngân hàng Chính sách xã hội tỉnh Hà Giang nâng cao hiệu quả tín dụng',
  '',
  'Thứ Sáu, 15-10-2021, 08:00',
  '',
  'Đến hết tháng 9 năm 2021, tổng nguồn vốn của Ngân hàng Chính sách xã hội tỉnh Hà Giang đạt 3.579 tỷ đồng. ' +
    'Doanh số cho vay đạt 960 tỷ đồng với 48.300 lượt hộ vay vốn. Mức cho vay bình quân đạt 50 triệu đồng/hộ. ' +
    'Tổng dư nợ đạt 3.569 tỷ đồng, tăng 278 tỷ đồng so với năm 2020.',
].join('\n');
// A later report that states the capital again, in its title and its body.
const REPORT = [
  'Tổng nguồn vốn của Ngân hàng Chính sách xã hội tỉnh Hà Giang đạt 3.579 tỷ đồng',
  '',
  'Thứ Hai, 01-11-2021, 14:00',
  '',
  'Hội nghị giao ban quý III đánh giá kết quả tín dụng chính sách trên địa bàn. ' +
    'Đến hết tháng 9 năm 2021, tổng nguồn vốn của Ngân hàng Chính sách xã hội tỉnh Hà Giang đạt 3.579 tỷ đồng.',
].join('\n');

interface Group { key: string; measure: string; measurePhrase: string | null; unit: string; units: string[]; change: string; count: number; sum: number }
interface FigureView {
  id: string;
  value: number;
  unit: string;
  measure: string;
  measurePhrase: string | null;
  per: string | null;
  change: string;
  quote: string;
  sourceCount: number;
  article: { id: string };
  mentions: Page<{ id: string; quote: string; start: number; end: number; primary: boolean; article: { id: string; text: string }; sentence: { text: string } }>;
}

const FIGURE_FIELDS = `id value unit measure measurePhrase per change quote sourceCount article { id }
  mentions(first: 10) { totalCount edges { node { id quote start end primary article { id text } sentence { text } } } }`;

describe('measures, rates and statements through the API', () => {
  const db = connectTestGraph();
  let server: TestServer;
  let bankId: string;
  let reportId: string;

  beforeAll(async () => {
    await resetGraph(db);
    bankId = (await ingestText(db, { text: BANK })).articleId;
    reportId = (await ingestText(db, { text: REPORT })).articleId;
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function figures(filter: object): Promise<FigureView[]> {
    const res = await server.query<{ figures: Page<FigureView> }>(
      `query($filter: FigureFilter) { figures(filter: $filter, first: 100) { totalCount edges { node { ${FIGURE_FIELDS} } } } }`,
      { filter },
    );
    expect(res.errors).toBeUndefined();
    return nodesOf(res.data!.figures);
  }

  async function summary(groupBy: string, filter: object): Promise<Group[]> {
    const res = await server.query<{ figureSummary: Group[] }>(
      `query($groupBy: FigureGroupBy!, $filter: FigureFilter) {
         figureSummary(groupBy: $groupBy, filter: $filter, first: 50) { key measure measurePhrase unit units change count sum } }`,
      { groupBy, filter },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.figureSummary;
  }

  it('never sums a capital, a loan volume and a per-household loan of one province together', async () => {
    const groups = (await summary('SUBJECT', { unit: 'VND', subjectSubtype: 'PROVINCE' })).filter((g) => g.key === 'province:ha-giang');
    const shape = groups.map((g) => [g.measure, g.change, g.count, g.sum]);
    expect(shape).toEqual(
      expect.arrayContaining([
        ['CAPITAL', 'LEVEL', 1, 3_579e9],
        ['OUTSTANDING', 'LEVEL', 1, 3_569e9],
        ['LENT', 'LEVEL', 1, 960e9],
        ['OUTSTANDING', 'INCREASE', 1, 278e9],
      ]),
    );
    expect(groups).toHaveLength(4);
    // the loan per household is a rate: in no sum
    expect(groups.some((g) => g.sum === 960e9 + 50e6 || g.sum === 50e6)).toBe(false);
    for (const g of groups) {
      expect(g.units).toEqual([g.unit]);
      const own = await figures({ subject: g.key, unit: g.unit, measure: g.measure, change: g.change, rate: false });
      expect(g.count).toBe(own.length);
      expect(g.sum).toBe(own.reduce((n, f) => n + f.value, 0));
    }
  });

  it('groups by measure, one unit each, and lists rates on their own', async () => {
    const byMeasure = await summary('MEASURE', {});
    expect(byMeasure.map((g) => g.key)).toEqual(byMeasure.map((g) => g.measure));
    const lent = byMeasure.filter((g) => g.measure === 'LENT');
    expect(lent.map((g) => [g.unit, g.sum])).toEqual([['VND', 960e9]]);
    const beneficiaries = byMeasure.find((g) => g.measure === 'BENEFICIARIES')!;
    expect([beneficiaries.unit, beneficiaries.sum]).toEqual(['lượt hộ', 48_300]);

    const rates = await figures({ rate: true });
    expect(rates.map((f) => [f.value, f.unit, f.measure, f.per])).toEqual([[50e6, 'VND', 'LENT', 'hộ']]);
    const increases = await figures({ change: 'INCREASE' });
    expect(increases.map((f) => [f.value, f.measure, f.measurePhrase])).toEqual([[278e9, 'OUTSTANDING', 'Tổng dư nợ']]);
  });

  it('serves a fact two articles state as one figure with both sources and every mention', async () => {
    const [capital, ...others] = await figures({ measure: 'CAPITAL' });
    expect(others).toEqual([]);
    expect(capital).toMatchObject({ value: 3_579e9, unit: 'VND', measure: 'CAPITAL', per: null, change: 'LEVEL', sourceCount: 2 });
    // primary: the earliest-published article's body statement
    expect(capital!.article.id).toBe(bankId);
    const mentions = nodesOf(capital!.mentions);
    expect(capital!.mentions.totalCount).toBe(3); // the bank's body, the report's title and body
    expect(mentions.map((m) => m.article.id)).toEqual([bankId, reportId, reportId]);
    expect(mentions.map((m) => m.primary)).toEqual([true, false, true]);
    for (const m of mentions) {
      expect(m.article.text.slice(m.start, m.end)).toBe(m.quote);
      expect(m.sentence.text).toContain(m.quote);
    }

    const ids = [capital!.id, mentions[1]!.id];
    const res = await server.query<{ nodes: ({ id: string; __typename: string; figure?: { id: string } } | null)[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on FigureMention { figure { id } } } }',
      { ids },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([
      { id: capital!.id, __typename: 'Figure' },
      { id: mentions[1]!.id, __typename: 'FigureMention', figure: { id: capital!.id } },
    ]);
    // the report lists the figure once, though it states it twice
    const report = await server.query<{ article: { figures: Page<{ id: string }> } }>(
      'query($id: ID!) { article(id: $id) { figures { totalCount edges { node { id } } } } }',
      { id: reportId },
    );
    expect(nodesOf(report.data!.article.figures).map((f) => f.id)).toEqual([capital!.id]);
  });

  it('prints with `vnkg extract` the figure and relation ids the API serves', async () => {
    const { extractArticle, toContractJson } = await import('../../src/core/extract.ts');
    const json = toContractJson(extractArticle(BANK));
    const served = await figures({ subject: 'province:ha-giang' });
    expect(new Set(served.map((f) => f.id))).toEqual(new Set(json.figures.map((f) => f.id)));
    const relation = json.relations[0]!;
    const res = await server.query<{ node: { id: string; __typename: string } | null }>('query($id: ID!) { node(id: $id) { id __typename } }', {
      id: relation.id,
    });
    expect(res.data!.node).toEqual({ id: relation.id, __typename: 'Relation' });
  });
  it('answers every figure field asked alone as when all are asked (figures reads only the properties selected)', async () => {
    // Every field of Figure, from the schema, so a field added later is covered too.
    const type = await server.query<{ __type: { fields: { name: string; type: { kind: string; ofType: { kind: string } | null } }[] } }>(
      '{ __type(name: "Figure") { fields { name type { kind ofType { kind } } } } }',
    );
    const selectionOf = (field: { name: string; type: { kind: string; ofType: { kind: string } | null } }) => {
      const kind = field.type.kind === 'NON_NULL' || field.type.kind === 'LIST' ? field.type.ofType?.kind : field.type.kind;
      if (field.name === 'mentions') return 'mentions(first: 5) { totalCount edges { node { id quote } } }';
      return kind === 'SCALAR' || kind === 'ENUM' ? field.name : `${field.name} { id }`;
    };
    const fields = type.data!.__type.fields.map(selectionOf);
    expect(fields.length).toBeGreaterThan(15);
    const read = async (selection: string) => {
      const res = await server.query<{ figures: Page<Record<string, unknown>> }>(
        `{ figures(subject: "province:ha-giang", first: 20) { edges { node { ${selection} } } } }`,
      );
      expect(res.errors).toBeUndefined();
      return nodesOf(res.data!.figures);
    };
    const whole = await read(fields.join(' '));
    expect(whole.length).toBeGreaterThan(2);
    for (const [i, field] of type.data!.__type.fields.entries()) {
      const alone = await read(fields[i]!);
      expect(alone, field.name).toEqual(whole.map((figure) => ({ [field.name]: figure[field.name] })));
    }
  });
});
