/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FiguresAboutPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          figures(first: 50) {\n            totalCount\n            edges {\n              node {\n                id\n                value\n                unit\n                qualifier\n                period\n                quote\n                sentence { id text }\n                article { id title publishedAt }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FiguresAboutPlaceDocument,
    "\n  query OrganizationsOfPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        node {\n          id\n          name\n          ... on AdministrativeUnit {\n            organizations(first: 50) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  subtype\n                  campaigns(first: 20) { edges { node { id name subtype } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganizationsOfPlaceDocument,
    "\n  query EntitiesPage($kind: EntityKind, $first: Int!, $after: String) {\n    entities(kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id kind subtype name }\n      }\n    }\n  }\n": typeof types.EntitiesPageDocument,
    "\n  query CachePlaceBySearch($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          kind\n          ... on AdministrativeUnit { subtype }\n        }\n      }\n    }\n  }\n": typeof types.CachePlaceBySearchDocument,
    "\n  query CacheOrganizationsWithPlaces($first: Int!) {\n    organizations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          ... on Organization {\n            locatedIn { edges { node { id name subtype } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CacheOrganizationsWithPlacesDocument,
    "\n  query CacheNodeAsEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity { name kind }\n    }\n  }\n": typeof types.CacheNodeAsEntityDocument,
    "\n  fragment CacheEntityName on Entity {\n    id\n    name\n  }\n": typeof types.CacheEntityNameFragmentDoc,
    "\n  query LaoCai {\n    search(text: \"lao cai\", kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges { node { id name figures(first: 5) { totalCount edges { node { value unit quote } } } } }\n    }\n  }\n": typeof types.LaoCaiDocument,
};
const documents: Documents = {
    "\n  query FiguresAboutPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          figures(first: 50) {\n            totalCount\n            edges {\n              node {\n                id\n                value\n                unit\n                qualifier\n                period\n                quote\n                sentence { id text }\n                article { id title publishedAt }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FiguresAboutPlaceDocument,
    "\n  query OrganizationsOfPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        node {\n          id\n          name\n          ... on AdministrativeUnit {\n            organizations(first: 50) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  subtype\n                  campaigns(first: 20) { edges { node { id name subtype } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OrganizationsOfPlaceDocument,
    "\n  query EntitiesPage($kind: EntityKind, $first: Int!, $after: String) {\n    entities(kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id kind subtype name }\n      }\n    }\n  }\n": types.EntitiesPageDocument,
    "\n  query CachePlaceBySearch($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          kind\n          ... on AdministrativeUnit { subtype }\n        }\n      }\n    }\n  }\n": types.CachePlaceBySearchDocument,
    "\n  query CacheOrganizationsWithPlaces($first: Int!) {\n    organizations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          ... on Organization {\n            locatedIn { edges { node { id name subtype } } }\n          }\n        }\n      }\n    }\n  }\n": types.CacheOrganizationsWithPlacesDocument,
    "\n  query CacheNodeAsEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity { name kind }\n    }\n  }\n": types.CacheNodeAsEntityDocument,
    "\n  fragment CacheEntityName on Entity {\n    id\n    name\n  }\n": types.CacheEntityNameFragmentDoc,
    "\n  query LaoCai {\n    search(text: \"lao cai\", kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges { node { id name figures(first: 5) { totalCount edges { node { value unit quote } } } } }\n    }\n  }\n": types.LaoCaiDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FiguresAboutPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          figures(first: 50) {\n            totalCount\n            edges {\n              node {\n                id\n                value\n                unit\n                qualifier\n                period\n                quote\n                sentence { id text }\n                article { id title publishedAt }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FiguresAboutPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          figures(first: 50) {\n            totalCount\n            edges {\n              node {\n                id\n                value\n                unit\n                qualifier\n                period\n                quote\n                sentence { id text }\n                article { id title publishedAt }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationsOfPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        node {\n          id\n          name\n          ... on AdministrativeUnit {\n            organizations(first: 50) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  subtype\n                  campaigns(first: 20) { edges { node { id name subtype } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationsOfPlace($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        node {\n          id\n          name\n          ... on AdministrativeUnit {\n            organizations(first: 50) {\n              totalCount\n              edges {\n                node {\n                  id\n                  name\n                  subtype\n                  campaigns(first: 20) { edges { node { id name subtype } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntitiesPage($kind: EntityKind, $first: Int!, $after: String) {\n    entities(kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id kind subtype name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EntitiesPage($kind: EntityKind, $first: Int!, $after: String) {\n    entities(kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id kind subtype name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CachePlaceBySearch($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          kind\n          ... on AdministrativeUnit { subtype }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CachePlaceBySearch($text: String!) {\n    search(text: $text, kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges {\n        score\n        node {\n          id\n          name\n          kind\n          ... on AdministrativeUnit { subtype }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheOrganizationsWithPlaces($first: Int!) {\n    organizations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          ... on Organization {\n            locatedIn { edges { node { id name subtype } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CacheOrganizationsWithPlaces($first: Int!) {\n    organizations(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          ... on Organization {\n            locatedIn { edges { node { id name subtype } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheNodeAsEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity { name kind }\n    }\n  }\n"): (typeof documents)["\n  query CacheNodeAsEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity { name kind }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheEntityName on Entity {\n    id\n    name\n  }\n"): (typeof documents)["\n  fragment CacheEntityName on Entity {\n    id\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaoCai {\n    search(text: \"lao cai\", kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges { node { id name figures(first: 5) { totalCount edges { node { value unit quote } } } } }\n    }\n  }\n"): (typeof documents)["\n  query LaoCai {\n    search(text: \"lao cai\", kind: ADMINISTRATIVE_UNIT, first: 1) {\n      edges { node { id name figures(first: 5) { totalCount edges { node { value unit quote } } } } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;