import type { Extraction, ExtractedEntity } from '../core/types.ts';
import { EXTRACTOR_VERSION } from '../core/version.ts';
import type { GraphDatabase, RoundTripCounter, WriteTx } from './database.ts';
import { sentenceIndexAt } from './provenance.ts';
import { foldForSearch } from '../core/text.ts';
import { evidenceKey, sentenceId } from '../core/ids.ts';

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

/** The parameter row of one entity for WRITE_ENTITIES. */
export function entityRow(e: Pick<ExtractedEntity, 'id' | 'type' | 'subtype' | 'name' | 'aliases'>) {
  return {
    id: e.id,
    type: e.type,
    subtype: e.subtype,
    name: e.name,
    aliases: e.aliases,
    labels: entityLabels(e),
    searchForms: [...new Set([e.name, ...e.aliases].map(foldForSearch))],
  };
}

// --- Cypher: each statement is whole and can be pasted into a console to PROFILE. ---

const FIND_ARTICLES = `/* FIND_ARTICLES */
UNWIND $articles AS x
OPTIONAL MATCH (a:Article {id: x.id})
RETURN x.id AS id, a IS NOT NULL AS exists,
       coalesce(a.text = x.text AND a.extractorVersion = $version, false) AS unchanged`;

/** Removes what earlier extractions of the articles wrote, keeping facts other articles support. */
const REMOVE_ARTICLE_PROVENANCE = `/* REMOVE_ARTICLE_PROVENANCE */
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Article {id: id})
  OPTIONAL MATCH (a)-[:MENTIONS]->(:Entity)-[r]-(:Entity)
  WITH a, collect(DISTINCT r) AS rels
  FOREACH (r IN rels | SET r.evidence = [k IN r.evidence WHERE NOT k STARTS WITH a.id + ':'])
  FOREACH (r IN [x IN rels WHERE size(x.evidence) = 0 AND x.gazetteer IS NULL] | DELETE r)
  WITH a
  CALL (a) {
    MATCH (a)-[s:STATES]->(:Figure)
    DELETE s
  }
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  DELETE m
  WITH DISTINCT e WHERE e IS NOT NULL AND e.gazetteer IS NULL AND NOT EXISTS { (e)<-[:MENTIONS]-(:Article) }
  DETACH DELETE e
}`;

const WRITE_ARTICLES = `/* WRITE_ARTICLES */
UNWIND $articles AS x
MERGE (a:Article {id: x.id})
ON CREATE SET a.ingestedAt = datetime()
SET a.title = x.title,
    a.publishedAt = CASE WHEN x.publishedAt IS NULL THEN null ELSE datetime(x.publishedAt) END,
    a.url = x.url,
    a.text = x.text,
    a.extractorVersion = $version,
    a.sentenceStarts = [v IN x.sentenceStarts | toInteger(v)],
    a.sentenceEnds = [v IN x.sentenceEnds | toInteger(v)],
    a.sentenceSections = [v IN x.sentenceSections | toInteger(v)]`;

/** Also used for the gazetteer's units: names and aliases merge the same way. */
export const WRITE_ENTITIES = `/* WRITE_ENTITIES */
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.subtype = e.subtype
SET n:$(e.labels)
WITH n, e,
     reduce(acc = coalesce(n.aliases, []), x IN e.aliases | CASE WHEN x IN acc OR x = n.name THEN acc ELSE acc + x END) AS aliases
WITH n, aliases, reduce(acc = coalesce(n.searchForms, []), x IN e.searchForms | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS forms
// An entity most articles name is written only when it learns a name: each write of searchText
// is a full-text index update at commit.
WHERE n.searchText IS NULL OR aliases <> coalesce(n.aliases, []) OR forms <> coalesce(n.searchForms, [])
SET n.aliases = aliases,
    n.searchForms = forms,
    n.searchText = reduce(t = '', x IN forms | t + ' | ' + x)`;

/**
 * One MENTIONS relationship per article and entity, carrying every span where the article names
 * it. CREATE, not MERGE: an article being written has no provenance left (it is new, or its
 * earlier provenance was just removed).
 */
const WRITE_MENTIONS = `/* WRITE_MENTIONS */
UNWIND $mentions AS m
MATCH (a:Article {id: m.articleId})
MATCH (e:Entity {id: m.entityId})
CREATE (a)-[:MENTIONS {starts: [v IN m.starts | toInteger(v)], ends: [v IN m.ends | toInteger(v)]}]->(e)`;

/** The figures of a batch that already exist: they are stated again, not written again. */
const FIND_FIGURES = `/* FIND_FIGURES */
UNWIND $ids AS id
MATCH (f:Figure {id: id})
RETURN f.id AS id`;

