// The statements of the graph layer's reads, ingest and compiled requests start with their name as
// a comment (`/* listFigures */`), so Neo4j's query log, a PROFILE and the benchmark say which one
// ran without matching its text.

/** The name a statement carries in its leading comment, or null. */
export function statementName(cypher: string): string | null {
  return /^\s*\/\* ([\w:.-]+) \*\//.exec(cypher)?.[1] ?? null;
}
