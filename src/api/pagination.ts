import { badUserInput } from './errors.ts';

export interface Page {
  offset: number;
  limit: number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

// Cursors are opaque to clients; they encode an offset into a stable ordering.
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput(`"${cursor}" is not a cursor returned by this API.`, 'after');
  return Number(match[1]);
}

export function pageFromArgs(args: { first?: number | null; after?: string | null }, maxPageSize: number): Page {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badUserInput(`"first" must be between 1 and ${maxPageSize}; got ${first}.`, 'first');
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

export function toConnection<T>(items: T[], total: number, page: Page): Connection<T> {
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
