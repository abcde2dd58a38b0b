// Reading an article file: strict UTF-8, bounded size, a precise error otherwise.
import { readFile, stat } from 'node:fs/promises';

/** Largest article file accepted (bytes). Real articles are a few KB; this bounds memory and time. */
export const MAX_ARTICLE_BYTES = 1_000_000;

export class ArticleInputError extends Error {
  override name = 'ArticleInputError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes as UTF-8, rejecting invalid sequences instead of replacing them with U+FFFD, and
 * drops a leading byte order mark.
 */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ArticleInputError(source, 'is not valid UTF-8 text (it holds a byte sequence UTF-8 does not allow).');
  }
}

/** An article file's bytes as text: bounded in size, strict UTF-8. */
export function decodeArticle(bytes: Uint8Array, source: string): string {
  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    throw new ArticleInputError(source, `is ${bytes.byteLength} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes.`);
  }
  return decodeUtf8(bytes, source);
}

export async function readArticleFile(file: string): Promise<string> {
  const info = await stat(file).catch(() => {
    throw new ArticleInputError(file, 'no such file.');
  });
  if (!info.isFile()) throw new ArticleInputError(file, 'is not a regular file.');
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new ArticleInputError(file, `is ${info.size} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes.`);
  }
  return decodeArticle(await readFile(file), file);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    size += buf.byteLength;
    if (size > MAX_ARTICLE_BYTES) throw new ArticleInputError('stdin', `exceeds the limit of ${MAX_ARTICLE_BYTES} bytes.`);
    chunks.push(buf);
  }
  return decodeArticle(Buffer.concat(chunks), 'stdin');
}
