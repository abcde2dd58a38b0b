// Reports how many Cypher statements a request cost, as `extensions.cypherRoundTrips` of the
// response: clients and benchmarks can see that the cost follows the query's depth.
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from '../../api/context.ts';

export function roundTripsPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cypherRoundTrips: contextValue.roundTrips.count };
        },
      };
    },
  };
}
