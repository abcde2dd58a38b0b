/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The four kinds of entity vnkg extracts. */
export type EntityKind =
  /** A province, district, commune, region or the country. */
  | 'ADMINISTRATIVE_UNIT'
  /** A campaign, movement, emulation movement, fund or program. */
  | 'CAMPAIGN'
  /** A party, front, state, mass, enterprise or military/police body. */
  | 'ORGANIZATION'
  /** A person named in the article, with their role. */
  | 'PERSON';

/** How the article qualifies a figure's value. */
export type Qualifier =
  /** `khoảng`, `xấp xỉ`, `ước`: about the value. */
  | 'ABOUT'
  /** The value as stated. */
  | 'EXACT'
  /** `dưới`: less than the value. */
  | 'LESS_THAN'
  /** `hơn`, `trên`: more than the value. */
  | 'MORE_THAN'
  /** `gần`: nearly the value. */
  | 'NEARLY';

export type FiguresAboutPlaceQueryVariables = Exact<{
  text: string;
}>;


export type FiguresAboutPlaceQuery = { __typename: 'Query', search: { __typename: 'SearchConnection', edges: Array<{ __typename: 'SearchEdge', score: number, node:
        | { __typename: 'AdministrativeUnit', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', id: string, value: number, unit: string, qualifier: Qualifier, period: string | null, quote: string, sentence: { __typename: 'Sentence', id: string, text: string }, article: { __typename: 'Article', id: string, title: string, publishedAt: string | null } } }> } }
        | { __typename: 'Campaign', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', id: string, value: number, unit: string, qualifier: Qualifier, period: string | null, quote: string, sentence: { __typename: 'Sentence', id: string, text: string }, article: { __typename: 'Article', id: string, title: string, publishedAt: string | null } } }> } }
        | { __typename: 'Organization', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', id: string, value: number, unit: string, qualifier: Qualifier, period: string | null, quote: string, sentence: { __typename: 'Sentence', id: string, text: string }, article: { __typename: 'Article', id: string, title: string, publishedAt: string | null } } }> } }
        | { __typename: 'Person', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', id: string, value: number, unit: string, qualifier: Qualifier, period: string | null, quote: string, sentence: { __typename: 'Sentence', id: string, text: string }, article: { __typename: 'Article', id: string, title: string, publishedAt: string | null } } }> } }
       }> } };

export type OrganizationsOfPlaceQueryVariables = Exact<{
  text: string;
}>;


export type OrganizationsOfPlaceQuery = { __typename: 'Query', search: { __typename: 'SearchConnection', edges: Array<{ __typename: 'SearchEdge', node:
        | { __typename: 'AdministrativeUnit', id: string, name: string, organizations: { __typename: 'OrganizationConnection', totalCount: number, edges: Array<{ __typename: 'OrganizationEdge', node: { __typename: 'Organization', id: string, name: string, subtype: string, campaigns: { __typename: 'CampaignConnection', edges: Array<{ __typename: 'CampaignEdge', node: { __typename: 'Campaign', id: string, name: string, subtype: string } }> } } }> } }
        | { __typename: 'Campaign', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string }
        | { __typename: 'Person', id: string, name: string }
       }> } };

export type EntitiesPageQueryVariables = Exact<{
  kind?: EntityKind | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type EntitiesPageQuery = { __typename: 'Query', entities: { __typename: 'EntityConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'EntityEdge', cursor: string, node:
        | { __typename: 'AdministrativeUnit', id: string, kind: EntityKind, subtype: string, name: string }
        | { __typename: 'Campaign', id: string, kind: EntityKind, subtype: string, name: string }
        | { __typename: 'Organization', id: string, kind: EntityKind, subtype: string, name: string }
        | { __typename: 'Person', id: string, kind: EntityKind, subtype: string, name: string }
       }> } };

export type CachePlaceBySearchQueryVariables = Exact<{
  text: string;
}>;


export type CachePlaceBySearchQuery = { __typename: 'Query', search: { __typename: 'SearchConnection', edges: Array<{ __typename: 'SearchEdge', score: number, node:
        | { __typename: 'AdministrativeUnit', subtype: string, id: string, name: string, kind: EntityKind }
        | { __typename: 'Campaign', id: string, name: string, kind: EntityKind }
        | { __typename: 'Organization', id: string, name: string, kind: EntityKind }
        | { __typename: 'Person', id: string, name: string, kind: EntityKind }
       }> } };

export type CacheOrganizationsWithPlacesQueryVariables = Exact<{
  first: number;
}>;


export type CacheOrganizationsWithPlacesQuery = { __typename: 'Query', organizations: { __typename: 'EntityConnection', totalCount: number, edges: Array<{ __typename: 'EntityEdge', node:
        | { __typename: 'AdministrativeUnit', id: string, name: string }
        | { __typename: 'Campaign', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string, locatedIn: { __typename: 'AdministrativeUnitConnection', edges: Array<{ __typename: 'AdministrativeUnitEdge', node: { __typename: 'AdministrativeUnit', id: string, name: string, subtype: string } }> } }
        | { __typename: 'Person', id: string, name: string }
       }> } };

export type CacheNodeAsEntityQueryVariables = Exact<{
  id: string | number;
}>;


export type CacheNodeAsEntityQuery = { __typename: 'Query', node:
    | { __typename: 'AdministrativeUnit', name: string, kind: EntityKind, id: string }
    | { __typename: 'Article', id: string }
    | { __typename: 'Campaign', name: string, kind: EntityKind, id: string }
    | { __typename: 'Evidence', id: string }
    | { __typename: 'Figure', id: string }
    | { __typename: 'FigureMention', id: string }
    | { __typename: 'Mention', id: string }
    | { __typename: 'Organization', name: string, kind: EntityKind, id: string }
    | { __typename: 'Person', name: string, kind: EntityKind, id: string }
    | { __typename: 'Relation', id: string }
    | { __typename: 'Sentence', id: string }
   | null };

type CacheEntityName_AdministrativeUnit_Fragment = { __typename: 'AdministrativeUnit', id: string, name: string };

type CacheEntityName_Campaign_Fragment = { __typename: 'Campaign', id: string, name: string };

type CacheEntityName_Organization_Fragment = { __typename: 'Organization', id: string, name: string };

type CacheEntityName_Person_Fragment = { __typename: 'Person', id: string, name: string };

export type CacheEntityNameFragment =
  | CacheEntityName_AdministrativeUnit_Fragment
  | CacheEntityName_Campaign_Fragment
  | CacheEntityName_Organization_Fragment
  | CacheEntityName_Person_Fragment
;

export type LaoCaiQueryVariables = Exact<{ [key: string]: never; }>;


export type LaoCaiQuery = { __typename: 'Query', search: { __typename: 'SearchConnection', edges: Array<{ __typename: 'SearchEdge', node:
        | { __typename: 'AdministrativeUnit', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', value: number, unit: string, quote: string } }> } }
        | { __typename: 'Campaign', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', value: number, unit: string, quote: string } }> } }
        | { __typename: 'Organization', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', value: number, unit: string, quote: string } }> } }
        | { __typename: 'Person', id: string, name: string, figures: { __typename: 'FigureConnection', totalCount: number, edges: Array<{ __typename: 'FigureEdge', node: { __typename: 'Figure', value: number, unit: string, quote: string } }> } }
       }> } };

export const CacheEntityNameFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CacheEntityName"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<CacheEntityNameFragment, unknown>;
export const FiguresAboutPlaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FiguresAboutPlace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"ADMINISTRATIVE_UNIT"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"qualifier"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"sentence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"article"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FiguresAboutPlaceQuery, FiguresAboutPlaceQueryVariables>;
export const OrganizationsOfPlaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationsOfPlace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"ADMINISTRATIVE_UNIT"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdministrativeUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subtype"}},{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subtype"}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationsOfPlaceQuery, OrganizationsOfPlaceQueryVariables>;
export const EntitiesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EntitiesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EntityKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subtype"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EntitiesPageQuery, EntitiesPageQueryVariables>;
export const CachePlaceBySearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CachePlaceBySearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"ADMINISTRATIVE_UNIT"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AdministrativeUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subtype"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CachePlaceBySearchQuery, CachePlaceBySearchQueryVariables>;
export const CacheOrganizationsWithPlacesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CacheOrganizationsWithPlaces"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locatedIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subtype"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CacheOrganizationsWithPlacesQuery, CacheOrganizationsWithPlacesQueryVariables>;
export const CacheNodeAsEntityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CacheNodeAsEntity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<CacheNodeAsEntityQuery, CacheNodeAsEntityQueryVariables>;
export const LaoCaiDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaoCai"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"text"},"value":{"kind":"StringValue","value":"lao cai","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"ADMINISTRATIVE_UNIT"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LaoCaiQuery, LaoCaiQueryVariables>;