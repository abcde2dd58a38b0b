// `vnkg ingest` on hostile JSON Lines: bytes that are not UTF-8 and a line far too long for an
// article are reported and skipped, the good lines are written, and memory stays bounded.
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_LINE_BYTES } from '../../src/pipeline/sources.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { vnkg } from './vnkg.ts';

const PRELOAD = path.join(import.meta.dirname, 'max-rss.cjs');
const goodLine = (n: number) =>
  JSON.stringify({ title: `Lào Cai trao nhà đại đoàn kết đợt ${n}`, text: `Ủy ban MTTQ tỉnh Lào Cai trao ${n} nhà đại đoàn kết.` });

/** Peak resident memory of a `vnkg` run, in MiB, as the preloaded probe printed it. */
function maxRssMiB(stderr: string): number {
  const match = /max-rss-kib=(\d+)/.exec(stderr);
  if (!match) throw new Error(`no memory report in: ${stderr}`);
  return Number(match[1]) / 1024;
}

describe('vnkg ingest on hostile JSON Lines', () => {
  const db = connectTestGraph();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-jsonl-'));
    // Once, not per test: the first `vnkg ingest` then writes the gazetteer, which takes seconds.
    await resetGraph(db);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.close();
  });

  const titles = async () =>
    (await db.read<{ title: string }>('MATCH (a:Article) RETURN a.title AS title ORDER BY title', {})).map((r) => r.title);

  it('skips a line that is not UTF-8, saying so, writes the others and exits 1', async () => {
    const file = path.join(dir, 'latin1.jsonl');
    // The title "Lào Cai" saved as Latin-1: the byte 0xE0 is not UTF-8.
    const latin1 = Buffer.from('{"title":"L\u00e0o Cai","text":"\u1ee6y ban MTTQ t\u1ec9nh"}', 'latin1');
    await writeFile(file, Buffer.concat([latin1, Buffer.from(`\n${goodLine(2)}\n`)]));
    const res = await vnkg(['ingest', file]);
    expect(res.stderr).toContain('latin1.jsonl:1: is not valid UTF-8 text');
    expect(res.stderr).toContain('2 articles: 1 written, 0 unchanged, 1 failed');
    expect(res.code).toBe(1);
    expect(await titles()).toEqual(['Lào Cai trao nhà đại đoàn kết đợt 2']);
    expect(await titles()).not.toContainEqual(expect.stringContaining('\uFFFD'));
  });

  it('skips a 100 MB line without holding it, writes the next line and exits 1', async () => {
    const file = path.join(dir, 'huge.jsonl');
    const huge = 100 * 1024 * 1024;
    const [HEAD, TAIL] = ['{"title":"x","text":"', '"}'];
    const handle = await open(file, 'w');
    try {
      // Written in pieces, so the test itself does not hold 100 MB either.
      await handle.write(HEAD);
      const mib = Buffer.alloc(1024 * 1024, 'a');
      for (let written = 0; written < huge; written += mib.length) await handle.write(mib);
      await handle.write(`${TAIL}\n${goodLine(3)}\n`);
    } finally {
      await handle.close();
    }
    const baselineFile = path.join(dir, 'small.jsonl');
    await writeFile(baselineFile, `${goodLine(1)}\n`);
    const env = { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${PRELOAD}`.trim() };

    const baseline = await vnkg(['ingest', baselineFile], env);
    expect(baseline.code).toBe(0);
    const res = await vnkg(['ingest', file], env);
    expect(res.stderr).toMatch(new RegExp(`huge\\.jsonl:1: is ${HEAD.length + huge + TAIL.length} bytes; the limit of a JSON line is ${MAX_JSON_LINE_BYTES} bytes\\.`));
    expect(res.stderr).toContain('2 articles: 1 written, 0 unchanged, 1 failed');
    expect(res.code).toBe(1);
    expect(await titles()).toEqual(expect.arrayContaining(['Lào Cai trao nhà đại đoàn kết đợt 1', 'Lào Cai trao nhà đại đoàn kết đợt 3']));
    expect(await titles()).not.toContain('x');
    // Held whole, the line would add 100 MiB as bytes and 200 more as a string; read in bounded
    // pieces it adds only garbage the collector has not yet reclaimed (about 25 MiB here).
    expect(maxRssMiB(res.stderr) - maxRssMiB(baseline.stderr)).toBeLessThan(64);
  });
});
