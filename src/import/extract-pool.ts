// Extraction on every core: articles are read here, sent in chunks to worker threads
// (extract-worker.ts), and their rows handed back in input order, so the graph built from them is
// the one `vnkg ingest` writes in that order. The workers run TypeScript (runtime/typescript-worker.ts).
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { projectFile } from '../config/project.ts';
import type { articleRows } from '../graph/ingest.ts';
import type { ArticleRecord, SourceItem } from '../pipeline/sources.ts';
import { startTypeScriptWorker } from '../runtime/typescript-worker.ts';

export type ExtractionOutcome =
  | { ok: true; origin: string; rows: ReturnType<typeof articleRows> }
  | { ok: false; origin: string; message: string };

export interface ExtractedChunk {
  seq: number;
  outcomes: ExtractionOutcome[];
}

/** Articles per message: enough to make messaging cheap, few enough to keep both cores busy to the end. */
const CHUNK_SIZE = 32;
/** Chunks queued per worker, so a worker never waits for the reader. */
const IN_FLIGHT_PER_WORKER = 3;

const WORKER_MODULE = pathToFileURL(projectFile('src', 'import', 'extract-worker.ts'));

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

interface Chunk {
  seq: number;
  items: SourceItem[];
}

/**
 * Yields one outcome per source item, in order: an unreadable record as a failure, an article
 * as its rows or the reason it could not be extracted.
 */
export async function* extractInWorkers(items: AsyncIterable<SourceItem>, threads = defaultThreads()): AsyncGenerator<ExtractionOutcome> {
  const workers = Array.from({ length: threads }, () => startTypeScriptWorker(WORKER_MODULE));
  const done = new Map<number, ExtractionOutcome[]>();
  const chunks = new Map<number, Chunk>();
  let failure: Error | null = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const sleep = () => new Promise<void>((resolve) => (wake = resolve));

  const merge = (chunk: Chunk, extracted: ExtractionOutcome[]): ExtractionOutcome[] => {
    let next = 0;
    return chunk.items.map((item) => (item.ok ? extracted[next++]! : { ok: false, origin: item.origin, message: item.error.message }));
  };
  const queued = new Map<Worker, number>();
  for (const worker of workers) {
    queued.set(worker, 0);
    worker.on('message', (reply: ExtractedChunk) => {
      done.set(reply.seq, merge(chunks.get(reply.seq)!, reply.outcomes));
      chunks.delete(reply.seq);
      queued.set(worker, queued.get(worker)! - 1);
      notify();
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
    // A worker that dies without an error (killed, out of memory) would leave its chunks unanswered.
    worker.on('exit', (code) => {
      if (closing) return;
      failure ??= new Error(`An extraction worker stopped (exit code ${code}).`);
      notify();
    });
  }
  const send = (chunk: Chunk) => {
    const worker = [...queued].sort((a, b) => a[1] - b[1])[0]![0];
    queued.set(worker, queued.get(worker)! + 1);
    chunks.set(chunk.seq, chunk);
    const records: ArticleRecord[] = chunk.items.flatMap((i) => (i.ok ? [i.record] : []));
    worker.postMessage({ seq: chunk.seq, records });
  };
  const capacity = threads * IN_FLIGHT_PER_WORKER;

  let sent = 0;
  let yielded = 0;
  try {
    let pending: SourceItem[] = [];
    const flushReady = function* () {
      for (let ready = done.get(yielded); ready; ready = done.get(yielded)) {
        done.delete(yielded++);
        yield* ready;
      }
    };
    for await (const item of items) {
      pending.push(item);
      if (pending.length < CHUNK_SIZE) continue;
      while (sent - yielded >= capacity && !failure) {
        yield* flushReady();
        if (sent - yielded >= capacity) await sleep();
      }
      if (failure) throw failure;
      send({ seq: sent++, items: pending });
      pending = [];
      yield* flushReady();
    }
    if (pending.length) send({ seq: sent++, items: pending });
    while (yielded < sent) {
      if (failure) throw failure;
      yield* flushReady();
      if (yielded < sent) await sleep();
    }
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
