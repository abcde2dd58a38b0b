import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Neo4jError } from 'neo4j-driver';

/** Error codes a client can switch on (`errors[].extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export const badUserInput = (message: string, argument?: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });

export const notFound = (what: string, id: string) =>
  new GraphQLError(`No ${what} has the id "${id}".`, { extensions: { code: ErrorCode.NOT_FOUND, id } });

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: the driver's errors may come from another copy of neo4j-driver-core.
  const e = error as Partial<Neo4jError> | null;
  return typeof e?.code === 'string' && e.name === 'Neo4jError' && (UNAVAILABLE_CODES.has(e.code) || e.retriable === true);
}

/** The error a resolver threw, under GraphQL's wrapping (duck-typed: graphql may be loaded twice). */
function rootCause(error: unknown): unknown {
  let e = error as { originalError?: unknown } | null;
  while (e && typeof e === 'object' && e.originalError) e = e.originalError as { originalError?: unknown };
  return e;
}

/**
 * Shapes every error the API returns: errors raised on purpose keep their code; a database
 * outage becomes SERVICE_UNAVAILABLE; anything else is reported without internals.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void,
): GraphQLFormattedError {
  const original = rootCause(error);
  if (isDatabaseUnavailable(original)) {
    return {
      ...formatted,
      message: 'The graph database is not reachable right now; please retry shortly.',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  const code = formatted.extensions?.['code'];
  if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
    log(original);
    return { ...formatted, message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  return formatted;
}
