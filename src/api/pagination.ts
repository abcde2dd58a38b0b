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
  last?: number | null;
  before?: string | null;
}

/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

// Cursors are opaque to clients; they encode an offset into a stable ordering. Every edge of every
// page has one, so those of the first offsets are encoded once and kept.
const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
const KEPT_CURSORS = 10_000;
const keptCursors: string[] = [];
const encodeCursor = (offset: number) => (offset < KEPT_CURSORS ? (keptCursors[offset] ??= encode(offset)) : encode(offset));

function decodeCursor(cursor: string, argument: 'after' | 'before'): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput(`"${cursor}" is not a cursor returned by this API.`, argument);
  return Number(match[1]);
}

function pageSize(value: number, argument: 'first' | 'last', maxPageSize: number): number {
  if (!Number.isInteger(value) || value < 1 || value > maxPageSize) {
    throw badUserInput(`"${argument}" must be between 1 and ${maxPageSize}; got ${value}.`, argument);
  }
  return value;
}

/**
 * A page as Relay's algorithm defines it over offsets: the items after `after` and before
 * `before`, then the first `first` or the last `last` of them. Paging backward from the end of
 * the list (`last` without `before`) needs the list's length: `end` is null then.
 */
interface PageWindow {
  start: number;
  end: number | null;
  take: { from: 'start' | 'end'; count: number };
}

function pageWindow(args: PageArgs, maxPageSize: number, defaultSize: number): PageWindow {
  if (args.first != null && args.last != null) {
    throw badUserInput('Give "first" (paging forward) or "last" (paging backward), not both.', 'last');
  }
  const start = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const end = args.before ? decodeCursor(args.before, 'before') : null;
  const backward = args.last != null || (args.first == null && args.before != null);
  const count = backward
    ? pageSize(args.last ?? defaultSize, 'last', maxPageSize)
    : pageSize(args.first ?? defaultSize, 'first', maxPageSize);
  return { start, end, take: { from: backward ? 'end' : 'start', count } };
}

/** The offsets of a window once the list's length (`total`) is known, or when it is not needed. */
function resolveWindow({ start, end, take }: PageWindow, total: number | null): PageRequest | null {
  const stop = end ?? total;
  if (take.from === 'start') return { offset: start, limit: Math.max(0, Math.min(take.count, (stop ?? Infinity) - start)) };
  if (stop === null) return null;
  const offset = Math.max(start, stop - take.count);
  return { offset, limit: Math.max(0, stop - offset) };
}

/**
 * The size of a page of a plain list (`figureSummary(first:)`), which has no cursors: no
 * backward paging.
 */
export function listSize(first: number | null | undefined, maxPageSize: number): number {
  return pageSize(first ?? DEFAULT_PAGE_SIZE, 'first', maxPageSize);
}

/** The page of a list whose length is known before it is read (a relation's evidence keys). */
export function pageWithin(args: PageArgs, maxPageSize: number, total: number): PageRequest {
  return resolveWindow(pageWindow(args, maxPageSize, DEFAULT_PAGE_SIZE), total)!;
}

/**
 * A connection over `load`, which reads one page and the list's length (a loader may skip the
 * length when `lengthNeeded` is false and nothing selected reads it). Paging backward from the
 * end reads the length first (a page of none), then the page: two statements instead of one.
 */
export async function connectionOf<T>(
  args: PageArgs,
  maxPageSize: number,
  load: (page: PageRequest, lengthNeeded: boolean) => Promise<{ items: T[]; total: number }>,
  defaultSize = DEFAULT_PAGE_SIZE,
): Promise<Connection<T>> {
  const window = pageWindow(args, maxPageSize, defaultSize);
  let page = resolveWindow(window, null);
  // A page read from the end (`last` without `before`) needs the list's length first.
  if (!page) page = resolveWindow(window, (await load({ offset: 0, limit: 0 }, true)).total)!;
  const { items, total } = await load(page, false);
  return toConnection(items, total, page);
}

export function toConnection<T>(items: T[], total: number, page: PageRequest): Connection<T> {
  return connectionOfEdges(
    items.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node })),
    total,
    { offset: page.offset, limit: items.length },
  );
}

/** The cursor of the item at `offset` in its list. */
export const cursorAt = encodeCursor;

/**
 * A connection over the edges of the `read.limit` items read from `read.offset` on, each edge with
 * the cursor of its item's offset (`cursorAt`); an item may have been left out.
 */
export function connectionOfEdges<T>(edges: Connection<T>['edges'], total: number, read: PageRequest): Connection<T> {
  return {
    edges,
    pageInfo: {
      hasNextPage: read.offset + read.limit < total,
      hasPreviousPage: read.offset > 0,
      // Those of the items read, so that the next page starts after an item left out.
      startCursor: read.limit > 0 ? encodeCursor(read.offset) : null,
      endCursor: read.limit > 0 ? encodeCursor(read.offset + read.limit - 1) : null,
    },
    totalCount: total,
  };
}

/** A page of an owner's list, through the request's batching loader for that list. */
export function ownedConnection<R, F>(
  loader: DataLoader<PageKey<F>, OwnedPage<R>, string>,
  ownerId: string,
  args: PageArgs,
  ctx: ApiContext,
  filter: F,
): Promise<Connection<R>> {
  return connectionOf(args, ctx.maxPageSize, (page) => loader.load({ ownerId, page, filter }));
}

/**
 * The page a compiled statement reads for `args`, when it is known before the list's length;
 * null when it is not (`last` without `before`) or the arguments are wrong, which the field's own
 * resolver then reports where the client asked.
 */
export function pageBeforeReading(args: PageArgs, maxPageSize: number): PageRequest | null {
  try {
    return resolveWindow(pageWindow(args, maxPageSize, DEFAULT_PAGE_SIZE), null);
  } catch {
    return null;
  }
}
