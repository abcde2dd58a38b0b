// GET / : a small static page that says what this server serves and links to it, instead of a 404
// for whoever opens the server's address in a browser. No script, so the policy allows none.
import type { RequestHandler } from 'express';
import { FORMATS } from '../export/index.ts';

const LINKS: readonly { href: string; title: string; text: string }[] = [
  { href: '/graphql', title: 'GraphQL IDE', text: 'GraphiQL with example queries; the API itself is POST /graphql.' },
  { href: '/explore', title: 'Graph explorer', text: 'Search an entity and draw its neighbourhood, with the evidence.' },
  { href: '/browser', title: 'Neo4j Browser', text: 'Cypher over the graph, read-only, with a guide of example queries.' },
  ...Object.values(FORMATS).map((f) => ({
    href: `/export/graph.${f.extension}`,
    title: `Export: graph.${f.extension}`,
    text: 'The whole entity graph; add ?id=…&depth=… for one entity’s neighbourhood.',
  })),
  { href: '/health', title: 'Health', text: '200 while Neo4j answers, 503 otherwise.' },
];

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vnkg</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}dt{margin-top:.8rem}dd{margin:0;color:#444}</style>
</head>
<body>
<h1>vnkg</h1>
<p>A knowledge graph of Vietnamese news: administrative units, organizations, campaigns, people and figures, each with the sentence that states it.</p>
<dl>
${LINKS.map((l) => `<dt><a href="${l.href}">${l.title}</a></dt><dd>${l.text}</dd>`).join('\n')}
</dl>
</body>
</html>
`;

export const homePage: RequestHandler = (_req, res) => {
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
      'X-Content-Type-Options': 'nosniff',
    })
    .send(PAGE);
};
