// Where articles come from: text files, folders of them, and JSON Lines files
// (`{title, text, url?, publishedAt?}` per line). Each record says where it came from
// (`file` or `file:line`), so a bad one can be reported precisely and skipped.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { ArticleInputError, MAX_ARTICLE_BYTES, readArticleFile } from './article-file.ts';

export interface ArticleRecord {
  origin: string;
  text: string;
  url?: string;
  publishedAt?: string;
}

export type SourceItem = { ok: true; record: ArticleRecord } | { ok: false; origin: string; error: Error };

const JsonLine = z.object({
  title: z.string().trim().min(1, 'must not be empty'),
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty'),
  url: z.string().url().optional(),
  publishedAt: z.string().datetime({ offset: true }).optional(),
});

/** The article files (`.txt`, `.jsonl`, `.ndjson`) of a folder, sorted. */
export async function articleFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((n) => /\.(txt|jsonl|ndjson)$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

const isJsonLines = (file: string) => /\.(jsonl|ndjson)$/i.test(file);

async function* jsonLines(file: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const origin = `${file}:${n}`;
    if (Buffer.byteLength(line) > MAX_ARTICLE_BYTES) {
      yield { ok: false, origin, error: new ArticleInputError(origin, `is over ${MAX_ARTICLE_BYTES} bytes.`) };
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      yield { ok: false, origin, error: new ArticleInputError(origin, `is not valid JSON (${(e as Error).message}).`) };
      continue;
    }
    const parsed = JsonLine.safeParse(json);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
      yield { ok: false, origin, error: new ArticleInputError(origin, `is not an article record (${why}).`) };
      continue;
    }
    const { title, text, url, publishedAt } = parsed.data;
    // The title leads the text, as in a .txt article, so it is part of what offsets index into.
    const article = `${title.trim()}\n\n${text}`;
    yield { ok: true, record: { origin, text: article, ...(url ? { url } : {}), ...(publishedAt ? { publishedAt } : {}) } };
  }
}

/** The files a path stands for: itself, or the article files of a folder. */
async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return [path];
  return articleFilesIn(path);
}

export async function* readSources(paths: readonly string[]): AsyncGenerator<SourceItem> {
  for (const p of paths) {
    for (const file of await filesOf(p)) {
      if (isJsonLines(file)) {
        yield* jsonLines(file);
        continue;
      }
      try {
        yield { ok: true, record: { origin: file, text: await readArticleFile(file) } };
      } catch (error) {
        yield { ok: false, origin: file, error: error as Error };
      }
    }
  }
}

/** How many records `readSources` will yield, for a progress bar (JSON Lines are counted by line). */
export async function countRecords(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const p of paths) {
    for (const file of await filesOf(p)) {
      if (!isJsonLines(file)) {
        total++;
        continue;
      }
      const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) if (line.trim()) total++;
    }
  }
  return total;
}
