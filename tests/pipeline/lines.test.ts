// The bounded line reader under JSON Lines: every split of the bytes gives the same lines, and a
// line over the limit is reported by size without being held.
import { describe, expect, it } from 'vitest';
import { boundedLines, type Line } from '../../src/pipeline/lines.ts';

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(lines: AsyncIterable<Line>): Promise<(string | number)[]> {
  const out: (string | number)[] = [];
  // A too-long line shows as its size, a kept one as its text.
  for await (const line of lines) out.push('tooLong' in line ? line.size : line.bytes.toString('utf8'));
  return out;
}

describe('boundedLines', () => {
  it('gives the same numbered lines for any chunking, with \\n or \\r\\n, and a last line without a break', async () => {
    const bytes = Buffer.from('một\r\n\nhai ba\nbốn', 'utf8');
    for (const size of [1, 2, 3, 7, 1024]) {
      const numbers: number[] = [];
      const texts: string[] = [];
      for await (const line of boundedLines(chunksOf(bytes, size), 100)) {
        numbers.push(line.number);
        texts.push('tooLong' in line ? '?' : line.bytes.toString('utf8'));
      }
      expect(texts).toEqual(['một', '', 'hai ba', 'bốn']);
      expect(numbers).toEqual([1, 2, 3, 4]);
    }
    expect(await collect(boundedLines(chunksOf(Buffer.from('a\n'), 1), 10))).toEqual(['a']);
    expect(await collect(boundedLines(chunksOf(Buffer.alloc(0), 1), 10))).toEqual([]);
  });

  it('keeps a line of exactly the limit and reports a longer one by its size, whatever the chunking', async () => {
    const bytes = Buffer.from(`${'x'.repeat(10)}\n${'y'.repeat(11)}\nok\n${'z'.repeat(25)}`);
    for (const size of [1, 4, 10, 11, 64]) {
      expect(await collect(boundedLines(chunksOf(bytes, size), 10))).toEqual(['x'.repeat(10), 11, 'ok', 25]);
    }
  });

  it('skips a 1 GiB line by counting it, then reads the next line whole', async () => {
    const mib = Buffer.alloc(1 << 20, 0x61);
    async function* huge(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 1024; i++) yield mib;
      yield Buffer.from('\n{"title":"sau"}\n');
    }
    const started = performance.now();
    expect(await collect(boundedLines(huge(), 1_000_000))).toEqual([2 ** 30, '{"title":"sau"}']);
    // Held whole, a 1 GiB line would need 1 GiB of copies; counted, it is a memchr per chunk.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
