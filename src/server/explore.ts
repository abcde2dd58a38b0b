// The graph explorer served at GET /explore: sigma.js + graphology (src/explorer/) bundled by
// esbuild from the project's own npm packages, in memory, at the first request. A bundle rather
// than sigma's prebuilt ESM: sigma, graphology and the ForceAtlas2 worker import bare package
// names (and Node's `events`), which a browser can only load through an import map and a dozen
// files; one bundle is one request, needs no build step or committed artefact, and takes well
// under a second. esbuild is already here (tsx runs on it). The page reads the public GraphQL API
// only, and a Content-Security-Policy keeps it on its own origin, so it works offline.
import { build } from 'esbuild';
import type { Router } from 'express';
import express from 'express';
import { projectFile } from '../config/project.ts';

const ENTRY = projectFile('src', 'explorer', 'main.ts');
const STYLESHEET = projectFile('src', 'explorer', 'explore.css');

export const EXPLORE_PATH = '/explore';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // ForceAtlas2's web worker is started from a blob: URL of its own code.
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>vnkg · explorer</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${EXPLORE_PATH}/explore.css">
</head>
<body>
  <header>
    <h1>vnkg explorer</h1>
    <div id="search-box">
      <input id="search" type="search" placeholder="Search: lao cai, mặt trận, quỹ…" autocomplete="off" aria-label="Search entities">
      <ul id="results" role="listbox"></ul>
    </div>
    <label>published from <input id="from" type="date"></label>
    <label>to <input id="to" type="date"></label>
    <label>units <select id="era">
      <option value="all">before and after 1 July 2025</option>
      <option value="before">before 1 July 2025 (63 provinces)</option>
      <option value="after">from 1 July 2025 (34 provinces)</option>
    </select></label>
    <div class="legend">
      <span><span class="dot kind-ADMINISTRATIVE_UNIT"></span>unit</span>
      <span><span class="dot kind-ORGANIZATION"></span>organization</span>
      <span><span class="dot kind-CAMPAIGN"></span>campaign</span>
      <span><span class="dot kind-PERSON"></span>person</span>
      <span><span class="successor"></span>merged into (1 July 2025)</span>
    </div>
  </header>
  <main id="graph" aria-label="Graph"></main>
  <aside id="panel" aria-live="polite"><p class="muted">Search an entity, then click nodes to expand the graph and read the evidence here.</p></aside>
  <footer id="status">Loading…</footer>
  <script src="${EXPLORE_PATH}/explore.js"></script>
</body>
</html>
`;

let bundle: Promise<string> | undefined;

/** The explorer's script, built once per process. */
export function explorerBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no explorer bundle');
    return file.text;
  });
  // A failed build is not cached: the next request tries again.
  bundle.catch(() => (bundle = undefined));
  return bundle;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/** GET /explore and its two assets. */
export function explorerRouter(): Router {
  const router = express.Router({ strict: true });
  router.get('/', (_req, res) => {
    res.status(200).set(SECURITY_HEADERS).type('html').send(PAGE);
  });
  router.get('/explore.js', async (_req, res, next) => {
    try {
      res.set(SECURITY_HEADERS).type('text/javascript').send(await explorerBundle());
    } catch (error) {
      next(error);
    }
  });
  router.get('/explore.css', (_req, res, next) => {
    res.sendFile(STYLESHEET, { headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/css; charset=utf-8' } }, (error) => error && next(error));
  });
  return router;
}
