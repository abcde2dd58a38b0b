import { LocalDateResolver } from 'graphql-scalars';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { EntityView } from '../../graph/records.ts';
import { DateTimeScalar } from '../scalars.ts';
import { AdministrativeUnit, Campaign, Organization, Person } from './entity.ts';
import { ENTITY_TYPES } from '../../core/types.ts';
import { LISTS } from '../../graph/lists.ts';
import { servedCompiled } from '../compiled.ts';
import { ExploreQuery, exploreTypes } from './explore.ts';
import { nodeTypeName } from './node.ts';
import { Article, Evidence, Figure, FigureGroup, FigureMention, Mention, Relation, Sentence } from './provenance.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';

/** The resolvers of the list fields the compiler reads (graph/lists.ts), serving what it read. */
function servingCompiledLists(resolvers: Resolvers): Resolvers {
  const served: Record<string, Record<string, unknown>> = { ...(resolvers as Record<string, Record<string, unknown>>) };
  for (const name of Object.keys(LISTS)) {
    const [owner, field] = name.split('.') as [string, string];
    for (const type of owner === 'Entity' ? ENTITY_TYPES : [owner]) {
      const resolve = served[type]?.[field];
      if (typeof resolve !== 'function') throw new Error(`No resolver for ${type}.${field}, a list of graph/lists.ts`);
      served[type] = { ...served[type], [field]: servedCompiled(resolve as never) };
    }
  }
  return served as Resolvers;
}

export const resolvers: Resolvers = servingCompiledLists({
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
});
