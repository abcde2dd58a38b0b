// Text or file in, graph out: extraction (pure core) followed by one write transaction.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { extractArticle } from '../core/extract.ts';
import type { GraphDatabase } from '../graph/database.ts';
import { ingestExtraction, type IngestResult } from '../graph/ingest.ts';
import { readArticleFile } from './article-file.ts';

export interface ArticleSource {
  text: string;
  title?: string;
  publishedAt?: string;
  url?: string;
}

export async function ingestText(db: GraphDatabase, source: ArticleSource): Promise<IngestResult> {
  const { text, ...meta } = source;
  const extraction = extractArticle(text, meta);
  return ingestExtraction(db, extraction, { url: source.url ?? null });
}

export async function ingestFile(db: GraphDatabase, file: string): Promise<IngestResult> {
  return ingestText(db, { text: await readArticleFile(file) });
}

/** The `.txt` files of a folder, sorted, for loading seeds. */
export async function articleFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names.filter((n) => n.endsWith('.txt')).sort().map((n) => path.join(dir, n));
}
