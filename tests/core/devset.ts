// The annotated articles: tests/fixtures/eval/train (rules are written from these; it holds a
// copy of shared/eval/dev) and tests/fixtures/eval/test (only scored).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const trainDir = path.join(repoRoot, 'tests/fixtures/eval/train');
export const testDir = path.join(repoRoot, 'tests/fixtures/eval/test');
export const sharedDevDir = path.resolve(repoRoot, '../shared/eval/dev');
export const SEED = '000_687a69faaabc2526';

export interface DevArticle {
  name: string;
  text: string;
  gold: unknown;
}

export function devArticles(dir = trainDir): DevArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && existsSync(path.join(dir, f.replace(/\.txt$/, '.gold.json'))))
    .sort()
    .map((f) => {
      const name = f.replace(/\.txt$/, '');
      return {
        name,
        text: readFileSync(path.join(dir, f), 'utf8'),
        gold: JSON.parse(readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')) as unknown,
      };
    });
}

/** The two halves of the annotated set: rules are written from train only; test is only scored. */
export const EVAL_HALVES = { train: trainDir, test: testDir } as const;

const f1 = (tp: number, fp: number, fn: number) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

interface PRF { tp: number; fp: number; fn: number }
interface FileScore { entities: PRF; figures: PRF & { subjectAccuracy: number; qualifierAccuracy: number }; relations: PRF }

/** Micro-averaged F1 over files, and figure subject/qualifier accuracy weighted by matched figures. */
export function microScores(results: Iterable<FileScore>) {
  const sum = { e: [0, 0, 0], f: [0, 0, 0], r: [0, 0, 0], subj: [0, 0], qual: [0, 0] };
  for (const s of results) {
    sum.e = [sum.e[0]! + s.entities.tp, sum.e[1]! + s.entities.fp, sum.e[2]! + s.entities.fn];
    sum.f = [sum.f[0]! + s.figures.tp, sum.f[1]! + s.figures.fp, sum.f[2]! + s.figures.fn];
    sum.r = [sum.r[0]! + s.relations.tp, sum.r[1]! + s.relations.fp, sum.r[2]! + s.relations.fn];
    sum.subj = [sum.subj[0]! + s.figures.subjectAccuracy * s.figures.tp, sum.subj[1]! + s.figures.tp];
    sum.qual = [sum.qual[0]! + s.figures.qualifierAccuracy * s.figures.tp, sum.qual[1]! + s.figures.tp];
  }
  return {
    entities: f1(sum.e[0]!, sum.e[1]!, sum.e[2]!),
    figures: f1(sum.f[0]!, sum.f[1]!, sum.f[2]!),
    relations: f1(sum.r[0]!, sum.r[1]!, sum.r[2]!),
    subjectAccuracy: sum.subj[1] ? sum.subj[0]! / sum.subj[1]! : 1,
    qualifierAccuracy: sum.qual[1] ? sum.qual[0]! / sum.qual[1]! : 1,
  };
}
