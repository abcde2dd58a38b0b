// Debian's chromium through playwright-core for the browser tests (no browser is ever downloaded):
// a fresh profile, every request and page error recorded, screenshots kept under test-artifacts/.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './fixtures.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Why a browser test cannot run here, or undefined when it can (.ci/run installs chromium). */
export const chromiumSkipReason = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does it)`;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL (sigma.js) without a GPU: SwiftShader, which Chromium only enables when asked.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Where screenshots go (git-ignored); CI can keep the folder as an artefact. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');

export interface TestBrowser {
  page: Page;
  context: BrowserContext;
  requested: string[];
  pageErrors: string[];
  /** URLs requested outside loopback (data: and blob: excepted). */
  outsideRequests(): string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBrowser(artifactsFolder: string, viewport = { width: 1400, height: 860 }): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'vnkg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
  const requested: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const folder = path.join(ARTIFACTS_DIR, artifactsFolder);
  return {
    page,
    context,
    requested,
    pageErrors,
    outsideRequests: () =>
      requested.filter((url) => {
        const { protocol, hostname } = new URL(url);
        if (protocol === 'data:' || protocol === 'blob:') return false;
        return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
      }),
    async screenshot(name) {
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
