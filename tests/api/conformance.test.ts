// GraphQL over HTTP conformance: graphql-http's audit suite against the real /graphql endpoint.
// Every MUST audit is a test of its own; SHOULD and MAY results are tabulated (docs/conformance.md
// records them), and a SHOULD audit that is not among the known, documented failures fails the run.
import { serverAudits, type Audit, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { connectTestGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * SHOULD audits vnkg knowingly fails (see docs/conformance.md): Apollo Server answers a request
 * that fails before execution (parse, validation, variable coercion) with 400 also when the
 * client accepts only `application/json`, where the spec suggests 200. Clients of the API rely on
 * that 400 and on `extensions.code`, so it stays.
 */
const KNOWN_SHOULD_FAILURES = new Set(['572B', 'FDE2', '7B9B']);

/** The GET audits, which pass once the client sends Apollo's CSRF-prevention header. */
const GET_AUDITS = ['5A70', 'D6D5', '6A70'];

/** Adds `apollo-require-preflight` to GET requests, as a non-browser client of the GET API does. */
const fetchWithPreflight: typeof fetch = (input, init = {}) => {
  if ((init.method ?? 'GET').toUpperCase() !== 'GET') return fetch(input, init);
  const headers = new Headers(init.headers);
  headers.set('apollo-require-preflight', 'true');
  return fetch(input, { ...init, headers });
};

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  const url = () => `${server.url}/graphql`;
  const audits = serverAudits({ url });
  const levelOf = (audit: Audit) => audit.name.split(' ')[0] as 'MUST' | 'SHOULD' | 'MAY';
  const results = new Map<string, AuditResult>();

  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(async () => {
    const rows = audits.map((audit) => {
      const result = results.get(audit.id);
      return {
        id: audit.id,
        level: levelOf(audit),
        status: result?.status ?? 'not run',
        audit: audit.name.slice(levelOf(audit).length + 1),
        reason: result && result.status !== 'ok' ? result.reason : '',
      };
    });
    const count = (level: string, ok: boolean) =>
      rows.filter((r) => r.level === level && r.status !== 'not run' && (r.status === 'ok') === ok).length;
    console.log(
      `graphql-http audits: MUST ${count('MUST', true)} passed / ${count('MUST', false)} failed; ` +
        `SHOULD ${count('SHOULD', true)} passed / ${count('SHOULD', false)} failed; ` +
        `MAY ${count('MAY', true)} passed / ${count('MAY', false)} not supported`,
    );
    console.table(rows.filter((r) => r.status !== 'ok'));
    await server?.close();
    await db.close();
  });

  const run = async (audit: Audit): Promise<AuditResult> => {
    const result = await audit.fn();
    results.set(audit.id, result);
    return result;
  };

  it('has MUST, SHOULD and MAY audits to run', () => {
    expect(audits.filter((a) => levelOf(a) === 'MUST').length).toBeGreaterThan(10);
  });

  for (const audit of audits.filter((a) => levelOf(a) === 'MUST')) {
    it(`[${audit.id}] ${audit.name}`, async () => {
      const result = await run(audit);
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }

  it('passes every SHOULD audit except the documented ones', async () => {
    const failed: string[] = [];
    for (const audit of audits.filter((a) => levelOf(a) === 'SHOULD')) {
      const result = await run(audit);
      if (result.status !== 'ok' && !KNOWN_SHOULD_FAILURES.has(audit.id)) {
        failed.push(`[${audit.id}] ${audit.name}: ${result.reason}`);
      }
    }
    expect(failed).toEqual([]);
  });

  it('runs the MAY audits (reported, not required)', async () => {
    for (const audit of audits.filter((a) => levelOf(a) === 'MAY')) await run(audit);
    // Mutations over GET are refused whatever else the server allows.
    expect(results.get('9C48')?.status).toBe('ok');
  });

  it('serves GET queries to clients that send the CSRF-prevention header', async () => {
    const withPreflight = serverAudits({ url, fetchFn: fetchWithPreflight });
    for (const id of GET_AUDITS) {
      const audit = withPreflight.find((a) => a.id === id)!;
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`, `[${id}] ${audit.name}`).toBe('ok');
    }
  });
});
