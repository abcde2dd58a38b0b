// The GraphQL IDE served at GET /graphql to browsers: GraphiQL from the project's own npm packages,
// with a few example operations preloaded. Nothing is fetched from a CDN: the page loads the UMD
// builds of react@18, react-dom@18 and graphiql@4 straight from node_modules (installed by
// `npm ci`, pinned by the lockfile), so there is no build step, and a Content-Security-Policy
// restricts the page to this origin.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextFunction, Request, Response, Router } from 'express';
import express from 'express';

/** One preloaded tab of the IDE. Exported so tests can check every example against the server. */
export interface IdeExample {
  query: string;
  variables?: string;
}

export const IDE_EXAMPLES: readonly IdeExample[] = [
  {
    query: `# The figures about Lào Cai, largest first, with qualifier, period and the sentence that states them.
# Run with Ctrl-Enter (or the ▶ button); open the other tabs for more examples.
query LaoCaiFigures {
  figures(subject: "province:lao-cai", orderBy: { field: VALUE, direction: DESC }, first: 10) {
    totalCount
    edges {
      node {
        value
        unit
        qualifier
        period
        quote
        sentence { text }
        article { title publishedAt }
      }
    }
  }
}
`,
  },
  {
    query: `# Bắc Ninh's organizations and the campaigns, movements and funds they run.
query BacNinhOrganizations {
  search(text: "bac ninh", kind: ADMINISTRATIVE_UNIT, first: 1) {
    edges {
      node {
        id
        name
        ... on AdministrativeUnit {
          organizations(first: 20) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges {
              node {
                id
                name
                subtype
                campaigns { edges { node { id name subtype } } }
              }
            }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# Refetch anything by its global id (entities, figures, sentences, articles …).
query RefetchNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Entity {
      name
      kind
      subtype
      aliases
      relations(first: 10) {
        totalCount
        edges { node { type from { name } to { name } evidence(first: 3) { edges { node { quote } } } } }
      }
    }
  }
}
`,
    variables: JSON.stringify({ id: 'province:lao-cai' }, null, 2),
  },
  {
    query: `# Entities page by page: pass pageInfo.endCursor as $after for the next page.
query EntitiesPage($kind: EntityKind, $first: Int = 5, $after: String) {
  entities(kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node { id name kind subtype }
    }
  }
}
`,
    variables: JSON.stringify({ kind: 'ORGANIZATION', first: 5, after: null }, null, 2),
  },
];

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, by the name it loads them under. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: path.join(packageDir('graphiql'), 'dist/index.umd.js'), type: 'text/javascript' },
  'graphiql.css': { file: path.join(packageDir('graphiql'), 'dist/style.css'), type: 'text/css' },
};

/** Where the assets are served; absolute, so the page works at /graphql and /graphql/. */
export const IDE_ASSET_PATH = '/ide';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set inline styles; fonts and icons are data: URLs inside graphiql.css.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
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
  <title>vnkg · GraphQL IDE</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${IDE_ASSET_PATH}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE…</div>
  <script src="${IDE_ASSET_PATH}/react.js"></script>
  <script src="${IDE_ASSET_PATH}/react-dom.js"></script>
  <script src="${IDE_ASSET_PATH}/graphiql.js"></script>
  <script src="${IDE_ASSET_PATH}/app.js"></script>
</body>
</html>
`;

// No inline script, so the CSP needs no 'unsafe-inline' for scripts. The page is served at the
// GraphQL endpoint itself, so the fetcher posts to the page's own path.
const APP_SCRIPT = `(function () {
  'use strict';
  var examples = ${JSON.stringify(IDE_EXAMPLES)};
  var url = window.location.origin + window.location.pathname;
  var fetcher = GraphiQL.createFetcher({ url: url });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: examples,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  }, React.createElement(GraphiQL.Logo, null, 'vnkg')));
})();
`;

/** True for a browser opening the endpoint: GET/HEAD, HTML preferred to JSON, no operation in the URL. */
export function wantsIde(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.query['query'] !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/** The IDE's static assets, to mount at IDE_ASSET_PATH. */
export function ideAssets(): Router {
  const router = express.Router();
  router.get('/app.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(APP_SCRIPT);
  });
  for (const [name, { file, type }] of Object.entries(ASSETS)) {
    router.get(`/${name}`, (_req, res, next) => {
      res.sendFile(file, { maxAge: '1d', headers: { 'Content-Type': type } }, (error) => error && next(error));
    });
  }
  return router;
}

/** Answers a browser's GET /graphql with the IDE page; everything else goes on to Apollo. */
export function idePage(req: Request, res: Response, next: NextFunction): void {
  if (!wantsIde(req)) {
    next();
    return;
  }
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      Vary: 'Accept',
    })
    .send(PAGE);
}
