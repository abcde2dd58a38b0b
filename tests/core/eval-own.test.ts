// Regression guard on the project's own annotated articles (tests/fixtures/eval-own): real
// articles of the genre from other provinces and bodies than the dev set.
import { describe, expect, it } from 'vitest';
import { extractArticle, toContractJson } from '../../src/core/extract.ts';
import { score } from '../fixtures/score.mjs';
import { devArticles, fixtureOwnDir, microScores } from './devset.ts';

describe('own test set (tests/fixtures/eval-own)', () => {
  const articles = devArticles(fixtureOwnDir);
  const results = articles.map((a) => ({ name: a.name, ...score(toContractJson(extractArticle(a.text)), a.gold) }));

  it('holds at least 8 annotated articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps its micro-averaged scores', () => {
    const m = microScores(results);
    const issues = results.flatMap((r) => r.issues.map((i) => `${r.name}: ${i}`)).join('\n');
    // reached at extractor version 2: entities 0.987, figures 1.000 (subject 0.974), relations 0.965
    expect(m.entities, issues).toBeGreaterThanOrEqual(0.95);
    expect(m.figures, issues).toBeGreaterThanOrEqual(0.95);
    expect(m.subjectAccuracy, issues).toBeGreaterThanOrEqual(0.9);
    expect(m.qualifierAccuracy, issues).toBeGreaterThanOrEqual(0.95);
    expect(m.relations, issues).toBeGreaterThanOrEqual(0.9);
  });
});
