// The cost model sees what a request can return — variables included — and refuses an
// operation over the limit before any resolver runs, with the cost and the limit in the error.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coercedVariables, LIST_SIZES, operationCost } from '../../src/api/cost.ts';
import { planOperation } from '../../src/api/plan.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { DEFAULT_LIMITS } from '../../src/config/index.ts';
import { SCHEMA_PATH } from '../../src/server/app.ts';
import { IDE_EXAMPLES } from '../../src/server/ide.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const costOf = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return operationCost(schema, document, operation, variables)!.cost;
};

const MAX_PAGE_SIZE = 100;
/** The cost as the server weighs it: on the plan the compiled statements are made from. */
const plannedCostOf = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const coerced = coercedVariables(schema, operation, variables)!;
  const plan = planOperation({ schema, variables: coerced, fragments, maxPageSize: MAX_PAGE_SIZE }, operation);
  return operationCost(schema, document, operation, variables, plan)!.cost;
};
const cursorAt = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

/** Three compiled levels, every page `first: $n` between the cursors $after and $before. */
const WINDOWED = `query Windowed($n: Int, $after: String, $before: String) {
  articles(first: $n, after: $after, before: $before) { edges { node { title
    entities(first: $n, after: $after, before: $before) { edges { node { name
      figures(first: $n, after: $after, before: $before) { edges { node { value } } } } } } } } } }`;

/** The request that took the server down: pages from variables, nested three deep, 30 aliases. */
const FAN_OUT = `entities(first: $n) { edges { node { name figures(first: $n) { edges { node { value
  subjects { name figures(first: $n) { edges { node { value quote } } } } } } } } } }`;
const aliased = (count: number, body: string) =>
  `query Attack($n: Int) { ${Array.from({ length: count }, (_, i) => `a${i}: ${body}`).join(' ')} }`;

describe('operation cost (pure)', () => {
  it('sizes every list field of the schema: by an argument, by its connection, or on purpose', () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
        if (!list) continue;
        const key = `${type.name}.${field.name}`;
        const sizedByArgument = field.args.some((a) => ['first', 'ids'].includes(a.name));
        const sizedByParent = field.name === 'edges' || type.name === 'Graph';
        if (!sizedByArgument && !sizedByParent && LIST_SIZES[key] === undefined) unsized.push(key);
      }
    }
    expect(unsized).toEqual([]);
    // Interfaces' list fields too: a fragment on Entity reaches them.
    expect(LIST_SIZES['Entity.aliases']).toBeGreaterThan(0);
    expect(getNamedType(schema.getType('Entity')!)).toBeDefined();
  });

  it('reads page sizes from variables exactly as from literals', () => {
    const literal = costOf(aliased(1, FAN_OUT).replace('($n: Int)', '').replace(/\$n\b/g, '100'));
    const fromVariable = costOf(aliased(1, FAN_OUT), { n: 100 });
    expect(fromVariable).toBe(literal);
    expect(fromVariable).toBeGreaterThan(100 * 100 * 3 * 100);
    // An absent variable falls back to the argument's default (20), not to nothing.
    expect(costOf(aliased(1, FAN_OUT))).toBe(costOf(aliased(1, FAN_OUT), { n: 20 }));
    // A variable's default counts too.
    expect(costOf(aliased(1, FAN_OUT).replace('($n: Int)', '($n: Int = 100)'))).toBe(literal);
  });

  it('adds aliases up, multiplies pages down, and drops what @skip/@include leave out', () => {
    const one = costOf('{ articles(first: 10) { edges { node { title } } } }');
    expect(costOf('{ a: articles(first: 10) { edges { node { title } } } b: articles(first: 10) { edges { node { title } } } }')).toBe(2 * one);
    const nested = costOf('{ articles(first: 10) { edges { node { title figures(first: 10) { edges { node { value } } } } } } }');
    expect(nested).toBeGreaterThan(10 * 10);
    const skipped = costOf(
      'query($s: Boolean!) { articles(first: 10) { edges { node { title figures(first: 10) @skip(if: $s) { edges { node { value } } } } } } }',
      { s: true },
    );
    expect(skipped).toBe(one);
  });

  it('follows fragments and weighs scans', () => {
    const inline = costOf('{ search(text: "x", first: 50) { edges { node { ... on Organization { campaigns(first: 50) { totalCount } } } } } }');
    const spread = costOf(
      '{ search(text: "x", first: 50) { edges { node { ...C } } } } fragment C on Organization { campaigns(first: 50) { totalCount } }',
    );
    expect(spread).toBe(inline);
    expect(inline).toBeGreaterThan(50 * 2);
    expect(costOf('{ figureSummary(groupBy: UNIT) { key } }')).toBeGreaterThan(10_000);
  });

  it('keeps the ordinary queries, the IDE examples and GraphiQL introspection well inside the limit', () => {
    for (const example of IDE_EXAMPLES) {
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
      expect(costOf(example.query, variables)).toBeLessThan(DEFAULT_LIMITS.maxCost / 10);
    }
    const introspection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    expect(costOf(introspection)).toBeLessThan(DEFAULT_LIMITS.maxCost / 2);
    // Nested introspection multiplies like any list.
    const nestedIntrospection = `{ __schema { types { ${'fields { type { '.repeat(6)} name ${'} } '.repeat(6)} } } }`;
    expect(costOf(nestedIntrospection)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });
});