/**
 * A figure is a statement: one node per fact, whatever articles state it (its id derives from
 * the fact, subjects included). Only figures FIND_FIGURES did not find are sent: each is written
 * with its ranked subjects and, as primary mention, the row's (the one article stating it).
 * MERGE rather than CREATE, for a writer that created one meanwhile: such figures are not
 * written again but returned, for REFRESH_FIGURES to weigh their statements.
 */
const CREATE_FIGURES = `/* CREATE_FIGURES */
UNWIND $figures AS f
MERGE (x:Figure {id: f.id})
ON CREATE SET x.value = toFloat(f.value), x.unit = f.unit, x.qualifier = f.qualifier, x.period = f.period,
    x.measure = f.measure, x.measurePhrase = f.measurePhrase, x.per = f.per, x.change = f.change,
    x.subjectIds = f.subjectIds, x.articleId = f.articleId, x.sentenceId = f.sentenceId,
    x.publishedAt = CASE WHEN f.publishedAt IS NULL THEN null ELSE datetime(f.publishedAt) END,
    x.quote = f.quote, x.start = toInteger(f.start), x.end = toInteger(f.end), x.sourceCount = 1,
    x.writing = true
WITH x, f, x.writing IS NOT NULL AS created
REMOVE x.writing
WITH x, f, created
CALL (x, f, created) {
  WITH * WHERE created
  UNWIND range(0, size(f.subjectIds) - 1) AS rank
  MATCH (e:Entity {id: f.subjectIds[rank]})
  CREATE (x)-[:ABOUT {rank: rank}]->(e)
}
WITH f WHERE NOT created
RETURN f.id AS id`;

/**
 * The places an article states a figure: one STATES relationship per article and figure with
 * every span, and the article's main statement (`primaryStart`/`primaryEnd`, its measure phrase).
 * CREATE for the reason WRITE_MENTIONS gives.
 */
const WRITE_STATEMENTS = `/* WRITE_STATEMENTS */
UNWIND $statements AS m
MATCH (a:Article {id: m.articleId})
MATCH (f:Figure {id: m.figureId})
CREATE (a)-[:STATES {
  starts: [v IN m.starts | toInteger(v)], ends: [v IN m.ends | toInteger(v)],
  primaryStart: toInteger(m.primaryStart), primaryEnd: toInteger(m.primaryEnd), measurePhrase: m.measurePhrase
}]->(f)`;

/** The figures articles state, read before their provenance is removed. */
const FIGURES_OF_ARTICLES = `/* FIGURES_OF_ARTICLES */
UNWIND $ids AS id
MATCH (:Article {id: id})-[:STATES]->(f:Figure)
RETURN DISTINCT f.id AS id`;

/**
 * After statements came or went: a figure no article states any more is deleted; the others take
 * their primary mention (the main statement of the earliest-published article, then the lowest
 * article id) and their number of sources from the statements that remain, so the result does
 * not depend on the order articles were written or deleted in.
 */
const REFRESH_FIGURES = `/* REFRESH_FIGURES */
UNWIND $ids AS id
MATCH (f:Figure {id: id})
WITH f, COLLECT {
  MATCH (f)<-[r:STATES]-(a:Article)
  RETURN {a: a, r: r} ORDER BY a.publishedAt IS NULL, a.publishedAt, a.id LIMIT 1
} AS best, COUNT { (f)<-[:STATES]-() } AS sources
CALL (f, best) {
  WITH f WHERE size(best) = 0
  DETACH DELETE f
}
CALL (f, best, sources) {
  WITH f, best[0].a AS a, best[0].r AS r WHERE a IS NOT NULL
  SET f.articleId = a.id, f.sentenceId = a.id + ':s' + toString(${sentenceIndexAt('a', 'r.primaryStart')}),
      f.publishedAt = a.publishedAt, f.quote = substring(a.text, r.primaryStart, r.primaryEnd - r.primaryStart),
      f.start = r.primaryStart, f.end = r.primaryEnd, f.measurePhrase = r.measurePhrase, f.sourceCount = sources
}`;

const WRITE_RELATIONS = `/* WRITE_RELATIONS */
UNWIND $relations AS r
MATCH (from:Entity {id: r.from})
MATCH (to:Entity {id: r.to})
MERGE (from)-[rel:$(r.type)]->(to)
WITH rel, r, coalesce(rel.evidence, []) AS known
SET rel.evidence = known + [k IN r.evidence WHERE NOT k IN known]`;

/** The sentence whose span holds `offset`, by the rule graph/provenance.ts `sentenceIndexAt` reads with. */
function sentenceIndexOf(sentences: readonly { start: number }[], offset: number): number {
  let index = -1;
  for (const s of sentences) if (s.start <= offset) index++;
  return index;
}

