// A loose speed floor; the measured rate is printed. Target: ≥ 2,000 articles/s per core on ~3 KB.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import { devArticles } from './devset.ts';

describe('throughput', () => {
  it('extracts several hundred articles per second', () => {
    const texts = devArticles().map((a) => a.text);
    for (const t of texts) extractArticle(t); // warm up
    const n = 400;
    const t0 = performance.now();
    let chars = 0;
    for (let i = 0; i < n; i++) {
      const t = texts[i % texts.length]!;
      chars += t.length;
      extractArticle(t);
    }
    const secs = (performance.now() - t0) / 1000;
    const rate = n / secs;
    console.log(`core throughput: ${rate.toFixed(0)} articles/s (mean ${(chars / n / 1000).toFixed(1)} K chars)`);
    expect(rate).toBeGreaterThan(300);
  });

  it('stays linear on pathological input', () => {
    const t0 = performance.now();
    extractArticle('Tin\n\n' + '“'.repeat(20_000) + ' Quỹ ' + '1.'.repeat(20_000) + ' Ban vận động '.repeat(2_000));
    extractArticle('Tin\n\n' + 'Nguyễn Văn '.repeat(5_000) + ' huyện '.repeat(5_000));
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});
