// `ingestSources` with extraction in worker threads and batches closed by rows, against the test
// Neo4j: outcomes come in input order, an article the extractor refuses fails alone, the row
// budget and the article cap close batches, a failed batch is retried article by article, and a
// database that goes mid-run leaves every record read either reported or listed as unwritten.
import type { RecordShape } from 'neo4j-driver';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import type { GraphDatabase, Params, WriteTx } from '../../src/graph/database.ts';
import { ingestSources, type BatchIngestOptions, type ItemOutcome } from '../../src/pipeline/batch.ts';
import type { SourceItem } from '../../src/pipeline/sources.ts';
import { writeRowCount } from '../../src/pipeline/write-rows.ts';
import { provinceArticle, TEST_PROVINCES } from '../support/articles.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';

const origin = (i: number) => `corpus.jsonl:${i + 1}`;
const texts = Array.from({ length: 12 }, (_, i) => provinceArticle(TEST_PROVINCES[i % TEST_PROVINCES.length]!, i));
/** What the pipeline extracts from each text (the extractor is pure). */
const extractions = texts.map((text) => extractArticle(text));
const rowsOf = (i: number) => writeRowCount(extractions[i]!);

async function* records(list: Array<string | Error>, read = { count: 0 }): AsyncGenerator<SourceItem> {
  for (const [i, entry] of list.entries()) {
    read.count++;
    yield entry instanceof Error
      ? { ok: false, origin: origin(i), error: entry }
      : { ok: true, record: { origin: origin(i), text: entry } };
  }
}

/** When a node was first written: it differs between two ingests of the same articles. */
const WRITTEN_AT = ['ingestedAt'];

const neo4jError = (code: string) => Object.assign(new Error(code), { name: 'Neo4jError', code, retriable: code === 'ServiceUnavailable' });

/**
 * Records the article ids of every write transaction, as `ingestBatch` sends them, and lets a
 * test make some transactions fail: the real transaction runs and is rolled back.
 */
