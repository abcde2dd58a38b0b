// The operations of the example client. `npm run codegen` reads every graphql() call here (and in
// tests/clients/) and generates a TypedDocumentNode for it in src/generated/client/, so the
// result and variable types of each query follow schema.graphql and the selection below.
import { graphql } from '../../src/generated/client/index.js';

/** The figures about an administrative unit found by name, with the sentence and article that state them. */
export const FiguresAboutPlace = graphql(`
  query FiguresAboutPlace($text: String!) {
    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {
      edges {
        score
        node {
          id
          name
          figures(first: 50) {
            totalCount
            edges {
              node {
                id
                value
                unit
                qualifier
                period
                quote
                sentence { id text }
                article { id title publishedAt }
              }
            }
          }
        }
      }
    }
  }
`);

/** The organizations located in an administrative unit found by name, and the campaigns each runs. */
export const OrganizationsOfPlace = graphql(`
  query OrganizationsOfPlace($text: String!) {
    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {
      edges {
        node {
          id
          name
          ... on AdministrativeUnit {
            organizations(first: 50) {
              totalCount
              edges {
                node {
                  id
                  name
                  subtype
                  campaigns(first: 20) { edges { node { id name subtype } } }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** One page of entities (optionally of one kind), sorted by name; pass `endCursor` as `after` for the next. */
export const EntitiesPage = graphql(`
  query EntitiesPage($kind: EntityKind, $first: Int!, $after: String) {
    entities(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id kind subtype name }
      }
    }
  }
`);
