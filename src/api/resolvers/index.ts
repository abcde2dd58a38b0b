import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { EntityRecord } from '../../graph/records.ts';
import { AdministrativeUnit, Campaign, Organization, Person } from './entity.ts';
import { nodeTypeName } from './node.ts';
import { Article, Evidence, Figure, Mention, Relation, Sentence } from './provenance.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query,
  Mutation,
  Node: { __resolveType: (record) => nodeTypeName(record) as never },
  Entity: { __resolveType: (record: EntityRecord) => record.type },
  AdministrativeUnit,
  Organization,
  Campaign,
  Person,
  Article,
  Sentence,
  Mention,
  Figure,
  Relation,
  Evidence,
};
