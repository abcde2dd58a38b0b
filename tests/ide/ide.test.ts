// The GraphQL IDE in a real browser: GET /graphql opens GraphiQL, served from our own packages
// (no request leaves localhost), with example operations preloaded that run against the graph.
// Uses Debian's chromium through playwright-core; no browser is ever downloaded.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { IDE_EXAMPLES } from '../../src/server/ide.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Skipped only when the browser is not installed (.ci/run installs it, so CI always runs this).
const skipReason = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does it)`;

const INTROSPECTION = '{ __schema { queryType { name } } }';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe.skipIf(skipReason)(`the GraphQL IDE in chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
    profile = await mkdtemp(path.join(os.tmpdir(), 'vnkg-ide-chromium-'));
    // A fresh profile: launchPersistentContext passes it as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    browser.on('request', (request) => requested.push(request.url()));
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await server?.close();
    await db.close();
  });

  const resultText = () => page.locator('.graphiql-response .result-window').innerText();

  it('opens GraphiQL at /graphql with the example operations preloaded', async () => {
    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor({ timeout: 20_000 });
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(['LaoCaiFigures', 'BacNinhOrganizations', 'RefetchNode', 'EntitiesPage']);
    expect(await page.locator('.graphiql-query-editor .CodeMirror').first().innerText()).toContain('query LaoCaiFigures');
  }, 60_000);

  it('runs the preloaded Lào Cai query with the run button and shows the figures of the seed article', async () => {
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(resultText, { timeout: 20_000 }).toContain('"data"');
    const text = await resultText();
    expect(text).toContain('"totalCount": 3');
    expect(text).toContain('hơn 49.300 đảng viên');
    expect(text).toContain('"qualifier": "MORE_THAN"');
    expect(text).not.toContain('"errors"');
  }, 60_000);

  it('runs the node() refetch tab, with its variables, on Ctrl+Enter', async () => {
    await page.locator('.graphiql-tab', { hasText: 'RefetchNode' }).click();
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await expect.poll(() => editor.innerText()).toContain('query RefetchNode');
    // GraphiQL takes the operation name and variables from the editors after a short debounce,
    // and stores them when it has: wait for that, or a fast Ctrl+Enter runs with stale ones.
    await page.waitForFunction(
      () =>
        localStorage.getItem('graphiql:operationName') === 'RefetchNode' &&
        (localStorage.getItem('graphiql:variables') ?? '').includes('province:lao-cai'),
      null,
      { timeout: 20_000 },
    );
    await editor.click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(resultText, { timeout: 20_000 }).toContain('"__typename": "AdministrativeUnit"');
    expect(await resultText()).toContain('"id": "province:lao-cai"');
  }, 60_000);

  it('loads the schema by introspection and shows its documentation', async () => {
    await page.getByRole('button', { name: /Documentation Explorer/ }).first().click();
    const docs = page.locator('.graphiql-doc-explorer');
    // The root page lists the root types and every type of the schema.
    await expect.poll(() => docs.innerText(), { timeout: 20_000 }).toContain('AdministrativeUnit');
    expect(await docs.innerText()).toMatch(/query:\s*Query/);
  }, 60_000);

  it('made no request outside localhost and raised no page error', () => {
    expect(requested.length).toBeGreaterThan(0);
    const outside = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    });
    expect(outside).toEqual([]);
    expect(requested).toContain(`${server.url}/ide/graphiql.js`);
    expect(pageErrors).toEqual([]);
  });

  it('runs every preloaded example without errors', async () => {
    for (const example of IDE_EXAMPLES) {
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : undefined;
      const res = await server.query(example.query, variables);
      expect(res.errors, example.query.split('\n')[0]).toBeUndefined();
      expect(res.status).toBe(200);
    }
  });

  it('leaves POST and GET-with-query to the GraphQL endpoint', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toMatchObject({ data: { __typename: 'Query' } });
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});

describe('with VNKG_IDE=false and VNKG_INTROSPECTION=false', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(db, { ide: false, introspection: false });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('serves no IDE page and no IDE assets', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('<html');
    expect((await fetch(`${server.url}/ide/graphiql.js`)).status).toBe(404);
  });

  it('rejects an introspection query with GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await server.query(INTROSPECTION);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('still answers ordinary queries', async () => {
    const res = await server.query('{ __typename articles(first: 1) { totalCount } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ __typename: 'Query' });
  });
});

describe('by default (IDE and introspection on)', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('serves the IDE page only to a browser and answers introspection', async () => {
    const html = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await html.text()).toContain('/ide/graphiql.js');
    const json = await fetch(`${server.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type') ?? '').not.toContain('text/html');
    const res = await server.query(INTROSPECTION);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
