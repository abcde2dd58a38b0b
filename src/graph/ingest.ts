import type { Extraction, ExtractedEntity } from '../core/types.ts';
import { EXTRACTOR_VERSION } from '../core/version.ts';
import type { GraphDatabase, RoundTripCounter, WriteTx } from './database.ts';
import { foldForSearch } from './search.ts';
import { articlePrefix, evidenceKey, figureId, mentionId, sentenceId } from './ids.ts';

export type IngestStatus = 'created' | 'updated' | 'unchanged';

export interface IngestResult {
  articleId: string;
  status: IngestStatus;
  entities: number;
  figures: number;
  relations: number;
}

const ADMINISTRATIVE_LABELS: Record<string, string> = {
  PROVINCE: 'Province',
  DISTRICT: 'District',
  COMMUNE: 'Commune',
  REGION: 'Region',
  COUNTRY: 'Country',
};

/** Labels an entity node carries, so Neo4j Browser, Bloom and Cypher users can match `(:Province)`. */
export function entityLabels(entity: Pick<ExtractedEntity, 'type' | 'subtype'>): string[] {
  const labels = ['Entity', entity.type];
  const sub = entity.type === 'AdministrativeUnit' ? ADMINISTRATIVE_LABELS[entity.subtype] : undefined;
  if (sub) labels.push(sub);
  return labels;
}

// --- Cypher: each statement is whole and can be pasted into a console to PROFILE. ---

const FIND_ARTICLE = `
MATCH (a:Article {id: $id})
RETURN a.text = $text AND a.extractorVersion = $version AS unchanged`;

/** Removes what an earlier extraction of the article wrote, keeping facts other articles support. */
const REMOVE_ARTICLE_PROVENANCE = `
MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:MENTIONS]->(:Entity)-[r]-(:Entity)
WITH a, collect(DISTINCT r) AS rels
FOREACH (r IN rels | SET r.evidence = [k IN r.evidence WHERE NOT k STARTS WITH $prefix])
FOREACH (r IN [x IN rels WHERE size(x.evidence) = 0] | DELETE r)
WITH a
OPTIONAL MATCH (a)-[:HAS_SENTENCE]->(s:Sentence)
OPTIONAL MATCH (s)<-[:IN_SENTENCE|STATED_IN]-(p)
WITH a, collect(DISTINCT s) AS sentences, collect(DISTINCT p) AS provenance
FOREACH (p IN provenance | DETACH DELETE p)
FOREACH (s IN sentences | DETACH DELETE s)
WITH a
OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
DELETE m
WITH DISTINCT e WHERE e IS NOT NULL AND NOT EXISTS { (e)<-[:REFERS_TO]-(:Mention) }
DETACH DELETE e`;

const WRITE_ARTICLE = `
MERGE (a:Article {id: $article.id})
ON CREATE SET a.ingestedAt = datetime()
SET a.title = $article.title,
    a.publishedAt = CASE WHEN $article.publishedAt IS NULL THEN null ELSE datetime($article.publishedAt) END,
    a.url = $article.url,
    a.text = $article.text,
    a.extractorVersion = $version
WITH a
UNWIND $sentences AS s
MERGE (n:Sentence {id: s.id})
SET n.articleId = a.id, n.index = toInteger(s.index), n.section = toInteger(s.section),
    n.start = toInteger(s.start), n.end = toInteger(s.end), n.text = s.text
MERGE (a)-[:HAS_SENTENCE]->(n)`;

const WRITE_ENTITIES = `
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.subtype = e.subtype
SET n:$(e.labels)
WITH n, e,
     reduce(acc = coalesce(n.aliases, []), x IN e.aliases | CASE WHEN x IN acc OR x = n.name THEN acc ELSE acc + x END) AS aliases
WITH n, aliases, reduce(acc = coalesce(n.searchForms, []), x IN e.searchForms | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS forms
SET n.aliases = aliases,
    n.searchForms = forms,
    n.searchText = reduce(t = '', x IN forms | t + ' | ' + x)`;

const WRITE_MENTIONS = `
MATCH (a:Article {id: $articleId})
UNWIND $mentions AS m
MATCH (e:Entity {id: m.entityId})
MATCH (s:Sentence {id: m.sentenceId})
MERGE (x:Mention {id: m.id})
SET x.articleId = a.id, x.start = toInteger(m.start), x.end = toInteger(m.end), x.text = m.text
MERGE (x)-[:REFERS_TO]->(e)
MERGE (x)-[:IN_SENTENCE]->(s)
MERGE (a)-[:MENTIONS]->(e)`;

