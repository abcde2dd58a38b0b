// What the HTTP layer answers outside GraphQL's own pipeline — a body that is not JSON, a body
// too large, an unknown path, an unexpected failure — always JSON in GraphQL's error shape,
// never Express's HTML page with a stack trace.
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

interface HttpError {
  status: number;
  code: string;
  message: string;
}

/** Written with Node's own response methods: the GraphQL route answers outside Express too. */
function send(res: ServerResponse, { status, code, message }: HttpError): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Express's body parsers mark their errors with `type` (body-parser's documented error types). */
function describe(error: unknown): HttpError | null {
  const e = error as { type?: unknown; status?: unknown; limit?: unknown } | null;
  switch (e?.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'BAD_REQUEST', message: `The request body is over the limit of ${String(e.limit)} bytes.` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'BAD_REQUEST', message: 'The request body must be UTF-8 JSON.' };
    case 'request.aborted':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted while its body was read.' };
    default:
      return typeof e?.status === 'number' && e.status >= 400 && e.status < 500
        ? { status: e.status, code: 'BAD_REQUEST', message: 'The request could not be read.' }
        : null;
  }
}

/**
 * Answers a request that failed before or outside GraphQL; false when the response had already
 * started, and can only be cut short.
 */
export function sendHttpError(res: ServerResponse, error: unknown, logger: Logger): boolean {
  if (res.headersSent) return false;
  const known = describe(error);
  if (!known) logger.error({ err: error }, 'request failed');
  send(res, known ?? { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' });
  return true;
}

export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (!sendHttpError(res, error, logger)) next(error);
  };
}

export const jsonNotFound: RequestHandler = (req, res) =>
  send(res, { status: 404, code: 'NOT_FOUND', message: `Nothing is served at ${req.method} ${req.path.slice(0, 200)}; GraphQL is at /graphql.` });
