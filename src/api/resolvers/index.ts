import { LocalDateResolver } from 'graphql-scalars';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { EntityView } from '../../graph/records.ts';
import { DateTimeScalar } from '../scalars.ts';
import { AdministrativeUnit, Campaign, Organization, Person } from './entity.ts';
import { ExploreQuery, exploreTypes } from './explore.ts';
import { nodeTypeName } from './node.ts';
import { Article, Evidence, Figure, FigureGroup, FigureMention, Mention, Relation, Sentence } from './provenance.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  LocalDate: LocalDateResolver,
  Query: { ...Query, ...ExploreQuery },
  Mutation,
  Node: { __resolveType: (record) => nodeTypeName(record) as never },
  Entity: { __resolveType: (record: EntityView) => record.type },
  AdministrativeUnit,
  Organization,
  Campaign,
  Person,
  Article,
  Sentence,
  Mention,
  Figure,
  FigureMention,
  FigureGroup,
  Relation,
  Evidence,
  ...exploreTypes,
};