/** Distinct spans in text order, as the lists `starts` and `ends` a relationship stores. */
function spanLists(spans: readonly { start: number; end: number }[]): { starts: number[]; ends: number[] } {
  const sorted = [...new Map(spans.map((s) => [`${s.start}-${s.end}`, s])).values()].sort((x, y) => x.start - y.start || x.end - y.end);
  return { starts: sorted.map((s) => s.start), ends: sorted.map((s) => s.end) };
}

/** The parameter rows of one article, shaped for the UNWIND statements above. */
export function articleRows(extraction: Extraction, url: string | null = null) {
  const { article } = extraction;
  const sid = (index: number) => sentenceId(article.id, index);
  return {
    article: {
      id: article.id,
      title: article.title,
      publishedAt: article.publishedAt,
      url,
      text: article.text,
      sentenceStarts: extraction.sentences.map((s) => s.start),
      sentenceEnds: extraction.sentences.map((s) => s.end),
      sentenceSections: extraction.sentences.map((s) => s.section),
    },
    entities: extraction.entities.map(entityRow),
    mentions: extraction.entities
      .filter((e) => e.mentions.length > 0)
      .map((e) => ({ articleId: article.id, entityId: e.id, ...spanLists(e.mentions) })),
    figures: extraction.figures.map((f) => ({
      id: f.id,
      // its primary mention, as REFRESH_FIGURES would give it if this article were its only source
      articleId: article.id,
      sentenceId: sid(sentenceIndexOf(extraction.sentences, f.start)),
      publishedAt: article.publishedAt,
      quote: article.text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      subjectIds: f.subjectIds,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      period: f.period,
      measure: f.measure,
      measurePhrase: f.measurePhrase,
      per: f.per,
      change: f.change,
    })),
    statements: extraction.figures.map((f) => ({
      articleId: article.id,
      figureId: f.id,
      ...spanLists(f.mentions),
      primaryStart: f.start,
      primaryEnd: f.end,
      // the figure takes it from its primary statement (REFRESH_FIGURES)
      measurePhrase: f.measurePhrase,
    })),
    relations: extraction.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      evidence: [evidenceKey(sid(r.evidence.sentenceIndex), r.evidence.start, r.evidence.end)],
    })),
  };
}

type ArticleRows = ReturnType<typeof articleRows>;
type EntityRow = ReturnType<typeof entityRow>;
type RelationRow = ArticleRows['relations'][number];
type FigureRow = ArticleRows['figures'][number];

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * One row per entity across a batch. Rows of one UNWIND that hit the same node do not see each
 * other's SETs, so two articles naming an entity with different aliases must be merged here.
 */
export function mergeEntityRows(rows: readonly EntityRow[]): EntityRow[] {
  const byId = new Map<string, EntityRow>();
  for (const row of rows) {
    const seen = byId.get(row.id);
    byId.set(
      row.id,
      seen
        ? { ...seen, aliases: union(seen.aliases, row.aliases), searchForms: union(seen.searchForms, row.searchForms) }
        : row,
    );
  }
  return [...byId.values()];
}

