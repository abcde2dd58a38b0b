import { describe, expect, it } from 'vitest';
import { extractArticle, toContractJson } from '../../src/core/extract.ts';

const ARTICLE = [
  'Hậu Giang nâng cao chất lượng tổ chức đảng',
  '',
  'Thứ Tư, 10-03-2021, 07:30',
  '',
  'Nhiệm kỳ 2015-2020, Đảng bộ tỉnh Hậu Giang kết nạp 7.250 đảng viên. Toàn tỉnh hiện có hơn 31.400 đảng viên, tăng 2.115 đảng viên so với năm 2015.',
  'Ủy ban MTTQ tỉnh vận động Quỹ “Đền ơn đáp nghĩa” được 4,7 tỷ đồng.',
].join('\n');

describe('toContractJson', () => {
  it('has the keys of the extraction contract, then the figures\' measure and mentions and the relations\' ids', () => {
    const json = toContractJson(extractArticle(ARTICLE));
    expect(Object.keys(json)).toEqual(['article', 'entities', 'figures', 'relations']);
    expect(json.article).toEqual({ title: 'Hậu Giang nâng cao chất lượng tổ chức đảng', publishedAt: '2021-03-10T07:30:00+07:00' });
    expect(json.entities.length).toBeGreaterThan(0);
    for (const e of json.entities) {
      expect(Object.keys(e)).toEqual(['id', 'type', 'subtype', 'name', 'aliases', 'mentions']);
      for (const m of e.mentions) expect(Object.keys(m)).toEqual(['start', 'end', 'text']);
    }
    expect(json.figures.length).toBeGreaterThan(0);
    for (const f of json.figures) {
      expect(Object.keys(f)).toEqual([
        'id', 'subjectIds', 'value', 'unit', 'qualifier', 'period', 'quote', 'start', 'end',
        'measure', 'measurePhrase', 'per', 'change', 'mentions',
      ]);
      expect(f.id).toMatch(/^figure:[0-9a-f]{16}$/);
      for (const m of f.mentions) expect(Object.keys(m)).toEqual(['quote', 'start', 'end', 'sentenceIndex']);
    }
    expect(json.relations.length).toBeGreaterThan(0);
    for (const r of json.relations) {
      expect(Object.keys(r)).toEqual(['id', 'type', 'from', 'to', 'evidence']);
      expect(r.id).toBe(`${r.from}-[${r.type}]->${r.to}`);
      expect(Object.keys(r.evidence)).toEqual(['start', 'end']);
    }
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('writes money in full VND, qualifiers, periods and subjects', () => {
    const { figures } = toContractJson(extractArticle(ARTICLE));
    const byValue = (v: number) => figures.find((f) => f.value === v)!;
    expect(byValue(7_250)).toMatchObject({ unit: 'đảng viên', qualifier: 'EXACT', period: '2015-2020' });
    expect(byValue(31_400)).toMatchObject({ unit: 'đảng viên', qualifier: 'MORE_THAN', period: '2021' });
    expect(byValue(2_115)).toMatchObject({ period: '2015-2021' });
    expect(byValue(4_700_000_000)).toMatchObject({ unit: 'VND', quote: '4,7 tỷ đồng' });
    expect(byValue(31_400).subjectIds).toContain('province:hau-giang');
    expect(byValue(4_700_000_000).subjectIds).toEqual(
      expect.arrayContaining(['org:uy-ban-mttq:hau-giang', 'campaign:den-on-dap-nghia', 'province:hau-giang']),
    );
  });
});
