// The executor Apollo Server runs operations with (server/executor.ts): graphql-js for a
// document's first runs, graphql-jit's compiled function after, with the same answers, errors
// included. The schema here is a small one of its own: what is checked is the switch between
// executors; the API's answers under both are compared in tests/api/compiled.test.ts.
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compilingExecutor, type CompilingExecutor } from '../../src/server/executor.ts';

const schema = makeExecutableSchema<{ calls: string[] }>({
  typeDefs: `
    type Query { province(id: ID!): Province, provinces(first: Int = 2): [Province!]! }
    type Province { id: ID!, name: String!, population: Int }
  `,
  resolvers: {
    Query: {
      province: (_root, { id }: { id: string }, ctx) => {
        ctx.calls.push(`province ${id}`);
        if (id === 'missing') throw new GraphQLError(`No province has the id "${id}".`, { extensions: { code: 'NOT_FOUND' } });
        if (id === 'broken') throw new TypeError('the store answered nonsense');
        return { id, name: `Tỉnh ${id}` };
      },
      provinces: (_root, { first }: { first: number }) => ['lao-cai', 'yen-bai', 'ha-giang'].slice(0, first).map((id) => ({ id, name: id })),
    },
  },
});

/** What the executor reads of Apollo's request context. */
function request(document: DocumentNode, variables: Record<string, unknown>, calls: string[] = []): GatewayGraphQLRequestContext {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return { document, operation, operationName: null, context: { calls }, request: { variables } } as unknown as GatewayGraphQLRequestContext;
}

const run = async (executor: CompilingExecutor, document: DocumentNode, variables: Record<string, unknown> = {}) =>
  JSON.parse(JSON.stringify(await executor(request(document, variables)))) as unknown;

describe('the compiling executor', () => {
  const PROVINCE = parse('query P($id: ID!) { province(id: $id) { id name population } provinces { id } }');

  it('runs a document with graphql-js first, compiled from its second run, with the same answer', async () => {
    const executor = compilingExecutor(schema);
    const first = await run(executor, PROVINCE, { id: 'lao-cai' });
    expect(executor.isCompiled(PROVINCE, null)).toBe(false);
    const second = await run(executor, PROVINCE, { id: 'lao-cai' });
    expect(executor.isCompiled(PROVINCE, null)).toBe(true);
    expect(second).toEqual(first);
    expect(first).toEqual({
      data: { province: { id: 'lao-cai', name: 'Tỉnh lao-cai', population: null }, provinces: [{ id: 'lao-cai' }, { id: 'yen-bai' }] },
    });
  });

  it('never compiles a document that runs once, and compiles from the first run when told to', async () => {
    const once = parse('{ provinces(first: 1) { name } }');
    const lazy = compilingExecutor(schema);
    await run(lazy, once);
    expect(lazy.isCompiled(once, null)).toBe(false);

    const eager = compilingExecutor(schema, 0);
    await run(eager, once);
    expect(eager.isCompiled(once, null)).toBe(true);

    const never = compilingExecutor(schema, Infinity);
    for (let i = 0; i < 3; i++) await run(never, once);
    expect(never.isCompiled(once, null)).toBe(false);
  });

  it('refuses variables that do not coerce as graphql-js does, with the location Apollo needs for a 400', async () => {
    const jit = compilingExecutor(schema, 0);
    const js = compilingExecutor(schema, Infinity);
    for (const variables of [{ id: { nested: true } }, {}, { id: 'x', extra: 2147483648 }]) {
      const compiled = (await jit(request(PROVINCE, variables))) as { errors?: readonly GraphQLError[] };
      const reference = (await js(request(PROVINCE, variables))) as { errors?: readonly GraphQLError[] };
      expect(JSON.parse(JSON.stringify(compiled))).toEqual(JSON.parse(JSON.stringify(reference)));
      if (reference.errors) {
        expect(compiled.errors![0]!.nodes?.[0]?.kind).toBe(Kind.VARIABLE_DEFINITION);
        expect(compiled.errors![0]!.message).toMatch(/^Variable "\$id"/);
      }
    }
    expect(jit.isCompiled(PROVINCE, null)).toBe(true);
  });

  it('reports a resolver error at its path with its code, keeping the rest of the answer', async () => {
    const jit = compilingExecutor(schema, 0);
    const js = compilingExecutor(schema, Infinity);
    const calls: string[] = [];
    const compiled = await jit(request(PROVINCE, { id: 'missing' }, calls));
    const reference = await js(request(PROVINCE, { id: 'missing' }));
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(JSON.parse(JSON.stringify(reference)));
    expect(compiled.data).toEqual({ province: null, provinces: [{ id: 'lao-cai' }, { id: 'yen-bai' }] });
    expect(compiled.errors?.[0]).toMatchObject({ path: ['province'], extensions: { code: 'NOT_FOUND' } });
    // The resolver's own error stays reachable, as formatError (api/errors.ts) reads it.
    expect((compiled.errors?.[0] as GraphQLError).originalError?.message).toBe('No province has the id "missing".');
    expect(calls).toEqual(['province missing']);
  });

  it("reports an error that is not a GraphQLError as graphql-js does: extensions an object, the cause kept", async () => {
    const jit = compilingExecutor(schema, 0);
    const js = compilingExecutor(schema, Infinity);
    const compiled = await jit(request(PROVINCE, { id: 'broken' }));
    const reference = await js(request(PROVINCE, { id: 'broken' }));
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(JSON.parse(JSON.stringify(reference)));
    const error = compiled.errors![0]!;
    // Apollo writes the error's code into its extensions.
    expect(error.extensions).toEqual({});
    expect(error.locations).toEqual([{ line: 1, column: 21 }]);
    expect(error.originalError).toBeInstanceOf(TypeError);
  });
});
