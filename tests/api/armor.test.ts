// GraphQL Armor: abusive operations are refused before any resolver runs, with a coded error and
// a 400, and the server goes on serving; ordinary queries (the IDE's examples included) pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { ARMOR_LIMITS } from '../../src/server/armor.ts';
import { IDE_EXAMPLES } from '../../src/server/ide.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.ts';

const REJECTED = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];

/** search → edges → node → relations → edges → node → from → relations …: a selection `depth` levels deep. */
function deepQuery(depth: number): string {
  // Pages of one keep the cost small: this is about depth alone.
  const cycle = ['relations(first: 1)', 'edges', 'node', 'from'];
  const fields = ['search(text: "lao cai")', 'edges', 'node'];
  while (fields.length < depth - 1) fields.push(cycle[(fields.length - 3) % cycle.length]!);
  // The leaf at level `depth` must be a scalar of the innermost field's type.
  const innermost = fields.at(-1)!.split('(')[0]!;
  const leaf = innermost === 'edges' ? 'cursor' : innermost === 'node' || innermost === 'from' ? 'id' : 'totalCount';
  return `{ ${fields.reduceRight((body, field) => `${field} { ${body} }`, leaf)} }`;
}

describe('GraphQL Armor limits', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let locked: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
    locked = await startTestServer(db, { introspection: false });
  });
  afterAll(async () => {
    await server.close();
    await locked.close();
    await db.close();
  });

  const expectRejected = (res: GraphQLResponse, message: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.data ?? undefined).toBeUndefined();
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(REJECTED).toContain(res.errors![0]!.extensions?.code);
    expect(res.errors!.map((e) => e.message).join('\n')).toMatch(message);
  };

  const expectStillServing = async () => {
    const res = await server.query<{ search: { edges: { node: { name: string } }[] } }>(
      '{ search(text: "lao cai", first: 1) { edges { node { name } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.search.edges[0]!.node.name).toBe('Lào Cai');
  };

  it('accepts a query at the depth limit', async () => {
    const res = await server.query(deepQuery(ARMOR_LIMITS.maxDepth));
    expect(res.errors).toBeUndefined();
  });

  it('accepts a full page of 100 entities with their relations, figures and mentions', async () => {
    const res = await server.query(`{
      entities(first: 100) { totalCount edges { node {
        name
        relations { edges { node { type from { name } to { name } evidence { edges { node { quote sentence { text } } } } } } }
        figures { edges { node { value unit subjects { name } sentence { text } article { title } } } }
        mentions { edges { node { text sentence { index } article { title } } } }
      } } }
    }`);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a query 30 levels deep with a clear, coded error', async () => {
    const res = await server.query(deepQuery(30));
    expectRejected(res, new RegExp(`depth limit of ${ARMOR_LIMITS.maxDepth} exceeded, found 30`));
    expect(res.errors).toContainEqual({
      message: `Query depth limit of ${ARMOR_LIMITS.maxDepth} exceeded, found 30.`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    await expectStillServing();
  });

  it('refuses 500 aliases', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: provinces { totalCount }`).join(' ');
    const res = await server.query(`{ ${aliases} }`);
    expectRejected(res, new RegExp(`Aliases limit of ${ARMOR_LIMITS.maxAliases} exceeded, found 500`));
    await expectStillServing();
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: ARMOR_LIMITS.maxDirectives + 1 }, () => '__typename @include(if: true)');
    const res = await server.query(`{ ${fields.join(' ')} }`);
    expectRejected(res, new RegExp(`Directives limit of ${ARMOR_LIMITS.maxDirectives} exceeded`));
    await expectStillServing();
  });

  it('refuses a document of too many tokens as a parse failure', async () => {
    const res = await server.query(`{ ${'__typename '.repeat(ARMOR_LIMITS.maxTokens + 10)} }`);
    expectRejected(res, new RegExp(`more tha[nt] ${ARMOR_LIMITS.maxTokens} tokens`)); // graphql-js spells it "more that"
    expect(res.errors![0]!.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    await expectStillServing();
  });

  it('still reports syntax errors as GRAPHQL_PARSE_FAILED with status 400', async () => {
    const res = await server.query('{ articles { totalCount ');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('lets the IDE examples and GraphiQL introspection through', async () => {
    for (const example of IDE_EXAMPLES) {
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
      const res = await server.query(example.query, variables);
      expect(res.errors, example.query.split('\n')[0]).toBeUndefined();
    }
    const { getIntrospectionQuery } = await import('graphql');
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const res = await server.query(introspection);
    expect(res.errors).toBeUndefined();
  });

  it('suggests field names while introspection is on, and hides them when it is off', async () => {
    const open = await server.query('{ artcles { totalCount } }');
    expect(open.errors?.[0]?.message).toMatch(/Did you mean "articles"/);
    const closed = await locked.query('{ artcles { totalCount } }');
    expect(closed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(closed.errors?.[0]?.message).toContain('artcles');
    expect(closed.errors?.[0]?.message).not.toMatch(/Did you mean|articles/);
  });

  it('sends no stack traces to clients', async () => {
    const res = await server.query('{ nope }');
    expect(JSON.stringify(res.errors)).not.toContain('stacktrace');
  });
});
