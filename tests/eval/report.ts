// Prints the extractor's scores on both halves of the annotated set (npm run eval).
// train/ is what rules may be written from; test/ is only scored: its per-file errors are
// printed only with --show-test, and an article whose errors were looked at moves to train/.
//   npm run eval                  both halves, micro-F1, per-file lines for train
//   npm run eval -- --verbose     also every train error
//   npm run eval -- --show-test   also test's per-file lines (then move those files to train/)
import { extractArticle, toContractJson } from '../../src/core/extract.ts';
import { score } from '../fixtures/score.mjs';
import { EVAL_HALVES, devArticles, microScores } from '../core/devset.ts';

const args = new Set(process.argv.slice(2));
const fmt = (x: number) => x.toFixed(3);

for (const [half, dir] of Object.entries(EVAL_HALVES)) {
  const articles = devArticles(dir);
  const results = articles.map((a) => ({ name: a.name, ...score(toContractJson(extractArticle(a.text)), a.gold) }));
  const detail = half === 'train' || args.has('--show-test');
  if (detail) {
    for (const r of results) {
      console.log(`  ${half}/${r.name}: entities ${fmt(r.entities.f)} figures ${fmt(r.figures.f)} relations ${fmt(r.relations.f)}`);
      if (args.has('--verbose') || (half === 'test' && args.has('--show-test'))) for (const i of r.issues) console.log(`      ${i}`);
    }
  }
  const m = microScores(results);
  const prf = (k: 'entities' | 'figures' | 'relations') => {
    const t = results.reduce((s, r) => ({ tp: s.tp + r[k].tp, fp: s.fp + r[k].fp, fn: s.fn + r[k].fn }), { tp: 0, fp: 0, fn: 0 });
    return `${fmt(m[k])} (P ${fmt(t.tp / Math.max(1, t.tp + t.fp))} R ${fmt(t.tp / Math.max(1, t.tp + t.fn))})`;
  };
  console.log(
    `${half.padEnd(5)} ${String(articles.length).padStart(2)} articles  entities ${prf('entities')}  figures ${prf('figures')} subject ${fmt(m.subjectAccuracy)} qualifier ${fmt(m.qualifierAccuracy)}  relations ${prf('relations')}`,
  );
}
