// Full-text search over entity names and aliases (index `entity_names` on the folded `searchText`).
import { foldForSearch } from '../core/text.ts';
import type { EntityType } from '../core/types.ts';
import { pageParams, type GraphReader, type RoundTripCounter } from './database.ts';
import { entitySummary } from './projections.ts';
import type { PageRequest, SearchHitRecord } from './records.ts';

/**
 * Turns any user string into a Lucene query made only of [a-z0-9] terms, so no character the
 * user types (quotes, AND, *, ~, brackets) can act as query syntax. Every word must match;
 * the last one may be a prefix, for search-as-you-type.
 */
export function toLuceneQuery(text: string): string | null {
  const words = foldForSearch(text).match(/[a-z0-9]+/g);
  if (!words) return null;
  const terms = words.slice(0, 16).map((w, i, all) => (i === all.length - 1 ? `+(${w} OR ${w}*)` : `+${w}`));
  return terms.join(' ');
}

/**
 * A page of the entities matching `text`, best first (then by name and id), and their number when
 * `counted` (else 0, as for a compiled list whose length nobody asked for): counting collects
 * every hit, while a page alone lets Neo4j keep only the best `offset + limit` of them.
 */
export async function searchEntities(
  db: GraphReader,
  text: string,
  filter: { type?: EntityType | null },
  page: PageRequest,
  { counted }: { counted: boolean },
  counter?: RoundTripCounter,
): Promise<{ items: SearchHitRecord[]; total: number }> {
  const query = toLuceneQuery(text);
  if (!query) return { items: [], total: 0 };
  const params = { query, type: filter.type ?? null, ...pageParams(page) };
  const rows = await db.read<{ total: number; items: SearchHitRecord[] }>(counted ? SEARCH_COUNTED : SEARCH_PAGE, params, counter);
  return rows[0] ?? { items: [], total: 0 };
}

const HITS = `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS n, score
     WHERE $type IS NULL OR n.type = $type`;

const SEARCH_COUNTED = `/* searchEntities */ ${HITS}
     WITH n, score ORDER BY score DESC, n.name, n.id
     WITH collect({n: n, score: score}) AS ordered
     CALL (ordered) {
       UNWIND ordered[$offset..$offset + $limit] AS hit
       WITH hit.n AS n, hit.score AS score
       RETURN collect({entity: ${entitySummary('n')}, score: score}) AS items
     }
     RETURN size(ordered) AS total, items`;

const SEARCH_PAGE = `/* searchEntitiesPage */ ${HITS}
     WITH n, score ORDER BY score DESC, n.name, n.id SKIP $offset LIMIT $limit
     RETURN 0 AS total, collect({entity: ${entitySummary('n')}, score: score}) AS items`;
