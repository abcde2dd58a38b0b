// Cypher fragments that read provenance from the stored shape (format 5): an article keeps its
// sentence boundaries as lists (`sentenceStarts`, `sentenceEnds`, `sentenceSections`), its
// mentions of an entity are the spans (`starts`, `ends`) of one MENTIONS relationship, and its
// statements of a figure the spans of one STATES relationship. Sentences, mentions and figure
// mentions are not nodes; their ids (core/ids.ts) are derived here exactly as they were written.
// Every fragment is a constant; values arrive as parameters.

/** The index of the sentence of article `a` that contains offset `at` (an expression). */
export const sentenceIndexAt = (a: string, at: string) => `size([s IN ${a}.sentenceStarts WHERE s <= ${at}]) - 1`;

/** Keys of a record to project: all (null) or those a request reads. */
export type Keep = ReadonlySet<string> | null;

/** The entries `keep` holds (every entry when it is null), as `key: expression`, or `.key` for a property (null). */
function keptEntries(entries: Record<string, string | null>, keep: Keep): string {
  return Object.entries(entries)
    .filter(([key]) => !keep || keep.has(key))
    .map(([key, value]) => (value === null ? `.${key}` : `${key}: ${value}`))
    .join(', ');
}

/** A Cypher map of the entries `keep` holds (every entry when it is null), then `extra` (`, key: expression`). */
export function mapOf(entries: Record<string, string>, keep: Keep = null, extra = ''): string {
  return `{${keptEntries(entries, keep)}${extra}}`;
}

/**
 * A map projection of node `v` (`v {.id, key: expression}`, a null entry being the property of
 * that name) of the entries `keep` holds, then `extra`. Neo4j reads the properties of a projection
 * in one pass over the node, and those of a map literal (`{id: v.id, name: v.name}`) one by one:
 * the literal form cost the W5 statement 1,986 db hits where the projection costs 1,250.
 */
export function projectionOf(v: string, entries: Record<string, string | null>, keep: Keep = null, extra = ''): string {
  return `${v} {${keptEntries(entries, keep)}${extra}}`;
}

/** The SentenceRecord of sentence `i` of article `a`. */
export const sentenceMap = (a: string, i: string, keep: Keep = null) =>
  mapOf(
    {
      id: `${a}.id + ':s' + toString(${i})`,
      articleId: `${a}.id`,
      index: i,
      section: `${a}.sentenceSections[${i}]`,
      start: `${a}.sentenceStarts[${i}]`,
      end: `${a}.sentenceEnds[${i}]`,
      text: `substring(${a}.text, ${a}.sentenceStarts[${i}], ${a}.sentenceEnds[${i}] - ${a}.sentenceStarts[${i}])`,
    },
    keep,
  );

/** The MentionRecord of the span `start`..`end` where article `a` names entity `e`. */
export const mentionMap = (a: string, e: string, start: string, end: string, keep: Keep = null) =>
  mapOf(
    {
      id: `${a}.id + ':m' + toString(${start}) + '-' + toString(${end}) + ':' + ${e}.id`,
      entityId: `${e}.id`,
      articleId: `${a}.id`,
      sentenceId: `${a}.id + ':s' + toString(${sentenceIndexAt(a, start)})`,
      start,
      end,
      text: `substring(${a}.text, ${start}, ${end} - ${start})`,
    },
    keep,
  );

/** The FigureMentionRecord of the span `start`..`end` where article `a` states figure `f` (STATES `r`). */
export const figureMentionMap = (a: string, r: string, f: string, start: string, end: string, keep: Keep = null) =>
  mapOf(
    {
      id: `${a}.id + ':f' + toString(${start}) + '-' + toString(${end})`,
      figureId: `${f}.id`,
      articleId: `${a}.id`,
      sentenceId: `${a}.id + ':s' + toString(${sentenceIndexAt(a, start)})`,
      start,
      end,
      quote: `substring(${a}.text, ${start}, ${end} - ${start})`,
      primary: `${start} = ${r}.primaryStart AND ${end} = ${r}.primaryEnd`,
    },
    keep,
  );

/** Rows `start`, `end` (and `i`) for each span of relationship `r`. */
export const spansOf = (r: string) => `UNWIND range(0, size(${r}.starts) - 1) AS i WITH *, ${r}.starts[i] AS start, ${r}.ends[i] AS end`;
