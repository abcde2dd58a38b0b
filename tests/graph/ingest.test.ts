import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract.ts';
import type { Extraction, RelationType } from '../../src/core/types.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { deleteArticle, ingestBatch, ingestExtraction } from '../../src/graph/ingest.ts';
import { connectTestGraph, graphCounts, resetGraph } from '../support/graph.ts';
import { seedText } from '../support/fixtures.ts';

describe('writing an article to the graph', () => {
  const db: GraphDatabase = connectTestGraph();
  const seed = extractArticle(seedText());

  beforeEach(() => resetGraph(db));
  afterAll(() => db.close());

  it('writes the article, its sentences, entities, mentions, figures and relations', async () => {
    const result = await ingestExtraction(db, seed);
    expect(result.status).toBe('created');
    const counts = await graphCounts(db);
    expect(counts['node:Article']).toBe(1);
    // Provenance is relationships and offsets, not nodes (graph format 5).
    expect(counts['node:Sentence'] ?? 0).toBe(0);
    expect(counts['node:Mention'] ?? 0).toBe(0);
    const [article] = await db.read<{ sentences: number; spans: number; statements: number }>(
      `MATCH (a:Article)
       RETURN size(a.sentenceStarts) AS sentences,
              reduce(n = 0, r IN COLLECT { MATCH (a)-[r:MENTIONS]->() RETURN r } | n + size(r.starts)) AS spans,
              COUNT { (a)-[:STATES]->(:Figure) } AS statements`,
      {},
    );
    expect(article).toEqual({
      sentences: seed.sentences.length,
      spans: seed.entities.reduce((n, e) => n + new Set(e.mentions.map((m) => `${m.start}-${m.end}`)).size, 0),
      statements: seed.figures.length,
    });
    expect(counts['rel:MENTIONS']).toBe(seed.entities.filter((e) => e.mentions.length > 0).length);
    expect(counts['node:Entity']).toBe(seed.entities.length);
    expect(counts['node:Figure']).toBe(seed.figures.length);
    expect(counts['node:Province']).toBeGreaterThanOrEqual(2);
    const distinctRelations = new Set(seed.relations.map((r) => `${r.from}|${r.type}|${r.to}`)).size;
    const written = (['LOCATED_IN', 'PART_OF', 'RUNS', 'MEMBER_OF', 'LEADS', 'RELATED_TO'] as RelationType[])
      .reduce((n, t) => n + (counts[`rel:${t}`] ?? 0), 0);
    expect(written).toBe(distinctRelations);
  });

  it('changes nothing when the same article is ingested again', async () => {
    await ingestExtraction(db, seed);
    const before = await graphCounts(db);
    const again = await ingestExtraction(db, extractArticle(seedText()));
    expect(again.status).toBe('unchanged');
    expect(await graphCounts(db)).toEqual(before);
  });

  it('keeps the aliases and evidence of every article of one batch that names the same entity', async () => {
    // A second article: the seed under another id, naming one entity by a further alias.
    const other: Extraction = structuredClone(seed);
    other.article.id = 'article:batch-twin';
    other.article.text = `${seed.article.text} `;
    const named = other.entities.find((e) => e.aliases.length > 0)!;
    const firstAliases = seed.entities.find((e) => e.id === named.id)!.aliases;
    named.aliases = ['tên gọi khác'];
    await ingestBatch(db, [{ extraction: seed }, { extraction: other }]);

    const [entity] = await db.read<{ aliases: string[] }>('MATCH (n:Entity {id: $id}) RETURN n.aliases AS aliases', {
      id: named.id,
    });
    expect(entity?.aliases).toEqual(expect.arrayContaining([...firstAliases, 'tên gọi khác']));
    const relation = seed.relations[0]!;
    const [rel] = await db.read<{ articles: string[] }>(
      `MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type
       RETURN [k IN r.evidence | split(k, ':s')[0]] AS articles`,
      { from: relation.from, to: relation.to, type: relation.type },
    );
    expect(new Set(rel?.articles)).toEqual(new Set([seed.article.id, other.article.id]));
  });

  it('keeps every relation traceable to a sentence of the article', async () => {
    await ingestExtraction(db, seed);
    const rows = await db.read<{ evidence: string[] }>('MATCH (:Entity)-[r]->(:Entity) RETURN r.evidence AS evidence', {});
    expect(rows.length).toBeGreaterThan(0);
    for (const { evidence } of rows) {
      expect(evidence.length).toBeGreaterThan(0);
      for (const key of evidence) expect(key.startsWith(`${seed.article.id}:s`)).toBe(true);
    }
    // Every figure is stated by an article, each span inside one of its sentences.
    const orphans = await db.read<{ n: number }>(
      `MATCH (f:Figure) WHERE NOT EXISTS {
         MATCH (a:Article)-[r:STATES]->(f)
         WHERE all(i IN range(0, size(r.starts) - 1) WHERE any(j IN range(0, size(a.sentenceStarts) - 1)
               WHERE a.sentenceStarts[j] <= r.starts[i] AND r.ends[i] <= a.sentenceEnds[j]))
       }
       RETURN count(f) AS n`,
      {},
    );
    expect(orphans[0]?.n).toBe(0);
  });

  it('replaces an earlier extraction of the article without leaving its old facts behind', async () => {
    await ingestExtraction(db, seed);
    const reduced: Extraction = { ...seed, figures: seed.figures.slice(1), relations: [] };
    // Pretend an older extractor wrote `seed`: the same text with a different version is re-extracted.
    await db.writeTransaction((tx) => tx.run('MATCH (a:Article) SET a.extractorVersion = "old"'));
    const result = await ingestExtraction(db, reduced);
    expect(result.status).toBe('updated');
    const counts = await graphCounts(db);
    expect(counts['node:Figure']).toBe(seed.figures.length - 1);
    expect(counts['rel:RUNS'] ?? 0).toBe(0);
    expect(counts['node:Article']).toBe(1);
  });

  it('writes nothing when a statement of the transaction fails', async () => {
    const broken = {
      ...seed,
      relations: [{ ...seed.relations[0]!, type: '' as RelationType }],
    };
    await expect(ingestExtraction(db, broken)).rejects.toThrow();
    expect(await graphCounts(db)).toEqual({});
  });

  it('deletes an article with its provenance and the facts only it supported', async () => {
    await ingestExtraction(db, seed);
    expect(await deleteArticle(db, seed.article.id)).toBe(true);
    expect(await graphCounts(db)).toEqual({});
    expect(await deleteArticle(db, seed.article.id)).toBe(false);
  });
});
