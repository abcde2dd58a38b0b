// A response whose errors say the database is unreachable is a 503 with Retry-After, so HTTP
// clients, load balancers and supervisors see the outage without reading GraphQL errors.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../../api/errors.ts';

/** Seconds a client is asked to wait before retrying while Neo4j is unreachable or restarting. */
export const RETRY_AFTER_SECONDS = 5;

export function httpStatusPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!errors?.some((e) => e.extensions?.['code'] === ErrorCode.SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
