// Text or file in, graph out: extraction (pure core) followed by one write transaction.
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
