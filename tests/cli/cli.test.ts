// The `vnkg` command as a user runs it: a real process, real files, real Neo4j.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestGraph, graphCounts, resetGraph } from '../support/graph.ts';
import { SEED_FILE, seedText } from '../support/fixtures.ts';
import { vnkg } from './vnkg.ts';

describe('vnkg CLI', () => {
  const db = connectTestGraph();
  let dir: string;

  beforeAll(async () => {
    await resetGraph(db);
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-cli-'));
    await writeFile(path.join(dir, 'empty.txt'), '  \n\n ');
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x4c, 0xe0, 0x6f, 0x20, 0x43, 0x61, 0x69, 0x0a]));
  });
  afterAll(() => db.close());

  it('extract prints the contract JSON with offsets into the text', async () => {
    const { code, stdout } = await vnkg(['extract', SEED_FILE]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      article: { title: string; publishedAt: string };
      entities: { name: string; mentions: { start: number; end: number; text: string }[] }[];
      figures: { quote: string; start: number; end: number }[];
    };
    expect(out.article.publishedAt).toBe('2020-11-21T02:27:00+07:00');
    const text = seedText().normalize('NFC');
    for (const e of out.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const f of out.figures) expect(text.slice(f.start, f.end)).toBe(f.quote);
  });

  it('rejects an empty file and a non-UTF-8 file with one clear line and exit status 1', async () => {
    const empty = await vnkg(['extract', path.join(dir, 'empty.txt')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^vnkg: .*empty/m);
    const latin1 = await vnkg(['extract', path.join(dir, 'latin1.txt')]);
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toContain('latin1.txt: is not valid UTF-8 text');
    const missing = await vnkg(['extract', path.join(dir, 'missing.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing.txt: no such file.');
  });

  it('ingest writes an article once; a second run changes nothing', async () => {
    const first = await vnkg(['ingest', '--verbose', SEED_FILE]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/: created article:[0-9a-f]+ /);
    const counts = await graphCounts(db);
    const second = await vnkg(['ingest', '--verbose', SEED_FILE]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: unchanged article:/);
    expect(await graphCounts(db)).toEqual(counts);
  });

  it('ingest skips bad files, says which, writes the good ones and exits 1', async () => {
    await resetGraph(db);
    const res = await vnkg(['ingest', path.join(dir, 'empty.txt'), SEED_FILE, path.join(dir, 'latin1.txt')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('empty.txt');
    expect(res.stderr).toContain('latin1.txt: is not valid UTF-8 text');
    expect(res.stderr).toContain('2 of 3 articles were not ingested.');
    const counts = await graphCounts(db);
    expect(counts['node:Article']).toBe(1);
  });

  it('ingest reads JSON Lines, reports a bad line by file and line, and --dry-run writes nothing', async () => {
    await resetGraph(db);
    const [title, ...body] = seedText().split('\n');
    const good = JSON.stringify({ title, text: body.join('\n'), url: 'https://example.org/a' });
    const lines = [good, '{"title": "no text"}', 'not json', ''];
    const file = path.join(dir, 'batch.jsonl');
    await writeFile(file, lines.join('\n'));

    const dry = await vnkg(['ingest', '--dry-run', file]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/batch\.jsonl:1: would write article:[0-9a-f]+ "Lào Cai xây dựng/);
    expect(dry.stdout).toContain('AdministrativeUnit:Lào Cai');
    expect(dry.stderr).toContain('batch.jsonl:2: is not an article record (text:');
    expect(dry.stderr).toContain('batch.jsonl:3: is not valid JSON');
    expect(await graphCounts(db)).toEqual({});

    const real = await vnkg(['ingest', file]);
    expect(real.code).toBe(1);
    expect(real.stderr).toContain('3 articles: 1 written, 0 unchanged, 2 failed');
    const [row] = await db.read<{ url: string; title: string }>('MATCH (a:Article) RETURN a.url AS url, a.title AS title', {});
    expect(row).toEqual({ url: 'https://example.org/a', title });
  });
});
