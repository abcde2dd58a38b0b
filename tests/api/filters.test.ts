// Filtering, sorting and aggregation of entities and figures, checked against the graph itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ingestText } from '../../src/pipeline/ingest.ts';
import { partyMembers, provinceArticle, TEST_PROVINCES } from '../support/articles.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface FigureNode { value: number; unit: string; qualifier: string; subjects: { id: string; name: string }[]; article: { publishedAt: string } }
type Figures = { figures: { totalCount: number; edges: { node: FigureNode }[] } };

const FIGURES = `query($filter: FigureFilter, $orderBy: FigureOrder) {
  figures(filter: $filter, orderBy: $orderBy, first: 100) {
    totalCount edges { node { value unit qualifier subjects { id name } article { publishedAt } } } } }`;

describe('filters, sorting and summaries', () => {
  const db = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    for (const [i, p] of TEST_PROVINCES.entries()) await ingestText(db, { text: provinceArticle(p, i) });
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function figures(filter: object, orderBy?: object): Promise<FigureNode[]> {
    const res = await server.query<Figures>(FIGURES, { filter, orderBy });
    expect(res.errors).toBeUndefined();
    expect(res.data!.figures.totalCount).toBe(res.data!.figures.edges.length);
    return res.data!.figures.edges.map((e) => e.node);
  }

  it('filters figures by unit, qualifier and value range, sorted by value', async () => {
    const money = await figures({ unit: 'VND' }, { field: 'VALUE', direction: 'DESC' });
    expect(money.length).toBeGreaterThan(8);
    expect(money.every((f) => f.unit === 'VND')).toBe(true);
    const values = money.map((f) => f.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));

    const band = await figures({ unit: 'VND', minValue: 12e9, maxValue: 15e9 });
    expect(band.map((f) => f.value).sort()).toEqual(money.map((f) => f.value).filter((v) => v >= 12e9 && v <= 15e9).sort());
    expect(band.length).toBeGreaterThan(0);

    const moreThan = await figures({ qualifiers: ['MORE_THAN'] });
    expect(moreThan.length).toBeGreaterThan(0);
    expect(moreThan.every((f) => f.qualifier === 'MORE_THAN')).toBe(true);
  });

  it('sorts figures by publication date and filters by date range', async () => {
    const byDate = await figures({ unit: 'đảng viên' }, { field: 'PUBLISHED_AT', direction: 'ASC' });
    const dates = byDate.map((f) => Date.parse(f.article.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const in2012 = await figures({ unit: 'đảng viên', publishedFrom: '2012-01-01T00:00:00+07:00', publishedTo: '2013-01-01T00:00:00+07:00' });
    expect(in2012.map((f) => f.value)).toEqual([partyMembers(2)]);
  });

  it('applies each figure filter on its own as the filter says, checked on every figure', async () => {
    interface Full {
      id: string; value: number; unit: string; qualifier: string; period: string | null; measure: string; change: string; per: string | null;
      subjects: { kind: string; subtype: string | null }[];
      mentions: { edges: { node: { article: { publishedAt: string } } }[] };
    }
    const FULL = `query($filter: FigureFilter) { figures(filter: $filter, first: 100) { totalCount edges { node {
      id value unit qualifier period measure change per subjects { kind subtype }
      mentions(first: 100) { edges { node { article { publishedAt } } } } } } } }`;
    const read = async (filter: object) => {
      const res = await server.query<{ figures: { totalCount: number; edges: { node: Full }[] } }>(FULL, { filter });
      expect(res.errors).toBeUndefined();
      expect(res.data!.figures.totalCount).toBe(res.data!.figures.edges.length); // one page holds them all
      return res.data!.figures.edges.map((e) => e.node);
    };
    const all = await read({});
    const dates = (f: Full) => f.mentions.edges.map((m) => Date.parse(m.node.article.publishedAt));
    const some = <T,>(values: (T | null)[]) => values.find((v) => v !== null)!;
    const median = [...all.map((f) => f.value)].sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
    const cut = '2016-01-01T00:00:00Z';
    // A kind some figures are about and others are not, so the filter has something to leave out.
    const partial = <T,>(candidates: T[], holds: (f: Full, c: T) => boolean) =>
      candidates.find((c) => all.some((f) => holds(f, c)) && !all.every((f) => holds(f, c)))!;
    const about = (f: Full, kind: string) => f.subjects.some((s) => s.kind === kind);
    const aboutSubtype = (f: Full, subtype: string | null) => f.subjects.some((s) => s.subtype === subtype);
    const kind = partial(['CAMPAIGN', 'PERSON', 'ADMINISTRATIVE_UNIT', 'ORGANIZATION'], about);
    const subtype = partial([...new Set(all.flatMap((f) => f.subjects.map((s) => s.subtype)))].filter((s) => s !== null).sort(), aboutSubtype);
    const cases: [object, (f: Full) => boolean][] = [
      [{ unit: 'VND' }, (f) => f.unit === 'VND'],
      [{ qualifiers: ['MORE_THAN', 'ABOUT'] }, (f) => ['MORE_THAN', 'ABOUT'].includes(f.qualifier)],
      [{ period: some(all.map((f) => f.period)) }, (f) => f.period === some(all.map((g) => g.period))],
      [{ measure: all[0]!.measure }, (f) => f.measure === all[0]!.measure],
      [{ change: all[0]!.change }, (f) => f.change === all[0]!.change],
      [{ rate: true }, (f) => f.per !== null],
      [{ rate: false }, (f) => f.per === null],
      [{ minValue: median }, (f) => f.value >= median],
      [{ maxValue: median }, (f) => f.value <= median],
      [{ publishedFrom: cut }, (f) => dates(f).some((d) => d >= Date.parse(cut))],
      [{ publishedTo: cut }, (f) => dates(f).some((d) => d < Date.parse(cut))],
      [{ subjectKind: kind }, (f) => about(f, kind)],
      [{ subjectSubtype: subtype }, (f) => aboutSubtype(f, subtype)],
    ];
    for (const [filter, keeps] of cases) {
      const expected = all.filter(keeps).map((f) => f.id).sort();
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.length);
      expect((await read(filter)).map((f) => f.id).sort(), JSON.stringify(filter)).toEqual(expected);
    }
  });

  it('restricts figures and entities to a province and the units and bodies inside it', async () => {
    const bacNinh = await figures({ within: 'province:bac-ninh' });
    expect(bacNinh.length).toBeGreaterThan(5);
    for (const f of bacNinh) expect(f.subjects.map((s) => s.id).join(' ')).toMatch(/bac-ninh/);

    const res = await server.query<{ entities: { edges: { node: { id: string; kind: string } }[] } }>(
      '{ entities(within: "province:bac-ninh", first: 100) { edges { node { id kind } } } }',
    );
    const ids = res.data!.entities.edges.map((e) => e.node.id);
    expect(ids).toContain('province:bac-ninh');
    expect(ids.some((id) => id.startsWith('district:bac-ninh:'))).toBe(true);
    expect(ids.some((id) => id.startsWith('org:') && id.endsWith(':bac-ninh'))).toBe(true);
    expect(res.data!.entities.edges.some((e) => e.node.kind === 'CAMPAIGN')).toBe(true);
    expect(ids.some((id) => id.includes('lao-cai'))).toBe(false);
  });

  it('summarises money raised per province, matching the figures it sums', async () => {
    const res = await server.query<{ figureSummary: { key: string; subject: { name: string }; measure: string; units: string[]; count: number; sum: number; min: number; max: number }[] }>(
      '{ figureSummary(groupBy: SUBJECT, filter: { unit: "VND", measure: RAISED, subjectSubtype: "PROVINCE" }, first: 50) { key subject { name } measure units count sum min max } }',
    );
    expect(res.errors).toBeUndefined();
    const groups = res.data!.figureSummary;
    expect(groups.length).toBe(TEST_PROVINCES.length);
    const sums = groups.map((g) => g.sum);
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    for (const g of groups) {
      expect(g.measure).toBe('RAISED');
      const own = await figures({ subject: g.key, unit: 'VND', measure: 'RAISED' });
      expect(g.count).toBe(own.length);
      expect(g.sum).toBeCloseTo(own.reduce((n, f) => n + f.value, 0), -3);
      expect(g.min).toBe(Math.min(...own.map((f) => f.value)));
      expect(g.max).toBe(Math.max(...own.map((f) => f.value)));
      expect(g.units).toEqual(['VND']);
    }
    // every figure but the rates is in exactly one group
    const byUnit = await server.query<{ figureSummary: { key: string; count: number }[] }>(
      '{ figureSummary(groupBy: UNIT, first: 100) { key count } }',
    );
    const amounts = await server.query<{ figures: { totalCount: number } }>('{ figures(filter: { rate: false }) { totalCount } }');
    expect(byUnit.data!.figureSummary.reduce((n, g) => n + g.count, 0)).toBe(amounts.data!.figures.totalCount);
  });

  it('filters entities by article date and rejects an empty value range', async () => {
    const res = await server.query<{ entities: { edges: { node: { name: string } }[] } }>(
      '{ entities(kind: ADMINISTRATIVE_UNIT, subtype: "PROVINCE", publishedFrom: "2015-01-01T00:00:00Z", first: 50) { edges { node { name } } } }',
    );
    const names = res.data!.entities.edges.map((e) => e.node.name).sort();
    // the seed (2020) and the test articles of 2015–2017
    expect(names).toEqual(['Bắc Ninh', 'Lào Cai', 'Nam Định', 'Thái Bình', 'Yên Bái'].sort());
    const bad = await server.query(FIGURES, { filter: { minValue: 10, maxValue: 1 } });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
