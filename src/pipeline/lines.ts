// Lines of a byte stream, each held in memory only up to a limit. Node's readline has no limit:
// it builds the whole line as a string, so one line of hundreds of MB exhausts memory or V8's
// string length. Here a line over the limit is counted and discarded as its bytes arrive, and
// lines stay bytes, so the caller can decode each strictly (UTF-8 never uses 0x0A inside a
// multi-byte sequence, so splitting on it before decoding is safe).

export type Line =
  /** A line within the limit: its bytes, without the line break (`\n` or `\r\n`). */
  | { number: number; bytes: Buffer }
  /** A line over the limit: only its size in bytes was kept. */
  | { number: number; tooLong: true; size: number };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits `chunks` into lines numbered from 1. At most `maxBytes` of one line are held (plus the
 * chunk being read); a final line without a line break counts as a line.
 */
export async function* boundedLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let number = 0;
  let parts: Buffer[] = [];
  let size = 0;

  const finish = (): Line => {
    number++;
    let line: Line;
    if (size > maxBytes) {
      line = { number, tooLong: true, size };
    } else {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
      line = { number, bytes: bytes.at(-1) === CR ? bytes.subarray(0, -1) : bytes };
    }
    parts = [];
    size = 0;
    return line;
  };

  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const lf = buf.indexOf(LF, start);
      const piece = buf.subarray(start, lf === -1 ? buf.length : lf);
      size += piece.length;
      // Once over the limit, nothing of the line is kept: the rest is only counted.
      if (size <= maxBytes) parts.push(piece);
      else parts = [];
      if (lf === -1) break;
      yield finish();
      start = lf + 1;
    }
  }
  if (size > 0) yield finish();
}
