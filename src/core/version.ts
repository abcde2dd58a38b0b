/** Bumped whenever extraction output changes, so re-ingesting an article re-extracts it. */
export const EXTRACTOR_VERSION = '2';