/** One row per relation across a batch, with the evidence of every article that states it. */
export function mergeRelationRows(rows: readonly RelationRow[]): RelationRow[] {
  const byKey = new Map<string, RelationRow>();
  for (const row of rows) {
    const key = `${row.from}\u0000${row.type}\u0000${row.to}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, evidence: union(seen.evidence, row.evidence) } : row);
  }
  return [...byKey.values()];
}

/** One row per figure across a batch: two articles stating one fact write one node. */
export function mergeFigureRows(rows: readonly FigureRow[]): FigureRow[] {
  const byId = new Map<string, FigureRow>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  return [...byId.values()];
}

/**
 * Writes the rows of a batch; returns the ids of the figures whose primary mention and sources
 * need weighing: those that existed before, and those several articles of the batch state.
 */
async function writeRows(tx: WriteTx, batch: ArticleRows[]): Promise<string[]> {
  await tx.run(WRITE_ARTICLES, { articles: batch.map((rows) => rows.article), version: EXTRACTOR_VERSION });
  const entities = mergeEntityRows(batch.flatMap((rows) => rows.entities));
  if (entities.length) await tx.run(WRITE_ENTITIES, { entities });
  const mentions = batch.flatMap((rows) => rows.mentions);
  if (mentions.length) await tx.run(WRITE_MENTIONS, { mentions });
  const allFigures = batch.flatMap((rows) => rows.figures);
  const figures = mergeFigureRows(allFigures);
  const existed = figures.length ? (await tx.run<{ id: string }>(FIND_FIGURES, { ids: figures.map((f) => f.id) })).map((r) => r.id) : [];
  const known = new Set(existed);
  const created = figures.filter((f) => !known.has(f.id));
  const raced = created.length ? (await tx.run<{ id: string }>(CREATE_FIGURES, { figures: created })).map((r) => r.id) : [];
  const statedTwice = allFigures.length > figures.length ? repeatedIds(allFigures) : [];
  const statements = batch.flatMap((rows) => rows.statements);
  if (statements.length) await tx.run(WRITE_STATEMENTS, { statements });
  const relations = mergeRelationRows(batch.flatMap((rows) => rows.relations));
  if (relations.length) await tx.run(WRITE_RELATIONS, { relations });
  return [...existed, ...raced, ...statedTwice];
}

function repeatedIds(rows: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  return [...new Set(rows.filter((r) => seen.has(r.id) || !seen.add(r.id)).map((r) => r.id))];
}

/** The figures of `articleIds`, whose provenance is about to be removed (to refresh them after). */
async function figuresOf(tx: WriteTx, articleIds: readonly string[]): Promise<string[]> {
  const rows = await tx.run<{ id: string }>(FIGURES_OF_ARTICLES, { ids: articleIds });
  return rows.map((r) => r.id);
}

async function refreshFigures(tx: WriteTx, ids: readonly string[]): Promise<void> {
  if (ids.length) await tx.run(REFRESH_FIGURES, { ids: [...new Set(ids)] });
}

export interface ArticleToIngest {
  extraction: Extraction;
  url?: string | null;
}

/**
 * Writes a batch of articles, each with everything extracted from it, in one transaction of at
 * most ten UNWIND statements. Writing an unchanged article again is a no-op; a changed
 * extraction replaces the article's earlier provenance. If the transaction fails, nothing of
 * the batch is written.
 */
export async function ingestBatch(
  db: GraphDatabase,
  batch: readonly ArticleToIngest[],
  counter?: RoundTripCounter,
): Promise<IngestResult[]> {
  // The same article twice in one batch is written once.
  const unique = [...new Map(batch.map((b) => [b.extraction.article.id, b])).values()];
  const rows = unique.map((b) => articleRows(b.extraction, b.url ?? null));
  const rowsOf = new Map(rows.map((r) => [r.article.id, r]));
  const statuses = await db.writeTransaction(async (tx) => {
    const found = await tx.run<{ id: string; exists: boolean; unchanged: boolean }>(FIND_ARTICLES, {
      articles: rows.map((r) => ({ id: r.article.id, text: r.article.text })),
      version: EXTRACTOR_VERSION,
    });
    const status = new Map<string, IngestStatus>(
      found.map((f) => [f.id, f.unchanged ? 'unchanged' : f.exists ? 'updated' : 'created']),
    );
    const replaced = found.filter((f) => f.exists && !f.unchanged).map((f) => f.id);
    const touched = replaced.length ? await figuresOf(tx, replaced) : [];
    if (replaced.length) await tx.run(REMOVE_ARTICLE_PROVENANCE, { ids: replaced });
    const toWrite = rows.filter((r) => status.get(r.article.id) !== 'unchanged');
    const written = toWrite.length ? await writeRows(tx, toWrite) : [];
    await refreshFigures(tx, [...touched, ...written]);
    return status;
  }, counter);
  return batch.map(({ extraction }) => {
    const r = rowsOf.get(extraction.article.id)!;
    return {
      articleId: extraction.article.id,
      status: statuses.get(extraction.article.id) ?? 'created',
      entities: r.entities.length,
      figures: r.figures.length,
      relations: r.relations.length,
    };
  });
}

/** Writes one article and everything extracted from it in a single transaction. */
export async function ingestExtraction(
  db: GraphDatabase,
  extraction: Extraction,
  options: { url?: string | null; counter?: RoundTripCounter } = {},
): Promise<IngestResult> {
  const [result] = await ingestBatch(db, [{ extraction, url: options.url ?? null }], options.counter);
  return result!;
}

const DELETE_ARTICLE = `/* DELETE_ARTICLE */ MATCH (a:Article {id: $id}) DETACH DELETE a RETURN count(*) AS deleted`;

/**
 * Deletes an article, its provenance, and every fact no other article supports: a figure
 * another article states stays, with that article's statement as its primary mention.
 */
export async function deleteArticle(db: GraphDatabase, id: string): Promise<boolean> {
  return db.writeTransaction(async (tx) => {
    const touched = await figuresOf(tx, [id]);
    await tx.run(REMOVE_ARTICLE_PROVENANCE, { ids: [id] });
    const [row] = await tx.run<{ deleted: number }>(DELETE_ARTICLE, { id });
    await refreshFigures(tx, touched);
    return (row?.deleted ?? 0) > 0;
  });
}
