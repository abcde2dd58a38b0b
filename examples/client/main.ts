// A small vnkg client: Apollo Client with a normalized InMemoryCache, typed by the documents that
// `npm run codegen` generates from ./operations.ts.
//
//   npx tsx examples/client/main.ts [URL]      (default http://localhost:4000/graphql)
//
// Prints the figures about Lào Cai, Bắc Ninh's organizations and their campaigns, and every entity
// of the graph, page by page with cursors.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import introspection from '../../src/generated/client/possible-types.js';
import type { EntitiesPageQuery } from '../../src/generated/client/graphql.js';
import { EntitiesPage, FiguresAboutPlace, OrganizationsOfPlace } from './operations.js';

/** `http://host:port` or `http://host:port/graphql` → the GraphQL endpoint. */
export function endpoint(arg: string | undefined): string {
  const url = new URL(arg ?? process.env['VNKG_URL'] ?? 'http://localhost:4000/graphql');
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/graphql';
  return url.toString();
}

export function createClient(uri: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    // possibleTypes lets the cache match fragments on the interfaces Node and Entity. No typePolicies:
    // every object type that has an identity has an `id` field, which is the cache's default key.
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
}

const PAGE_SIZE = 5;

async function entitiesPage(client: ApolloClient, after: string | null): Promise<EntitiesPageQuery['entities']> {
  const { data } = await client.query({ query: EntitiesPage, variables: { first: PAGE_SIZE, after }, errorPolicy: 'none' });
  return data.entities;
}

export async function run(client: ApolloClient, print: (line: string) => void = console.log): Promise<void> {
  // 1. The figures about Lào Cai, found by search (case and diacritics are ignored).
  // errorPolicy 'none' (the default, stated so the result type says so): a GraphQL error rejects.
  const { data: laoCai } = await client.query({ query: FiguresAboutPlace, variables: { text: 'lao cai' }, errorPolicy: 'none' });
  const place = laoCai.search.edges[0]?.node;
  if (!place) throw new Error('no administrative unit matches "lao cai"');
  print(`Figures about ${place.name} (${place.id}), ${place.figures.totalCount} in all:`);
  for (const { node: f } of place.figures.edges) {
    const period = f.period ? `, ${f.period}` : '';
    print(`  ${f.qualifier} ${f.value} ${f.unit}${period} — "${f.quote}" (${f.article.title})`);
  }

  // 2. Bắc Ninh's organizations and the campaigns each runs.
  const { data: bacNinh } = await client.query({ query: OrganizationsOfPlace, variables: { text: 'bac ninh' }, errorPolicy: 'none' });
  const unit = bacNinh.search.edges[0]?.node;
  if (!unit || unit.__typename !== 'AdministrativeUnit') throw new Error('no administrative unit matches "bac ninh"');
  print('');
  print(`Organizations in ${unit.name}:`);
  for (const { node: org } of unit.organizations.edges) {
    print(`  ${org.name} [${org.subtype}]`);
    for (const { node: c } of org.campaigns.edges) print(`    - ${c.name} [${c.subtype}]`);
  }

  // 3. Every entity, page by page: each page's endCursor is the next page's `after`.
  print('');
  let after: string | null = null;
  let page = 0;
  for (;;) {
    const { edges, pageInfo, totalCount } = await entitiesPage(client, after);
    page += 1;
    print(`Entities page ${page} (${edges.length} of ${totalCount}):`);
    for (const { node } of edges) print(`  ${node.kind} ${node.subtype}: ${node.name}`);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const uri = endpoint(process.argv[2]);
  const client = createClient(uri);
  try {
    await run(client);
  } catch (error) {
    console.error(`vnkg example client (${uri}): ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    client.stop();
  }
}
