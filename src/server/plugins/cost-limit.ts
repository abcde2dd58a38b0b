// Plans the operation's compiled root fields (api/plan.ts) for the resolvers, then refuses it when
// its cost (api/cost.ts: pages multiplied down the tree, aliases added, scans weighed, variables'
// values included), weighed on that plan, is over the limit, before any resolver runs. The pages
// the limit weighs are the pages the statements read: the two cannot disagree. Plan and cost
// depend only on the document, the operation and the variables, so a repeat reuses them.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ApiContext } from '../../api/context.ts';
import { coercedVariables, costWithVariables } from '../../api/cost.ts';
import { ErrorCode } from '../../api/errors.ts';
import { planOperation, type OperationPlan } from '../../api/plan.ts';

type VariableValues = Record<string, unknown>;

/** What the plugin works out for one operation and its variables. */
interface Weighed {
  plan: OperationPlan | undefined;
  cost: number;
}

/** Variable sets remembered per document, and the longest key kept: a plan is small, a key may not be. */
const MAX_REMEMBERED_PER_DOCUMENT = 100;
const MAX_KEY_LENGTH = 4_096;

const fragmentsOf = (document: DocumentNode): Record<string, FragmentDefinitionNode> =>
  Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));

/**
 * `schema` is built by the caller from the same `graphql` module as cost.ts: Apollo's own schema
 * object may come from another copy of graphql (ESM and CJS builds), whose types cost.ts's
 * helpers would refuse.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<ApiContext> {
  // A client sends the same few operations with the same few variables again and again: each is
  // planned and weighed once, kept as long as Apollo's document cache keeps its document.
  const remembered = new WeakMap<DocumentNode, Map<string, Weighed>>();

  const weigh = (document: DocumentNode, operation: OperationDefinitionNode, rawVariables: VariableValues | undefined, ctx: ApiContext) => {
    const variables = coercedVariables(schema, operation, rawVariables);
    if (!variables) return null; // execution refuses them, with the precise message
    let plan: OperationPlan | undefined;
    if (ctx.compileSelections) {
      plan = planOperation({ schema, variables, fragments: fragmentsOf(document), maxPageSize: ctx.maxPageSize }, operation);
    }
    return { plan, cost: costWithVariables(schema, document, operation, variables, plan ?? null).cost };
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return; // Apollo has already reported the missing operation
          // Mutations are not remembered: they plan nothing, and their variables may be whole articles.
          const key =
            operation.operation === 'query'
              ? JSON.stringify([operation.name?.value ?? null, contextValue.compileSelections, contextValue.maxPageSize, request.variables ?? null])
              : null;
          let byVariables = remembered.get(document);
          let weighed = (key !== null && byVariables?.get(key)) || null;
          if (!weighed) {
            weighed = weigh(document, operation, request.variables, contextValue);
            if (!weighed) return;
            if (key !== null && key.length <= MAX_KEY_LENGTH) {
              if (!byVariables) remembered.set(document, (byVariables = new Map()));
              if (byVariables.size >= MAX_REMEMBERED_PER_DOCUMENT) byVariables.clear();
              byVariables.set(key, weighed);
            }
          }
          if (weighed.plan) contextValue.operationPlan = weighed.plan;
          const { cost } = weighed;
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
