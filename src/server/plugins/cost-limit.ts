// Refuses an operation whose cost (src/api/cost.ts: pages multiplied down the tree, aliases
// added, scans weighed, variables' values included) is over the limit, before any resolver runs.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { operationCost } from '../../api/cost.ts';
import { ErrorCode } from '../../api/errors.ts';

/**
 * `schema` is built by the caller from the same `graphql` module as cost.ts: Apollo's own schema
 * object may come from another copy of graphql (ESM and CJS builds), whose types cost.ts's
 * helpers would refuse.
 */
export function costLimitPlugin<C extends BaseContext>(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return; // Apollo has already reported the missing operation
          const cost = operationCost(schema, document, operation, request.variables)?.cost;
          if (cost === undefined || cost <= maxCost) return;
          throw new GraphQLError(
            `The operation's cost of ${cost} is over the limit of ${maxCost}: ask for smaller pages (first), ` +
              'fewer nested lists or fewer aliases.',
            { extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost, maxCost, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
