import { readFileSync, readdirSync } from 'node:fs';
import { extractArticle, toContractJson } from '/work/main/src/core/extract.ts';
// @ts-ignore
import { score } from '/work/shared/eval/score.mjs';
const dir = process.env.DIR ?? '/work/shared/eval/dev';
const verbose = process.argv.includes('-v');
const only = process.argv.find(a => a.startsWith('--only='))?.slice(7);
let E = [0,0,0], F=[0,0,0], R=[0,0,0]; let subj=[0,0], qual=[0,0];
for (const f of readdirSync(dir).filter(f => f.endsWith('.txt')).sort()) {
  if (only && !f.startsWith(only)) continue;
  const x = extractArticle(readFileSync(`${dir}/${f}`, 'utf8'));
  const gold = JSON.parse(readFileSync(`${dir}/${f.replace('.txt', '.gold.json')}`, 'utf8'));
  const s = score(toContractJson(x), gold);
  const add=(A:number[],m:any)=>{A[0]+=m.tp;A[1]+=m.fp;A[2]+=m.fn;};
  add(E,s.entities);add(F,s.figures);add(R,s.relations);
  const m = s.figures.tp; subj[0]+=s.figures.subjectAccuracy*m; subj[1]+=m; qual[0]+=s.figures.qualifierAccuracy*m; qual[1]+=m;
  console.log(`${f}: E ${s.entities.f.toFixed(3)} F ${s.figures.f.toFixed(3)} subj ${s.figures.subjectAccuracy.toFixed(2)} qual ${s.figures.qualifierAccuracy.toFixed(2)} R ${s.relations.f.toFixed(3)}`);
  if (verbose) { for (const i of s.issues) console.log('   -', i); }
  if (process.argv.includes('-e')) { for (const e of x.entities) console.log('   E', e.id, e.type, e.subtype, JSON.stringify(e.name), JSON.stringify(e.aliases)); for (const r of x.relations) console.log('   R', r.type, r.from, r.to); for (const fi of x.figures) console.log('   F', fi.value, fi.unit, fi.qualifier, fi.period, JSON.stringify(fi.quote), fi.subjectIds.join(',')); }
}
const f1=(a:number[])=>{const p=a[0]!/(a[0]!+a[1]!||1), r=a[0]!/(a[0]!+a[2]!||1); return (2*p*r/(p+r||1)).toFixed(3);};
console.log(`micro E ${f1(E)} F ${f1(F)} subj ${(subj[0]!/subj[1]!).toFixed(3)} qual ${(qual[0]!/qual[1]!).toFixed(3)} R ${f1(R)}`, JSON.stringify({E,F,R}));
