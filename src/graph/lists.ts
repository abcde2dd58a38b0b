// The lists of the graph that the API pages: for each, the rows in their stable order, their
// count, and the record of one row. One table serves both ways of reading a list: the batch
// reads behind the DataLoaders (`ownedPages`: one page per owner, for many owners) and the
// statements the compiler builds for a whole request (graph/compiler).
//
// Every fragment is built from constants and variable names the caller chooses; filter values are
// parameters the caller names (`FilterRefs`), never text from a request.
import { RELATION_TYPES } from '../core/types.ts';
import { relationId } from '../core/ids.ts';
import { pageParams, type GraphReader, type RoundTripCounter } from './database.ts';
import { figureMentionMap, mentionMap, sentenceMap, type Keep } from './provenance.ts';
import { articleRecord, entitySummary, figureRecord } from './projections.ts';
import type { GraphRelationType, OwnedPage, PageRequest } from './records.ts';

/** The relation types between entities: the extracted ones and the gazetteer's succession. */
export const ENTITY_RELATION_TYPES: readonly GraphRelationType[] = [...RELATION_TYPES, 'SUCCEEDED_BY'];

/** The same as a Cypher type expression, so patterns expand only these relationships. */
export const ENTITY_RELATIONS = ENTITY_RELATION_TYPES.join('|');

/**
 * How many evidence keys a relation read from a list carries: a page of the default maximum
 * size. Beyond it, `relationsByIds` reads the whole list.
 */
export const EVIDENCE_PREFIX = 100;

/** The kinds of node a list goes from and to. */
export type NodeKind = 'Entity' | 'Article' | 'Figure' | 'Mention' | 'Relation' | 'Sentence' | 'FigureMention';

/** Names of the Cypher variables a fragment binds: `v('m')` is unique to one use of a list. */
export type Names = (name: string) => string;

/** Parameter references (`$p3`) of a list's filter values, by filter name. */
export type FilterRefs = Record<string, string>;

export interface ListDefinition {
  owner: 'Entity' | 'Article' | 'Figure';
  item: NodeKind;
  /** The variable `rows` binds each item to (before `v`), which nested lists start from. */
  itemVariable: string;
  /** Filter names the list takes (values are parameters). */
  filters: readonly string[];
  /** The rows for owner `o`, in the list's order (a MATCH … ending with ORDER BY). */
  rows: (o: string, v: Names, f: FilterRefs) => string;
  /** The list's length (an expression). */
  count: (o: string, v: Names, f: FilterRefs) => string;
  /**
   * The record of one row of `rows`; `extra` adds entries to it (`, key: expression`). Records
   * keep only the keys in `keep`, when given (entities also their type).
   */
  project: (o: string, v: Names, extra: string, f: FilterRefs, keep: Keep) => string;
  /** The record as the API reads it, from what `project` returned. */
  finish?: (row: Record<string, unknown>) => unknown;
}

/** An entity list that follows relations of the given pattern from `o` to `m`. */
function relatedList(pattern: (o: string, m: string) => string): ListDefinition {
  return {
    owner: 'Entity',
    item: 'Entity',
    itemVariable: 'm',
    filters: [],
    rows: (o, v) => `MATCH ${pattern(o, v('m'))} WITH DISTINCT ${v('m')} ORDER BY ${v('m')}.name, ${v('m')}.id`,
    count: (o, v) => `COUNT { MATCH ${pattern(o, v('m'))} RETURN DISTINCT ${v('m')} }`,
    project: (_o, v, extra, _f, keep) => entitySummary(v('m'), extra, keep),
  };
}

/** The entity lists that follow one kind of relation. */
export const RELATED_LISTS = {
  partOf: relatedList((o, m) => `(${o})-[:PART_OF|LOCATED_IN]->(${m}:AdministrativeUnit)`),
  parts: relatedList((o, m) => `(${o})<-[:PART_OF|LOCATED_IN]-(${m}:AdministrativeUnit)`),
  organizations: relatedList((o, m) => `(${o})<-[:LOCATED_IN|PART_OF]-(${m}:Organization)`),
  successors: relatedList((o, m) => `(${o})-[:SUCCEEDED_BY]->(${m}:AdministrativeUnit)`),
  predecessors: relatedList((o, m) => `(${o})<-[:SUCCEEDED_BY]-(${m}:AdministrativeUnit)`),
  locatedIn: relatedList((o, m) => `(${o})-[:LOCATED_IN|PART_OF]->(${m}:AdministrativeUnit)`),
  campaigns: relatedList((o, m) => `(${o})-[:RUNS]->(${m}:Campaign)`),
  runBy: relatedList((o, m) => `(${o})<-[:RUNS]-(${m}:Organization)`),
} satisfies Record<string, ListDefinition>;

export type RelatedList = keyof typeof RELATED_LISTS;

