// Whether a failure of Neo4j means "the database is not there" rather than "this statement or
// this transaction went wrong". Duck-typed: the driver's errors may come from another copy of
// neo4j-driver-core, so `instanceof Neo4jError` is not reliable.
import type { Neo4jError } from 'neo4j-driver';

/** The connection is gone or cannot be made: the server is down, unreachable, or restarting. */
const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

const asNeo4jError = (error: unknown): Partial<Neo4jError> | null => {
  const e = error as Partial<Neo4jError> | null;
  return typeof e?.code === 'string' && e.name === 'Neo4jError' ? e : null;
};

/**
 * The database cannot be reached at all. Retrying the same work right away, or other work, is
 * pointless; a transient error of one transaction (a deadlock, a memory limit) is not this, and
 * smaller work may still succeed.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const e = asNeo4jError(error);
  return e !== null && UNREACHABLE_CODES.has(e.code!);
}

/**
 * The database is unreachable, or failed in a way the driver calls transient even after its
 * retries: from a client's point of view the service is unavailable and worth retrying later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isDatabaseUnreachable(error) || asNeo4jError(error)?.retriable === true;
}

/** All transactions together reached Neo4j's memory limit for transactions (`dbms.memory.transaction.total.max`). */
const MEMORY_POOL_FULL = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

/**
 * What to tell a client whose request failed because the database is unavailable (see
 * isDatabaseUnavailable), in words that say which way; null when it is not unavailable.
 */
export function unavailableMessage(error: unknown): string | null {
  if (isDatabaseUnreachable(error)) return 'The graph database is not reachable right now; please retry shortly.';
  const e = asNeo4jError(error);
  if (e?.retriable !== true) return null;
  if (e.code === MEMORY_POOL_FULL) {
    return 'The graph database has no memory left for this request: the requests it is running use all it allows for transactions. Please retry shortly.';
  }
  return 'The graph database could not run this request right now (a transient failure, such as a conflict with another transaction); please retry shortly.';
}
