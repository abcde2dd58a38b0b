// The seed article served through HTTP GraphQL: exact answers to the questions the README shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { connectTestGraph, resetGraph } from '../support/graph.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { nodesOf, type Page } from '../support/connections.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Hit { entity: { id: string; name: string; kind: string; subtype: string }; score: number }
interface FigureView {
  value: number; unit: string; qualifier: string; period: string | null; quote: string; start: number; end: number;
  sentence: { text: string; start: number };
  article: { text: string };
  subjects: { name: string }[];
}

describe('the seed article through GraphQL', () => {
  const db: GraphDatabase = connectTestGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    await ingestFile(db, SEED_FILE);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function findOne(text: string, kind: string): Promise<Hit['entity']> {
    const res = await server.query<{ search: Page<Hit['entity']> }>(
      'query($text: String!, $kind: EntityKind) { search(text: $text, kind: $kind) { totalCount edges { score node { id name kind subtype } } } }',
      { text, kind },
    );
    expect(res.errors).toBeUndefined();
    const first = nodesOf(res.data!.search)[0];
    expect(first, `no ${kind} found for "${text}"`).toBeDefined();
    return first!;
  }

  it('finds Lào Cai whatever the case and diacritics of the query', async () => {
    for (const text of ['lao cai', 'Lào Cai', 'LAO CAI', 'lào', 'Lao ca']) {
      const entity = await findOne(text, 'ADMINISTRATIVE_UNIT');
      expect(entity.name).toBe('Lào Cai');
      expect(entity.subtype).toBe('PROVINCE');
    }
  });

  it('answers the figures about Lào Cai with qualifier, period and the sentence that states them', async () => {
    const laoCai = await findOne('lao cai', 'ADMINISTRATIVE_UNIT');
    const res = await server.query<{ figures: { totalCount: number; edges: { node: FigureView }[] } }>(
      `query($id: ID!) { figures(subject: $id, first: 50) { totalCount edges { node {
         value unit qualifier period quote start end
         sentence { text start } article { text } subjects { name } } } } }`,
      { id: laoCai.id },
    );
    expect(res.errors).toBeUndefined();
    const figures = res.data!.figures.edges.map((e) => e.node);
    expect(res.data!.figures.totalCount).toBe(figures.length);
    const summary = figures.map((f) => [f.value, f.unit, f.qualifier, f.period]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [2800, 'đảng viên', 'EXACT', '2015-2020'],
        [49300, 'đảng viên', 'MORE_THAN', '2020'],
        [9428, 'đảng viên', 'EXACT', '2016-2020'],
      ]),
    );
    expect(figures).toHaveLength(3);
    for (const f of figures) {
      expect(f.article.text.slice(f.start, f.end)).toBe(f.quote);
      expect(f.sentence.text.slice(f.start - f.sentence.start, f.end - f.sentence.start)).toBe(f.quote);
      expect(f.subjects.map((s) => s.name)).toContain('Lào Cai');
    }
    const moreThan = figures.find((f) => f.value === 49300)!;
    expect(moreThan.quote).toContain('49.300 đảng viên');
    expect(moreThan.sentence.text).toContain('Toàn tỉnh hiện có hơn 49.300 đảng viên');
  });

  it("answers Bắc Ninh's campaigns and the bodies that run them", async () => {
    const bacNinh = await findOne('bac ninh', 'ADMINISTRATIVE_UNIT');
    const res = await server.query<{
      entity: { name: string; organizations: Page<{ name: string; campaigns: Page<{ name: string; subtype: string }> }> };
    }>(
      `query($id: ID!) { entity(id: $id) { name ... on AdministrativeUnit {
         organizations(first: 50) { totalCount edges { node { name campaigns(first: 20) { totalCount edges { node { name subtype } } } } } } } } }`,
      { id: bacNinh.id },
    );
    expect(res.errors).toBeUndefined();
    const orgs = nodesOf(res.data!.entity.organizations).map((o) => ({ ...o, campaigns: nodesOf(o.campaigns) }));
    expect(orgs).toHaveLength(res.data!.entity.organizations.totalCount);
    for (const o of res.data!.entity.organizations.edges) expect(o.node.campaigns.edges).toHaveLength(o.node.campaigns.totalCount);
    const front = orgs.find((o) => o.name === 'Ủy ban MTTQ tỉnh Bắc Ninh');
    expect(front, JSON.stringify(orgs.map((o) => o.name))).toBeDefined();
    // Subtypes of a list announced as "các cuộc vận động, phong trào thi đua … như:" are a judgement call;
    // the names and the campaign family are not.
    expect(front!.campaigns.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh',
        'Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư',
        'Bắc Ninh hành động vì môi trường sạch',
        'Đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế',
      ]),
    );
    for (const c of front!.campaigns) expect(['CAMPAIGN', 'MOVEMENT', 'EMULATION_MOVEMENT', 'FUND', 'PROGRAM']).toContain(c.subtype);
    expect(front!.campaigns.find((c) => c.name.includes('Vì người nghèo'))?.subtype).toBe('FUND');
    const fundBody = orgs.find((o) => o.name.startsWith('Ban vận động Quỹ'));
    expect(fundBody?.campaigns.map((c) => c.subtype)).toContain('FUND');
  });

  it('traces every mention and relation of an entity back to its sentence', async () => {
    const bacNinh = await findOne('bac ninh', 'ADMINISTRATIVE_UNIT');
    const res = await server.query<{
      entity: {
        mentions: Page<{ text: string; start: number; end: number; article: { text: string } }>;
        relations: Page<{ type: string; from: { name: string }; to: { name: string }; evidence: Page<{ quote: string; start: number; end: number; sentence: { text: string; article: { text: string } } }> }>;
      };
    }>(
      `query($id: ID!) { entity(id: $id) {
         mentions(first: 100) { totalCount edges { node { text start end article { text } } } }
         relations(first: 50) { totalCount edges { node { type from { name } to { name }
           evidence(first: 10) { totalCount edges { node { quote start end sentence { text article { text } } } } } } } } } }`,
      { id: bacNinh.id },
    );
    expect(res.errors).toBeUndefined();
    const mentions = nodesOf(res.data!.entity.mentions);
    const relations = nodesOf(res.data!.entity.relations).map((r) => ({ ...r, evidence: nodesOf(r.evidence) }));
    expect(mentions).toHaveLength(res.data!.entity.mentions.totalCount);
    expect(relations).toHaveLength(res.data!.entity.relations.totalCount);
    for (const r of nodesOf(res.data!.entity.relations)) expect(r.evidence.edges).toHaveLength(r.evidence.totalCount);
    expect(mentions.length).toBeGreaterThan(1);
    for (const m of mentions) expect(m.article.text.slice(m.start, m.end)).toBe(m.text);
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) {
        expect(e.quote.length).toBeGreaterThan(0);
        expect(e.sentence.article.text.slice(e.start, e.end)).toBe(e.quote);
      }
    }
  });

  it('lists the article with its date and pages through provinces with cursors', async () => {
    const res = await server.query<{
      articles: { totalCount: number; edges: { node: { title: string; publishedAt: string } }[] };
      first: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] };
    }>(`{ articles { totalCount edges { node { title publishedAt } } }
          first: provinces(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.totalCount).toBe(1);
    expect(res.data!.articles.edges[0]!.node.title).toBe(
      'Lào Cai xây dựng tổ chức cơ sở đảng gắn với nâng cao chất lượng đảng viên',
    );
    expect(new Date(res.data!.articles.edges[0]!.node.publishedAt).toISOString()).toBe('2020-11-20T19:27:00.000Z');
    const first = res.data!.first;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await server.query<{ provinces: { pageInfo: { hasNextPage: boolean }; edges: { node: { name: string } }[] } }>(
      'query($after: String) { provinces(first: 1, after: $after) { pageInfo { hasNextPage } edges { node { name } } } }',
      { after: first.pageInfo.endCursor },
    );
    expect(next.data!.provinces.pageInfo.hasNextPage).toBe(false);
    const names = [first.edges[0]!.node.name, next.data!.provinces.edges[0]!.node.name].sort();
    expect(names).toEqual(['Bắc Ninh', 'Lào Cai']);
  });

  it('refetches any object by its global id through node()', async () => {
    const list = await server.query<{
      figures: { edges: { node: { id: string; sentence: { id: string }; article: { id: string }; subjects: { id: string; mentions: Page<{ id: string }>; relations: Page<{ id: string; evidence: Page<{ id: string }> }> }[] } }[] };
    }>(`{ figures(first: 1) { edges { node { id sentence { id } article { id } subjects {
          id mentions(first: 1) { totalCount edges { node { id } } }
          relations(first: 1) { totalCount edges { node { id evidence(first: 1) { totalCount edges { node { id } } } } } } } } } } }`);
    const f = list.data!.figures.edges[0]!.node;
    const subject = f.subjects[0]!;
    const relation = nodesOf(subject.relations)[0]!;
    const ids = [f.id, f.sentence.id, f.article.id, subject.id, nodesOf(subject.mentions)[0]!.id, relation.id, nodesOf(relation.evidence)[0]!.id];
    const res = await server.query<{ nodes: ({ id: string; __typename: string } | null)[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }',
      { ids },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes.map((n) => n?.id)).toEqual(ids);
    expect(res.data!.nodes.map((n) => n?.__typename).slice(0, 3)).toEqual(['Figure', 'Sentence', 'Article']);
    expect(res.data!.nodes[4]!.__typename).toBe('Mention');
    expect(res.data!.nodes[5]!.__typename).toBe('Relation');
    expect(res.data!.nodes[6]!.__typename).toBe('Evidence');
    // An evidence id whose span the relation does not hold resolves to nothing.
    const forged = await server.query<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', {
      id: `${relation.id}#${f.sentence.id}|0|1`,
    });
    expect(forged.data).toEqual({ node: null });
  });
});
