// Text normalisation. Every offset the core produces indexes the NFC form of the input;
// nothing here may change the length of that string after NFC.
import { ExtractionInputError } from './errors.ts';

/** Longest article text (UTF-16 code units, after NFC) the core accepts. */
export const MAX_ARTICLE_CHARS = 200_000;

/** NFC-normalises the raw text and checks it can be an article. */
export function normalizeArticleText(raw: string): string {
  if (typeof raw !== 'string') throw new ExtractionInputError(`article text must be a string, got ${typeof raw}`);
  const text = raw.normalize('NFC');
  if (text.trim() === '') throw new ExtractionInputError('article text is empty or whitespace only');
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new ExtractionInputError(
      `article text is ${text.length} characters long, more than the limit of ${MAX_ARTICLE_CHARS}`,
    );
  }
  if (!/\p{L}/u.test(text)) throw new ExtractionInputError('article text contains no letters');
  return text;
}
