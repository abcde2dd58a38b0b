/**
 * Bumped whenever extraction output, or the way it is written to the graph, changes, so that
 * re-ingesting an article rewrites it.
 */
export const EXTRACTOR_VERSION = '5';
