// The example client (examples/client/main.ts) run as its README says, against the real server.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { REPO_ROOT, SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const run = promisify(execFile);

describe('examples/client/main.ts', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db.close();
  });

  it('prints the figures about Lào Cai, Bắc Ninh’s organizations with their campaigns, and every entity page by page', async () => {
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    // The server's base URL: the client appends /graphql itself.
    const { stdout } = await run(tsx, ['examples/client/main.ts', server.url], { cwd: REPO_ROOT, timeout: 60_000 });

    expect(stdout).toMatch(/^Figures about Lào Cai \(/m);
    expect(stdout).toContain('MORE_THAN 49300 đảng viên, 2020 — "');
    expect(stdout).toContain('EXACT 2800 đảng viên, 2015-2020');

    expect(stdout).toMatch(/^Organizations in Bắc Ninh:$/m);
    expect(stdout).toMatch(/^ {2}Ủy ban MTTQ tỉnh Bắc Ninh \[/m);
    expect(stdout).toMatch(/^ {4}- Bắc Ninh hành động vì môi trường sạch \[/m);

    // Every entity exactly once across the pages, 5 to a page.
    const pages = [...stdout.matchAll(/^Entities page (\d+) \((\d+) of (\d+)\):$/gm)];
    const total = Number(pages[0]?.[3]);
    const res = await server.query<{ entities: { totalCount: number } }>('{ entities { totalCount } }');
    expect(total).toBe(res.data!.entities.totalCount);
    expect(pages.map((p) => Number(p[1]))).toEqual(Array.from({ length: Math.ceil(total / 5) }, (_, i) => i + 1));
    expect(pages.reduce((n, p) => n + Number(p[2]), 0)).toBe(total);
    const entityLines = stdout.slice(pages[0]!.index).split('\n').filter((l) => /^ {2}(ADMINISTRATIVE_UNIT|ORGANIZATION|CAMPAIGN|PERSON) /.test(l));
    expect(entityLines).toHaveLength(total);
    expect(new Set(entityLines).size).toBe(total);
  });
});
