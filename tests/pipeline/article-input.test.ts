// The two doors into the graph — a JSON line for `vnkg ingest`, the `ingestArticle` mutation —
// take the same articles and refuse the same ones, with the same words.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../src/pipeline/sources.ts';
import { connectTestGraph, graphCounts, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API_KEY = 'test-key-0123456789abcdef';
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status article { url } } }`;

const article = { title: 'Lào Cai trao nhà đại đoàn kết', text: 'Ủy ban MTTQ tỉnh Lào Cai trao 50 nhà đại đoàn kết.' };

/** Inputs both doors must refuse: the field at fault and the rule it breaks. */
const REFUSED: { fields: Record<string, string>; field: string; rule: string }[] = [
  { fields: { url: 'javascript:alert(document.cookie)' }, field: 'url', rule: 'must be an absolute http: or https: URL' },
  { fields: { url: 'data:text/html,<script>x</script>' }, field: 'url', rule: 'must be an absolute http: or https: URL' },
  { fields: { url: 'tin/123.html' }, field: 'url', rule: 'must be an absolute http: or https: URL' },
  { fields: { url: 'https://example.org/a\nb' }, field: 'url', rule: 'must not contain spaces or control characters' },
  { fields: { url: `https://example.org/${'a'.repeat(300_000)}` }, field: 'url', rule: 'must be at most 2048 characters' },
  { fields: { title: 'T'.repeat(1001) }, field: 'title', rule: 'must be at most 1000 characters' },
  { fields: { title: '  ' }, field: 'title', rule: 'must not be empty' },
];

describe('article input rules, shared by JSON Lines and ingestArticle', () => {
  const db = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    server = await startTestServer(db, { apiKey: API_KEY });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('the JSON Lines reader refuses each input, naming the field and the rule', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-input-'));
    const file = path.join(dir, 'refused.jsonl');
    await writeFile(file, REFUSED.map((r) => JSON.stringify({ ...article, ...r.fields })).join('\n'));
    const messages: string[] = [];
    for await (const item of readSources([file])) messages.push(item.ok ? 'accepted' : item.error.message);
    expect(messages).toEqual(REFUSED.map((r, i) => `${file}:${i + 1}: is not an article record (${r.field}: ${r.rule}).`));
  });

  it('ingestArticle refuses each input with BAD_USER_INPUT, the argument and the same rule, and writes nothing', async () => {
    const before = await graphCounts(db);
    for (const { fields, field, rule } of REFUSED) {
      const res = await server.query(INGEST, { input: { ...article, ...fields } }, { 'x-api-key': API_KEY });
      expect(res.errors?.[0]).toMatchObject({
        message: `"${field}" ${rule}.`,
        extensions: { code: 'BAD_USER_INPUT', argument: `input.${field}` },
      });
    }
    expect(await graphCounts(db)).toEqual(before);
  });

  it('ingestArticle accepts absolute http and https URLs up to 2048 characters, as the reader does (sources.test.ts)', async () => {
    const url = `https://báo.vn/${'a'.repeat(2048 - 'https://báo.vn/'.length)}`;
    const res = await server.query<{ ingestArticle: { status: string; article: { url: string } } }>(
      INGEST,
      { input: { ...article, url } },
      { 'x-api-key': API_KEY },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.ingestArticle).toEqual({ status: 'CREATED', article: { url } });
    const res2 = await server.query(INGEST, { input: { ...article, url: 'http://example.org/tin/1' } }, { 'x-api-key': API_KEY });
    expect(res2.errors).toBeUndefined();
  });
});
