// The graph explorer (/explore) in a real browser, against the running server and real Neo4j:
// search without diacritics, draw the neighbourhood, expand by clicking a node on the WebGL
// canvas, read figures and evidence in the panel, filter by date and by the 2025 merger, and stay
// fluid with a thousand nodes. Screenshots go to test-artifacts/explorer/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { DETAILS, NEIGHBOURS } from '../../src/explorer/api.ts';
import type { GraphView } from '../../src/explorer/graph-view.ts';
import { chromiumSkipReason, openBrowser, type TestBrowser } from '../support/chromium.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE, seedText } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** What the page exposes on `window.vnkgExplorer` (for the console, and this test). */
interface ExplorerHandle {
  view: GraphView;
}
declare global {
  interface Window {
    vnkgExplorer: ExplorerHandle;
  }
}

const LAO_CAI = 'province:lao-cai';
const LAO_CAI_2025 = 'province:lao-cai:2025';
const STANDING_COMMITTEE = 'org:ban-thuong-vu-tinh-uy:lao-cai';
const PARTY_COMMITTEE = 'org:tinh-uy:lao-cai';

describe('the /explore page over HTTP', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('serves the page, the bundled script and the stylesheet from this origin only', async () => {
    const page = await fetch(`${server.url}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('/explore/explore.js');
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${server.url}/explore/explore.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    const code = await script.text();
    expect(code.length).toBeGreaterThan(50_000); // sigma + graphology + the app, bundled
    expect(code).toContain('/graphql');
    expect((await fetch(`${server.url}/explore/explore.css`)).status).toBe(200);
  }, 60_000);
});

describe.skipIf(chromiumSkipReason)(`the explorer in chromium${chromiumSkipReason ? ` (skipped: ${chromiumSkipReason})` : ''}`, () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    await resetGraph(db);
    // The gazetteer gives Lào Cai its districts and its 2025 successor, as at every start.
    await loadGazetteer(db, gazetteerGraph());
    await ingestFile(db, SEED_FILE);
    // The page's behaviour is tested, not its latency: the first request of each selection shape
    // has Neo4j plan its compiled statement (about a second here), and several at once on a
    // loaded machine went past the default 5 s request limit.
    server = await startTestServer(db, { requestTimeoutMs: 60_000 });
    // Neo4j plans each compiled statement once; planning the explorer's two shapes here keeps that
    // second out of the page's clicks, whose timing the layout tests depend on.
    for (const query of [NEIGHBOURS, DETAILS]) await server.query(query, { id: LAO_CAI, figures: { subject: LAO_CAI } });
    browser = await openBrowser('explorer');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db.close();
  });

  const page = () => browser.page;
  const panelText = () => page().locator('#panel').innerText();
  const hasNode = (id: string) => page().evaluate((n) => window.vnkgExplorer.view.graph.hasNode(n), id);
  const settle = () => page().waitForFunction(() => !window.vnkgExplorer.view.layoutRunning(), null, { timeout: 20_000 });

  const panelTitle = () => page().locator('#panel h2').innerText();

  /**
   * Clicks a node where sigma drew it on the canvas until the panel shows `title`. On a loaded
   * machine a click can land between a camera move and the frame that redraws the node there,
   * and miss; the click is then retried, and the test fails only if no click ever opens it. A
   * node that other nodes cover entirely fails the test: a user could not click it either.
   */
  async function clickNodeUntilPanel(id: string, title: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      await settle();
      await page().waitForFunction(() => !window.vnkgExplorer.view.renderer.getCamera().isAnimated(), null, { timeout: 20_000 });
      // The point of the node's disc farthest inside it that no other node's disc covers: where
      // discs overlap, sigma hands the click to whichever is drawn on top.
      const point = await page().evaluate((node) => {
        const { renderer, graph } = window.vnkgExplorer.view;
        const disc = (id: string) => {
          const data = renderer.getNodeDisplayData(id);
          if (!data || data.hidden) return undefined;
          return { ...renderer.framedGraphToViewport(data), r: renderer.scaleSize(data.size) };
        };
        const target = disc(node);
        if (!target) throw new Error(`${node} is not drawn`);
        const others = graph.nodes().filter((id) => id !== node).flatMap((id) => disc(id) ?? []);
        const candidates = [{ x: target.x, y: target.y }];
        for (const reach of [0.4, 0.7]) {
          for (let k = 0; k < 12; k += 1) {
            const angle = (k * Math.PI) / 6;
            candidates.push({ x: target.x + Math.cos(angle) * target.r * reach, y: target.y + Math.sin(angle) * target.r * reach });
          }
        }
        const free = candidates.find((c) => others.every((o) => Math.hypot(c.x - o.x, c.y - o.y) > o.r + 1));
        if (!free) return undefined;
        const box = renderer.getContainer().getBoundingClientRect();
        return { x: box.left + free.x, y: box.top + free.y };
      }, id);
      if (!point) {
        if (attempt === 4) throw new Error(`${id} is covered by other nodes wherever it could be clicked`);
        continue;
      }
      await page().mouse.click(point.x, point.y);
      try {
        await expect.poll(panelTitle, { timeout: 5_000 }).toBe(title);
        return;
      } catch (missed) {
        if (attempt === 4) throw missed;
      }
    }
  }

  it('finds Lào Cai from "lao cai" and draws its neighbourhood, the 2025 successor link included', async () => {
    await page().goto(`${server.url}/explore`);
    await page().locator('#search').fill('lao cai');
    const hit = page().locator(`#results li[data-id="${LAO_CAI}"]`);
    await hit.waitFor({ timeout: 20_000 });
    expect(await hit.innerText()).toContain('Lào Cai');
    await hit.click();
    await expect.poll(() => page().locator('#panel h2').innerText(), { timeout: 20_000 }).toBe('Lào Cai');
    await expect.poll(() => hasNode(STANDING_COMMITTEE), { timeout: 20_000 }).toBe(true);
    expect(await hasNode(LAO_CAI_2025)).toBe(true);
    const successor = await page().evaluate(
      ([from, to]) => {
        const { graph } = window.vnkgExplorer.view;
        return graph.edges(from, to).map((e) => graph.getEdgeAttributes(e));
      },
      [LAO_CAI, LAO_CAI_2025] as const,
    );
    expect(successor).toMatchObject([{ relation: 'SUCCEEDED_BY', label: expect.stringContaining('1 Jul 2025') }]);
    // Colour by kind: the province and the body differ.
    const colours = await page().evaluate(
      (ids) => ids.map((id) => window.vnkgExplorer.view.graph.getNodeAttribute(id, 'color')),
      [LAO_CAI, STANDING_COMMITTEE],
    );
    expect(colours[0]).not.toBe(colours[1]);
  }, 120_000); // the first page load bundles the script, slow on a loaded machine

  it("shows Lào Cai's figures with their quotes marked in their sentences and a link to the article", async () => {
    const figure = page().locator('#panel li.figure').filter({ has: page().locator('.value', { hasText: '49.300' }) });
    await figure.waitFor({ timeout: 20_000 });
    const mark = await figure.locator('mark').innerText();
    expect(mark).toContain('49.300 đảng viên');
    const sentence = await figure.locator('.sentence').innerText();
    expect(seedText()).toContain(sentence.trim());
    expect(sentence).toContain(mark);
    expect(await figure.locator('.measure').innerText()).toBe('MEMBERS');
    expect(await figure.locator('.value').innerText()).toBe('more than 49.300 đảng viên');
    expect(await figure.locator('.period').innerText()).toBe('2020');
    expect(await figure.locator('.date').innerText()).toBe('2020-11-21'); // the Vietnamese day
    expect(await figure.locator('.article-link').innerText()).toContain('Lào Cai xây dựng tổ chức cơ sở đảng');
    expect(await panelText()).toMatch(/Articles\s+1 of 1/);
    await settle();
    await browser.screenshot('1-lao-cai');
  }, 60_000);

  it('expands a body by clicking its node and shows its relations with their evidence', async () => {
    expect(await hasNode(PARTY_COMMITTEE)).toBe(false);
    await clickNodeUntilPanel(STANDING_COMMITTEE, 'Ban Thường vụ Tỉnh ủy Lào Cai');
    await expect.poll(() => hasNode(PARTY_COMMITTEE), { timeout: 20_000 }).toBe(true);
    const partOf = page().locator('#panel li.relation', { hasText: 'PART_OF' });
    expect(await partOf.locator('.entity-link').innerText()).toBe('Tỉnh ủy Lào Cai');
    const evidence = await partOf.locator('ul.evidence li').first().innerText();
    const quote = await partOf.locator('mark').first().innerText();
    expect(quote.length).toBeGreaterThan(0);
    expect(seedText()).toContain(quote);
    expect(evidence).toContain('Ban Thường vụ Tỉnh ủy');
    const locatedIn = page().locator('#panel li.relation', { hasText: 'LOCATED_IN' });
    expect(await locatedIn.locator('.entity-link').innerText()).toBe('Lào Cai');
    await settle();
    await browser.screenshot('2-expanded');
  }, 60_000);

  it('opens the article with the quote marked from an evidence link', async () => {
    await page().locator('#panel li.relation ul.evidence .article-link').first().click();
    await expect.poll(() => page().locator('#panel .article-text').count(), { timeout: 20_000 }).toBe(1);
    const mark = await page().locator('#panel .article-text mark').innerText();
    expect(seedText()).toContain(mark);
    await page().locator('#panel a.back').click();
    await expect.poll(() => page().locator('#panel h2').innerText(), { timeout: 20_000 }).toBe('Ban Thường vụ Tỉnh ủy Lào Cai');
  }, 60_000);

  it('filters by publication date: relations and figures of articles outside the range go', async () => {
    await page().locator('#panel li.relation', { hasText: 'LOCATED_IN' }).locator('.entity-link').click();
    await expect.poll(() => page().locator('#panel h2').innerText(), { timeout: 20_000 }).toBe('Lào Cai');
    const visible = (id: string) => page().evaluate((n) => window.vnkgExplorer.view.counts().edges > 0 && window.vnkgExplorer.view.nodeVisible(n), id);
    const edgeShown = (from: string, to: string) =>
      page().evaluate(([a, b]) => window.vnkgExplorer.view.graph.edges(a, b).some((e) => window.vnkgExplorer.view.edgeVisible(e)), [from, to] as const);
    expect(await edgeShown(STANDING_COMMITTEE, LAO_CAI)).toBe(true);
    // The seed article is of 21 November 2020: a range from 2021 leaves none of its facts.
    await page().locator('#from').fill('2021-01-01');
    await page().locator('#from').dispatchEvent('change');
    await expect.poll(() => page().locator('#panel li.figure').count(), { timeout: 20_000 }).toBe(0);
    expect(await edgeShown(STANDING_COMMITTEE, LAO_CAI)).toBe(false);
    expect(await edgeShown(LAO_CAI, LAO_CAI_2025)).toBe(true); // a gazetteer fact holds whatever the dates
    expect(await visible(LAO_CAI)).toBe(true);
    await page().locator('#from').fill('2020-11-21');
    await page().locator('#to').fill('2020-11-21');
    await page().locator('#to').dispatchEvent('change');
    await expect.poll(() => page().locator('#panel li.figure').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await edgeShown(STANDING_COMMITTEE, LAO_CAI)).toBe(true);
    await page().locator('#from').fill('');
    await page().locator('#to').fill('');
    await page().locator('#to').dispatchEvent('change');
  }, 60_000);

  it('toggles between the units before and after 1 July 2025', async () => {
    const nodeShown = (id: string) => page().evaluate((n) => window.vnkgExplorer.view.nodeVisible(n), id);
    await page().locator('#era').selectOption('before');
    expect(await nodeShown(LAO_CAI_2025)).toBe(false);
    expect(await nodeShown(STANDING_COMMITTEE)).toBe(true);
    await page().locator('#era').selectOption('after');
    expect(await nodeShown(LAO_CAI_2025)).toBe(true);
    expect(await nodeShown('district:lao-cai:bat-xat')).toBe(false);
    await page().locator('#era').selectOption('all');
    expect(await nodeShown('district:lao-cai:bat-xat')).toBe(true);
  }, 60_000);

  it('stays fluid with a thousand nodes on screen: a full redraw is cheap and the layout runs off the main thread', async () => {
    const stats = await page().evaluate(async () => {
      const { view } = window.vnkgExplorer;
      const { graph, renderer } = view;
      const kinds = ['ADMINISTRATIVE_UNIT', 'ORGANIZATION', 'CAMPAIGN', 'PERSON'] as const;
      for (let i = 0; graph.order < 1000; i += 1) {
        view.addEntity({ id: `synthetic:${i}`, name: `Synthetic ${i}`, kind: kinds[i % 4] ?? 'PERSON', subtype: 'OTHER' }, { x: Math.random() * 100, y: Math.random() * 100 });
      }
      const ids = graph.nodes();
      for (let i = 0; i < 1500; i += 1) {
        const a = ids[i % ids.length] ?? '';
        const b = ids[(i * 7 + 13) % ids.length] ?? '';
        if (a !== b) graph.addDirectedEdgeWithKey(`synthetic-edge:${i}`, a, b, { label: 'RELATED_TO', type: 'arrow', size: 1, color: '#9aa3ad', relation: 'RELATED_TO', dates: [] });
      }
      // The page's own work per frame: re-index and redraw everything (what a filter change does).
      const redraws: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const t = performance.now();
        renderer.refresh();
        redraws.push(performance.now() - t);
      }
      // While ForceAtlas2 runs (in its worker) the main thread keeps answering: the longest gap
      // between 10 ms heartbeats, each gap holding whatever frames sigma drew meanwhile.
      view.runLayout();
      const beats: number[] = [];
      await new Promise<void>((resolve) => {
        const started = performance.now();
        const timer = setInterval(() => {
          beats.push(performance.now());
          if (performance.now() - started > 1_500) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      });
      let frames = 0;
      await new Promise<void>((resolve) => {
        const started = performance.now();
        const tick = (now: number) => {
          frames += 1;
          if (now - started < 1_000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      const gaps = beats.slice(1).map((t, i) => t - (beats[i] ?? t));
      redraws.sort((x, y) => x - y);
      return { order: graph.order, size: graph.size, medianRedrawMs: redraws[5] ?? Infinity, longestGapMs: Math.max(...gaps), framesPerSecond: frames };
    });
    await browser.screenshot('3-thousand-nodes');
    // Frames per second are logged, not asserted: headless chromium rasterises WebGL in software
    // (SwiftShader) on a shared CPU, which a user's GPU does not.
    console.log('explorer with 1,000 nodes:', stats);
    expect(stats.order).toBeGreaterThanOrEqual(1000);
    expect(stats.size).toBeGreaterThanOrEqual(1500);
    expect(stats.medianRedrawMs).toBeLessThan(50);
    expect(stats.longestGapMs).toBeLessThan(500);
  }, 60_000);

  it('read only the public GraphQL API, made no request outside localhost and raised no page error', () => {
    expect(browser.outsideRequests()).toEqual([]);
    // ForceAtlas2's worker is a blob: URL; everything else is this server.
    const paths = new Set(browser.requested.filter((url) => !url.startsWith('blob:')).map((url) => new URL(url).pathname));
    expect([...paths].sort()).toEqual(['/explore', '/explore/explore.css', '/explore/explore.js', '/graphql'].sort());
    expect(browser.pageErrors).toEqual([]);
  });
});
