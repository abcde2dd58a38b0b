// The six workloads of the API benchmark, each written three ways that give the same answer:
//   vnkg  — the GraphQL operation against vnkg's own schema (schema.graphql);
//   floor — one hand-written Cypher statement for the whole answer, sent through neo4j-driver;
//   peer  — the GraphQL operation against @neo4j/graphql over the same graph (peer-schema.ts).
// Each also has a canonical form of its answer (sorted ids and values) per way, so the three
// answers can be compared before anything is timed.
import { ENTITY_RELATIONS as RELS } from '../../src/graph/lists.ts';
import { toLuceneQuery } from '../../src/graph/search.ts';
import { PEER_RELATION_TYPES, inField, outField } from './peer-schema.ts';

export type Target = 'vnkg' | 'floor' | 'peer';
export const TARGETS: readonly Target[] = ['vnkg', 'floor', 'peer'];

export type WorkloadKey = 'entity' | 'search' | 'figures' | 'neighborhood' | 'nested' | 'articles';

/** What the workloads are asked about; fixed for a run so every scale answers the same questions. */
export interface WorkloadParams {
  /** W1: an entity with relations, figures and mentions. */
  entityId: string;
  /** W2: the search text. */
  searchText: string;
  searchFirst: number;
  /** W3 and W5: a province. */
  provinceId: string;
  /** W3: the unit of the figures. */
  figureUnit: string;
  figureFirst: number;
  /** W4: where the neighborhood starts. */
  neighborhoodId: string;
  neighborhoodLimit: number;
  /** W6: page size. */
  articleFirst: number;
  /** W1, W5, W6: the page size of every nested list. */
  listFirst: number;
}

export const DEFAULT_PARAMS: WorkloadParams = {
  entityId: 'org:tinh-uy:lao-cai',
  searchText: 'lao cai',
  searchFirst: 10,
  provinceId: 'province:lao-cai',
  figureUnit: 'VND',
  figureFirst: 20,
  neighborhoodId: 'org:tinh-uy:lao-cai',
  neighborhoodLimit: 100,
  articleFirst: 20,
  listFirst: 100,
};

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** A canonical answer: plain JSON, lists sorted where the operation does not define an order. */
export type Canonical = unknown;

export interface Workload {
  key: WorkloadKey;
  title: string;
  /** How the three ways differ in what they mean, if at all. */
  note: string;
  vnkg: GraphQLRequest;
  peer: GraphQLRequest;
  floor: { cypher: string; params: Record<string, unknown> };
  canonical: {
    vnkg(data: any): Canonical;
    floor(rows: any[]): Canonical;
    peer(data: any): Canonical;
  };
  /** Compares two canonical answers; defaults to deep equality of their JSON. */
  compare?(a: Canonical, b: Canonical, pair: string): string | null;
}

const sorted = <T>(xs: Iterable<T>): T[] => [...xs].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
const ms = (iso: string | null | undefined) => (iso == null ? null : Date.parse(iso));

// --- W1: one entity with its relations, figures and mentions --------------------------------------

