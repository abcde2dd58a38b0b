import { readFileSync, readdirSync } from 'node:fs';
import { extractArticle } from './src/core/extract.ts';
const dirs = ['tests/fixtures/eval-dev', 'tests/fixtures/eval-own'];
const texts = dirs.flatMap(d => readdirSync(d).filter(f => f.endsWith('.txt')).map(f => readFileSync(`${d}/${f}`, 'utf8')));
for (const t of texts) extractArticle(t);
const n = Number(process.argv[2] ?? 2000);
let chars = 0; const t0 = performance.now();
for (let i = 0; i < n; i++) { const t = texts[i % texts.length]!; chars += t.length; extractArticle(t); }
const s = (performance.now() - t0) / 1000;
console.log(`${(n / s).toFixed(0)} articles/s, mean ${(chars / n).toFixed(0)} chars, ${(chars / s / 1e6).toFixed(2)} MB/s`);
