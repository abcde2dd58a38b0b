// Where articles are extracted: on the main thread, or in a pool of worker threads so that
// extraction runs on the other cores while the main thread writes to Neo4j. Either way the
// extraction is the pure `extractArticle`; only the thread differs.
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { projectFile } from '../config/project.ts';
import { ExtractionInputError } from '../core/errors.ts';
import { extractArticle, type ArticleInputMeta } from '../core/extract.ts';
import type { Extraction } from '../core/types.ts';
import { startTypeScriptWorker } from '../runtime/typescript-worker.ts';

export interface ExtractionRequest {
  text: string;
  meta: ArticleInputMeta;
}

/** A worker's answer. An error crosses the thread boundary as its name and message. */
export type ExtractionReply = { ok: true; extraction: Extraction } | { ok: false; error: { name: string; message: string } };

export interface Extractor {
  /** Rejects with the extractor's error for that article only. */
  extract(request: ExtractionRequest): Promise<Extraction>;
  close(): Promise<void>;
}

/** One worker per core: the main thread mostly waits on Neo4j while the workers extract. */
export function defaultWorkerCount(): number {
  return os.availableParallelism();
}

/** `workers` threads extracting, or the main thread when 0. */
export function createExtractor(workers: number): Extractor {
  return workers > 0 ? new ExtractionPool(workers) : mainThreadExtractor;
}

const mainThreadExtractor: Extractor = {
  extract: async ({ text, meta }) => extractArticle(text, meta),
  close: async () => {},
};

const WORKER_MODULE = pathToFileURL(projectFile('src', 'pipeline', 'extraction-worker.ts'));

function errorFrom(reply: { name: string; message: string }): Error {
  if (reply.name === 'ExtractionInputError') return new ExtractionInputError(reply.message);
  return Object.assign(new Error(reply.message), { name: reply.name });
}

interface Task {
  request: ExtractionRequest;
  resolve(extraction: Extraction): void;
  reject(error: Error): void;
}

/** A worker and the one article it is extracting, if any. */
class PoolWorker {
  private current: Task | undefined;
  private answered = false;
  private alive = true;
  private readonly worker = startTypeScriptWorker(WORKER_MODULE);

  /** `onGone` learns whether the worker had ever answered: if not, it could not start at all. */
  constructor(onIdle: (self: PoolWorker) => void, onGone: (self: PoolWorker, error: Error, started: boolean) => void) {
    this.worker.on('message', (reply: ExtractionReply) => {
      this.answered = true;
      const task = this.take();
      if (reply.ok) task?.resolve(reply.extraction);
      else task?.reject(errorFrom(reply.error));
      onIdle(this);
    });
    // A worker that dies (out of memory, say) fails its article, not the run.
    const gone = (error: Error) => {
      if (!this.alive) return;
      this.alive = false;
      this.take()?.reject(error);
      onGone(this, error, this.answered);
    };
    this.worker.on('error', gone);
    this.worker.on('exit', (code) => gone(new Error(`the extraction worker exited (code ${code})`)));
  }

  run(task: Task): void {
    this.current = task;
    this.worker.postMessage(task.request);
  }

  private take(): Task | undefined {
    const task = this.current;
    this.current = undefined;
    return task;
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Worker threads, started on first use (a run with nothing to extract pays nothing), each
 * extracting one article at a time; articles wait in arrival order for a free worker.
 */
class ExtractionPool implements Extractor {
  private readonly waiting: Task[] = [];
  private readonly idle: PoolWorker[] = [];
  private readonly live = new Set<PoolWorker>();
  /** Set when a worker died before its first answer: starting more would only fail the same way. */
  private broken: Error | undefined;

  constructor(private readonly size: number) {}

  extract(request: ExtractionRequest): Promise<Extraction> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length) {
      const worker = this.idle.pop() ?? (this.live.size < this.size ? this.start() : undefined);
      if (!worker) return;
      worker.run(this.waiting.shift()!);
    }
  }

  private start(): PoolWorker {
    const worker = new PoolWorker(
      (self) => {
        this.idle.push(self);
        this.dispatch();
      },
      (self, error, started) => {
        this.live.delete(self);
        const i = this.idle.indexOf(self);
        if (i >= 0) this.idle.splice(i, 1);
        if (!started && !this.broken) {
          this.broken = new Error(`the extraction workers could not start: ${error.message}`);
          for (const task of this.waiting.splice(0)) task.reject(this.broken);
        }
        this.dispatch();
      },
    );
    this.live.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    for (const task of this.waiting.splice(0)) task.reject(new Error('the extraction pool was closed'));
    const workers = [...this.live];
    this.live.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