function entityWorkload(p: WorkloadParams): Workload {
  const n = p.listFirst;
  const relationKey = (type: string, from: string, to: string, evidence: string[], evidenceTotal: number) =>
    `${type} ${from} -> ${to} [${evidenceTotal}: ${sorted(evidence).join(', ')}]`;
  const figureKey = (f: any) => [f.id, f.value, f.unit, f.qualifier, f.period ?? '', f.quote].join(' | ');
  const mentionKey = (m: any) => [m.id, m.start, m.end, m.text].join(' | ');
  const canon = (
    e: any,
    relations: { total: number; items: string[] },
    figures: { total: number; items: any[] },
    mentions: { total: number; items: any[] },
  ) => ({
    id: e.id,
    name: e.name,
    subtype: e.subtype,
    relations: { total: relations.total, page: sorted(relations.items) },
    figures: { total: figures.total, page: figures.items.map(figureKey) },
    mentions: { total: mentions.total, page: mentions.items.map(mentionKey) },
  });
  const peerRelationFields = PEER_RELATION_TYPES.flatMap((type) =>
    [outField(type), inField(type)].map((field) => `${field}Connection(first: ${n}) { edges { properties { evidence } node { id name } } }`),
  ).join('\n      ');
  return {
    key: 'entity',
    title: 'W1 entity with relations, figures, mentions',
    note:
      `A page of at most ${n} of each list (the relations by type and ends' ids, figures and mentions by article and position, each relation's evidence in stored order), with each list's total. ` +
      'Each evidence span is its id (`relationId#sentenceId|start|end`), which vnkg and the floor build from the relation and the stored key; the peer returns the stored keys (its schema has no evidence ids) and the check builds the ids from them. ' +
      'The peer has one connection field per relationship type and direction (14) instead of one `relations` list, so it pages each of them (the same answer while an entity has fewer relations than a page).',
    vnkg: {
      query: `query W1($id: ID!, $first: Int) {
  entity(id: $id) {
    id name subtype
    relations(first: $first) { totalCount edges { node { type from { id } to { id } evidence(first: $first) { totalCount edges { node { id } } } } } }
    figures(first: $first) { totalCount edges { node { id value unit qualifier period quote } } }
    mentions(first: $first) { totalCount edges { node { id text start end } } }
  }
}`,
      variables: { id: p.entityId, first: n },
    },
    floor: {
      cypher: `MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.name AS name, n.subtype AS subtype,
  COLLECT { MATCH (n)-[r:${RELS}]-(:Entity)
            WITH r, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to ORDER BY type, from, to LIMIT toInteger($first)
            RETURN {type: type, from: from, to: to,
                    evidence: [key IN coalesce(r.evidence, [])[0..toInteger($first)] | from + '-[' + type + ']->' + to + '#' + key],
                    evidenceTotal: size(coalesce(r.evidence, []))} } AS relations,
  COUNT { (n)-[:${RELS}]-(:Entity) } AS relationTotal,
  COUNT { (n)<-[:ABOUT]-() } AS figureTotal,
  COLLECT { MATCH (n)<-[:ABOUT]-(f:Figure) WITH f ORDER BY f.articleId, f.start, f.id LIMIT toInteger($first)
            RETURN f {.id, .value, .unit, .qualifier, .period, .quote} } AS figures,
  reduce(t = 0, r IN COLLECT { MATCH (n)<-[r:MENTIONS]-() RETURN r } | t + size(r.starts)) AS mentionTotal,
  COLLECT { MATCH (n)<-[r:MENTIONS]-(a:Article) UNWIND range(0, size(r.starts) - 1) AS i
            WITH a, r.starts[i] AS start, r.ends[i] AS end ORDER BY a.id, start, end LIMIT toInteger($first)
            RETURN {id: a.id + ':m' + start + '-' + end + ':' + n.id, text: substring(a.text, start, end - start), start: start, end: end} } AS mentions`,
      params: { id: p.entityId, first: n },
    },
    peer: {
      query: `query W1($id: ID!, $first: Int) {
  entities(where: { id: { eq: $id } }) {
    id name subtype
      ${peerRelationFields}
    figuresConnection(first: $first, sort: [{ node: { articleId: ASC } }, { node: { start: ASC } }, { node: { id: ASC } }]) {
      totalCount edges { node { id value unit qualifier period quote } }
    }
    mentionTotal
    mentionedInConnection(first: $first, sort: [{ node: { id: ASC } }]) {
      edges { properties { starts ends } node { id text } }
    }
  }
}`,
      variables: { id: p.entityId, first: n },
    },
    canonical: {
      vnkg: (d) => {
        const e = d.entity;
        const relations = e.relations.edges.map(({ node: r }: any) =>
          relationKey(r.type, r.from.id, r.to.id, r.evidence.edges.map((x: any) => x.node.id), r.evidence.totalCount),
        );
        const page = (c: any) => ({ total: c.totalCount, items: c.edges.map((x: any) => x.node) });
        return canon(e, { total: e.relations.totalCount, items: relations }, page(e.figures), page(e.mentions));
      },
      floor: (rows) => {
        const e = rows[0];
        const relations = e.relations.map((r: any) => relationKey(r.type, r.from, r.to, r.evidence, r.evidenceTotal));
        return canon(
          e,
          { total: e.relationTotal, items: relations },
          { total: e.figureTotal, items: e.figures },
          { total: e.mentionTotal, items: e.mentions },
        );
      },
      peer: (d) => {
        const e = d.entities[0];
        const relations: string[] = [];
        const evidenceOf = (edge: any): string[] => edge.properties.evidence ?? [];
        // The peer's schema has no evidence ids: they are built here as vnkg's schema defines them.
        const related = (type: string, from: string, to: string, edge: any) =>
          relationKey(type, from, to, evidenceOf(edge).slice(0, n).map((key) => `${from}-[${type}]->${to}#${key}`), evidenceOf(edge).length);
        for (const type of PEER_RELATION_TYPES) {
          for (const edge of e[`${outField(type)}Connection`].edges) relations.push(related(type, e.id, edge.node.id, edge));
          for (const edge of e[`${inField(type)}Connection`].edges) relations.push(related(type, edge.node.id, e.id, edge));
        }
        const page = (c: any) => ({ total: c.totalCount, items: c.edges.map((x: any) => x.node) });
        // Each article's spans, unrolled and sliced here: the library pages articles, not spans.
        const spans = e.mentionedInConnection.edges.flatMap((edge: any) =>
          edge.properties.starts
            .map((start: number, i: number) => ({ start, end: edge.properties.ends[i] as number }))
            .sort((x: any, y: any) => x.start - y.start || x.end - y.end)
            .map(({ start, end }: any) => ({ id: `${edge.node.id}:m${start}-${end}:${e.id}`, text: edge.node.text.slice(start, end), start, end })),
        );
        // The peer pages each relationship type on its own: its relations are all of them while an entity has fewer than a page.
        return canon(e, { total: relations.length, items: relations }, page(e.figuresConnection), { total: e.mentionTotal, items: spans.slice(0, n) });
      },
    },
  };
}

