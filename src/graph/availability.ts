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
