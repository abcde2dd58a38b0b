// POST /graphql, the API's hot path, answered without Express. Express's router, its request and
// response objects and the ETag it hashes every body for cost about 0.2 ms of Node CPU per
// request, as much as Apollo's whole pipeline for a query that reads nothing
// (`npx tsx bench/api/fixed-cost.ts`). The middleware is the Express app's, run in the same order
// — compression, CORS, the JSON body parser — then Apollo, exactly as its Express integration
// hands a request over. Every other request, and any other path under /graphql, goes to Express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** A Connect-style middleware (compression, cors and body-parser are written for Node's own objects). */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface GraphQLPostOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** Run in order before Apollo; the body parser last, so `req.body` holds the parsed JSON. */
  middleware: readonly Middleware[];
  context: (req: IncomingMessage) => Promise<Context>;
  /** Answers a request that failed outside GraphQL's pipeline (a body that is not JSON, too large …). */
  fail: (res: ServerResponse, error: unknown) => void;
}

/** Whether the fast route serves the request: POST to exactly /graphql, with or without a query string. */
export const isGraphQLPost = (req: IncomingMessage): boolean =>
  req.method === 'POST' && (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true);

export function graphqlPostHandler<Context extends BaseContext>(options: GraphQLPostOptions<Context>) {
  const { apollo, middleware, context, fail } = options;

  async function execute(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url!.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url!.slice(query), body: req.body },
      context: () => context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Encoded once: its length is the header, and the socket writes the bytes as they are.
      // Compression drops the length when it compresses; otherwise the body is sent in one piece.
      const body = Buffer.from(response.body.string, 'utf8');
      res.setHeader('content-length', body.length);
      res.end(body);
      return;
    }
    // Incremental delivery: each part is flushed through compression as it comes.
    const flushable = res as ServerResponse & { flush?: () => void };
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      flushable.flush?.();
    }
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    let next = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined) return fail(res, error);
      const middlewareHere = middleware[next++];
      try {
        if (middlewareHere) middlewareHere(req, res, step);
        else execute(req, res).catch((e: unknown) => fail(res, e));
      } catch (e) {
        fail(res, e);
      }
    };
    step();
  };
}
