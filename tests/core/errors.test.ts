import { describe, expect, it } from 'vitest';
import { ExtractionInputError, MAX_ARTICLE_CHARS, extractArticle } from '../../src/core/extract.ts';

describe('input errors', () => {
  it.each([
    ['', /empty/],
    ['   \n\t  \n', /empty/],
    ['12.300 - 45 / 2020 ... ★', /no letters/],
  ])('rejects %j', (text, message) => {
    expect(() => extractArticle(text)).toThrow(ExtractionInputError);
    expect(() => extractArticle(text)).toThrow(message);
  });

  it('rejects text beyond MAX_ARTICLE_CHARS', () => {
    const long = 'Lào Cai. '.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / 9));
    expect(() => extractArticle(long)).toThrow(ExtractionInputError);
    expect(() => extractArticle(long)).toThrow(String(MAX_ARTICLE_CHARS));
  });

  it('accepts a one-line article', () => {
    const x = extractArticle('Bắc Ninh có 100% xã đạt chuẩn nông thôn mới');
    expect(x.article.title).toBe('Bắc Ninh có 100% xã đạt chuẩn nông thôn mới');
    expect(x.article.publishedAt).toBeNull();
    expect(x.figures.map((f) => f.value)).toEqual([100]);
  });
});
