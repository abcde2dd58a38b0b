// The explorer's only data source: the public GraphQL API (POST /graphql on this origin). The
// types below mirror the selections of the operations, by hand: the bundle stays free of codegen
// runtime, and the API test suite already checks these fields exist (tests/explorer/).

export type EntityKind = 'ADMINISTRATIVE_UNIT' | 'ORGANIZATION' | 'CAMPAIGN' | 'PERSON';

export interface EntityBrief {
  id: string;
  name: string;
  kind: EntityKind;
  subtype: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface ArticleBrief {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
}

export interface Statement {
  quote: string;
  start: number;
  end: number;
  sentence: { text: string; start: number; article: ArticleBrief };
}

export interface NeighbourRelation {
  id: string;
  type: string;
  from: EntityBrief;
  to: EntityBrief;
  evidence: { totalCount: number; edges: { node: { sentence: { article: { publishedAt: string | null } } } }[] };
}

export interface FigureItem {
  id: string;
  value: number;
  unit: string;
  measure: string;
  measurePhrase: string | null;
  qualifier: string;
  period: string | null;
  quote: string;
  start: number;
  end: number;
  sentence: { text: string; start: number };
  article: ArticleBrief;
}

export interface RelationItem {
  id: string;
  type: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { totalCount: number; edges: { node: Statement }[] };
}

export interface EntityDetails extends EntityBrief {
  aliases: string[];
  code?: string | null;
  level?: string | null;
  relations: { totalCount: number; edges: { node: RelationItem }[] };
  articles: { totalCount: number; edges: { node: ArticleBrief }[] };
}

export interface DateRange {
  /** Inclusive first day, YYYY-MM-DD, or '' for no bound. */
  from: string;
  /** Inclusive last day, YYYY-MM-DD, or '' for no bound. */
  to: string;
}

const BRIEF = `fragment EntityBrief on Entity { id name kind subtype ... on AdministrativeUnit { validFrom validTo } }`;
const ARTICLE = `fragment ArticleBrief on Article { id title url publishedAt }`;

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 10) { edges { node { ...EntityBrief } } }
}
${BRIEF}`;

// Evidence dates come along so the date filter can hide relations no article of the range states.
export const NEIGHBOURS = `query ExplorerNeighbours($id: ID!) {
  entity(id: $id) {
    ...EntityBrief
    relations(first: 100) { totalCount edges { node { id type from { ...EntityBrief } to { ...EntityBrief }
      evidence(first: 10) { totalCount edges { node { sentence { article { publishedAt } } } } } } } }
  }
}
${BRIEF}`;

export const DETAILS = `query ExplorerDetails($id: ID!, $figures: FigureFilter!) {
  entity(id: $id) {
    ...EntityBrief
    aliases
    ... on AdministrativeUnit { code level }
    relations(first: 50) { totalCount edges { node { id type from { id name } to { id name }
      evidence(first: 5) { totalCount edges { node { quote start end sentence { text start article { ...ArticleBrief } } } } } } } }
    articles(first: 50) { totalCount edges { node { ...ArticleBrief } } }
  }
  figures(filter: $figures, orderBy: { field: PUBLISHED_AT, direction: DESC }, first: 50) {
    totalCount
    edges { node { id value unit measure measurePhrase qualifier period quote start end sentence { text start } article { ...ArticleBrief } } }
  }
}
${BRIEF}
${ARTICLE}`;

export const ARTICLE_TEXT = `query ExplorerArticle($id: ID!) { article(id: $id) { id title url publishedAt text } }`;

interface GraphQLResult<D> {
  data?: D | null;
  errors?: { message: string }[];
}

export async function graphql<D>(query: string, variables: Record<string, unknown>): Promise<D> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResult<D>;
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`The API answered ${res.status} without data`);
  return body.data;
}

/** Vietnam's offset: a day of the filter is a Vietnamese calendar day. */
const VN_OFFSET = '+07:00';

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The figure filter of a date range: `publishedTo` is exclusive, so the last day is included. */
export function figureFilter(subject: string, range: DateRange): Record<string, string> {
  return {
    subject,
    ...(range.from ? { publishedFrom: `${range.from}T00:00:00${VN_OFFSET}` } : {}),
    ...(range.to ? { publishedTo: `${nextDay(range.to)}T00:00:00${VN_OFFSET}` } : {}),
  };
}
