// A PROTOTYPE of the write path suggested in bench/README.md, to measure the suggestions before
// anyone changes src/graph/ingest.ts. It is not used by the service. It writes the same graph
// as ingestBatch for new articles (checked by bench/experiments/compare-ingest.ts) with:
//   1. article-owned nodes (Sentence, Mention, Figure) and their relationships CREATEd, not
//      MERGEd: FIND_ARTICLES already knows the article is new, so there is nothing to match;
//   2. entities and entity relations aggregated per key on the client, so each is written once
//      per batch (fewer rows, and no lost update of aliases when two articles of one batch
//      bring different aliases of the same entity);
//   3. one relation statement per relationship type with the type written in the Cypher
//      (a dynamic type makes the planner choose a whole-store relationship scan on an empty graph);
//   4. parameters instead of values read back from the graph where the client knows them
//      (articleId, publishedAt), which removes Eager operators and a MATCH.
// Articles that exist already (changed or unchanged) go through src ingestBatch unchanged.
import { RELATION_TYPES, type Extraction } from '../../src/core/types.ts';
import { EXTRACTOR_VERSION } from '../../src/core/version.ts';
import type { GraphDatabase, WriteTx } from '../../src/graph/database.ts';
import { articleRows, ingestBatch, type ArticleToIngest, type IngestResult } from '../../src/graph/ingest.ts';

const FIND_ARTICLES = `
UNWIND $articles AS x
OPTIONAL MATCH (a:Article {id: x.id})
RETURN x.id AS id, a IS NOT NULL AS exists`;

const CREATE_ARTICLES = `
UNWIND $articles AS x
MERGE (a:Article {id: x.id})
ON CREATE SET a.ingestedAt = datetime()
SET a.title = x.title,
    a.publishedAt = CASE WHEN x.publishedAt IS NULL THEN null ELSE datetime(x.publishedAt) END,
    a.url = x.url, a.text = x.text, a.extractorVersion = $version
WITH a, x
UNWIND x.sentences AS s
CREATE (a)-[:HAS_SENTENCE]->(:Sentence {id: s.id, articleId: x.id, index: toInteger(s.index), section: toInteger(s.section),
                                         start: toInteger(s.start), end: toInteger(s.end), text: s.text})`;

/** Entities once per batch; the name/alias lists are only rewritten when they gain something. */
const MERGE_ENTITIES = `
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.subtype = e.subtype, n:$(e.labels)
WITH n, e, coalesce(n.aliases, []) AS aliases, coalesce(n.searchForms, []) AS forms
WITH n, aliases + [x IN e.aliases WHERE NOT x IN aliases AND x <> n.name] AS aliases,
        forms + [x IN e.searchForms WHERE NOT x IN forms] AS forms, size(aliases) AS a0, size(forms) AS f0
WHERE size(aliases) > a0 OR size(forms) > f0 OR n.searchText IS NULL
SET n.aliases = aliases, n.searchForms = forms, n.searchText = reduce(t = '', x IN forms | t + ' | ' + x)`;

const CREATE_MENTIONS = `
UNWIND $mentions AS m
MATCH (e:Entity {id: m.entityId})
MATCH (s:Sentence {id: m.sentenceId})
CREATE (x:Mention {id: m.id, articleId: m.articleId, start: toInteger(m.start), end: toInteger(m.end), text: m.text})
CREATE (x)-[:REFERS_TO]->(e)
CREATE (x)-[:IN_SENTENCE]->(s)`;

const CREATE_ARTICLE_MENTIONS = `
UNWIND $pairs AS p
MATCH (a:Article {id: p.articleId})
MATCH (e:Entity {id: p.entityId})
CREATE (a)-[:MENTIONS]->(e)`;

const CREATE_FIGURES = `
UNWIND $figures AS f
MATCH (s:Sentence {id: f.sentenceId})
CREATE (x:Figure {id: f.id, articleId: f.articleId, value: toFloat(f.value), unit: f.unit, qualifier: f.qualifier,
                  period: f.period, quote: f.quote, start: toInteger(f.start), end: toInteger(f.end)})-[:STATED_IN]->(s)
SET x.publishedAt = CASE WHEN f.publishedAt IS NULL THEN null ELSE datetime(f.publishedAt) END
WITH x, f
UNWIND range(0, size(f.subjectIds) - 1) AS rank
MATCH (e:Entity {id: f.subjectIds[rank]})
CREATE (x)-[:ABOUT {rank: rank}]->(e)`;

