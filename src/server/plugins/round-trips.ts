// Reports how many Cypher statements a request cost, as `extensions.cypherRoundTrips` of the
// response: clients and benchmarks can see that the cost follows the query's depth. With
// VNKG_SHOW_CYPHER, `extensions.cypher` also holds each compiled statement and its parameters,
// ready to paste into Neo4j Browser (`:param` then the statement).
import type { ApolloServerPlugin } from '@apollo/server';
import neo4j from 'neo4j-driver';
import type { ApiContext } from '../../api/context.ts';

export function roundTripsPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cypherRoundTrips: contextValue.roundTrips.count };
          const statements = contextValue.compiledStatements;
          if (statements) {
            result.extensions.cypher = statements.map(({ name, cypher, params }) => ({
              name,
              statement: cypher,
              params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, neo4j.isInt(v) ? v.toNumber() : v])),
            }));
          }
        },
      };
    },
  };
}