// --- W2: full-text search --------------------------------------------------------------------------

function searchWorkload(p: WorkloadParams): Workload {
  const lucene = toLuceneQuery(p.searchText);
  if (!lucene) throw new Error(`search text "${p.searchText}" has no searchable word`);
  // Hits of equal score may be cut at the limit in a different order by each way (vnkg breaks
  // ties by name, the peer by nothing): the hits above the lowest score must agree, and the
  // scores as a list.
  const canon = (hits: Array<{ id: string; score: number }>) => {
    const scores = hits.map((h) => Math.round(h.score * 1e5) / 1e5);
    const lowest = Math.min(...scores);
    return {
      count: hits.length,
      scores: [...scores].sort((a, b) => b - a),
      aboveLowest: sorted(hits.filter((_, i) => scores[i]! > lowest).map((h) => h.id)),
    };
  };
  return {
    key: 'search',
    title: 'W2 search',
    note:
      `vnkg folds and escapes the user's text itself ("${p.searchText}" → \`${lucene}\`); the floor sends that Lucene query to the same index; ` +
      'the peer (`@fulltext` on `Entity.searchText`, the same index `entity_names`) passes its `phrase` to Lucene as is, so the client must fold ' +
      'diacritics and build the query (and raw user input can inject Lucene syntax or fail to parse). Ties in score: vnkg orders by name, the peer does not order.',
    vnkg: {
      query: `query W2($text: String!, $first: Int) {
  search(text: $text, first: $first) { edges { score node { id name kind } } }
}`,
      variables: { text: p.searchText, first: p.searchFirst },
    },
    floor: {
      cypher: `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS n, score
RETURN n.id AS id, n.name AS name, n.type AS type, score
ORDER BY score DESC, n.name
LIMIT toInteger($first)`,
      params: { query: lucene, first: p.searchFirst },
    },
    peer: {
      query: `query W2($phrase: String!, $first: Int) {
  searchEntities(phrase: $phrase, first: $first, sort: [{ score: DESC }]) { edges { score node { id name type } } }
}`,
      variables: { phrase: lucene, first: p.searchFirst },
    },
    canonical: {
      vnkg: (d) => canon(d.search.edges.map((h: any) => ({ id: h.node.id, score: h.score }))),
      floor: (rows) => canon(rows.map((r) => ({ id: r.id, score: r.score }))),
      peer: (d) => canon(d.searchEntities.edges.map((e: any) => ({ id: e.node.id, score: e.score }))),
    },
  };
}

// --- W3: figures about a province in one unit, largest first ---------------------------------------