/** TYPE is one of RELATION_TYPES, written into the text so the planner expands between the two seeks. */
const mergeRelations = (type: string) => `
UNWIND $relations AS r
MATCH (from:Entity {id: r.from})
MATCH (to:Entity {id: r.to})
MERGE (from)-[rel:${type}]->(to)
ON CREATE SET rel.evidence = r.evidence
ON MATCH SET rel.evidence = coalesce(rel.evidence, []) + [k IN r.evidence WHERE NOT k IN coalesce(rel.evidence, [])]`;

type Rows = ReturnType<typeof articleRows>;

function batchParameters(rows: Rows[]) {
  const entities = new Map<string, Rows['entities'][number]>();
  for (const r of rows) {
    for (const e of r.entities) {
      const seen = entities.get(e.id);
      if (!seen) entities.set(e.id, { ...e, aliases: [...e.aliases], searchForms: [...e.searchForms] });
      else {
        for (const a of e.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
        for (const f of e.searchForms) if (!seen.searchForms.includes(f)) seen.searchForms.push(f);
      }
    }
  }
  const mentions = new Map<string, Rows['mentions'][number]>();
  const pairs = new Map<string, { articleId: string; entityId: string }>();
  for (const r of rows) {
    for (const m of r.mentions) {
      mentions.set(m.id, m);
      pairs.set(`${m.articleId}\u0000${m.entityId}`, { articleId: m.articleId, entityId: m.entityId });
    }
  }
  const figures = new Map<string, Rows['figures'][number] & { articleId: string; publishedAt: string | null }>();
  for (const r of rows) {
    for (const f of r.figures) {
      figures.set(f.id, { ...f, subjectIds: [...new Set(f.subjectIds)], articleId: r.article.id, publishedAt: r.article.publishedAt });
    }
  }
  const relations = new Map<string, Map<string, { from: string; to: string; evidence: string[] }>>();
  for (const r of rows) {
    for (const rel of r.relations) {
      const byType = relations.get(rel.type) ?? new Map<string, { from: string; to: string; evidence: string[] }>();
      relations.set(rel.type, byType);
      const key = `${rel.from}\u0000${rel.to}`;
      const row = byType.get(key) ?? { from: rel.from, to: rel.to, evidence: [] };
      for (const k of rel.evidence) if (!row.evidence.includes(k)) row.evidence.push(k);
      byType.set(key, row);
    }
  }
  return {
    articles: rows.map((r) => r.article),
    entities: [...entities.values()],
    mentions: [...mentions.values()],
    pairs: [...pairs.values()],
    figures: [...figures.values()],
    relations: [...relations].map(([type, m]) => ({ type, rows: [...m.values()] })),
  };
}

async function writeNew(tx: WriteTx, rows: Rows[]): Promise<void> {
  const p = batchParameters(rows);
  await tx.run(CREATE_ARTICLES, { articles: p.articles, version: EXTRACTOR_VERSION });
  if (p.entities.length) await tx.run(MERGE_ENTITIES, { entities: p.entities });
  if (p.mentions.length) await tx.run(CREATE_MENTIONS, { mentions: p.mentions });
  if (p.pairs.length) await tx.run(CREATE_ARTICLE_MENTIONS, { pairs: p.pairs });
  if (p.figures.length) await tx.run(CREATE_FIGURES, { figures: p.figures });
  for (const { type, rows: rels } of p.relations) {
    if (!(RELATION_TYPES as readonly string[]).includes(type)) throw new Error(`unknown relation type ${type}`);
    await tx.run(mergeRelations(type), { relations: rels });
  }
}

/** Same contract as src ingestBatch; new articles take the prototype path. */
export async function proposedIngestBatch(db: GraphDatabase, batch: readonly ArticleToIngest[]): Promise<IngestResult[]> {
  const unique = [...new Map(batch.map((b) => [b.extraction.article.id, b])).values()];
  const rows = unique.map((b) => articleRows(b.extraction, b.url ?? null));
  const existing = await db.writeTransaction(async (tx) => {
    const found = await tx.run<{ id: string; exists: boolean }>(FIND_ARTICLES, { articles: rows.map((r) => ({ id: r.article.id })) });
    const exists = new Set(found.filter((f) => f.exists).map((f) => f.id));
    const fresh = rows.filter((r) => !exists.has(r.article.id));
    if (fresh.length) await writeNew(tx, fresh);
    return exists;
  });
  const old = unique.filter((b) => existing.has(b.extraction.article.id));
  const oldResults = old.length ? await ingestBatch(db, old) : [];
  const byId = new Map(oldResults.map((r) => [r.articleId, r]));
  return batch.map(({ extraction }: { extraction: Extraction }) => {
    const r = byId.get(extraction.article.id);
    return (
      r ?? {
        articleId: extraction.article.id,
        status: 'created' as const,
        entities: extraction.entities.length,
        figures: extraction.figures.length,
        relations: extraction.relations.length,
      }
    );
  });
}
