// `ingestSources` when the database is gone: one failed batch ends the run, instead of every
// article of it, and every article after it, waiting out the driver's retries in turn.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isDatabaseUnreachable } from '../../src/graph/availability.ts';
import { GraphDatabase } from '../../src/graph/database.ts';
import { ingestSources, type ItemOutcome } from '../../src/pipeline/batch.ts';
import type { SourceItem } from '../../src/pipeline/sources.ts';
import { provinceArticle, TEST_PROVINCES } from '../support/articles.ts';

/** Nothing listens on port 1: every connection is refused at once. */
const closedPort = () =>
  GraphDatabase.connect({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: '', database: undefined }, { maxRetryTimeMs: 1_000 });

/** `count` good articles, counting how many the pipeline pulled. */
function articles(count: number): { items: AsyncGenerator<SourceItem>; read: () => number } {
  let read = 0;
  async function* items(): AsyncGenerator<SourceItem> {
    for (let i = 0; i < count; i++) {
      read++;
      yield { ok: true, record: { origin: `corpus.jsonl:${i + 1}`, text: provinceArticle(TEST_PROVINCES[i % TEST_PROVINCES.length]!, i) } };
    }
  }
  return { items: items(), read: () => read };
}

const neo4jError = (code: string, retriable: boolean) => Object.assign(new Error(code), { name: 'Neo4jError', code, retriable });

describe('ingestSources against a database that is gone', () => {
  it('stops after the first failed batch, within seconds, and says which articles were not written', async () => {
    const db = closedPort();
    const source = articles(50);
    const outcomes: ItemOutcome[] = [];
    const started = performance.now();
    try {
      const summary = await ingestSources(db, source.items, { batchSize: 5, dryRun: false, onOutcome: (o) => outcomes.push(o) });
      expect(summary).toMatchObject({ total: 0, written: 0, unchanged: 0, failed: 0 });
      expect(summary.stopped?.unwritten).toEqual([1, 2, 3, 4, 5].map((n) => `corpus.jsonl:${n}`));
      expect(isDatabaseUnreachable(summary.stopped?.error)).toBe(true);
    } finally {
      await db.close();
    }
    // One batch tried (with the driver's 1 s of retries), none after it, none article by article.
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(outcomes).toEqual([]);
    expect(source.read()).toBe(5);
  });

  it('stops too when the database goes while a failed batch is retried article by article', async () => {
    const db = closedPort();
    // The batch fails for a reason of its own (a deadlock), then the connection turns out to be gone.
    const realWrite = db.writeTransaction.bind(db);
    let calls = 0;
    db.writeTransaction = (async (work, counter) => {
      if (calls++ === 0) throw neo4jError('Neo.TransientError.Transaction.DeadlockDetected', true);
      return realWrite(work, counter);
    }) as GraphDatabase['writeTransaction'];
    const source = articles(20);
    try {
      const summary = await ingestSources(db, source.items, { batchSize: 4, dryRun: false, onOutcome: () => {} });
      expect(summary.stopped?.unwritten).toEqual([1, 2, 3, 4].map((n) => `corpus.jsonl:${n}`));
      expect(summary.failed).toBe(0);
    } finally {
      await db.close();
    }
    expect(calls).toBe(2);
    expect(source.read()).toBe(4);
  });

  it('tells a database that is gone from a transaction that failed', () => {
    expect(isDatabaseUnreachable(neo4jError('ServiceUnavailable', true))).toBe(true);
    expect(isDatabaseUnreachable(neo4jError('SessionExpired', true))).toBe(true);
    expect(isDatabaseUnreachable(neo4jError('Neo.TransientError.General.DatabaseUnavailable', true))).toBe(true);
    // Worth retrying smaller, and worth a "retry shortly" to an API client, but not the end of a run.
    const deadlock = neo4jError('Neo.TransientError.Transaction.DeadlockDetected', true);
    expect(isDatabaseUnreachable(deadlock)).toBe(false);
    expect(isDatabaseUnavailable(deadlock)).toBe(true);
    expect(isDatabaseUnreachable(new Error('ServiceUnavailable'))).toBe(false);
  });
});