function figuresWorkload(p: WorkloadParams): Workload {
  const canon = (total: number, nodes: any[]) => ({
    total,
    figures: nodes.map((f) => ({
      id: f.id,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      period: f.period ?? null,
      quote: f.quote,
      subjects: sorted(f.subjects.map((s: any) => `${s.id} ${s.name}`)),
    })),
  });
  return {
    key: 'figures',
    title: 'W3 figures of a province by unit, by value',
    note: 'Same answer (page of the largest figures about the province in that unit, ties by id, with the total count).',
    vnkg: {
      query: `query W3($subject: ID!, $unit: String!, $first: Int) {
  figures(subject: $subject, unit: $unit, orderBy: { field: VALUE, direction: DESC }, first: $first) {
    totalCount
    edges { node { id value unit qualifier period quote subjects { id name } } }
  }
}`,
      variables: { subject: p.provinceId, unit: p.figureUnit, first: p.figureFirst },
    },
    floor: {
      cypher: `MATCH (:Entity {id: $subject})<-[:ABOUT]-(f:Figure)
WHERE f.unit = $unit
WITH f ORDER BY f.value DESC, f.id
WITH collect(f) AS fs
RETURN size(fs) AS total,
       [f IN fs[0..toInteger($first)] | f {.id, .value, .unit, .qualifier, .period, .quote,
                                        subjects: [(f)-[:ABOUT]->(e:Entity) | e {.id, .name}]}] AS items`,
      params: { subject: p.provinceId, unit: p.figureUnit, first: p.figureFirst },
    },
    peer: {
      query: `query W3($subject: ID!, $unit: String!, $first: Int) {
  figuresConnection(
    first: $first
    where: { unit: { eq: $unit }, subjects: { some: { id: { eq: $subject } } } }
    sort: [{ value: DESC }, { id: ASC }]
  ) {
    totalCount
    edges { node { id value unit qualifier period quote subjects { id name } } }
  }
}`,
      variables: { subject: p.provinceId, unit: p.figureUnit, first: p.figureFirst },
    },
    canonical: {
      vnkg: (d) => canon(d.figures.totalCount, d.figures.edges.map((e: any) => e.node)),
      floor: (rows) => canon(rows[0].total, rows[0].items),
      peer: (d) => canon(d.figuresConnection.totalCount, d.figuresConnection.edges.map((e: any) => e.node)),
    },
  };
}

// --- W4: neighborhood of depth 2 --------------------------------------------------------------------

function neighborhoodWorkload(p: WorkloadParams): Workload {
  const level = (depth: number): string => {
    const leaf = 'id name type';
    if (depth === 0) return leaf;
    const fields = PEER_RELATION_TYPES.flatMap((type) => [outField(type), inField(type)]);
    return `${leaf} ${fields.map((f) => `${f} { ${level(depth - 1)} }`).join(' ')}`;
  };
  const fields = PEER_RELATION_TYPES.flatMap((type) => [outField(type), inField(type)]);
  return {
    key: 'neighborhood',
    title: 'W4 neighborhood, depth 2',
    note:
      'vnkg and the floor return the entities within 2 relations (any direction, nearest first, at most `limit`) and every relation among them; ' +
      'the peer has no such operation: the nearest equivalent is a selection nested two levels deep over the 14 relationship fields (7 types × 2 directions, 210 sub-selections), ' +
      'a tree with repeated entities and without the relations between entities of the same level. Compared: vnkg = floor on nodes (in order) and edges; peer on the set of entities reached.',
    vnkg: {
      query: `query W4($id: ID!, $limit: Int) {
  neighborhood(id: $id, depth: 2, limit: $limit) {
    nodes { id label kind }
    edges { source target type }
    truncated
  }
}`,
      variables: { id: p.neighborhoodId, limit: p.neighborhoodLimit },
    },
    floor: {
      cypher: `MATCH (s:Entity {id: $id})
CALL (s) {
  MATCH (s)-[:${RELS}]-(a:Entity) WHERE a <> s
  RETURN a AS m, 1 AS d
  UNION
  MATCH (s)-[:${RELS}]-(:Entity)-[:${RELS}]-(a:Entity) WHERE a <> s
  RETURN a AS m, 2 AS d
}
WITH s, m, min(d) AS d ORDER BY d, m.id LIMIT toInteger($limit)
WITH s, collect(m) AS found
WITH [s] + found[0..toInteger($limit) - 1] AS ns, size(found) >= toInteger($limit) AS truncated
RETURN [n IN ns | n {.id, .name, .type}] AS nodes,
       COLLECT { UNWIND ns AS a MATCH (a)-[r:${RELS}]->(b:Entity) WHERE b IN ns RETURN {source: a.id, target: b.id, type: type(r)} } AS edges,
       truncated`,
      params: { id: p.neighborhoodId, limit: p.neighborhoodLimit },
    },
    peer: {
      query: `query W4($id: ID!) {
  entities(where: { id: { eq: $id } }) { ${level(2)} }
}`,
      variables: { id: p.neighborhoodId },
    },
    canonical: {
      vnkg: (d) => ({
        nodes: d.neighborhood.nodes.map((n: any) => n.id),
        edges: sorted(d.neighborhood.edges.map((e: any) => `${e.source} ${e.type} ${e.target}`)),
        truncated: d.neighborhood.truncated,
      }),
      floor: (rows) => ({
        nodes: rows[0].nodes.map((n: any) => n.id),
        edges: sorted(rows[0].edges.map((e: any) => `${e.source} ${e.type} ${e.target}`)),
        truncated: rows[0].truncated,
      }),
      peer: (d) => {
        const start = d.entities[0];
        const reached = new Set<string>();
        for (const f of fields)
          for (const a of start[f]) {
            reached.add(a.id);
            for (const g of fields) for (const b of a[g]) reached.add(b.id);
          }
        reached.delete(start.id);
        return { start: start.id, reached: sorted(reached) };
      },
    },
    compare: (a: any, b: any, pair) => {
      if (pair !== 'vnkg/peer') return JSON.stringify(a) === JSON.stringify(b) ? null : 'nodes or edges differ';
      const vnkgNodes = new Set<string>(a.nodes.slice(1));
      const peerNodes = new Set<string>(b.reached);
      const missing = [...vnkgNodes].filter((id) => !peerNodes.has(id));
      if (missing.length) return `peer lacks ${missing.length} of vnkg's entities (${missing.slice(0, 3).join(', ')} …)`;
      if (!a.truncated && peerNodes.size !== vnkgNodes.size) return `peer reaches ${peerNodes.size} entities, vnkg ${vnkgNodes.size} (not truncated)`;
      return null;
    },
  };
}

