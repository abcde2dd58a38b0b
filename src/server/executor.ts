// How Apollo Server runs an operation once it is parsed, validated and planned: graphql-js walks
// the document for every request, resolving each field through generic code; graphql-jit turns an
// operation into a JavaScript function once and runs that instead (the resolvers are the same).
// A document is compiled the second time it runs, so an operation sent once — or a stream of
// distinct ones — never pays for a compilation; compiled functions live as long as Apollo's
// document cache keeps the document (a WeakMap on the parsed document).
//
// Apollo Server takes a custom executor only through its gateway interface; nothing else of a
// gateway is used: the schema is this server's own, given once.
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Runs of a document by graphql-js before it is compiled (the default). */
export const COMPILE_AFTER_RUNS = 1;

interface DocumentRuns {
  runs: number;
  /** By operation name ('' for the only one); null: graphql-jit refused it, graphql-js runs it. */
  compiled: Map<string, CompiledQuery | null>;
}

export interface CompilingExecutor extends GatewayExecutor {
  /** Whether the operation of `document` runs compiled now (for tests). */
  isCompiled(document: DocumentNode, operationName: string | null): boolean;
}

/**
 * The executor: `execute` of graphql-js for the first `compileAfterRuns` runs of a document
 * (0: none; Infinity: always), its compiled function after. `schema` must be the schema Apollo
 * validates against, built with its resolvers.
 */
export function compilingExecutor(schema: GraphQLSchema, compileAfterRuns = COMPILE_AFTER_RUNS): CompilingExecutor {
  const documents = new WeakMap<DocumentNode, DocumentRuns>();

  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let seen = documents.get(document);
    if (!seen) documents.set(document, (seen = { runs: 0, compiled: new Map() }));
    if (seen.runs++ < compileAfterRuns) return null;
    const key = operationName ?? '';
    if (!seen.compiled.has(key)) {
      // Errors are the resolvers' own; their stacks are never sent, so none is captured for them.
      const compiled = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      seen.compiled.set(key, isCompiledQuery(compiled) ? compiled : null);
    }
    return seen.compiled.get(key) ?? null;
  };

  const executor = async (request: GatewayGraphQLRequestContext) => {
    const { document, operation, operationName, context } = request;
    const variables = request.request.variables ?? {};
    const compiled = compiledFor(document, operationName);
    if (!compiled) return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    const result = await compiled.query(undefined, context, variables);
    // graphql-jit answers variables that do not coerce with errors and no data, in messages that
    // lack the variable's location Apollo needs to answer 400 BAD_USER_INPUT: only then are they
    // coerced again by graphql-js, for its errors (on every request, the work would be done twice).
    if (result.data === undefined) {
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors };
    }
    return asGraphQLJsErrors(result);
  };
  return Object.assign(executor, {
    isCompiled: (document: DocumentNode, operationName: string | null) => documents.get(document)?.compiled.get(operationName ?? '') != null,
  });
}

/**
 * graphql-jit's errors leave `extensions` undefined when the resolver's error had none, where
 * graphql-js gives `{}` and Apollo (which adds the code there) expects an object: they become
 * graphql-js errors, with the same message, path, locations and cause.
 */
function asGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError, extensions: e.extensions });
    return Object.assign(error, { locations: e.locations });
  });
  return { ...result, errors };
}

/** The gateway Apollo Server needs to run operations with `executor` over `schema`. */
export function executorGateway(schema: GraphQLSchema, sdl: string, executor: GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