function watchTransactions(db: GraphDatabase, fail: (ids: string[], n: number) => Error | undefined = () => undefined) {
  const transactions: string[][] = [];
  const real = db.writeTransaction.bind(db);
  db.writeTransaction = (async (work, counter) =>
    real(async (tx) => {
      const watched = Object.create(tx) as WriteTx;
      watched.run = async <R extends RecordShape>(query: string, params: Params = {}): Promise<R[]> => {
        const articles = params['articles'];
        if (/OPTIONAL MATCH \(a:Article/.test(query) && Array.isArray(articles)) {
          const ids = articles.map((a: { id: string }) => a.id);
          transactions.push(ids);
          const error = fail(ids, transactions.length);
          if (error) throw error;
        }
        return tx.run<R>(query, params);
      };
      return work(watched);
    }, counter)) as GraphDatabase['writeTransaction'];
  /** The transactions as input positions. */
  return () => transactions.map((ids) => ids.map((id) => extractions.findIndex((x) => x.article.id === id)));
}

describe('ingestSources with extraction workers and a row budget', () => {
  let db: GraphDatabase;
  const run = async (list: Array<string | Error>, options: Partial<BatchIngestOptions>) => {
    const outcomes: ItemOutcome[] = [];
    const read = { count: 0 };
    const summary = await ingestSources(db, records(list, read), { workers: 2, dryRun: false, ...options, onOutcome: (o) => outcomes.push(o) });
    return { outcomes, summary, read: read.count };
  };

  beforeEach(async () => {
    db = connectTestGraph();
    await resetGraph(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('reports every record in input order; an article the extractor refuses in a worker fails alone', async () => {
    const list: Array<string | Error> = [...texts];
    list[3] = new Error('line 4 is not JSON');
    list[6] = '   '; // the extractor refuses blank text, in a worker thread
    const { outcomes, summary } = await run(list, { rowBudget: rowsOf(0) + rowsOf(1) });
    expect(outcomes.map((o) => o.origin)).toEqual(list.map((_, i) => origin(i)));
    expect(outcomes.filter((o) => !o.ok).map((o) => o.origin)).toEqual([origin(3), origin(6)]);
    const refused = outcomes[6]!;
    expect(refused.ok ? null : [refused.error.name, refused.error.message]).toEqual(['ExtractionInputError', expect.stringMatching(/empty/)]);
    for (const [i, o] of outcomes.entries()) if (o.ok) expect(o.extraction).toEqual(extractions[i]);
    expect(summary).toEqual({ total: 12, written: 10, unchanged: 0, failed: 2 });
    const [stored] = await db.read<{ n: number }>('MATCH (a:Article) RETURN count(a) AS n', {});
    expect(stored?.n).toBe(10);
  });

  it('writes the same graph in batches, in worker threads, as one article at a time on the main thread; again, it changes nothing', async () => {
    await run(texts, { workers: 0, batchSize: 1 });
    const oneByOne = await dumpGraph(db, { ignore: WRITTEN_AT });
    await resetGraph(db);
    await run(texts, { workers: 2, rowBudget: rowsOf(0) * 4 });
    const batched = await dumpGraph(db, { ignore: WRITTEN_AT });
    expect(batched.nodes.length).toBeGreaterThan(texts.length); // the articles, and what they name
    expect(batched).toEqual(oneByOne);
    const { summary } = await run(texts, { workers: 2 });
    expect(summary).toMatchObject({ unchanged: texts.length, written: 0 });
    expect(await dumpGraph(db, { ignore: WRITTEN_AT })).toEqual(batched);
  });

  it('closes a batch before the article that would take it over the row budget', async () => {
    const transactions = watchTransactions(db);
    const budget = rowsOf(0) + rowsOf(1) + rowsOf(2);
    await run(texts, { rowBudget: budget });
    const batches = transactions();
    expect(batches.flat()).toEqual(texts.map((_, i) => i));
    expect(batches.length).toBeGreaterThan(3);
    const rows = (batch: number[]) => batch.reduce((sum, i) => sum + rowsOf(i), 0);
    for (const [n, batch] of batches.entries()) {
      expect(rows(batch)).toBeLessThanOrEqual(budget);
      // the batch could not take the next article
      if (n + 1 < batches.length) expect(rows(batch) + rowsOf(batches[n + 1]![0]!)).toBeGreaterThan(budget);
    }
  });

  it('writes an article over the row budget alone, and caps batches at batchSize articles', async () => {
    const alone = watchTransactions(db);
    await run(texts.slice(0, 3), { rowBudget: 1 });
    expect(alone()).toEqual([[0], [1], [2]]);
    await resetGraph(db);
    const capped = watchTransactions(db);
    await run(texts, { batchSize: 5 });
    expect(capped()).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11]]);
  });

  it('retries a failed batch article by article: only the bad article fails', async () => {
    const bad = extractions[4]!.article.id;
    const transactions = watchTransactions(db, (ids) => (ids.includes(bad) ? neo4jError('Neo.ClientError.Statement.ArgumentError') : undefined));
    const { outcomes, summary } = await run(texts.slice(0, 8), { batchSize: 6 });
    expect(transactions()).toEqual([[0, 1, 2, 3, 4, 5], [0], [1], [2], [3], [4], [5], [6, 7]]);
    expect(outcomes.map((o) => [o.origin, o.ok])).toEqual(texts.slice(0, 8).map((_, i) => [origin(i), i !== 4]));
    expect(summary).toMatchObject({ written: 7, failed: 1 });
  });

  it('stops when the database goes mid-run: every record read is reported or listed as unwritten, once', async () => {
    watchTransactions(db, (_, n) => (n === 2 ? neo4jError('ServiceUnavailable') : undefined));
    const list: Array<string | Error> = [...texts];
    list[4] = new Error('line 5 is not JSON');
    const { outcomes, summary, read } = await run(list, { batchSize: 3 });
    // the first batch, and the bad record of the second: a failure whatever the database does
    expect(outcomes.map((o) => [o.origin, o.ok])).toEqual([[origin(0), true], [origin(1), true], [origin(2), true], [origin(4), false]]);
    // the articles of the second batch, then those read while it was written
    expect(summary.stopped?.unwritten.slice(0, 3)).toEqual([3, 5, 6].map(origin));
    const accounted = [...outcomes.map((o) => o.origin), ...summary.stopped!.unwritten];
    expect(accounted.sort()).toEqual(Array.from({ length: read }, (_, i) => origin(i)).sort());
    expect(read).toBeLessThan(texts.length);
  });
});
