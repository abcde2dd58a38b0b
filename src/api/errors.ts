import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Neo4jError } from 'neo4j-driver';
import { unavailableMessage } from '../graph/availability.ts';
import { DeadlineExceededError } from '../graph/database.ts';

/** Error codes a client can switch on (`errors[].extensions.code`). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  BAD_REQUEST: 'BAD_REQUEST',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export const badUserInput = (message: string, argument?: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });

export const notFound = (what: string, id: string) =>
  new GraphQLError(`No ${what} has the id "${id}".`, { extensions: { code: ErrorCode.NOT_FOUND, id } });

/** The request's deadline passed, on our side or as the server's transaction timeout. */
function timedOut(error: unknown): { timeoutMs?: number } | null {
  if (error instanceof DeadlineExceededError) return { timeoutMs: error.timeoutMs };
  const e = error as Partial<Neo4jError> | null;
  return typeof e?.code === 'string' && e.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ? {} : null;
}

/**
 * An error about the request itself, not a failure of ours: Apollo's own checks (persisted-query
 * version and hash) carry a 4xx status but no code; graphql-js's request errors (such as "Too
 * many errors processing variables") have neither a path (no resolver raised them) nor a cause.
 */
function isClientRequestError(error: unknown): boolean {
  const e = error as { extensions?: { http?: { status?: unknown } }; path?: unknown; originalError?: unknown; locations?: unknown } | null;
  const status = e?.extensions?.http?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return true;
  return error instanceof Error && error.name === 'GraphQLError' && e?.path === undefined && e?.originalError == null;
}

/**
 * Apollo's message for an automatic persisted query whose hash is not its text's: it comes with a
 * 400 but no code (Apollo then says INTERNAL_SERVER_ERROR), and a client that hashes wrongly
 * needs to tell it from other 400s. tests/api/rough-edges.test.ts fails if Apollo rewords it.
 */
const APQ_HASH_MISMATCH = 'provided sha does not match query';

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
  const unavailable = unavailableMessage(original);
  if (unavailable) return { ...formatted, message: unavailable, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  const timeout = timedOut(original);
  if (timeout) {
    return {
      ...formatted,
      message: 'The request took longer than its time limit and was cancelled; ask for less (smaller pages, fewer fields).',
      extensions: { code: ErrorCode.REQUEST_TIMEOUT, ...timeout },
    };
  }
  const code = formatted.extensions?.['code'];
  if ((code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) && formatted.message === APQ_HASH_MISMATCH) {
    return {
      ...formatted,
      message: 'The persisted query\'s sha256Hash is not the SHA-256 of its query text; send the hash of the exact text.',
      extensions: { ...formatted.extensions, code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH },
    };
  }
  if ((code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) && isClientRequestError(original)) {
    // Apollo's own request checks (persisted-query version and hash) carry a 4xx but no code.
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } };
  }
  if (code === ErrorCode.INTERNAL_SERVER_ERROR || code === undefined) {
    log(original);
    return { ...formatted, message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  return formatted;
}
