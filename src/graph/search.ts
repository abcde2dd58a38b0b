// Full-text search over entity names and aliases (index `entity_names` on the folded `searchText`).
import type { EntityType } from '../core/types.ts';
import type { GraphDatabase, RoundTripCounter } from './database.ts';
import { ENTITY_FIELDS } from './entities.ts';
import type { EntityRecord, SearchHitRecord } from './records.ts';

/**
 * Lower-cased, diacritics removed, đ → d. Folding happens here rather than in a Lucene analyzer
 * because the folding analyzers also drop English stop words, which Vietnamese syllables collide with.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

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

export async function searchEntities(
  db: GraphDatabase,
  text: string,
  options: { type?: EntityType | null; limit: number },
  counter?: RoundTripCounter,
): Promise<SearchHitRecord[]> {
  const query = toLuceneQuery(text);
  if (!query) return [];
  const rows = await db.read<{ entity: EntityRecord; score: number }>(
    `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS n, score
     WHERE $type IS NULL OR n.type = $type
     RETURN ${ENTITY_FIELDS} AS entity, score
     ORDER BY score DESC, n.name
     LIMIT toInteger($limit)`,
    { query, type: options.type ?? null, limit: options.limit },
    counter,
  );
  return rows;
}