// --- W5: province → organizations → campaigns --------------------------------------------------------

function nestedWorkload(p: WorkloadParams): Workload {
  const canon = (id: string, total: number | null, orgs: Array<{ id: string; campaigns: string[] }>) => {
    const byOrg = new Map<string, Set<string>>();
    for (const o of orgs) {
      const set = byOrg.get(o.id) ?? new Set<string>();
      for (const c of o.campaigns) set.add(c);
      byOrg.set(o.id, set);
    }
    // The peer's two lists hold every organization while the unit has fewer than a page.
    return { id, total: total ?? byOrg.size, organizations: sorted(byOrg.keys()).map((o) => `${o}: ${sorted(byOrg.get(o)!).join(', ')}`) };
  };
  const peerOrgs = (field: string) =>
    `${field}(where: { type: { eq: "Organization" } }) { id name outRuns(where: { type: { eq: "Campaign" } }) { id name subtype } }`;
  return {
    key: 'nested',
    title: 'W5 province → organizations → campaigns',
    note:
      'Same answer: a page (at most `listFirst`, by name) of the organizations LOCATED_IN or PART_OF the unit, and how many there are, each with a page of the campaigns it RUNS. ' +
      'The peer needs two fields (`inLocatedIn`, `inPartOf`) filtered on `type`, merged by the client, so it cannot page them as one list (the same answer while the unit has fewer organizations than a page).',
    vnkg: {
      query: `query W5($id: ID!, $first: Int) {
  entity(id: $id) {
    id name
    ... on AdministrativeUnit {
      organizations(first: $first) { totalCount edges { node { id name campaigns(first: $first) { edges { node { id name subtype } } } } } }
    }
  }
}`,
      variables: { id: p.provinceId, first: p.listFirst },
    },
    floor: {
      cypher: `MATCH (p:Entity {id: $id})
RETURN p.id AS id, p.name AS name,
  COUNT { MATCH (p)<-[:LOCATED_IN|PART_OF]-(o:Organization) RETURN DISTINCT o } AS total,
  COLLECT {
    MATCH (p)<-[:LOCATED_IN|PART_OF]-(o:Organization)
    WITH DISTINCT o ORDER BY o.name, o.id LIMIT toInteger($first)
    RETURN o {.id, .name, campaigns: COLLECT { MATCH (o)-[:RUNS]->(c:Campaign)
                                               WITH DISTINCT c ORDER BY c.name, c.id LIMIT toInteger($first)
                                               RETURN c {.id, .name, .subtype} }}
  } AS organizations`,
      params: { id: p.provinceId, first: p.listFirst },
    },
    peer: {
      query: `query W5($id: ID!) {
  entities(where: { id: { eq: $id } }) {
    id name
    ${peerOrgs('inLocatedIn')}
    ${peerOrgs('inPartOf')}
  }
}`,
      variables: { id: p.provinceId },
    },
    canonical: {
      vnkg: (d) =>
        canon(
          d.entity.id,
          d.entity.organizations.totalCount,
          d.entity.organizations.edges.map(({ node: o }: any) => ({ id: o.id, campaigns: o.campaigns.edges.map((c: any) => c.node.id) })),
        ),
      floor: (rows) =>
        canon(
          rows[0].id,
          rows[0].total,
          rows[0].organizations.map((o: any) => ({ id: o.id, campaigns: o.campaigns.map((c: any) => c.id) })),
        ),
      peer: (d) => {
        const e = d.entities[0];
        return canon(
          e.id,
          null,
          [...e.inLocatedIn, ...e.inPartOf].map((o: any) => ({ id: o.id, campaigns: o.outRuns.map((c: any) => c.id) })),
        );
      },
    },
  };
}

