// Type definitions for @neo4j/graphql (v7) over the graph vnkg writes (docs/graph-model.md):
// the same labels, properties and relationship types, so the library generates its Cypher
// against exactly the data vnkg serves. One `Entity` type stands for every kind of entity (the
// kind is the `type` property, as in vnkg's records); one relationship field per relationship
// type and direction, since a @relationship field has exactly one type and the library refuses two
// fields with the same type and direction (so no extra `queryDirection: UNDIRECTED` field either).
import { RELATION_TYPES } from '../../src/core/types.ts';

/** The relation types between entities: the extracted ones plus the gazetteer's SUCCEEDED_BY. */
export const PEER_RELATION_TYPES: readonly string[] = [...RELATION_TYPES, 'SUCCEEDED_BY'];

const camel = (type: string) => type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const pascal = (type: string) => camel(type).replace(/^./, (c) => c.toUpperCase());

/** The field of `Entity` that follows relationship `type` out of (or into) the entity. */
export const outField = (type: string) => `out${pascal(type)}`;
export const inField = (type: string) => `in${pascal(type)}`;

const relationFields = PEER_RELATION_TYPES.flatMap((type) => [
  `  ${outField(type)}: [Entity!]! @relationship(type: "${type}", direction: OUT, properties: "EntityRelation")`,
  `  ${inField(type)}: [Entity!]! @relationship(type: "${type}", direction: IN, properties: "EntityRelation")`,
]).join('\n');

export const PEER_TYPE_DEFS = /* GraphQL */ `
type MentionSpans @relationshipProperties {
  starts: [Int!]!
  ends: [Int!]!
}

type EntityRelation @relationshipProperties {
  evidence: [String!]
}

type AboutProperties @relationshipProperties {
  rank: Int
}

type Entity @node(labels: ["Entity"]) @fulltext(indexes: [{ indexName: "entity_names", queryName: "searchEntities", fields: ["searchText"] }]) {
  id: ID!
  type: String!
  subtype: String!
  name: String!
  aliases: [String!]
  searchText: String
  code: String
  level: String
${relationFields}
  figures: [Figure!]! @relationship(type: "ABOUT", direction: IN, properties: "AboutProperties")
  "The articles that name the entity, each with its spans (graph format 5 keeps mentions as relationship properties)."
  mentionedIn: [Article!]! @relationship(type: "MENTIONS", direction: IN, properties: "MentionSpans")
  "The number of spans, which no generated field can sum: a @cypher field, as a user of the library would write."
  mentionTotal: Int! @cypher(statement: "RETURN reduce(t = 0, r IN COLLECT { MATCH (this)<-[r:MENTIONS]-() RETURN r } | t + size(r.starts)) AS v", columnName: "v")
}

type Figure @node(labels: ["Figure"]) {
  id: ID!
  articleId: String!
  value: Float!
  unit: String!
  qualifier: String!
  period: String
  quote: String!
  start: Int!
  end: Int!
  subjects: [Entity!]! @relationship(type: "ABOUT", direction: OUT, properties: "AboutProperties")
}

type Article @node(labels: ["Article"]) {
  id: ID!
  title: String!
  publishedAt: DateTime
  "The library projects DateTime values with APOC (apoc.date.convertFormat), which the embedded Neo4j does not have: read the text instead."
  publishedAtText: String @cypher(statement: "RETURN toString(this.publishedAt) AS v", columnName: "v")
  url: String
  text: String!
  entities: [Entity!]! @relationship(type: "MENTIONS", direction: OUT)
}
`;
