// A worker thread of the extraction pool (extract-pool.ts): articles in, the rows the graph is
// built from out. Extraction is pure and CPU-bound, so each worker runs it on a core of its own.
import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../core/extract.ts';
import { articleRows } from '../graph/ingest.ts';
import type { ArticleRecord } from '../pipeline/sources.ts';
import type { ExtractedChunk, ExtractionOutcome } from './extract-pool.ts';

function extract(record: ArticleRecord): ExtractionOutcome {
  try {
    const extraction = extractArticle(record.text, {
      ...(record.url ? { url: record.url } : {}),
      ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
    });
    return { ok: true, origin: record.origin, rows: articleRows(extraction, record.url ?? null) };
  } catch (error) {
    return { ok: false, origin: record.origin, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.on('message', (chunk: { seq: number; records: ArticleRecord[] }) => {
  const reply: ExtractedChunk = { seq: chunk.seq, outcomes: chunk.records.map(extract) };
  parentPort!.postMessage(reply);
});
