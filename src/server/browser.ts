// Neo4j Browser at /browser, served offline from org.neo4j.client:neo4j-browser (unpacked by the
// Neo4j build, src/neo4j/prepare.ts). Its Bolt connection is a WebSocket to this server ("/"),
// relayed to the embedded Neo4j as the read-only account (src/neo4j/bolt-relay.ts): the page
// holds no password. With an external NEO4J_URI, or when the relay is off, /browser says where
// to connect instead.
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import cors from 'cors';
import type { Request, RequestHandler, Router } from 'express';
import express from 'express';
import { WebSocketServer } from 'ws';
import type { Config, CorsOrigins } from '../config/index.ts';
import { projectFile } from '../config/project.ts';
import type { Neo4jCredentials } from '../neo4j/credentials.ts';
import { relayBolt, type BoltRelayTarget } from '../neo4j/bolt-relay.ts';
import { isAllowedOrigin } from './cors.ts';

export const BROWSER_PATH = '/browser';
const GUIDE_FILE = 'vnkg-guide.html';
const GUIDE = readFileSync(projectFile('src', 'server', 'browser-guide.html'), 'utf8');

export type Neo4jBrowser =
  /** Served, and relayed to the embedded Neo4j. */
  | { kind: 'relay'; staticDir: string; relay: BoltRelayTarget }
  /** Not served: `reason` says why and where to connect instead. */
  | { kind: 'unavailable'; reason: string };

/** Largest Bolt message a /browser user may send (a query and its parameters). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** What /browser serves, from the configuration and the graph the server opened. */
export function neo4jBrowserFor(
  config: Pick<Config, 'browser' | 'browserTimeoutMs' | 'neo4j'>,
  embeddedReader: { uri: string; credentials: Neo4jCredentials } | undefined,
  staticDir: string,
): Neo4jBrowser {
  if (config.neo4j) {
    const uri = new URL(config.neo4j.uri);
    return {
      kind: 'unavailable',
      reason:
        `vnkg reads an external Neo4j at ${uri.protocol}//${uri.host}. Connect to it with that server's own Neo4j Browser ` +
        '(usually on its HTTP port, e.g. http://host:7474/browser/), Neo4j Desktop or Workspace, with an account of that server; ' +
        'vnkg relays Bolt only to the Neo4j it embeds.',
    };
  }
  if (!config.browser) {
    return {
      kind: 'unavailable',
      reason: 'Neo4j Browser is off: this server listens beyond loopback, and VNKG_BROWSER=true was not set to serve it there.',
    };
  }
  if (!embeddedReader) {
    return { kind: 'unavailable', reason: 'The embedded Neo4j has no read-only account to connect Neo4j Browser with.' };
  }
  return {
    kind: 'relay',
    staticDir,
    relay: { uri: embeddedReader.uri, credentials: embeddedReader.credentials, maxTransactionMs: config.browserTimeoutMs, maxMessageBytes: MAX_MESSAGE_BYTES },
  };
}

/** The Browser's policy; `guideOrigin` is where it fetches vnkg's guide from (see browserStartUrl). */
const contentSecurityPolicy = (guideOrigin: string) => [
  "default-src 'self'",
  // The Browser's bundles evaluate code (its Cypher editor's language worker) and inline styles.
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 'self' covers ws:// and wss:// to this host: the Bolt relay. Anything else (the Browser's
  // fonts, telemetry and crash reports) stays blocked, so it works offline and reports nothing.
  `connect-src 'self' ${guideOrigin}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

/** The host as the browser addressed this server, e.g. `localhost:4000` (only host characters: it goes into headers). */
const hostOf = (req: Request): string => {
  const host = req.headers.host;
  return host !== undefined && /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host) ? host : `localhost:${req.socket.localPort ?? 80}`;
};

/**
 * The Browser's own start address: connect to this host's relay without a password, and open
 * vnkg's guide. The Browser fetches guides only from hosts on its allowlist (`localhost` by
 * default), so a loopback address is given as `localhost`; the guide allows any origin to read it.
 */
const guideOrigin = (req: Request): string => `${req.protocol}://${hostOf(req).replace(/^(127\.0\.0\.1|\[::1\])(?=:|$)/, 'localhost')}`;

export function browserStartUrl(req: Request): string {
  const params = new URLSearchParams({
    dbms: `bolt://${hostOf(req)}`,
    preselectAuthMethod: 'NO_AUTH',
    cmd: 'guide',
    arg: `${guideOrigin(req)}${BROWSER_PATH}/${GUIDE_FILE}`,
  });
  return `${BROWSER_PATH}/?${params.toString()}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function unavailablePage(reason: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>vnkg · Neo4j Browser</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><h1>Neo4j Browser</h1><p>${escapeHtml(reason)}</p><p><a href="/">vnkg home</a></p></body>
</html>
`;
}

/** GET /browser: the Browser's files, its start address and vnkg's guide; or why it is not here. */
export function browserRouter(browser: Neo4jBrowser): Router {
  const router = express.Router({ strict: true });
  if (browser.kind === 'unavailable') {
    router.get(['/', ''], (_req, res) => {
      res
        .status(200)
        .set({ 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff' })
        .type('html')
        .send(unavailablePage(browser.reason));
    });
    return router;
  }
  router.use((req, res, next) => {
    res.set({ 'Content-Security-Policy': contentSecurityPolicy(guideOrigin(req)).join('; '), 'X-Content-Type-Options': 'nosniff' });
    next();
  });
  const anyOrigin = cors({ origin: '*', methods: ['GET'], maxAge: 600 });
  router.options(`/${GUIDE_FILE}`, anyOrigin);
  router.get(`/${GUIDE_FILE}`, anyOrigin, (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(GUIDE);
  });
  const startIfBare: RequestHandler = (req, res, next) => {
    if (req.query['dbms'] === undefined && req.query['connectURL'] === undefined) res.redirect(302, browserStartUrl(req));
    else next();
  };
  router.get('/', startIfBare);
  router.use(express.static(browser.staticDir, { index: 'index.html', redirect: false, fallthrough: true }));
  return router;
}

/** What GET / answers a client that asks for JSON: Neo4j's discovery document, naming the relay. */
export function discoveryDocument(req: Request): Record<string, string> {
  return { bolt_direct: `bolt://${hostOf(req)}`, neo4j_edition: 'community' };
}

/**
 * WebSocket upgrades on "/" (where the Browser's driver connects) become Bolt relays. A page
 * cannot be stopped by CORS from opening a WebSocket, so `Origin` is checked here: this
 * server's own pages, and the origins VNKG_CORS_ORIGINS allows; clients that send no Origin are
 * not browsers and could reach the relay anyway.
 */
export function attachBoltRelay(server: http.Server, target: BoltRelayTarget, origins: CorsOrigins, log: (message: string, error?: unknown) => void): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: target.maxMessageBytes + 1024 });
  const refuse = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (path.posix.normalize(new URL(req.url ?? '/', 'http://host').pathname) !== '/') return refuse(socket, 404, 'Not Found');
    const origin = req.headers.origin;
    const sameOrigin = origin !== undefined && URL.canParse(origin) && new URL(origin).host === req.headers.host;
    if (origin !== undefined && !sameOrigin && !isAllowedOrigin(origins, origin)) return refuse(socket, 403, 'Forbidden');
    sockets.handleUpgrade(req, socket, head, (ws) => relayBolt(ws, target, log));
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const client of sockets.clients) client.terminate();
    sockets.close();
  };
}
