// How each kind of node becomes the record the API reads (records.ts): one map projection per
// record, parameterised by the Cypher variable that holds the node, so every statement — the
// batch reads of each aggregate and the compiled requests (graph/compiler) — projects alike.

import { projectionOf, type Keep } from './provenance.ts';

/** Properties of an entity node every view of it shows (EntitySummary); null: read as is. */
const ENTITY_SUMMARY = { id: null, type: null, subtype: null, name: null };

/** `keep` and the keys a record keeps whatever a request reads; null (all) stays null. */
export const keeping = (keep: Keep, always: readonly string[]): Keep => keep && new Set([...keep, ...always]);

/**
 * An entity in a list: the fields every view of it shows (the rest is read by id when asked
 * for), or of them only those in `keep`, with its id and its type (which says its GraphQL type).
 */
export const entitySummary = (v: string, extra = '', keep: Keep = null): string =>
  projectionOf(v, ENTITY_SUMMARY, keeping(keep, ['id', 'type']), extra);

/** An entity read whole (EntityRecord). */
export const entityRecord = (v: string, extra = ''): string =>
  projectionOf(
    v,
    {
      ...ENTITY_SUMMARY,
      aliases: `coalesce(${v}.aliases, [])`,
      code: null,
      level: null,
      validFrom: `toString(${v}.validFrom)`,
      validTo: `toString(${v}.validTo)`,
    },
    null,
    extra,
  );

/** An article without its text, which lists never need (ArticleRecord), or of it only the keys in `keep` (with its id). */
export const articleRecord = (v: string, extra = '', keep: Keep = null): string =>
  projectionOf(
    v,
    {
      id: null,
      title: null,
      url: null,
      publishedAt: `toString(${v}.publishedAt)`,
      ingestedAt: `toString(${v}.ingestedAt)`,
    },
    keeping(keep, ['id']),
    extra,
  );

/** The properties of a figure node that make its FigureRecord. */
const FIGURE_PROPERTIES = [
  'id', 'articleId', 'sentenceId', 'value', 'unit', 'qualifier', 'period', 'measure', 'measurePhrase', 'per', 'change',
  'quote', 'start', 'end', 'subjectIds', 'sourceCount',
] as const;

/**
 * A figure (FigureRecord), or the properties of it in `keep`; its primary mention, ranked subjects
 * and number of sources are stored on it (graph/ingest.ts REFRESH_FIGURES keeps them current).
 */
export const figureRecord = (v: string, extra = '', keep: ReadonlySet<string> | null = null): string =>
  `${v} {${FIGURE_PROPERTIES.filter((p) => !keep || keep.has(p)).map((p) => `.${p}`).join(', ')}${extra}}`;
