// Many articles in: extract each (pure; in worker threads unless told otherwise), write them in
// batches (one transaction per batch, UNWIND across articles), closed by the rows they write so
// that no transaction outgrows Neo4j's memory. While a batch is written, the workers extract
// the next one. A batch that fails is retried article by article, so one bad article never
// costs the others, and each article is still written whole or not at all. A batch that fails
// because the database is gone is not retried: every article would wait out the driver's retry
// time in turn only to fail the same way, so the run stops and says what was not written.
import type { Extraction } from '../core/types.ts';
import { isDatabaseUnreachable } from '../graph/availability.ts';
import type { GraphDatabase } from '../graph/database.ts';
import { ingestBatch, type IngestResult } from '../graph/ingest.ts';
import { BatchAssembler, type Slot } from './batches.ts';
import { createExtractor, defaultWorkerCount } from './extractors.ts';
import type { SourceItem } from './sources.ts';
import { DEFAULT_ROW_BUDGET } from './write-rows.ts';

export type ItemOutcome =
  | { origin: string; ok: true; result: IngestResult; extraction: Extraction }
  | { origin: string; ok: false; error: Error };

export interface BatchIngestOptions {
  /** At most this many articles per write transaction (default: only the row budget bounds it). */
  batchSize?: number | undefined;
  /** Parameter rows per write transaction (`writeRowCount`; default DEFAULT_ROW_BUDGET). */
  rowBudget?: number | undefined;
  /** Extraction worker threads; 0 extracts on the main thread (default: one per core). */
  workers?: number | undefined;
  /** Extract only; report what would be written. */
  dryRun: boolean;
  /** Called once per record, in input order. */
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
   * articles read but not written, in input order (the batch being written, then any read ahead
   * of it; records among them that could not be articles are reported as failed). Records after
   * them were not read.
   */
  stopped?: { error: Error; unwritten: string[] };
}

type Article = Extract<Slot, { ok: true }>;

const wouldWrite = (extraction: Extraction): IngestResult => ({
  articleId: extraction.article.id,
  status: 'created',
  entities: extraction.entities.length,
  figures: extraction.figures.length,
  relations: extraction.relations.length,
});

/** The database could not be reached while writing the slot at `at` of a batch. */
class DatabaseGone extends Error {
  constructor(
    readonly error: Error,
    readonly at: number,
  ) {
    super(error.message);
  }
}

/**
 * Writes one batch and reports the outcome of each slot, in order. Throws DatabaseGone when the
 * database cannot be reached: the slots before `at` are reported, the others are not.
 */
async function writeBatch(db: GraphDatabase, batch: Slot[], report: (outcome: ItemOutcome) => void): Promise<void> {
  const write = async (articles: Article[]) => {
    const results = await ingestBatch(db, articles.map((a) => ({ extraction: a.extraction, url: a.record.url ?? null })));
    return articles.map((a, i): ItemOutcome => ({ origin: a.origin, ok: true, result: results[i]!, extraction: a.extraction }));
  };
  const articles = batch.filter((s): s is Article => s.ok);
  let written: ItemOutcome[] | undefined;
  let batchError: unknown;
  try {
    written = articles.length ? await write(articles) : [];
  } catch (error) {
    if (isDatabaseUnreachable(error)) throw new DatabaseGone(error as Error, 0);
    batchError = error;
  }
  if (written) {
    const outcomes = new Map(articles.map((a, i) => [a, written[i]!]));
    for (const slot of batch) report(slot.ok ? outcomes.get(slot)! : slot);
    return;
  }
  // One article at a time; a batch of one has been tried already.
  for (const [at, slot] of batch.entries()) {
    if (!slot.ok) report(slot);
    else if (articles.length === 1) report({ origin: slot.origin, ok: false, error: batchError as Error });
    else {
      try {
        report((await write([slot]))[0]!);
      } catch (error) {
        if (isDatabaseUnreachable(error)) throw new DatabaseGone(error as Error, at);
        report({ origin: slot.origin, ok: false, error: error as Error });
      }
    }
  }
}

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
  const workers = options.workers ?? defaultWorkerCount();
  const extractor = createExtractor(workers);
  const batches = new BatchAssembler(items, extractor, {
    rowBudget: options.rowBudget ?? DEFAULT_ROW_BUDGET,
    maxArticles: options.batchSize,
    // enough to keep every worker busy; the main thread extracts one at a time
    extractAhead: Math.max(1, 4 * workers),
  });
  const dryRun = options.dryRun || !db;

  type Stopped = NonNullable<BatchIngestSummary['stopped']>;
  /** Writes a batch, reporting its outcomes in input order; says why the run stops, if it does. */
  const writeAndReport = async (batch: Slot[]): Promise<Stopped | undefined> => {
    if (dryRun) {
      for (const slot of batch) report(slot.ok ? { origin: slot.origin, ok: true, result: wouldWrite(slot.extraction), extraction: slot.extraction } : slot);
      return undefined;
    }
    try {
      await writeBatch(db, batch, report);
      return undefined;
    } catch (error) {
      if (!(error instanceof DatabaseGone)) throw error;
      return { error: error.error, unwritten: unwrittenArticles(batch.slice(error.at)) };
    }
  };
  /** The articles of `slots`, the database being gone; the other records are failures, as ever. */
  const unwrittenArticles = (slots: Slot[]): string[] => {
    for (const slot of slots) if (!slot.ok) report(slot);
    return slots.filter((slot) => slot.ok).map((slot) => slot.origin);
  };

  let writing: Promise<Stopped | undefined> = Promise.resolve(undefined);
  let sentArticles = false;
  let databaseAnswered = false;
  let stopped: Stopped | undefined;
  try {
    for (;;) {
      // Until the database has answered a batch, nothing is read past the one being written: if
      // it is gone, the run stops having read only that batch.
      if (!databaseAnswered) {
        stopped = await writing;
        if (stopped) break;
        databaseAnswered = sentArticles;
      }
      // The next batch is read and extracted while the last one is written.
      const batch = await batches.next();
      stopped = await writing;
      if (stopped) {
        stopped.unwritten.push(...unwrittenArticles(batch ?? []));
        break;
      }
      if (!batch) break;
      sentArticles ||= !dryRun && batch.some((s) => s.ok);
      writing = writeAndReport(batch);
      // Awaited later; until then a failure must not count as an unhandled rejection.
      writing.catch(() => undefined);
    }
    if (stopped) stopped.unwritten.push(...unwrittenArticles(await batches.drain()));
  } finally {
    await writing.catch(() => undefined);
    await batches.close();
    await extractor.close();
  }
  return stopped ? { ...summary, stopped } : summary;
}
