// Many articles in: extract each (pure), write them in batches (one transaction per batch, UNWIND
// across articles). A batch that fails is retried article by article, so one bad article never
// costs the others, and each article is still written whole or not at all. A batch that fails
// because the database is gone is not retried: every article would wait out the driver's retry
// time in turn only to fail the same way, so the run stops and says what was not written.
import { extractArticle } from '../core/extract.ts';
import type { Extraction } from '../core/types.ts';
import { isDatabaseUnreachable } from '../graph/availability.ts';
import type { GraphDatabase } from '../graph/database.ts';
import { ingestBatch, type IngestResult } from '../graph/ingest.ts';
import type { ArticleRecord, SourceItem } from './sources.ts';

export type ItemOutcome =
  | { origin: string; ok: true; result: IngestResult; extraction: Extraction }
  | { origin: string; ok: false; error: Error };

export interface BatchIngestOptions {
  /** Articles per write transaction. */
  batchSize: number;
  /** Extract only; report what would be written. */
  dryRun: boolean;
  onOutcome(outcome: ItemOutcome): void;
}

export interface BatchIngestSummary {
  /** Records reported through onOutcome. */
  total: number;
  written: number;
  unchanged: number;
  failed: number;
  /**
   * Set when the run stopped because the database could not be reached: the error, and the
   * records read but not written (the batch being written; not reported through onOutcome).
   * Records after them were not read.
   */
  stopped?: { error: Error; unwritten: string[] };
}

interface Pending {
  record: ArticleRecord;
  extraction: Extraction;
}

const wouldWrite = (extraction: Extraction): IngestResult => ({
  articleId: extraction.article.id,
  status: 'created',
  entities: extraction.entities.length,
  figures: extraction.figures.length,
  relations: extraction.relations.length,
});

export async function ingestSources(
  db: GraphDatabase | null,
  items: AsyncIterable<SourceItem>,
  options: BatchIngestOptions,
): Promise<BatchIngestSummary> {
  const summary: BatchIngestSummary = { total: 0, written: 0, unchanged: 0, failed: 0 };
  const report = (outcome: ItemOutcome) => {
    summary.total++;
    if (!outcome.ok) summary.failed++;
    else if (outcome.result.status === 'unchanged') summary.unchanged++;
    else summary.written++;
    options.onOutcome(outcome);
  };

  let batch: Pending[] = [];
  let stopped: BatchIngestSummary['stopped'];
  const write = async (pending: Pending[]) => {
    const results = await ingestBatch(
      db!,
      pending.map((p) => ({ extraction: p.extraction, url: p.record.url ?? null })),
    );
    pending.forEach((p, i) => report({ origin: p.record.origin, ok: true, result: results[i]!, extraction: p.extraction }));
  };
  /** Whether `error` ends the run; if so, `unwritten` are recorded as not written. */
  const stopsRun = (error: unknown, unwritten: Pending[]) => {
    if (!isDatabaseUnreachable(error)) return false;
    stopped = { error: error as Error, unwritten: unwritten.map((p) => p.record.origin) };
    return true;
  };
  const flush = async () => {
    const pending = batch;
    batch = [];
    if (!pending.length) return;
    if (options.dryRun || !db) {
      for (const p of pending) report({ origin: p.record.origin, ok: true, result: wouldWrite(p.extraction), extraction: p.extraction });
      return;
    }
    try {
      await write(pending);
    } catch (batchError) {
      if (stopsRun(batchError, pending)) return;
      if (pending.length === 1) {
        report({ origin: pending[0]!.record.origin, ok: false, error: batchError as Error });
        return;
      }
      for (const [i, p] of pending.entries()) {
        try {
          await write([p]);
        } catch (error) {
          if (stopsRun(error, pending.slice(i))) return;
          report({ origin: p.record.origin, ok: false, error: error as Error });
        }
      }
    }
  };

  for await (const item of items) {
    if (!item.ok) {
      report({ origin: item.origin, ok: false, error: item.error });
      continue;
    }
    const { record } = item;
    try {
      const extraction = extractArticle(record.text, {
        ...(record.url ? { url: record.url } : {}),
        ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
      });
      batch.push({ record, extraction });
    } catch (error) {
      report({ origin: record.origin, ok: false, error: error as Error });
    }
    if (batch.length >= options.batchSize) await flush();
    // Leaving the loop closes the sources: nothing more is read.
    if (stopped) break;
  }
  if (!stopped) await flush();
  return stopped ? { ...summary, stopped } : summary;
}
