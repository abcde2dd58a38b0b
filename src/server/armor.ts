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
 * Introspection is exempt from depth and cost (GraphiQL's schema query is deep by nature).
 */
export const ARMOR_LIMITS = {
  /** Nesting of fields; fragments are followed but do not count as a level. */
  maxDepth: 20,
  /**
   * Fields weighted by depth (object 2, scalar 1, × `depthCostFactor` per level), times a literal
   * `first`. A page of 100 entities with their relations, figures and mentions (the fan-out
   * query of tests/api/round-trips.test.ts) costs about 10,000; 50 organizations with 20
   * campaigns each about 25,000.
   */
  maxCost: 100_000,
  /**
   * Armor's default is 1.5. Every list here is a connection, which spends three levels
   * (connection, edges, node) on one hop between objects: at 1.5 a hop would cost 3.4× before
   * its page size, which `first` already multiplies in.
   */
  depthCostFactor: 1.2,
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
    costLimit: {
      maxCost: ARMOR_LIMITS.maxCost,
      depthCostFactor: ARMOR_LIMITS.depthCostFactor,
      ignoreIntrospection: true, flattenFragments: true, ...reject },
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
