// GraphQL Armor: limits that reject abusive operations (deep nesting, alias floods, huge
// documents) before any resolver runs, with a coded error; the server keeps serving.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * The limits. Every query of the tests, the README, the example client and the IDE's examples
 * stays well inside them: the deepest (entities → edges → node → relations → edges → node →
 * evidence → edges → node → sentence → text) has depth 11; every list is a connection, so
 * each hop between objects costs three levels.
 * Introspection is exempt from depth (GraphiQL's schema query is deep by nature); the cost of an
 * operation (introspection included) is src/api/cost.ts's, which reads variables too.
 */
export const ARMOR_LIMITS = {
  /** Nesting of fields; fragments are followed but do not count as a level. */
  maxDepth: 20,
  /** Aliased fields per operation (`__typename` aliases are free). */
  maxAliases: 30,
  /** Directives per operation. */
  maxDirectives: 50,
  /** Lexical tokens per document (graphql-js's own parser limit); GraphiQL's introspection query has about 200. */
  maxTokens: 5_000,
} as const;

export interface ArmorProtection<C extends BaseContext> {
  plugins: ApolloServerPlugin<C>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
}

/**
 * The validation rules and plugins to give ApolloServer. Field suggestions ("Did you mean …?")
 * are masked when introspection is off, as they would otherwise leak the schema piecewise.
 */
export function armorProtection<C extends BaseContext>({ introspection }: { introspection: boolean }): ArmorProtection<C> {
  // Report a rejection as a validation error without armor's misleading "Syntax Error: " prefix.
  const reject = {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        ),
    ],
  };
  const armor = new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reject },
    // Armor's cost limit reads `first` only when it is a literal; src/api/cost.ts replaces it.
    costLimit: { enabled: false },
    maxAliases: { n: ARMOR_LIMITS.maxAliases, ...reject },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives, ...reject },
    // Armor's Apollo token plugin re-parses in parsingDidStart, where a thrown syntax error
    // becomes a 500; graphql-js's parser enforces the same limit as a GRAPHQL_PARSE_FAILED (400).
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !introspection },
  });
  const { plugins, validationRules } = armor.protect();
  // Armor's plugins never read the context, so they fit any context type.
  return {
    plugins: plugins as ApolloServerPlugin<C>[],
    validationRules,
    parseOptions: { maxTokens: ARMOR_LIMITS.maxTokens },
  };
}