describe('operation cost on the compiled plan (pure)', () => {
  it('weighs a planned page as the statement reads it: the window between the cursors, not `first`', () => {
    const window = { n: 100, after: cursorAt(9), before: cursorAt(12) }; // offsets 10 and 11
    expect(plannedCostOf(WINDOWED, window)).toBe(costOf(WINDOWED, { n: 2 }));
    expect(costOf(WINDOWED, window)).toBe(costOf(WINDOWED, { n: 100 }));
    // A page read backward from the end is not planned (it needs the list's length): `last` weighs.
    const backward = '{ articles(last: 30) { edges { node { entities(last: 30) { edges { node { name } } } } } } }';
    expect(plannedCostOf(backward)).toBe(costOf(backward));
  });

  it('agrees with the arguments wherever the page is the arguments', () => {
    const shapes: [string, Record<string, unknown>?][] = [
      [aliased(3, FAN_OUT), { n: 40 }],
      ['{ entity(id: "x") { name relations(first: 10) { edges { node { type other { name } evidence(first: 3) { edges { node { quote } } } } } } figures(first: 7) { totalCount edges { node { value mentions(first: 2) { edges { node { quote } } } } } } } }'],
      ['{ organizations(first: 15) { edges { node { ...O } } } } fragment O on Organization { campaigns(first: 4) { edges { node { name runBy(first: 2) { totalCount } } } } }'],
      ['query($s: Boolean!) { articles { edges { node { entities(first: 9) @skip(if: $s) { edges { node { name } } } sentences(first: 5) { edges { node { text } } } } } } }', { s: false }],
    ];
    for (const [query, variables] of shapes) expect(plannedCostOf(query, variables)).toBe(costOf(query, variables));
  });
});

describe('cost limit over HTTP', () => {
  const db = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  const expectStillServing = async () => {
    const res = await server.query<{ search: { edges: { node: { name: string } }[] } }>('{ search(text: "lao cai", first: 1) { edges { node { name } } } }');
    expect(res.data!.search.edges[0]!.node.name).toBe('Lào Cai');
  };

  it.each([30, 5, 1])('refuses the %i-alias fan-out with pages from variables, before any resolver runs', async (aliases) => {
    const started = performance.now();
    const res = await server.query(aliased(aliases, FAN_OUT), { n: 100 });
    expect(res.status).toBe(400);
    expect(res.data ?? undefined).toBeUndefined();
    expect(res.extensions?.cypherRoundTrips ?? 0).toBe(0);
    const error = res.errors![0]!;
    expect(error.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(error.extensions?.['maxCost']).toBe(DEFAULT_LIMITS.maxCost);
    expect(error.extensions?.['cost']).toBe(costOf(aliased(aliases, FAN_OUT), { n: 100 }));
    expect(error.message).toMatch(new RegExp(`cost of ${String(error.extensions?.['cost'])} is over the limit of ${DEFAULT_LIMITS.maxCost}`));
    expect(performance.now() - started).toBeLessThan(2_000);
    await expectStillServing();
  });

  it('refuses the same fan-out written with literal pages, and a deep introspection', async () => {
    const literal = await server.query(aliased(5, FAN_OUT).replace('($n: Int)', '').replace(/\$n\b/g, '100'));
    expect(literal.errors![0]!.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    const introspection = await server.query(`{ __schema { types { ${'fields { type { '.repeat(6)} name ${'} } '.repeat(6)} } } }`);
    // graphql-js's own introspection-depth rule may see it first; either way it never runs.
    expect(['COST_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED']).toContain(introspection.errors![0]!.extensions?.code);
    expect(introspection.data ?? undefined).toBeUndefined();
    await expectStillServing();
  });

  it('weighs the pages the statements read: a window of two between cursors runs where `first: 100` alone is refused', async () => {
    const window = { n: 100, before: cursorAt(2) }; // offsets 0 and 1 at every level
    expect(costOf(WINDOWED, window)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    const res = await server.query<{
      articles: { edges: { node: { entities: { edges: { node: { figures: { edges: unknown[] } } }[] } } }[] };
    }>(WINDOWED, window);
    expect(res.errors).toBeUndefined();
    const articles = res.data!.articles.edges;
    const entities = articles.flatMap((a) => a.node.entities.edges);
    expect(articles.length).toBeGreaterThan(0);
    expect(entities.length).toBe(2);
    for (const e of entities) expect(e.node.figures.edges.length).toBeLessThanOrEqual(2);
    expect(res.extensions?.cypherRoundTrips).toBe(1);
    const unbounded = await server.query(WINDOWED, { n: 100 });
    expect(unbounded.errors![0]!.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('runs the same shape at small pages, and a plan remembered for them never lets big pages through', async () => {
    // The server keeps each (document, variables)'s plan and cost: the same text with other
    // variables is weighed anew, whatever ran before it.
    for (const n of [5, 5, 100, 5, 100]) {
      const res = await server.query(aliased(3, FAN_OUT), { n });
      if (n === 5) {
        expect(res.errors, `n = ${n}`).toBeUndefined();
        expect(Object.keys(res.data!)).toEqual(['a0', 'a1', 'a2']);
      } else {
        expect(res.errors![0]!.extensions?.code, `n = ${n}`).toBe('COST_LIMIT_EXCEEDED');
        expect(res.extensions?.cypherRoundTrips ?? 0).toBe(0);
      }
    }
  });
});
