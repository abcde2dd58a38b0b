import { describe, expect, it } from 'vitest';
import { extractArticle, toContractJson } from '../../src/core/extract.ts';
import { devArticles } from './devset.ts';

describe('offsets', () => {
  for (const a of devArticles()) {
    it(`every span of ${a.name} slices to its text`, () => {
      const x = extractArticle(a.text);
      const text = x.article.text;
      expect(text).toBe(a.text.normalize('NFC'));
      for (const s of x.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const e of x.entities) {
        expect(e.mentions.length, e.id).toBeGreaterThan(0);
        for (const m of e.mentions) {
          expect(text.slice(m.start, m.end), e.id).toBe(m.text);
          const s = x.sentences[m.sentenceIndex]!;
          expect(m.start >= s.start && m.end <= s.end, `${e.id} in its sentence`).toBe(true);
        }
      }
      for (const f of x.figures) {
        expect(text.slice(f.start, f.end)).toBe(f.quote);
        for (const id of f.subjectIds) expect(x.entities.some((e) => e.id === id), id).toBe(true);
      }
      const ids = new Set(x.entities.map((e) => e.id));
      for (const r of x.relations) {
        expect(ids.has(r.from) && ids.has(r.to), `${r.from} -> ${r.to}`).toBe(true);
        expect(r.evidence.start).toBeGreaterThanOrEqual(0);
        expect(r.evidence.end).toBeLessThanOrEqual(text.length);
        expect(r.evidence.end).toBeGreaterThan(r.evidence.start);
      }
      const json = toContractJson(x);
      for (const e of json.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  }

  it('indexes the NFC text when the input is decomposed (NFD)', () => {
    const nfd = 'Tỉnh ủy Lào Cai kết nạp 2.800 đảng viên.\n\nỦy ban MTTQ tỉnh Lào Cai vận động được hơn 5 tỷ đồng.'.normalize('NFD');
    const x = extractArticle(nfd);
    expect(x.article.text).toBe(nfd.normalize('NFC'));
    for (const e of x.entities) for (const m of e.mentions) expect(x.article.text.slice(m.start, m.end)).toBe(m.text);
    expect(x.entities.map((e) => e.id)).toContain('province:lao-cai');
  });
});
