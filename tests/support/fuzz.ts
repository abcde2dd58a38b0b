import { mulberry32 } from '../../bench/corpus/generator.ts';

// Generated hostile requests for the GraphQL endpoint: broken documents, wrong variable types,
// huge values, odd bodies, methods and headers. Deterministic for a seed, so a failure replays.

export interface FuzzRequest {
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What the request is, for the failure message. */
  label: string;
}

const VALID = [
  '{ search(text: "lao cai", first: 3) { edges { node { id name ... on AdministrativeUnit { parts { totalCount } } } } } }',
  'query($id: ID!) { entity(id: $id) { name relations(first: 5) { edges { node { type evidence { edges { node { quote } } } } } } } }',
  'query($n: Int, $after: String) { articles(first: $n, after: $after) { totalCount pageInfo { endCursor } edges { node { title } } } }',
  'query($f: FigureFilter) { figures(filter: $f, first: 10) { totalCount edges { node { value unit subjects { name } } } } }',
  '{ figureSummary(groupBy: SUBJECT, first: 5) { key count sum } }',
  'query($id: ID!, $d: Int, $l: Int) { neighborhood(id: $id, depth: $d, limit: $l) { nodes { id } edges { source target } truncated } }',
  'query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxLength: 4) { nodes { id } } }',
  'query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }',
  'mutation { deleteArticle(id: "article:x") { deletedId } }',
  '{ __schema { queryType { name } } }',
];

const TOKENS = ['{', '}', '(', ')', '...', '$', '@skip', '"', '\\', '#', ':', '!', '[', ']', 'first:', '-1', '1e400', 'null', 'on', 'fragment', 'query', '__typename', '\u0000', '\uFFFF', '𝕏', 'MATCH (n) DETACH DELETE n'];

const ODD_VALUES: unknown[] = [
  null, -1, 0, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 1.5, '', ' ', 'a'.repeat(10_000), '\u0000', '}{', true, [], {}, [[[]]],
  { first: 1 }, 'province:lao-cai', 'article:750ee9668e2a12ba', "' OR 1=1 //", '`) MATCH (n) DETACH DELETE n //', 'b2Zmc2V0Ojk5OTk5OTk5OQ',
  'offset:-1', 'offset:1e9',
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function mutateDocument(rnd: () => number, doc: string): string {
  let out = doc;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = rnd();
    if (kind < 0.4) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 5));
    else if (kind < 0.8) out = `${out.slice(0, at)} ${pick(rnd, TOKENS)} ${out.slice(at)}`;
    else out = out.slice(0, at) + out.slice(at).replace(/\d+/, String(pick(rnd, [0, -5, 101, 1_000_000, 2 ** 31]))); // page sizes
  }
  return out;
}

function oddVariables(rnd: () => number): unknown {
  const roll = rnd();
  if (roll < 0.1) return pick(rnd, ['x', 1, [], null, true]);
  const names = ['id', 'n', 'after', 'f', 'd', 'l', 'a', 'b', 'ids', 'nope'];
  const vars: Record<string, unknown> = {};
  for (const name of names) if (rnd() < 0.5) vars[name] = pick(rnd, ODD_VALUES);
  if (rnd() < 0.3) vars['f'] = { unit: pick(rnd, ODD_VALUES), minValue: pick(rnd, ODD_VALUES), within: pick(rnd, ODD_VALUES) };
  if (rnd() < 0.2) vars['ids'] = Array.from({ length: Math.floor(rnd() * 300) }, () => pick(rnd, ODD_VALUES));
  return vars;
}

function bomb(rnd: () => number): string {
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: figureSummary(groupBy: SUBJECT) { key }`).join(' ')} }`;
  if (kind === 1) return `{ ${'entities { edges { node { relations { edges { node { from { '.repeat(6)} id ${'} } } } } } } } '.repeat(6)} }`;
  if (kind === 2) return `query($n: Int = 100) { ${Array.from({ length: 8 }, (_, i) => `a${i}: articles(first: $n) { edges { node { text figures(first: $n) { edges { node { quote } } } } } }`).join(' ')} }`;
  return `{ ${'__typename '.repeat(6_000)} }`;
}

/** `count` hostile requests, the same ones for the same seed. */
export function fuzzRequests(seed: number, count: number): FuzzRequest[] {
  const rnd = mulberry32(seed);
  const requests: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const json = { 'content-type': 'application/json' };
    if (roll < 0.35) {
      const query = mutateDocument(rnd, pick(rnd, VALID));
      requests.push({ method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query, variables: oddVariables(rnd) }), label: `mutated ${query}` });
    } else if (roll < 0.6) {
      const query = pick(rnd, VALID);
      const variables = oddVariables(rnd);
      requests.push({ method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query, variables }), label: `variables ${JSON.stringify(variables).slice(0, 200)}` });
    } else if (roll < 0.7) {
      requests.push({ method: 'POST', path: '/graphql', headers: json, body: JSON.stringify({ query: bomb(rnd) }), label: 'bomb' });
    } else if (roll < 0.85) {
      const bodies = [
        '', '{', 'null', '[]', '"query"', '{"query": 1}', '{"query": null}', '{"query": "{ __typename }", "variables": "x"}',
        '{"query": "{ __typename }", "operationName": 5}', '{"query": "{ __typename }", "extensions": []}',
        '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"zz"}}}', '\u00ff\u00fe', '{"query": "' + '{'.repeat(3000) + '"}',
      ];
      const body = pick(rnd, bodies);
      requests.push({ method: 'POST', path: '/graphql', headers: pick(rnd, [json, { 'content-type': 'text/plain' }, { 'content-type': 'application/json; charset=latin1' }, {}]), body, label: `body ${body.slice(0, 80)}` });
    } else {
      const query = pick(rnd, [...VALID, mutateDocument(rnd, pick(rnd, VALID))]);
      const params = new URLSearchParams({ query });
      if (rnd() < 0.5) params.set('variables', pick(rnd, ['{', '{"id": 5}', JSON.stringify(oddVariables(rnd))]));
      const headers: Record<string, string> = rnd() < 0.5 ? { 'apollo-require-preflight': 'true' } : {};
      const path = pick(rnd, [`/graphql?${params.toString()}`, `/export/graph.graphml?id=${encodeURIComponent(String(pick(rnd, ODD_VALUES)))}&depth=${String(pick(rnd, ODD_VALUES))}`, '/health', '/../../etc/passwd', '/graphql/%ff']);
      requests.push({ method: 'GET', path, headers, label: `GET ${path.slice(0, 120)}` });
    }
  }
  return requests;
}

/** The payloads a response may echo back (in a NOT_FOUND message, say): not leaks of ours. */
export const withoutEchoes = (text: string): string =>
  [...ODD_VALUES, ...TOKENS].filter((v): v is string => typeof v === 'string' && v.length > 3).reduce((t, v) => t.split(JSON.stringify(v).slice(1, -1)).join(''), text);

/** What a response must never contain: stacks, file paths, Cypher or driver internals. */
export const LEAKS = /\bat [\w.<>]+ \(|node_modules|\/work\/|\/home\/|\bMATCH \(|\bRETURN\b.*\bAS\b|Neo\.(Client|Transient|Database)Error|neo4j-driver|stacktrace/;
