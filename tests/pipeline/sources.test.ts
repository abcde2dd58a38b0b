// Reading JSON Lines: strict UTF-8 per line, bounded line length, one rule set for records.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import { MAX_ARTICLE_BYTES } from '../../src/pipeline/article-file.ts';
import { countRecords, MAX_JSON_LINE_BYTES, readSources, type SourceItem } from '../../src/pipeline/sources.ts';

const good = (n: number, extra: Record<string, string> = {}) =>
  JSON.stringify({ title: `Tin ${n}`, text: `Lào Cai trao ${n} nhà đại đoàn kết.`, ...extra });

async function read(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources([file])) items.push(item);
  return items;
}

const failures = (items: SourceItem[]) => items.flatMap((i) => (i.ok ? [] : [i.error.message]));

describe('JSON Lines sources', () => {
  let dir: string;
  const write = async (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-sources-'));
  });

  it('skips a line that is not UTF-8, saying so, instead of storing U+FFFD', async () => {
    // "Lào" in Latin-1: 0xE0 starts a three-byte sequence that does not follow.
    const latin1 = Buffer.concat([Buffer.from('{"title":"L'), Buffer.from([0xe0]), Buffer.from('o Cai","text":"x y"}\n')]);
    const file = await write('latin1.jsonl', Buffer.concat([latin1, Buffer.from(`${good(2)}\n`)]));
    const items = await read(file);
    expect(failures(items)).toEqual([`${file}:1: is not valid UTF-8 text (it holds a byte sequence UTF-8 does not allow).`]);
    expect(items.filter((i) => i.ok)).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain('\uFFFD');
    expect(await countRecords([file])).toBe(2);
  });

  it('reads a byte order mark and CRLF line ends, and does not count blank lines', async () => {
    const file = await write('bom.jsonl', `\uFEFF${good(1)}\r\n  \r\n${good(2)}\r\n\n`);
    const items = await read(file);
    expect(items.map((i) => (i.ok ? i.record.origin : i.error.message))).toEqual([`${file}:1`, `${file}:3`]);
    expect(await countRecords([file])).toBe(2);
  });

  it('reports a line over the limit by its size and reads the next one', async () => {
    const long = `{"title":"x","text":"${'a'.repeat(MAX_JSON_LINE_BYTES)}"}`;
    const file = await write('long.jsonl', `${long}\n${good(2)}\n`);
    const items = await read(file);
    expect(failures(items)).toEqual([`${file}:1: is ${long.length} bytes; the limit of a JSON line is ${MAX_JSON_LINE_BYTES} bytes.`]);
    expect(items[1]).toMatchObject({ ok: true, record: { origin: `${file}:2` } });
    expect(await countRecords([file])).toBe(2);
  });

  it('accepts the line of an article the extractor takes, even with every letter escaped', async () => {
    // 190,000 characters, the Vietnamese letters escaped as \uXXXX as Python's json.dumps writes
    // them: over 1 MB of JSON for an article well within the extractor's limit.
    const text = `${'ệ'.repeat(9)} `.repeat(19_000);
    const line = JSON.stringify({ title: 'Tiêu đề', text, url: `https://example.org/${'a'.repeat(2000)}` }).replace(
      /[^\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(line.length).toBeGreaterThan(MAX_ARTICLE_BYTES);
    const [item] = await read(await write('escaped.jsonl', `${line}\n`));
    if (!item?.ok) throw new Error(`not read: ${item?.error.message}`);
    expect(item.record.text).toBe(`Tiêu đề\n\n${text}`);
    expect(extractArticle(item.record.text).sentences.length).toBeGreaterThan(0);
  });

  it('accepts only absolute http(s) URLs of at most 2048 characters, and bounded titles and texts', async () => {
    const bad: [Record<string, string>, string][] = [
      [{ url: 'javascript:alert(1)' }, 'url: must be an absolute http: or https: URL'],
      [{ url: 'data:text/html,<b>x</b>' }, 'url: must be an absolute http: or https: URL'],
      [{ url: 'file:///etc/passwd' }, 'url: must be an absolute http: or https: URL'],
      [{ url: '/tin/123' }, 'url: must be an absolute http: or https: URL'],
      [{ url: 'https://exa mple.org/' }, 'url: must not contain spaces or control characters'],
      [{ url: `https://example.org/${'a'.repeat(300_000)}` }, 'url: must be at most 2048 characters'],
      [{ title: 'T'.repeat(1001) }, 'title: must be at most 1000 characters'],
      [{ text: 'a'.repeat(MAX_ARTICLE_BYTES + 1) }, `text: must be at most ${MAX_ARTICLE_BYTES} bytes of UTF-8`],
    ];
    const ok = ['http://example.org/a', 'https://báo.vn/tin/1?x=2#p', `https://example.org/${'a'.repeat(2028)}`];
    const lines = [...bad.map(([fields]) => good(0, fields)), ...ok.map((url, i) => good(i, { url }))];
    const file = await write('urls.jsonl', `${lines.join('\n')}\n`);
    const items = await read(file);
    expect(failures(items)).toEqual(bad.map(([, why], i) => `${file}:${i + 1}: is not an article record (${why}).`));
    expect(items.flatMap((i) => (i.ok ? [i.record.url] : []))).toEqual(ok);
  });
});
