// Scores the extractor on both halves of the annotated set (tests/fixtures/eval) with the
// project's scorer. train/ is what rules are written from; test/ is only scored, so its
// thresholds guard against regressions on text no rule was written from.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, toContractJson } from '../../src/core/extract.ts';
import { score, type ScoreResult } from '../fixtures/score.mjs';
import { devArticles, microScores, repoRoot, SEED, sharedDevDir, testDir, trainDir } from './devset.ts';

function scoreAll(dir: string): Map<string, ScoreResult> {
  const results = new Map<string, ScoreResult>();
  for (const a of devArticles(dir)) results.set(a.name, score(toContractJson(extractArticle(a.text)), a.gold));
  return results;
}

const errors = (results: Map<string, ScoreResult>) => [...results.entries()].flatMap(([n, s]) => s.issues.map((i) => `${n}: ${i}`)).join('\n');

describe('train half (tests/fixtures/eval/train)', () => {
  const results = scoreAll(trainDir);

  it('holds a copy of shared/eval/dev, unchanged, when that is present', () => {
    if (!existsSync(sharedDevDir)) return;
    for (const f of readdirSync(sharedDevDir)) {
      expect(readFileSync(path.join(trainDir, f), 'utf8'), f).toBe(readFileSync(path.join(sharedDevDir, f), 'utf8'));
    }
  });

  it('scores with a copy of shared/eval/score.mjs that is the same program, when that is present', () => {
    const shared = path.join(sharedDevDir, '..', 'score.mjs');
    if (!existsSync(shared)) return;
    const copy = readFileSync(path.join(repoRoot, 'tests/fixtures/score.mjs'), 'utf8').split('\n');
    expect(copy.filter((l) => !l.startsWith('// Copied as-is')).join('\n')).toBe(readFileSync(shared, 'utf8'));
  });

  it('meets the seed article thresholds', () => {
    const s = results.get(SEED)!;
    expect(s.entities.f, s.issues.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(s.figures.f, s.issues.join('\n')).toBe(1);
    expect(s.figures.subjectAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.figures.qualifierAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.relations.f, s.issues.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps its micro-averaged scores', () => {
    expect(results.size).toBeGreaterThanOrEqual(40);
    const m = microScores(results.values());
    // reached (npm run eval, extractor 5): train 0.979 / 0.993 (subject 0.945, qualifier 0.992) / 0.933; margins leave room for genre-wide changes
    expect(m.entities, errors(results)).toBeGreaterThanOrEqual(TRAIN.entities);
    expect(m.figures, errors(results)).toBeGreaterThanOrEqual(TRAIN.figures);
    expect(m.subjectAccuracy, errors(results)).toBeGreaterThanOrEqual(TRAIN.subjectAccuracy);
    expect(m.qualifierAccuracy, errors(results)).toBeGreaterThanOrEqual(TRAIN.qualifierAccuracy);
    expect(m.relations, errors(results)).toBeGreaterThanOrEqual(TRAIN.relations);
  });
});

describe('test half (tests/fixtures/eval/test)', () => {
  const results = scoreAll(testDir);

  it('keeps its micro-averaged scores', () => {
    expect(results.size).toBeGreaterThanOrEqual(24);
    const m = microScores(results.values());
    // reached (extractor 5, 27 articles): 0.930 / 0.962 (subject 0.939, qualifier 0.977) / 0.880; the
    // failure message names no article error: test/ is scored, not read for rules
    expect(m.entities).toBeGreaterThanOrEqual(TEST.entities);
    expect(m.figures).toBeGreaterThanOrEqual(TEST.figures);
    expect(m.subjectAccuracy).toBeGreaterThanOrEqual(TEST.subjectAccuracy);
    expect(m.qualifierAccuracy).toBeGreaterThanOrEqual(TEST.qualifierAccuracy);
    expect(m.relations).toBeGreaterThanOrEqual(TEST.relations);
  });
});

const TRAIN = { entities: 0.96, figures: 0.97, subjectAccuracy: 0.93, qualifierAccuracy: 0.97, relations: 0.91 };
// the test half's floors are the targets extraction was asked to reach on unseen articles
const TEST = { entities: 0.9, figures: 0.95, subjectAccuracy: 0.9, qualifierAccuracy: 0.95, relations: 0.82 };
