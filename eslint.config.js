// `npm run lint` (run by .ci/run): the TypeScript with typescript-eslint, type-aware, for code
// nothing uses and promises nobody awaits; and the API contract, schema.graphql, with
// @graphql-eslint, from its schema-all and relay presets. Every rule switched off or configured
// below says why.
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['src/generated/**', 'node_modules/**', 'neo4j/**', 'test-artifacts/**', 'dist/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An unused import, variable or parameter is dead code or a mistake; `_` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A promise nobody awaits loses its error; `void` says it is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a boolean or a callback returning void is expected is a bug.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['schema.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-all'].rules,
      ...graphql.configs['flat/schema-relay'].rules,

      // Every type, field, argument and enum value is described, not only types and root fields:
      // the descriptions are the API's documentation (GraphiQL's docs pane shows them).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],

      // Global ids are `id: ID!`; types that are not refetchable objects carry none by nature:
      // connections, edges, payloads, PageInfo, and values that exist only inside their parent
      // (a search hit, an evidence span, a group of figures, an exploration result and its options).
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            types: ['PageInfo', 'SearchHit', 'Evidence', 'FigureGroup', 'Graph', 'GraphOptions'],
            suffixes: ['Connection', 'Edge', 'Payload'],
          },
        },
      ],

      // Connections page both ways (`first`/`after` and `last`/`before`); lists that are
      // bounded by nature (an entity's aliases, a sentence's mentions) are plain lists, so only
      // the `edges` of a connection have to be edge types.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
      '@graphql-eslint/relay-edge-types': [
        'error',
        { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
      ],

      // One-line descriptions are "inline", multi-line ones """block""": a convention the rule,
      // which wants a single style everywhere, cannot express.
      '@graphql-eslint/description-style': 'off',
      // Types and fields are ordered for reading (id, kind, name, then relations), not by name.
      '@graphql-eslint/alphabetize': 'off',
      // The mutations are part of the API (enabled by VNKG_API_KEY), not an accident.
      '@graphql-eslint/no-root-type': 'off',
      // `deleteArticle(id:)` takes the id alone; an input object for one ID adds nothing.
      '@graphql-eslint/input-name': 'off',
      // Payloads return what was written (the article); clients refetch through Query as needed.
      '@graphql-eslint/require-field-of-type-query-in-mutation-result': 'off',
      // Lookups by id (node, article, entity) are nullable; lists and connections at the root are
      // non-null by design: an empty result is an empty list, and a failure (database down) fails
      // the whole operation with SERVICE_UNAVAILABLE anyway.
      '@graphql-eslint/require-nullable-result-in-root': 'off',
    },
  },
];
