// What an article submitted from outside must be, in one place: the JSON Lines reader and the
// GraphQL mutation `ingestArticle` both validate with these schemas, so the two doors into the
// graph cannot drift apart.
import { z } from 'zod';
import { MAX_ARTICLE_BYTES } from './article-file.ts';

/**
 * Longest `url` accepted. 2048 is the de-facto limit browsers, CDNs and sitemaps hold URLs to; a
 * news article's URL is far shorter, and the URL is stored on the article and derives its id.
 */
export const MAX_URL_CHARS = 2048;

/** Longest title accepted. Headlines run to a few hundred characters; more is not a headline. */
export const MAX_TITLE_CHARS = 1000;

// Checked on the string as given, because the WHATWG parser would quietly drop tabs and line
// breaks and trim spaces, accepting a string that is not the URL it stands for.
const NO_SPACE_OR_CONTROL = /^[^\s\p{Cc}]*$/u;

/**
 * An absolute http: or https: URL. Other schemes (`javascript:`, `data:`, `file:`) would be
 * served back to clients that may render them as links.
 */
export const articleUrl = z
  .string()
  .max(MAX_URL_CHARS, `must be at most ${MAX_URL_CHARS} characters`)
  .regex(NO_SPACE_OR_CONTROL, 'must not contain spaces or control characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an absolute http: or https: URL' }));

export const articleTitle = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`);

/** The same bound as an article file, so a text one door accepts is accepted by the others. */
export const articleText = z
  .string()
  .refine((t) => t.trim().length > 0, 'must not be empty')
  .refine((t) => Buffer.byteLength(t) <= MAX_ARTICLE_BYTES, `must be at most ${MAX_ARTICLE_BYTES} bytes of UTF-8`);

/** An ISO-8601 date-time with its offset, as a JSON line gives `publishedAt`. */
export const articlePublishedAt = z.iso.datetime({ offset: true });

/** One article record: a JSON line, or the fields of `IngestArticleInput` the API does not type itself. */
export const articleInput = z.object({
  title: articleTitle,
  text: articleText,
  url: articleUrl.optional(),
  publishedAt: articlePublishedAt.optional(),
});

export type ArticleInput = z.infer<typeof articleInput>;

export interface InputProblem {
  /** The field at fault (`title`, `url`…), or '' for the record as a whole. */
  field: string;
  message: string;
}

/** Each rule a record breaks, field by field, in the order of the schema. */
export function inputProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

/** The first rule a record breaks (a failed parse always has one). */
export function firstProblem(error: z.ZodError): InputProblem {
  return inputProblems(error)[0] ?? { field: '', message: 'is not an article record' };
}