const WRITE_FIGURES = `
UNWIND $figures AS f
MATCH (s:Sentence {id: f.sentenceId})
MERGE (x:Figure {id: f.id})
SET x.articleId = s.articleId, x.value = toFloat(f.value), x.unit = f.unit, x.qualifier = f.qualifier,
    x.period = f.period, x.quote = f.quote, x.start = toInteger(f.start), x.end = toInteger(f.end)
MERGE (x)-[:STATED_IN]->(s)
WITH x, f
UNWIND range(0, size(f.subjectIds) - 1) AS rank
MATCH (e:Entity {id: f.subjectIds[rank]})
MERGE (x)-[about:ABOUT]->(e)
SET about.rank = rank`;

const WRITE_RELATIONS = `
UNWIND $relations AS r
MATCH (from:Entity {id: r.from})
MATCH (to:Entity {id: r.to})
MERGE (from)-[rel:$(r.type)]->(to)
SET rel.evidence = CASE WHEN r.evidence IN coalesce(rel.evidence, []) THEN rel.evidence
                        ELSE coalesce(rel.evidence, []) + r.evidence END`;

/** The parameter rows of one article, shaped for the UNWIND statements above. */
export function articleRows(extraction: Extraction, url: string | null = null) {
  const { article } = extraction;
  const sid = (index: number) => sentenceId(article.id, index);
  return {
    article: { id: article.id, title: article.title, publishedAt: article.publishedAt, url, text: article.text },
    sentences: extraction.sentences.map((s) => ({ ...s, id: sid(s.index) })),
    entities: extraction.entities.map((e) => ({
      id: e.id,
      type: e.type,
      subtype: e.subtype,
      name: e.name,
      aliases: e.aliases,
      labels: entityLabels(e),
      searchForms: [...new Set([e.name, ...e.aliases].map(foldForSearch))],
    })),
    mentions: extraction.entities.flatMap((e) =>
      e.mentions.map((m) => ({
        id: mentionId(article.id, m.start, m.end, e.id),
        entityId: e.id,
        sentenceId: sid(m.sentenceIndex),
        start: m.start,
        end: m.end,
        text: m.text,
      })),
    ),
    figures: extraction.figures.map((f) => ({
      id: figureId(article.id, f.start, f.end),
      sentenceId: sid(f.sentenceIndex),
      subjectIds: f.subjectIds,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      period: f.period,
      quote: f.quote,
      start: f.start,
      end: f.end,
    })),
    relations: extraction.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      evidence: evidenceKey(sid(r.evidence.sentenceIndex), r.evidence.start, r.evidence.end),
    })),
  };
}

async function writeRows(tx: WriteTx, rows: ReturnType<typeof articleRows>): Promise<void> {
  await tx.run(WRITE_ARTICLE, { article: rows.article, sentences: rows.sentences, version: EXTRACTOR_VERSION });
  if (rows.entities.length) await tx.run(WRITE_ENTITIES, { entities: rows.entities });
  if (rows.mentions.length) await tx.run(WRITE_MENTIONS, { articleId: rows.article.id, mentions: rows.mentions });
  if (rows.figures.length) await tx.run(WRITE_FIGURES, { figures: rows.figures });
  if (rows.relations.length) await tx.run(WRITE_RELATIONS, { relations: rows.relations });
}

/**
 * Writes one article and everything extracted from it in a single transaction. Writing the
 * same text again is a no-op; a changed extraction replaces the article's earlier provenance.
 */
export async function ingestExtraction(
  db: GraphDatabase,
  extraction: Extraction,
  options: { url?: string | null; counter?: RoundTripCounter } = {},
): Promise<IngestResult> {
  const rows = articleRows(extraction, options.url ?? null);
  const id = extraction.article.id;
  const status = await db.writeTransaction(async (tx): Promise<IngestStatus> => {
    const [existing] = await tx.run<{ unchanged: boolean }>(FIND_ARTICLE, {
      id,
      text: extraction.article.text,
      version: EXTRACTOR_VERSION,
    });
    if (existing?.unchanged) return 'unchanged';
    if (existing) await tx.run(REMOVE_ARTICLE_PROVENANCE, { id, prefix: articlePrefix(id) });
    await writeRows(tx, rows);
    return existing ? 'updated' : 'created';
  }, options.counter);
  return {
    articleId: id,
    status,
    entities: rows.entities.length,
    figures: rows.figures.length,
    relations: rows.relations.length,
  };
}

const DELETE_ARTICLE = `MATCH (a:Article {id: $id}) DETACH DELETE a RETURN count(*) AS deleted`;

/** Deletes an article, its provenance, and every fact no other article supports. */
export async function deleteArticle(db: GraphDatabase, id: string): Promise<boolean> {
  return db.writeTransaction(async (tx) => {
    await tx.run(REMOVE_ARTICLE_PROVENANCE, { id, prefix: articlePrefix(id) });
    const [row] = await tx.run<{ deleted: number }>(DELETE_ARTICLE, { id });
    return (row?.deleted ?? 0) > 0;
  });
}
