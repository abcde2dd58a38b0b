// The gazetteer in the graph: provinces before and after 1 July 2025, districts, regions, their
// links; loaded once per version; articles attach to its units; deleting articles keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import { deleteArticle } from '../../src/graph/ingest.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { ingestFile } from '../../src/pipeline/ingest.ts';
import { SEED_FILE } from '../support/fixtures.ts';
import { connectTestGraph, graphCounts, resetGraph } from '../support/graph.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('the gazetteer in the graph', () => {
  const db = connectTestGraph();
  const gazetteer = gazetteerGraph();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(db);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('writes every unit and link once; loading it again changes nothing', async () => {
    expect(await loadGazetteer(db, gazetteer)).toBe(true);
    const counts = await graphCounts(db);
    expect(counts['node:Entity']).toBe(gazetteer.units.length);
    const provinces = gazetteer.units.filter((u) => u.subtype === 'PROVINCE');
    expect(counts['node:Province']).toBe(provinces.length);
    expect(provinces.length).toBe(63 + 34);
    expect(counts['node:District']).toBe(gazetteer.units.filter((u) => u.subtype === 'DISTRICT').length);
    expect(counts['rel:SUCCEEDED_BY']).toBe(63);
    expect((counts['rel:PART_OF'] ?? 0)).toBe(gazetteer.links.filter((l) => l.type === 'PART_OF').length);
    expect(await loadGazetteer(db, gazetteer)).toBe(false);
    expect(await graphCounts(db)).toEqual(counts);
  });

  it('answers Lào Cai as it was in 2020 and as it is since the 2025 merger', async () => {
    await ingestFile(db, SEED_FILE);
    const res = await server.query<{
      entity: {
        name: string; code: string; validTo: string; mentions: { totalCount: number };
        successor: { id: string; name: string; validFrom: string; predecessors: { edges: { node: { name: string } }[] } };
      };
    }>(`{ entity(id: "province:lao-cai") { name ... on AdministrativeUnit {
          code validTo mentions { totalCount }
          successor { id name validFrom predecessors { edges { node { name } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const laoCai = res.data!.entity;
    expect(laoCai).toMatchObject({ name: 'Lào Cai', code: '10', validTo: '2025-06-30' });
    expect(laoCai.mentions.totalCount).toBeGreaterThan(0);
    expect(laoCai.successor).toMatchObject({ id: 'province:lao-cai:2025', name: 'Lào Cai', validFrom: '2025-07-01' });
    expect(laoCai.successor.predecessors.edges.map((e) => e.node.name).sort()).toEqual(['Lào Cai', 'Yên Bái']);
  });

  it('finds a unit the articles never named, by name or alias', async () => {
    const res = await server.query<{ search: { edges: { node: { id: string } }[] } }>(
      '{ search(text: "tinh yen bai", kind: ADMINISTRATIVE_UNIT) { edges { node { id } } } }',
    );
    expect(res.data!.search.edges[0]!.node.id).toBe('province:yen-bai');
  });

  it('keeps its units and links when the articles that named them are deleted', async () => {
    const before = await db.read<{ n: number }>('MATCH (e:Entity {gazetteer: true}) RETURN count(e) AS n', {});
    const articles = await db.read<{ id: string }>('MATCH (a:Article) RETURN a.id AS id', {});
    for (const { id } of articles) await deleteArticle(db, id);
    const after = await db.read<{ n: number }>('MATCH (e:Entity {gazetteer: true}) RETURN count(e) AS n', {});
    expect(after).toEqual(before);
    const counts = await graphCounts(db);
    expect(counts['rel:SUCCEEDED_BY']).toBe(63);
    expect(counts['node:Mention'] ?? 0).toBe(0);
    expect(counts['node:Article'] ?? 0).toBe(0);
  });
});
