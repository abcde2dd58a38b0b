// Writes the synthetic corpus as JSONL, one {title, text, url, publishedAt} per line:
//   tsx bench/corpus/generate.ts --count 10000 --seed 42 --out bench/.corpus/articles-10000.jsonl
// The same --count and --seed always give the same bytes (the sha256 printed at the end).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateArticles, toJsonLine } from './generator.ts';

export function defaultCorpusPath(count: number, seed: number): string {
  return path.join('bench', '.corpus', seed === 42 ? `articles-${count}.jsonl` : `articles-${count}-seed${seed}.jsonl`);
}

/** Writes `count` articles of `seed` to `out`; returns the byte count and sha256 of the file. */
export function writeCorpus(out: string, count: number, seed: number): { bytes: number; sha256: string } {
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const fd = openSync(out, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  let chunk: string[] = [];
  const flush = () => {
    if (!chunk.length) return;
    const buf = Buffer.from(chunk.join(''), 'utf8');
    hash.update(buf);
    bytes += buf.length;
    writeSync(fd, buf);
    chunk = [];
  };
  try {
    for (const a of generateArticles(count, seed)) {
      chunk.push(toJsonLine(a));
      if (chunk.length >= 500) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: tsx bench/corpus/generate.ts [--count 10000] [--seed 42] [--out bench/.corpus/articles-10000.jsonl]');
    return;
  }
  const count = intOption(values.count, 'count', 10_000);
  const seed = intOption(values.seed, 'seed', 42);
  const out = values.out ?? defaultCorpusPath(count, seed);
  const t0 = performance.now();
  const { bytes, sha256 } = writeCorpus(out, count, seed);
  const secs = (performance.now() - t0) / 1000;
  console.log(`${count} articles (seed ${seed}) → ${out}: ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s, sha256 ${sha256}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