// --- W6: a page of articles with their entities --------------------------------------------------------

function articlesWorkload(p: WorkloadParams): Workload {
  const canon = (total: number, articles: any[], entitiesOf: (a: any) => any[]) => ({
    total,
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      publishedAt: ms(a.publishedAt),
      entities: sorted(entitiesOf(a).map((e: any) => e.id)),
    })),
  });
  return {
    key: 'articles',
    title: 'W6 page of articles with their entities',
    note:
      'Same answer: the newest articles (ties by id) with the entities each mentions, and the total count. The peer sorts on its `publishedAt: DateTime` field but ' +
      'reads the date through a `@cypher` field (`toString(this.publishedAt)`): @neo4j/graphql projects DateTime values with APOC, which the embedded Neo4j does not have. ' +
      'The floor reads the page off the `Article(publishedAt)` range index (`WHERE a.publishedAt IS NOT NULL`, so it leaves out undated articles, which vnkg and the peer ' +
      'would list first in a descending order; the corpus has none, and the check compares the answers).',
    vnkg: {
      query: `query W6($first: Int, $listFirst: Int) {
  articles(first: $first) { totalCount edges { node { id title publishedAt entities(first: $listFirst) { edges { node { id name kind } } } } } }
}`,
      variables: { first: p.articleFirst, listFirst: p.listFirst },
    },
    floor: {
      cypher: `CALL () { MATCH (a:Article) RETURN count(a) AS total }
CALL () {
  MATCH (a:Article) WHERE a.publishedAt IS NOT NULL
  WITH a ORDER BY a.publishedAt DESC, a.id LIMIT toInteger($first)
  RETURN collect(a {.id, .title, publishedAt: toString(a.publishedAt),
                    entities: COLLECT { MATCH (a)-[:MENTIONS]->(n:Entity) WITH n ORDER BY n.type, n.name, n.id LIMIT toInteger($listFirst)
                                        RETURN n {.id, .name, .type} }}) AS items
}
RETURN total, items`,
      params: { first: p.articleFirst, listFirst: p.listFirst },
    },
    peer: {
      query: `query W6($first: Int) {
  articlesConnection(first: $first, sort: [{ publishedAt: DESC }, { id: ASC }]) {
    totalCount
    edges { node { id title publishedAtText entities { id name type } } }
  }
}`,
      variables: { first: p.articleFirst },
    },
    canonical: {
      vnkg: (d) => canon(d.articles.totalCount, d.articles.edges.map((e: any) => e.node), (a) => a.entities.edges.map((x: any) => x.node)),
      floor: (rows) => canon(rows[0].total, rows[0].items, (a) => a.entities),
      peer: (d) =>
        canon(
          d.articlesConnection.totalCount,
          d.articlesConnection.edges.map((e: any) => ({ ...e.node, publishedAt: e.node.publishedAtText })),
          (a) => a.entities,
        ),
    },
  };
}

export function workloads(p: WorkloadParams): Workload[] {
  return [entityWorkload(p), searchWorkload(p), figuresWorkload(p), neighborhoodWorkload(p), nestedWorkload(p), articlesWorkload(p)];
}

/** The first difference between two canonical answers, as a short path and the two values. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      const sa = new Set(a.map((x) => JSON.stringify(x)));
      const sb = new Set(b.map((x) => JSON.stringify(x)));
      const onlyA = [...sa].filter((x) => !sb.has(x)).slice(0, 2);
      const onlyB = [...sb].filter((x) => !sa.has(x)).slice(0, 2);
      return `${path}: ${a.length} vs ${b.length} items; only in first: ${onlyA.join(' ; ') || '–'}; only in second: ${onlyB.join(' ; ') || '–'}`;
    }
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 160)} ≠ ${JSON.stringify(b)?.slice(0, 160)}`;
}
