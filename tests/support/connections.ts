// Connections as tests read them: the nodes of a page, and the shape of a page in a result type.

export interface Page<T> {
  totalCount: number;
  pageInfo?: { hasNextPage: boolean; hasPreviousPage?: boolean; endCursor: string | null };
  edges: { cursor?: string; node: T }[];
}

export const nodesOf = <T>(page: Page<T>): T[] => page.edges.map((e) => e.node);
