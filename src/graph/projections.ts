// How each kind of node becomes the record the API reads (records.ts): one map projection per
// record, parameterised by the Cypher variable that holds the node, so every statement — the
// batch reads of each aggregate and the compiled requests (graph/compiler) — projects alike.

/** Properties of an entity node every view of it shows (EntitySummary). */
const ENTITY_SUMMARY_KEYS = ['id', 'type', 'subtype', 'name'] as const;
const ENTITY_SUMMARY_PROPERTIES = ENTITY_SUMMARY_KEYS.map((key) => `.${key}`).join(', ');

/** Those an entity keeps whatever a request reads: its id, and its type, which says its GraphQL type. */
const ENTITY_ALWAYS: ReadonlySet<string> = new Set(['id', 'type']);

/**
 * An entity in a list: the fields every view of it shows (the rest is read by id when asked
 * for), or of them only those in `keep` (with id and type).
 */
export const entitySummary = (v: string, extra = '', keep: ReadonlySet<string> | null = null): string => {
  const properties = keep ? ENTITY_SUMMARY_KEYS.filter((key) => ENTITY_ALWAYS.has(key) || keep.has(key)).map((key) => `.${key}`).join(', ') : ENTITY_SUMMARY_PROPERTIES;
  return `${v} {${properties}${extra}}`;
};

/** An entity read whole (EntityRecord). */
export const entityRecord = (v: string, extra = ''): string => `${v} {
  ${ENTITY_SUMMARY_PROPERTIES}, aliases: coalesce(${v}.aliases, []),
  .code, .level, validFrom: toString(${v}.validFrom), validTo: toString(${v}.validTo)${extra}
}`;

/** The entries of an article record, by key. */
const articleEntries = (v: string): [string, string][] => [
  ['id', '.id'],
  ['title', '.title'],
  ['url', `url: ${v}.url`],
  ['publishedAt', `publishedAt: toString(${v}.publishedAt)`],
  ['ingestedAt', `ingestedAt: toString(${v}.ingestedAt)`],
];

/** An article without its text, which lists never need (ArticleRecord), or of it only the keys in `keep` (with id). */
export const articleRecord = (v: string, extra = '', keep: ReadonlySet<string> | null = null): string => `${v} {
  ${articleEntries(v)
    .filter(([key]) => !keep || key === 'id' || keep.has(key))
    .map(([, entry]) => entry)
    .join(', ')}${extra}
}`;

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
