// Where articles come from: text files, folders of them, and JSON Lines files
// (`{title, text, url?, publishedAt?}` per line). Each record says where it came from
// (`file` or `file:line`), so a bad one can be reported precisely and skipped.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ARTICLE_CHARS } from '../core/extract.ts';
import { ArticleInputError, decodeUtf8, readArticleFile } from './article-file.ts';
import { articleInput, inputProblems } from './article-input.ts';
import { boundedLines, type Line } from './lines.ts';

export interface ArticleRecord {
  origin: string;
  text: string;
  url?: string;
  publishedAt?: string;
}

export type SourceItem = { ok: true; record: ArticleRecord } | { ok: false; origin: string; error: Error };

/**
 * Longest JSON line read. The extractor takes at most MAX_ARTICLE_CHARS UTF-16 units of title
 * and text together, and JSON may spell each as a 6-byte `\uXXXX` escape (Python's json.dumps
 * does so for every Vietnamese letter by default): 6 × MAX_ARTICLE_CHARS bytes is the longest
 * line that can hold an article the extractor accepts. 64 KiB more covers the other fields (a
 * url of MAX_URL_CHARS, escaped: 12 KiB; publishedAt; the keys). A longer line cannot be an
 * article, so it is skipped without being held in memory.
 */
export const MAX_JSON_LINE_BYTES = 6 * MAX_ARTICLE_CHARS + 64 * 1024;

/** The article files (`.txt`, `.jsonl`, `.ndjson`) of a folder, sorted. */
export async function articleFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names
    .filter((n) => /\.(txt|jsonl|ndjson)$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

const isJsonLines = (file: string) => /\.(jsonl|ndjson)$/i.test(file);

const fail = (origin: string, message: string): SourceItem => ({
  ok: false,
  origin,
  error: new ArticleInputError(origin, message),
});

/** Only JSON whitespace: a blank line, which is not a record. */
const isBlank = (bytes: Buffer) => bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);

/** A line that is a record (reported or read), as opposed to a blank one. */
const isRecord = (line: Line) => 'tooLong' in line || !isBlank(line.bytes);

const linesOf = (file: string) => boundedLines(createReadStream(file), MAX_JSON_LINE_BYTES);

/** One JSON line as an article record, or why it is not one. */
function parseJsonLine(bytes: Buffer, origin: string): SourceItem {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes, origin));
  } catch (e) {
    if (e instanceof ArticleInputError) return { ok: false, origin, error: e };
    return fail(origin, `is not valid JSON (${(e as Error).message}).`);
  }
  const parsed = articleInput.safeParse(json);
  if (!parsed.success) {
    const why = inputProblems(parsed.error).map((p) => `${p.field || 'record'}: ${p.message}`).join('; ');
    return fail(origin, `is not an article record (${why}).`);
  }
  const { title, text, url, publishedAt } = parsed.data;
  // The title leads the text, as in a .txt article, so it is part of what offsets index into.
  return { ok: true, record: { origin, text: `${title}\n\n${text}`, ...(url ? { url } : {}), ...(publishedAt ? { publishedAt } : {}) } };
}

async function* jsonLines(file: string): AsyncGenerator<SourceItem> {
  try {
    for await (const line of linesOf(file)) {
      if (!isRecord(line)) continue;
      const origin = `${file}:${line.number}`;
      if ('tooLong' in line) {
        yield fail(origin, `is ${line.size} bytes; the limit of a JSON line is ${MAX_JSON_LINE_BYTES} bytes.`);
      } else {
        yield parseJsonLine(line.bytes, origin);
      }
    }
  } catch (error) {
    yield fail(file, `cannot be read (${(error as Error).message}).`);
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

/**
 * How many records `readSources` will yield, for a progress bar and the final tally (JSON Lines
 * are counted by line, with the same bounded reader, so an oversized line is not held either).
 */
export async function countRecords(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const p of paths) {
    for (const file of await filesOf(p)) {
      if (!isJsonLines(file)) {
        total++;
        continue;
      }
      try {
        for await (const line of linesOf(file)) if (isRecord(line)) total++;
      } catch {
        // readSources reports an unreadable file as one failed record.
        total++;
      }
    }
  }
  return total;
}
