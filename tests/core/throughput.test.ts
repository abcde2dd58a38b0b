// A loose speed floor; the measured rate is printed. Target: ≥ 2,000 articles/s per core on ~3 KB.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import { devArticles } from './devset.ts';

describe('throughput', () => {
  it('extracts hundreds of articles per CPU-second', () => {
    const texts = devArticles().map((a) => a.text);
    for (let i = 0; i < 200; i++) extractArticle(texts[i % texts.length]!); // warm up (JIT)
    const n = 400;
    let rate = 0;
    let chars = 0;
    for (let round = 0; round < 3; round++) {
      const c0 = process.cpuUsage();
      chars = 0;
      for (let i = 0; i < n; i++) {
        const t = texts[i % texts.length]!;
        chars += t.length;
        extractArticle(t);
      }
      const used = process.cpuUsage(c0);
      rate = Math.max(rate, n / ((used.user + used.system) / 1e6)); // CPU time: the machine may be shared
    }
    console.log(`core throughput: ${rate.toFixed(0)} articles per CPU-second (best of 3 rounds, mean ${(chars / n / 1000).toFixed(1)} K chars)`);
    expect(rate).toBeGreaterThan(150); // loose floor against regressions; see README for measured rates
  });

  it('stays linear on pathological input', () => {
    const t0 = performance.now();
    extractArticle('Tin\n\n' + '“'.repeat(20_000) + ' Quỹ ' + '1.'.repeat(20_000) + ' Ban vận động '.repeat(2_000));
    extractArticle('Tin\n\n' + 'Nguyễn Văn '.repeat(5_000) + ' huyện '.repeat(5_000));
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});
