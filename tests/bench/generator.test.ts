// The benchmark corpus generator (bench/corpus/): reproducible, distinct, and made of articles the
// extractor reads as the genre (entities and figures in every one). No Neo4j needed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import { generateCorpus, parseJsonLine, toJsonLine, TEMPLATE_COUNT } from '../../bench/corpus/generator.ts';
import { writeCorpus } from '../../bench/corpus/generate.ts';

const N = 150;
const jsonl = (seed: number, n = N) => generateCorpus(n, seed).map(toJsonLine).join('');

describe('bench corpus generator', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('gives byte-identical output for the same seed, and a prefix for a smaller count', () => {
    const a = jsonl(42);
    expect(jsonl(42)).toBe(a);
    expect(a.startsWith(jsonl(42, 40))).toBe(true);
  });

  it('gives different output for different seeds', () => {
    const a = generateCorpus(20, 1);
    const b = generateCorpus(20, 2);
    expect(a.map((x) => x.text)).not.toEqual(b.map((x) => x.text));
    expect(new Set([...a, ...b].map((x) => x.text)).size).toBe(40);
  });

  it('writes the same file twice (CLI path), one parsable {title,text,url,publishedAt} per line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-bench-corpus-'));
    dirs.push(dir);
    const first = writeCorpus(path.join(dir, 'a.jsonl'), 60, 7);
    const second = writeCorpus(path.join(dir, 'b.jsonl'), 60, 7);
    expect(second.sha256).toBe(first.sha256);
    const text = await readFile(path.join(dir, 'a.jsonl'), 'utf8');
    expect(text).toBe(await readFile(path.join(dir, 'b.jsonl'), 'utf8'));
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(60);
    for (const line of lines) {
      const raw = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(raw)).toEqual(['title', 'text', 'url', 'publishedAt']);
      const a = parseJsonLine(line);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.text.startsWith(a.title + '\n')).toBe(true);
      expect(a.url).toMatch(/^https:\/\/bench\.vnkg\.invalid\//);
      expect(a.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
    }
  });

  it('has the shape of the genre and enough templates', () => {
    expect(TEMPLATE_COUNT).toBeGreaterThanOrEqual(40);
    const corpus = generateCorpus(N, 42);
    const texts = corpus.map((a) => a.text);
    expect(new Set(texts).size).toBe(N);
    expect(new Set(corpus.map((a) => a.url)).size).toBe(N);
    const share = (re: RegExp) => texts.filter((t) => re.test(t)).length / N;
    expect(share(/★/)).toBeGreaterThan(0.15);
    expect(share(/Ảnh: [A-ZĐÀ-Ỹ ]+\n/u)).toBeGreaterThan(0.3);
    expect(share(/“[^”]+”/)).toBeGreaterThan(0.3);
    expect(share(/\d{1,3}(\.\d{3})+ /)).toBeGreaterThan(0.8);
  });

  it('yields articles the extractor reads: no throw, at least one entity and one figure each, date as generated', () => {
    const corpus = generateCorpus(N, 42);
    const entityIds = new Map<string, number>();
    for (const a of corpus) {
      const x = extractArticle(a.text, { url: a.url });
      expect(x.entities.length, a.title).toBeGreaterThan(0);
      expect(x.figures.length, a.title).toBeGreaterThan(0);
      expect(x.article.publishedAt).toBe(a.publishedAt);
      for (const e of x.entities) entityIds.set(e.id, (entityIds.get(e.id) ?? 0) + 1);
    }
    // Entities recur across articles, so an ingest exercises MERGE of shared nodes.
    const recurring = [...entityIds.values()].filter((n) => n >= 5).length;
    expect(recurring).toBeGreaterThan(20);
  });
});
