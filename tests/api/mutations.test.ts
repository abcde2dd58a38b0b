// ingestArticle / deleteArticle: guarded by the API key, atomic, idempotent, and deleting only
// what no other article supports.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectTestGraph, graphCounts, resetGraph } from '../support/graph.ts';
import { seedText } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API_KEY = 'test-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${API_KEY}` };

const INGEST = `mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { status entityCount figureCount relationCount article { id title } } }`;
const DELETE = 'mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }';

const [seedTitle, ...seedBody] = seedText().split('\n');
const seedInput = { title: seedTitle, text: seedBody.join('\n') };
// A second, short article of the genre that shares one province with the seed.
const otherInput = {
  title: 'Bắc Ninh trao nhà đại đoàn kết cho hộ nghèo',
  text: 'Thứ Hai, 07-12-2020, 08:00\nNgày 6-12, Ủy ban MTTQ tỉnh Bắc Ninh trao 50 nhà đại đoàn kết cho hộ nghèo trên địa bàn tỉnh Bắc Ninh.',
};

interface IngestData { ingestArticle: { status: string; entityCount: number; article: { id: string; title: string } } }
const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('mutations', () => {
  const db = connectTestGraph();
  let server: TestServer;
  let readOnly: TestServer;

  beforeAll(async () => {
    server = await startTestServer(db, { apiKey: API_KEY });
    readOnly = await startTestServer(db);
  });
  beforeEach(() => resetGraph(db));
  afterAll(async () => {
    await server.close();
    await readOnly.close();
    await db.close();
  });

  it('are disabled without VNKG_API_KEY and refused without the right key', async () => {
    const off = await readOnly.query(INGEST, { input: seedInput }, AUTH);
    expect(codeOf(off)).toBe('UNAUTHENTICATED');
    expect(off.errors![0]!.message).toContain('no VNKG_API_KEY');
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { 'x-api-key': `${API_KEY}x` }];
    for (const headers of attempts) {
      const res = await server.query(INGEST, { input: seedInput }, headers);
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    }
    expect(await graphCounts(db)).toEqual({});
  });

  it('ingests an article once; the same article again changes nothing', async () => {
    const first = await server.query<IngestData>(INGEST, { input: seedInput }, { 'x-api-key': API_KEY });
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestArticle.status).toBe('CREATED');
    expect(first.data!.ingestArticle.article.title).toBe(seedTitle);
    expect(first.data!.ingestArticle.entityCount).toBeGreaterThan(5);
    const counts = await graphCounts(db);
    const again = await server.query<IngestData>(INGEST, { input: seedInput }, AUTH);
    expect(again.data!.ingestArticle.status).toBe('UNCHANGED');
    expect(await graphCounts(db)).toEqual(counts);
  });

  it('rejects an empty article with BAD_USER_INPUT and writes nothing', async () => {
    for (const input of [{ title: 'Tiêu đề', text: '   ' }, { title: ' ', text: 'Nội dung' }]) {
      const res = await server.query(INGEST, { input }, AUTH);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    }
    expect(await graphCounts(db)).toEqual({});
  });

  it('deletes an article and only the facts no other article supports', async () => {
    const seed = await server.query<IngestData>(INGEST, { input: seedInput }, AUTH);
    const other = await server.query<IngestData>(INGEST, { input: otherInput }, AUTH);
    expect(other.errors).toBeUndefined();
    const seedId = seed.data!.ingestArticle.article.id;

    const res = await server.query<{ deleteArticle: { deletedId: string } }>(DELETE, { id: seedId }, AUTH);
    expect(res.data!.deleteArticle.deletedId).toBe(seedId);

    const names = (await db.read<{ name: string }>('MATCH (e:Entity) RETURN e.name AS name', {})).map((r) => r.name);
    expect(names).toContain('Bắc Ninh');
    expect(names).not.toContain('Lào Cai');
    const leftovers = await db.read<{ n: number }>(
      'MATCH (x) WHERE x.articleId = $id OR x.id = $id RETURN count(x) AS n',
      { id: seedId },
    );
    expect(leftovers[0]!.n).toBe(0);
    const evidence = await db.read<{ key: string }>('MATCH (:Entity)-[r]->(:Entity) UNWIND r.evidence AS key RETURN key', {});
    expect(evidence.length).toBeGreaterThan(0);
    for (const { key } of evidence) expect(key.startsWith(other.data!.ingestArticle.article.id)).toBe(true);

    const gone = await server.query(DELETE, { id: seedId }, AUTH);
    expect(codeOf(gone)).toBe('NOT_FOUND');
  });
});
