// Turns the records read into write batches, in input order: each record is extracted (by the
// extractor, possibly in worker threads, several at a time) and a batch is closed when the next
// article would take it over the row budget, or when it holds `maxArticles` articles.
import type { Extraction } from '../core/types.ts';
import type { Extractor } from './extractors.ts';
import type { ArticleRecord, SourceItem } from './sources.ts';
import { writeRowCount } from './write-rows.ts';

/** A record in its place in the input: an article to write, or why it cannot be. */
export type Slot =
  | { origin: string; ok: true; record: ArticleRecord; extraction: Extraction; rows: number }
  | { origin: string; ok: false; error: Error };

export interface BatchLimits {
  /** Parameter rows per batch (`writeRowCount`); an article over it alone is a batch of its own. */
  rowBudget: number;
  /** Articles per batch, if capped. */
  maxArticles?: number | undefined;
  /** Records being extracted at once, ahead of the batch being assembled. */
  extractAhead: number;
}

async function slotOf(record: ArticleRecord, extractor: Extractor): Promise<Slot> {
  try {
    const extraction = await extractor.extract({
      text: record.text,
      meta: { ...(record.url ? { url: record.url } : {}), ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}) },
    });
    return { origin: record.origin, ok: true, record, extraction, rows: writeRowCount(extraction) };
  } catch (error) {
    return { origin: record.origin, ok: false, error: error as Error };
  }
}

/**
 * Pulls records only as batches are asked for, so what is held stays bounded: the batch being
 * assembled plus at most `extractAhead` records read past it. It never reads past `maxArticles`
 * articles of the batch being assembled.
 */
export class BatchAssembler {
  private readonly records: AsyncIterator<SourceItem>;
  /** Records read and not yet in a batch, in input order, each extracting or extracted. */
  private readonly ahead: Array<{ slot: Promise<Slot>; article: boolean }> = [];
  private exhausted = false;

  constructor(
    items: AsyncIterable<SourceItem>,
    private readonly extractor: Extractor,
    private readonly limits: BatchLimits,
  ) {
    this.records = items[Symbol.asyncIterator]();
  }

  /** The next batch, in input order; null once every record is in a batch. */
  async next(): Promise<Slot[] | null> {
    const batch: Slot[] = [];
    let articles = 0;
    let rows = 0;
    for (;;) {
      await this.readAhead(articles);
      const head = this.ahead[0];
      if (!head) break;
      const slot = await head.slot;
      if (slot.ok && articles > 0 && rows + slot.rows > this.limits.rowBudget) break;
      this.ahead.shift();
      batch.push(slot);
      if (!slot.ok) continue;
      articles++;
      rows += slot.rows;
      if (articles === this.limits.maxArticles) break;
    }
    return batch.length ? batch : null;
  }

  /** The records read and not handed out in a batch, in input order, once extracted. */
  async drain(): Promise<Slot[]> {
    return Promise.all(this.ahead.splice(0).map((a) => a.slot));
  }

  /** Stops reading: closes the sources. */
  async close(): Promise<void> {
    await this.records.return?.();
  }

  /** Reads records and starts their extraction, up to `extractAhead` and the batch's article cap. */
  private async readAhead(articlesInBatch: number): Promise<void> {
    const { maxArticles, extractAhead } = this.limits;
    while (!this.exhausted && this.ahead.length < extractAhead) {
      const articlesAhead = this.ahead.filter((a) => a.article).length;
      if (maxArticles !== undefined && articlesInBatch + articlesAhead >= maxArticles) return;
      const item = await this.records.next();
      if (item.done) {
        this.exhausted = true;
        return;
      }
      const read = item.value;
      this.ahead.push(
        read.ok
          ? { slot: slotOf(read.record, this.extractor), article: true }
          : { slot: Promise.resolve({ origin: read.origin, ok: false, error: read.error }), article: false },
      );
    }
  }
}