const relationWhere = (o: string, r: string, f: FilterRefs) =>
  `(${f.type} IS NULL OR type(${r}) = ${f.type})
     AND (coalesce(${f.direction}, 'BOTH') <> 'OUTGOING' OR startNode(${r}) = ${o})
     AND (coalesce(${f.direction}, 'BOTH') <> 'INCOMING' OR endNode(${r}) = ${o})`;

/**
 * A page of each entity's relations, by type, then ends' ids, each with the first `evidence` of
 * its evidence keys (EVIDENCE_PREFIX when not given).
 */
const relations: ListDefinition = {
  owner: 'Entity',
  item: 'Relation',
  itemVariable: 'r',
  filters: ['type', 'direction', 'evidence'],
  rows: (o, v, f) => `MATCH (${o})-[${v('r')}:${ENTITY_RELATIONS}]-(${v('m')}:Entity)
     WHERE ${relationWhere(o, v('r'), f)}
     WITH ${v('r')}, ${v('m')}, type(${v('r')}) AS ${v('type')}, startNode(${v('r')}).id AS ${v('from')}, endNode(${v('r')}).id AS ${v('to')}
     ORDER BY ${v('type')}, ${v('from')}, ${v('to')}`,
  count: (o, v, f) => `COUNT { MATCH (${o})-[${v('r')}:${ENTITY_RELATIONS}]-(:Entity) WHERE ${relationWhere(o, v('r'), f)} }`,
  project: (_o, v, _extra, f) => `{type: ${v('type')}, fromId: ${v('from')}, toId: ${v('to')},
     evidenceKeys: coalesce(${v('r')}.evidence, [])[0..toInteger(coalesce(${f.evidence}, ${EVIDENCE_PREFIX}))], evidenceCount: size(coalesce(${v('r')}.evidence, [])),
     other: ${entitySummary(v('m'))}}`,
  finish: (row) => ({ ...row, id: relationId(row.type as string, row.fromId as string, row.toId as string) }),
};

/** The figures about each entity, by article then position. */
const entityFigures: ListDefinition = {
  owner: 'Entity',
  item: 'Figure',
  itemVariable: 'f',
  filters: [],
  rows: (o, v) => `MATCH (${o})<-[:ABOUT]-(${v('f')}:Figure) WITH ${v('f')} ORDER BY ${v('f')}.articleId, ${v('f')}.start, ${v('f')}.id`,
  count: (o) => `COUNT { (${o})<-[:ABOUT]-() }`,
  project: (_o, v, extra, _f, keep) => figureRecord(v('f'), extra, keep),
};

/** Every span where an article names the entity, by article then position. */
const entityMentions: ListDefinition = {
  owner: 'Entity',
  item: 'Mention',
  itemVariable: 'a',
  filters: [],
  rows: (o, v) => `MATCH (${o})<-[${v('r')}:MENTIONS]-(${v('a')}:Article)
     UNWIND range(0, size(${v('r')}.starts) - 1) AS ${v('i')}
     WITH ${v('a')}, ${v('r')}.starts[${v('i')}] AS ${v('start')}, ${v('r')}.ends[${v('i')}] AS ${v('end')}
     ORDER BY ${v('a')}.id, ${v('start')}, ${v('end')}`,
  count: (o, v) => `COUNT { MATCH (${o})<-[${v('r')}:MENTIONS]-() UNWIND ${v('r')}.starts AS ${v('start')} RETURN ${v('start')} }`,
  project: (o, v, _extra, _f, keep) => mentionMap(v('a'), o, v('start'), v('end'), keep),
};

/** The articles that mention the entity, newest first. */
const entityArticles: ListDefinition = {
  owner: 'Entity',
  item: 'Article',
  itemVariable: 'a',
  filters: [],
  rows: (o, v) => `MATCH (${o})<-[:MENTIONS]-(${v('a')}:Article) WITH ${v('a')} ORDER BY ${v('a')}.publishedAt DESC, ${v('a')}.id`,
  count: (o) => `COUNT { (${o})<-[:MENTIONS]-() }`,
  project: (_o, v, extra, _f, keep) => articleRecord(v('a'), extra, keep),
};

/** The entities an article mentions, by kind, name and id; optionally of one kind. */
const articleEntities: ListDefinition = {
  owner: 'Article',
  item: 'Entity',
  itemVariable: 'n',
  filters: ['type'],
  rows: (o, v, f) => `MATCH (${o})-[:MENTIONS]->(${v('n')}:Entity) WHERE ${f.type} IS NULL OR ${v('n')}.type = ${f.type}
     WITH ${v('n')} ORDER BY ${v('n')}.type, ${v('n')}.name, ${v('n')}.id`,
  count: (o, v, f) => `COUNT { (${o})-[:MENTIONS]->(${v('n')}:Entity) WHERE ${f.type} IS NULL OR ${v('n')}.type = ${f.type} }`,
  project: (_o, v, extra, _f, keep) => entitySummary(v('n'), extra, keep),
};

