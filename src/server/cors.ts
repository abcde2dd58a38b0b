// Browser apps on other origins: CORS for the origins VNKG_CORS_ORIGINS lists (none by default),
// and the one exception to Apollo's CSRF prevention that their GET queries need.
import cors from 'cors';
import type { RequestHandler } from 'express';
import type { CorsOrigins } from '../config/index.ts';

/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Preflights are answered (204) on every path — /graphql, /export, /health — but only an
 * allowed origin gets `Access-Control-Allow-Origin`, so the browser lets only it read the
 * answer. No credentials: the API key travels in a header, never in a cookie.
 */
export function corsMiddleware(origins: CorsOrigins): RequestHandler {
  return cors({
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    // Retry-After on a 503; Content-Disposition names an export's file.
    exposedHeaders: ['Retry-After', 'Content-Disposition', 'X-Vnkg-Truncated'],
    maxAge: PREFLIGHT_MAX_AGE,
  });
}

export const isAllowedOrigin = (origins: CorsOrigins, origin: string | undefined): boolean =>
  origin !== undefined && (origins === '*' ? origin !== 'null' : origins.includes(origin));

/**
 * Apollo refuses a GET query that carries neither a non-simple Content-Type nor
 * `apollo-require-preflight`, since a page on any site can make a browser send such a request
 * (an <img>, a form). urql sends its queries exactly so. A browser sets `Origin` itself and
 * no page can forge it, so a GET whose `Origin` is one the operator allowed is not such a
 * request: it is marked as Apollo's header would mark it. Requests from other origins, or
 * with no `Origin` (navigations, images), still meet the CSRF check; GET never runs mutations.
 */
export function allowedOriginGets(origins: CorsOrigins): RequestHandler {
  return (req, _res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && isAllowedOrigin(origins, req.headers.origin)) {
      req.headers['apollo-require-preflight'] = 'true';
    }
    next();
  };
}
