// Two guards on what the GraphQL endpoint accepts and sends: only the operation types the
// schema has, and no response body over the configured size.
import { GraphQLError, type FormattedExecutionResult, type ValidationRule } from 'graphql';
import { ErrorCode } from '../api/errors.ts';

/**
 * graphql-js validates `subscription { __typename }` against a schema without subscriptions
 * and only fails at execution, as an internal error; this makes it a validation error.
 */
export const OnlySupportedOperations: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() }[
      node.operation
    ];
    if (!root) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: [node] }));
    }
  },
});

/**
 * The response as JSON, or, past `maxBytes`, an error that says so: the cost limit bounds the
 * number of values, this bounds their size (long article texts).
 */
export function boundedJson(result: FormattedExecutionResult, maxBytes: number): string {
  const json = JSON.stringify(result);
  // A UTF-16 code unit takes at most 3 bytes of UTF-8: skip the byte count when it cannot matter.
  if (json.length * 3 <= maxBytes || Buffer.byteLength(json) <= maxBytes) return json;
  return JSON.stringify({
    errors: [
      {
        message: `The response is over the limit of ${maxBytes} bytes; ask for fewer or smaller fields (e.g. article text).`,
        extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes },
      },
    ],
  });
}
