// A bounded fuzz run against the real server: a few hundred generated hostile requests give no
// 5xx, no stack, no Cypher or driver text, and the server still answers afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { fuzzRequests, LEAKS, withoutEchoes } from '../support/fuzz.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SEED = 20261205;
const COUNT = 300;

describe('fuzzed requests', () => {
  const db = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db, { apiKey: 'fuzz-key-0123456789abcdef' });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it(`answers ${COUNT} generated hostile requests without a 5xx or a leak`, { timeout: 240_000 }, async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (const request of fuzzRequests(SEED, COUNT)) {
      const res = await fetch(`${server.url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) failures.push(`${res.status} for ${request.label}: ${text.slice(0, 300)}`);
      const leak = LEAKS.exec(withoutEchoes(text));
      if (leak) failures.push(`leak "${leak[0]}" for ${request.label}: ${text.slice(0, 300)}`);
      const internal = /[^{]*\{[^{}]*"INTERNAL_SERVER_ERROR"/.exec(text);
      if (internal) failures.push(`internal error for ${request.label}: …${internal[0].slice(-300)}`);
    }
    expect(failures).toEqual([]);
    // The corpus reached the resolvers as well as the guards.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(COUNT / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 10);
    const alive = await server.query<{ search: { totalCount: number } }>('{ search(text: "lao cai") { totalCount } }');
    expect(alive.data!.search.totalCount).toBeGreaterThan(0);
  });
});
