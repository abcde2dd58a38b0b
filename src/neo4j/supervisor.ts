// Keeps the embedded Neo4j running: when its JVM dies on its own (a crash, the OOM killer,
// kill -9) it is started again, with growing pauses between attempts, on the same Bolt port. The
// port is pinned so that drivers already connected to the old JVM reconnect by themselves: their
// broken connections are dropped and the next one is opened to the same address.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Neo4jCredentials } from './credentials.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jExit, type EmbeddedNeo4jOptions } from './embedded.ts';

/**
 * 'up': the JVM is running (it may still be recovering its store for a moment after a restart);
 * 'restarting': it died and is being started again; 'failed': every restart attempt failed, and
 * no more will be made.
 */
export type Neo4jStatus = 'up' | 'restarting' | 'failed';

export type StatusListener = (status: Neo4jStatus, error?: Error) => void;

/** Pauses before `attempts` restart attempts: 0.5 s, doubling, at most 30 s each. */
export function restartDelays(attempts: number): number[] {
  return Array.from({ length: attempts }, (_, i) => Math.min(500 * 2 ** i, 30_000));
}

/** Five attempts, with 15.5 s of pauses in all (plus the starts themselves). */
export const DEFAULT_RESTART_DELAYS_MS: readonly number[] = restartDelays(5);

export interface SupervisorOptions extends EmbeddedNeo4jOptions {
  /** One pause per restart attempt, in ms (default DEFAULT_RESTART_DELAYS_MS). */
  restartDelaysMs?: readonly number[];
}

export interface SupervisedNeo4j {
  /** Stays the same across restarts. */
  readonly uri: string;
  readonly credentials: Neo4jCredentials;
  readonly readerCredentials: Neo4jCredentials;
  status(): Neo4jStatus;
  /** The current JVM's process id; undefined while none is running. */
  pid(): number | undefined;
  /** Calls `listener` on every change of status(); returns a function that unsubscribes. */
  onStatusChange(listener: StatusListener): () => void;
  /** Stops Neo4j and any restart under way; idempotent. */
  stop(): Promise<void>;
}

function boltPort(uri: string): number {
  const port = Number(new URL(uri).port);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Embedded Neo4j reported a URI without a port: ${uri}`);
  return port;
}

const describeExit = (exit: EmbeddedNeo4jExit): string =>
  exit.signal !== null ? `signal ${exit.signal}` : `code ${exit.code ?? '?'}`;

/** Starts the embedded Neo4j (see startEmbeddedNeo4j) and restarts it whenever it dies unasked. */
export async function superviseEmbeddedNeo4j(options: SupervisorOptions): Promise<SupervisedNeo4j> {
  const { restartDelaysMs = DEFAULT_RESTART_DELAYS_MS, ...startOptions } = options;
  const log = options.log ?? (() => undefined);
  const first = await startEmbeddedNeo4j(startOptions);
  const port = boltPort(first.uri);

  let current: EmbeddedNeo4j | undefined = first;
  let status: Neo4jStatus = 'up';
  let stopped = false;
  let restarting: Promise<void> | undefined;
  const cancelPauses = new AbortController();
  const listeners = new Set<StatusListener>();

  const setStatus = (next: Neo4jStatus, error?: Error): void => {
    status = next;
    for (const listener of listeners) {
      try {
        listener(next, error);
      } catch (listenerError) {
        log(`[neo4j] a status listener failed: ${listenerError instanceof Error ? listenerError.message : String(listenerError)}`);
      }
    }
  };

  const restart = async (): Promise<void> => {
    let lastError: Error | undefined;
    for (const [index, pause] of restartDelaysMs.entries()) {
      try {
        await sleep(pause, undefined, { signal: cancelPauses.signal });
      } catch {
        return; // stop() was called
      }
      try {
        const instance = await startEmbeddedNeo4j({ ...startOptions, port });
        if (stopped) {
          await instance.stop();
          return;
        }
        current = instance;
        watch(instance);
        log(`[neo4j] embedded Neo4j restarted on ${instance.uri} (pid ${instance.pid}, attempt ${index + 1})`);
        setStatus('up');
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        log(`[neo4j] restart attempt ${index + 1} of ${restartDelaysMs.length} failed: ${lastError.message}`);
        if (stopped) return;
      }
    }
    const reason = lastError?.message ?? 'no attempts were allowed';
    setStatus('failed', new Error(`Embedded Neo4j died and could not be restarted (${restartDelaysMs.length} attempts): ${reason}`));
  };

  function watch(instance: EmbeddedNeo4j): void {
    void instance.exited.then((exit) => {
      if (exit.expected || stopped) return;
      current = undefined;
      const error = new Error(`Embedded Neo4j (pid ${instance.pid}) exited unexpectedly with ${describeExit(exit)}`);
      log(`[neo4j] ${error.message}; restarting it on port ${port}`);
      setStatus('restarting', error);
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    });
  }
  watch(first);

  let stopping: Promise<void> | undefined;
  return {
    uri: first.uri,
    credentials: first.credentials,
    readerCredentials: first.readerCredentials,
    status: () => status,
    pid: () => current?.pid,
    onStatusChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        cancelPauses.abort();
        await restarting;
        await current?.stop();
      })();
      return stopping;
    },
  };
}
