// Relay connections over offset cursors: every list of the API is paged the same way.
import type DataLoader from 'dataloader';
import type { OwnedPage, PageRequest } from '../graph/records.ts';
import type { ApiContext } from './context.ts';
import { badUserInput } from './errors.ts';
import type { PageKey } from './loaders.ts';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

// Cursors are opaque to clients; they encode an offset into a stable ordering.
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput(`"${cursor}" is not a cursor returned by this API.`, 'after');
  return Number(match[1]);
}

export function pageFromArgs(args: PageArgs, maxPageSize: number): PageRequest {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badUserInput(`"first" must be between 1 and ${maxPageSize}; got ${first}.`, 'first');
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

export function toConnection<T>(items: T[], total: number, page: PageRequest): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + items.length < total,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: total,
  };
}

/** A page of an owner's list, through the request's batching loader for that list. */
export async function ownedConnection<R, F>(
  loader: DataLoader<PageKey<F>, OwnedPage<R>, string>,
  ownerId: string,
  args: PageArgs,
  ctx: ApiContext,
  filter: F,
): Promise<Connection<R>> {
  const page = pageFromArgs(args, ctx.maxPageSize);
  const { items, total } = await loader.load({ ownerId, page, filter });
  return toConnection(items, total, page);
}
