// Neo4j Browser at /browser against the running server and the real embedded Neo4j: the files
// are served offline, the Bolt relay logs every connection in as the read-only account with a
// bounded transaction time and refuses other sites, the guide's queries run, and in Chromium the
// Browser connects by itself, reads, and is refused a write. Screenshots: test-artifacts/browser/.
import net from 'node:net';
import { readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ConfigError, loadConfig } from '../../src/config/index.ts';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { NEO4J_BROWSER_DIR } from '../../src/neo4j/prepare.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { neo4jBrowserFor, type Neo4jBrowser } from '../../src/server/browser.ts';
import { chromiumSkipReason, openBrowser, type TestBrowser } from '../support/chromium.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, resetGraph, testConnection, testReader } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const reader = testReader();
const TIMEOUT_MS = 1_500;
const GUIDE_QUERIES = [...readFileSync(new URL('../../src/server/browser-guide.html', import.meta.url), 'utf8').matchAll(/<pre class="[^"]*runnable[^"]*">([\s\S]*?)<\/pre>/g)].map((m) =>
  m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
);

/**
 * A TCP port that tunnels to the relay's WebSocket, so Node's neo4j-driver (TCP only) speaks
 * Bolt through exactly the path a web page uses.
 */
async function tcpToWebSocket(wsUrl: string, origin?: string): Promise<{ uri: string; close(): Promise<void> }> {
  const server = net.createServer((tcp) => {
    const ws = new WebSocket(wsUrl, origin ? { headers: { origin } } : {});
    const early: Buffer[] = [];
    ws.on('open', () => early.splice(0).forEach((b) => ws.send(b)));
    tcp.on('data', (data) => (ws.readyState === WebSocket.OPEN ? ws.send(data) : early.push(data)));
    ws.on('message', (data) => tcp.write(data as Buffer));
    ws.on('close', () => tcp.destroy());
    ws.on('error', () => tcp.destroy());
    tcp.on('close', () => ws.close());
    tcp.on('error', () => ws.terminate());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { uri: `bolt://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const driverWithoutPassword = (uri: string): Driver => neo4j.driver(uri, undefined, { maxConnectionPoolSize: 2, connectionAcquisitionTimeout: 10_000 });

describe('VNKG_BROWSER', () => {
  it('is on for a loopback server and off beyond it unless asked for', () => {
    expect(loadConfig({}).browser).toBe(true);
    expect(loadConfig({ VNKG_HOST: '::1' }).browser).toBe(true);
    expect(loadConfig({ VNKG_HOST: '0.0.0.0' }).browser).toBe(false);
    expect(loadConfig({ VNKG_HOST: '0.0.0.0', VNKG_BROWSER: 'true' }).browser).toBe(true);
    expect(loadConfig({ VNKG_BROWSER: 'false' }).browser).toBe(false);
    expect(loadConfig({}).browserTimeoutMs).toBe(30_000);
    expect(() => loadConfig({ VNKG_BROWSER_TIMEOUT_MS: '10' })).toThrow(ConfigError);
  });
});

describe.skipIf(!reader)('Neo4j Browser at /browser', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let tunnel: Awaited<ReturnType<typeof tcpToWebSocket>>;
  let driver: Driver;

  beforeAll(async () => {
    await resetGraph(db);
    await loadGazetteer(db, gazetteerGraph());
    await ingestFile(db, SEED_FILE);
    const browser = neo4jBrowserFor({ browser: true, browserTimeoutMs: TIMEOUT_MS, neo4j: undefined }, { uri: testConnection().uri, credentials: reader! }, NEO4J_BROWSER_DIR);
    server = await startTestServer(db, { neo4jBrowser: browser });
    tunnel = await tcpToWebSocket(server.url.replace(/^http/, 'ws') + '/');
    driver = driverWithoutPassword(tunnel.uri);
  });
  afterAll(async () => {
    await driver?.close();
    await tunnel?.close();
    await server?.close();
    await db.close();
  });

  describe('over HTTP', () => {
    it('sends /browser to the Browser with this server as its Bolt address and vnkg’s guide', async () => {
      const res = await fetch(`${server.url}/browser`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const start = new URL(res.headers.get('location')!, server.url);
      expect(start.pathname).toBe('/browser/');
      const host = new URL(server.url).host;
      expect(start.searchParams.get('dbms')).toBe(`bolt://${host}`);
      expect(start.searchParams.get('preselectAuthMethod')).toBe('NO_AUTH');
      // The Browser fetches guides only from `localhost` unless its server says otherwise.
      expect(start.searchParams.get('arg')).toBe(`http://${host.replace('127.0.0.1', 'localhost')}/browser/vnkg-guide.html`);
    });

    it('serves the Browser’s own files, kept on this origin by its policy', async () => {
      const res = await fetch(`${server.url}/browser/?dbms=bolt://x`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<title>Neo4j Browser</title>');
      const policy = res.headers.get('content-security-policy')!;
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain(`connect-src 'self' http://localhost:${new URL(server.url).port}`);
      const script = /<script src="(app-[^"]+\.js)"/.exec(html)![1];
      const app = await fetch(`${server.url}/browser/${script}`);
      expect(app.status).toBe(200);
      expect(app.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(`${server.url}/browser/no-such-file.js`)).status).toBe(404);
    });

    it('serves the guide to any origin, preflight included, and the discovery document to the Browser', async () => {
      const preflight = await fetch(`${server.url}/browser/vnkg-guide.html`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'GET', 'access-control-request-headers': 'pragma,cache-control' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      const guide = await fetch(`${server.url}/browser/vnkg-guide.html`, { headers: { origin: 'http://127.0.0.1:1' } });
      expect(guide.headers.get('access-control-allow-origin')).toBe('*');
      expect(await guide.text()).toContain('<slide');
      const discovery = await fetch(`${server.url}/`, { headers: { accept: 'application/json' } });
      expect(await discovery.json()).toEqual({ bolt_direct: `bolt://${new URL(server.url).host}`, neo4j_edition: 'community' });
      // A browser opening the address still gets the home page.
      expect((await fetch(`${server.url}/`, { headers: { accept: 'text/html' } })).headers.get('content-type')).toMatch(/^text\/html/);
    });

    it('says where to connect instead when vnkg uses an external Neo4j, or listens beyond loopback', async () => {
      const external: Neo4jBrowser = neo4jBrowserFor(
        { browser: true, browserTimeoutMs: 1000, neo4j: { uri: 'neo4j+s://user:secret@graph.example.org:7687', username: 'u', password: 'p', database: undefined } },
        undefined,
        NEO4J_BROWSER_DIR,
      );
      const off = neo4jBrowserFor({ browser: false, browserTimeoutMs: 1000, neo4j: undefined }, { uri: testConnection().uri, credentials: reader! }, NEO4J_BROWSER_DIR);
      for (const [browser, expected] of [[external, 'external Neo4j at neo4j+s://graph.example.org:7687'], [off, 'VNKG_BROWSER=true']] as const) {
        const other = await startTestServer(db, { neo4jBrowser: browser });
        try {
          const page = await fetch(`${other.url}/browser`);
          expect(page.status).toBe(200);
          const html = await page.text();
          expect(html).toContain(expected);
          expect(html).not.toContain('secret');
          // No relay: a WebSocket on "/" is not accepted.
          const refused = await new Promise<string>((resolve) => {
            const ws = new WebSocket(other.url.replace(/^http/, 'ws') + '/');
            ws.on('open', () => resolve('open'));
            ws.on('error', (error) => resolve(error.message));
          });
          expect(refused).not.toBe('open');
        } finally {
          await other.close();
        }
      }
    });
  });

  describe('the Bolt relay', () => {
    it('logs a client that sent no password in as the read-only account: reads run', async () => {
      const session = driver.session();
      try {
        const result = await session.run('MATCH (a:Article) RETURN count(a) AS articles');
        expect(result.records[0]!.get('articles').toNumber()).toBe(1);
      } finally {
        await session.close();
      }
    });

    it('refuses every write, whatever the client asks for, and the graph stays as it was', async () => {
      const before = await db.read<{ title: string }>('MATCH (a:Article) RETURN a.title AS title', {});
      const attempts = [
        "MATCH (a:Article) SET a.title = 'defaced'",
        'MATCH (n) DETACH DELETE n',
        "CREATE (:Entity {id: 'org:intruder'})",
        'CREATE INDEX intruder FOR (n:Entity) ON (n.name)',
      ];
      for (const query of attempts) {
        const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
        try {
          await expect(session.executeWrite((tx) => tx.run(query)), query).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Forbidden' });
        } finally {
          await session.close();
        }
      }
      const system = driver.session({ database: 'system' });
      try {
        await expect(system.run("CREATE USER intruder SET PASSWORD 'intruder-password'")).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Forbidden' });
      } finally {
        await system.close();
      }
      expect(await db.read('MATCH (a:Article) RETURN a.title AS title', {})).toEqual(before);
    });

    it('ends a transaction at the relay’s time limit, even when the client asked for none or a longer one', async () => {
      const slow = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)';
      for (const txConfig of [undefined, { timeout: 600_000 }]) {
        const session = driver.session();
        const started = Date.now();
        try {
          await expect(session.run(slow, {}, txConfig)).rejects.toMatchObject({ code: expect.stringMatching(/TransactionTimedOut|Terminated/) });
        } finally {
          await session.close();
        }
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 10_000);
      }
    });

    it('runs every query of the guide, each returning rows on the seed graph', async () => {
      expect(GUIDE_QUERIES.length).toBeGreaterThanOrEqual(5);
      for (const query of GUIDE_QUERIES) {
        const session = driver.session();
        try {
          const result = await session.run(query);
          expect(result.records.length, query).toBeGreaterThan(0);
        } finally {
          await session.close();
        }
      }
    });

    it('refuses WebSockets from another site’s page, and on other paths', async () => {
      const wsUrl = server.url.replace(/^http/, 'ws');
      const outcome = (url: string, origin?: string) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url, origin ? { headers: { origin } } : {});
          ws.on('open', () => (ws.close(), resolve('open')));
          ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
          ws.on('error', (error) => resolve(error.message));
        });
      expect(await outcome(`${wsUrl}/`, 'https://evil.example')).toBe('403');
      expect(await outcome(`${wsUrl}/graphql`)).toBe('404');
      expect(await outcome(`${wsUrl}/`, server.url)).toBe('open');
      // A page that is not Bolt gets the connection closed, and the server keeps serving.
      const closed = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${wsUrl}/`);
        ws.on('open', () => ws.send(Buffer.from('GET / HTTP/1.1\r\n\r\n0123456789')));
        ws.on('close', (code) => resolve(code));
      });
      expect(closed).toBe(1002);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    });
  });

  describe.skipIf(chromiumSkipReason)('in Chromium', () => {
    let browser: TestBrowser;
    beforeAll(async () => {
      browser = await openBrowser('browser');
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('connects by itself, opens vnkg’s guide, reads, and is refused a write', async () => {
      const { page } = browser;
      await page.goto(`${server.url}/browser`);
      await page.getByText(`You are connected to bolt://${new URL(server.url).host}`).waitFor({ timeout: 30_000 });
      // The guide, fetched from this server.
      await page.locator('#guide-drawer').getByText('vnkg in Cypher').first().waitFor();
      await browser.screenshot('connected-with-guide');

      // A guide query clicked into the editor and run.
      await page.locator('#guide-drawer pre.runnable').first().click();
      await page.getByTestId('editor-Run').click();
      const latest = page.getByTestId('frame').first();
      await latest.getByText(/Started streaming \d+ records/).waitFor({ timeout: 15_000 });
      expect(await latest.innerText()).toContain('AdministrativeUnit');
      await browser.screenshot('read');

      // A write, typed as a user would.
      await page.getByTestId('activeEditor').click();
      await page.keyboard.type("MATCH (a:Article) SET a.title = 'defaced' RETURN a");
      await page.getByTestId('editor-Run').click();
      await latest.getByText('Neo.ClientError.Security.Forbidden').waitFor({ timeout: 15_000 });
      expect(await latest.innerText()).toMatch(/not allowed for user 'reader'/);
      // The Browser slides a new frame in: let it settle before the picture.
      await page.waitForTimeout(1_000);
      await browser.screenshot('write-refused');
      const titles = await db.read<{ title: string }>('MATCH (a:Article) RETURN a.title AS title', {});
      expect(titles.map((t) => t.title)).not.toContain('defaced');

      // Nothing was loaded from outside this machine that was not blocked (fonts, telemetry).
      expect(browser.pageErrors).toEqual([]);
    });
  });
});
