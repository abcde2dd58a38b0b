// Throughput of the extraction core, as reported in src/core/README.md:
//   node --import tsx tests/core/speed.ts [articles per round] [sets]
// sets: comma-separated folders of tests/fixtures (default eval/train). Seven rounds
// after a warm-up; CPU time of this process (the machine may be shared), median and best round.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../src/core/extract.ts';
import { repoRoot } from './devset.ts';

const n = Number(process.argv[2] ?? 1000);
const sets = (process.argv[3] ?? 'eval/train').split(',');
const texts: string[] = [];
for (const set of sets) {
  const dir = path.join(repoRoot, 'tests/fixtures', set);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) texts.push(readFileSync(path.join(dir, f), 'utf8'));
}
for (let i = 0; i < 300; i++) extractArticle(texts[i % texts.length]!);
const rates: number[] = [];
for (let round = 0; round < 7; round++) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) extractArticle(texts[i % texts.length]!);
  const used = process.cpuUsage(c0);
  rates.push(n / ((used.user + used.system) / 1e6));
}
rates.sort((a, b) => a - b);
const chars = texts.reduce((a, t) => a + t.length, 0) / texts.length;
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / texts.length;
console.log(
  `${sets.join('+')}: ${texts.length} articles (mean ${(chars / 1000).toFixed(2)} K chars, ${(bytes / 1000).toFixed(2)} KB UTF-8): ` +
    `median ${rates[3]!.toFixed(0)}, best ${rates[6]!.toFixed(0)} articles per CPU-second`,
);