/** An article's sentences, in text order. */
const articleSentences: ListDefinition = {
  owner: 'Article',
  item: 'Sentence',
  itemVariable: 'i',
  filters: [],
  rows: (o, v) => `UNWIND range(0, size(${o}.sentenceStarts) - 1) AS ${v('i')} WITH ${v('i')} ORDER BY ${v('i')}`,
  count: (o) => `size(${o}.sentenceStarts)`,
  project: (o, v, _extra, _f, keep) => sentenceMap(o, v('i'), keep),
};

/** The figures an article states, in the order of their first statement in it. */
const articleFigures: ListDefinition = {
  owner: 'Article',
  item: 'Figure',
  itemVariable: 'f',
  filters: [],
  rows: (o, v) => `MATCH (${o})-[${v('r')}:STATES]->(${v('f')}:Figure)
     WITH ${v('f')}, reduce(at = ${v('r')}.starts[0], s IN ${v('r')}.starts | CASE WHEN s < at THEN s ELSE at END) AS ${v('at')}
     ORDER BY ${v('at')}, ${v('f')}.id`,
  count: (o) => `COUNT { (${o})-[:STATES]->() }`,
  project: (_o, v, extra, _f, keep) => figureRecord(v('f'), extra, keep),
};

/** Every place an article states a figure: earliest-published article first, then text order. */
const figureMentions: ListDefinition = {
  owner: 'Figure',
  item: 'FigureMention',
  itemVariable: 'a',
  filters: [],
  rows: (o, v) => `MATCH (${o})<-[${v('r')}:STATES]-(${v('a')}:Article)
     UNWIND range(0, size(${v('r')}.starts) - 1) AS ${v('i')}
     WITH ${v('a')}, ${v('r')}, ${v('r')}.starts[${v('i')}] AS ${v('start')}, ${v('r')}.ends[${v('i')}] AS ${v('end')}
     ORDER BY ${v('a')}.publishedAt IS NULL, ${v('a')}.publishedAt, ${v('a')}.id, ${v('start')}`,
  count: (o, v) => `COUNT { MATCH (${o})<-[${v('r')}:STATES]-() UNWIND ${v('r')}.starts AS ${v('start')} RETURN ${v('start')} }`,
  project: (o, v, _extra, _f, keep) => figureMentionMap(v('a'), v('r'), o, v('start'), v('end'), keep),
};

/** Every list, by the GraphQL field that pages it (`Type.field`; `Entity` for every entity type). */
export const LISTS = {
  'Entity.relations': relations,
  'Entity.figures': entityFigures,
  'Entity.mentions': entityMentions,
  'Entity.articles': entityArticles,
  'AdministrativeUnit.partOf': RELATED_LISTS.partOf,
  'AdministrativeUnit.parts': RELATED_LISTS.parts,
  'AdministrativeUnit.organizations': RELATED_LISTS.organizations,
  'AdministrativeUnit.predecessors': RELATED_LISTS.predecessors,
  'Organization.locatedIn': RELATED_LISTS.locatedIn,
  'Organization.campaigns': RELATED_LISTS.campaigns,
  'Campaign.runBy': RELATED_LISTS.runBy,
  'Article.entities': articleEntities,
  'Article.sentences': articleSentences,
  'Article.figures': articleFigures,
  'Figure.mentions': figureMentions,
} satisfies Record<string, ListDefinition>;

export type ListName = keyof typeof LISTS;

/** Variable names for a statement that uses one list once. */
const plainNames: Names = (name) => name;

/**
 * One page of `list` for each owner, in one statement. Owners that are missing get no page (the
 * loaders give them an empty one).
 */
export async function ownedPages<R>(
  db: GraphReader,
  name: ListName | RelatedList,
  ids: readonly string[],
  page: PageRequest,
  filter: Record<string, unknown>,
  counter?: RoundTripCounter,
): Promise<OwnedPage<R>[]> {
  const list: ListDefinition = name in LISTS ? LISTS[name as ListName] : RELATED_LISTS[name as RelatedList];
  const refs = Object.fromEntries(list.filters.map((name) => [name, `$${name}`]));
  const rows = await db.read<OwnedPage<Record<string, unknown>>>(
    `/* list:${name} */ UNWIND $ids AS id
     MATCH (owner:${list.owner} {id: id})
     RETURN id AS ownerId, ${list.count('owner', plainNames, refs)} AS total,
       COLLECT { ${list.rows('owner', plainNames, refs)} SKIP $offset LIMIT $limit RETURN ${list.project('owner', plainNames, '', refs, null)} } AS items`,
    { ids, ...Object.fromEntries(list.filters.map((name) => [name, filter[name] ?? null])), ...pageParams(page) },
    counter,
  );
  const finish = list.finish;
  return rows.map((row) => ({ ...row, items: (finish ? row.items.map(finish) : row.items) as R[] }));
}
