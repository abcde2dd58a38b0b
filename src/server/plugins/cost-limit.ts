// Plans the operation's compiled root fields (api/plan.ts) for the resolvers, then refuses it when
// its cost (api/cost.ts: pages multiplied down the tree, aliases added, scans weighed, variables'
// values included), weighed on that plan, is over the limit, before any resolver runs. The pages
// the limit weighs are the pages the statements read: the two cannot disagree.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import type { ApiContext } from '../../api/context.ts';
import { coercedVariables, costWithVariables } from '../../api/cost.ts';
import { ErrorCode } from '../../api/errors.ts';
import { planOperation } from '../../api/plan.ts';

const fragmentsOf = (document: DocumentNode): Record<string, FragmentDefinitionNode> =>
  Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));

/**
 * `schema` is built by the caller from the same `graphql` module as cost.ts: Apollo's own schema
 * object may come from another copy of graphql (ESM and CJS builds), whose types cost.ts's
 * helpers would refuse.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return; // Apollo has already reported the missing operation
          const variables = coercedVariables(schema, operation, request.variables);
          if (!variables) return; // execution refuses them, with the precise message
          if (contextValue.compileSelections) {
            const scope = { schema, variables, fragments: fragmentsOf(document), maxPageSize: contextValue.maxPageSize };
            contextValue.operationPlan = planOperation(scope, operation);
          }
          const { cost } = costWithVariables(schema, document, operation, variables, contextValue.operationPlan ?? null);
          if (cost <= maxCost) return;
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
