// `npx tsx bench/write-floor.ts [--count N] [--warmup N]`: Neo4j's CPU per article for what
// `vnkg ingest` writes, against the least Cypher can do to write the same records.
//
//   vnkg     ingestBatch, as `vnkg ingest` writes (MERGE of shared facts, provenance refresh)
//   floor    the same nodes, relationships and properties with plain UNWIND … CREATE, entities
//            and shared figures already deduplicated on the client: no MERGE, no read back
//   floor, id constraints only
//            the floor without the secondary indexes (figure_unit, figure_value, …), to price them
//   floor without figures / articles and entities only
//            what the rest of the graph costs, to price the figures and the provenance links
//
// Each variant writes into a fresh embedded store opened as `vnkg ingest` opens it, in
// transactions of 200 articles; the first --warmup articles warm Neo4j's JIT and are not counted.
// Neo4j's CPU is the JVM's process CPU time (JMX), so it includes commit, GC and index updates.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { extractArticle } from '../src/core/extract.ts';
import type { GraphDatabase } from '../src/graph/database.ts';
import { articleRows, ingestBatch, mergeEntityRows, type ArticleToIngest } from '../src/graph/ingest.ts';
import { openGraph } from '../src/runtime/graph.ts';
import { generateArticles } from './corpus/generator.ts';
import { jvmCpuMs } from './lib/jvm.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '5000' }, warmup: { type: 'string', default: '1000' } } });
const count = Number(values.count);
const warmup = Number(values.warmup);
const BATCH = 200;

type Rows = ReturnType<typeof articleRows>;

const SECONDARY_INDEXES = ['entity_type', 'entity_name', 'figure_unit', 'figure_article', 'figure_value', 'figure_published', 'figure_measure', 'article_published'];

// MERGE: the gazetteer's units are in the store before the first article.
const FLOOR_ENTITIES = `UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.subtype = e.subtype, n.aliases = e.aliases, n.searchForms = e.searchForms,
  n.searchText = reduce(t = '', x IN e.searchForms | t + ' | ' + x), n:$(e.labels)`;
const FLOOR_ARTICLES = `UNWIND $articles AS x
CREATE (:Article {id: x.id, title: x.title, publishedAt: datetime(x.publishedAt), url: x.url, text: x.text, extractorVersion: 'floor',
  ingestedAt: datetime(), sentenceStarts: x.sentenceStarts, sentenceEnds: x.sentenceEnds, sentenceSections: x.sentenceSections})`;
const FLOOR_MENTIONS = `UNWIND $mentions AS m
MATCH (a:Article {id: m.articleId}) MATCH (e:Entity {id: m.entityId})
CREATE (a)-[:MENTIONS {starts: m.starts, ends: m.ends}]->(e)`;
const FLOOR_FIGURES = `UNWIND $figures AS f
CREATE (x:Figure {id: f.id, value: toFloat(f.value), unit: f.unit, qualifier: f.qualifier, period: f.period, measure: f.measure,
  measurePhrase: f.measurePhrase, per: f.per, change: f.change, subjectIds: f.subjectIds, articleId: f.articleId,
  sentenceId: f.sentenceId, publishedAt: datetime(f.publishedAt), quote: f.quote, start: f.start, end: f.end, sourceCount: 1})
WITH x, f UNWIND range(0, size(f.subjectIds) - 1) AS rank
MATCH (e:Entity {id: f.subjectIds[rank]})
CREATE (x)-[:ABOUT {rank: rank}]->(e)`;
const FLOOR_STATEMENTS = `UNWIND $statements AS m
MATCH (a:Article {id: m.articleId}) MATCH (f:Figure {id: m.figureId})
CREATE (a)-[:STATES {starts: m.starts, ends: m.ends, primaryStart: m.primaryStart, primaryEnd: m.primaryEnd, measurePhrase: m.measurePhrase}]->(f)`;
const FLOOR_NEW_RELATIONS = `UNWIND $relations AS r
MATCH (from:Entity {id: r.from}) MATCH (to:Entity {id: r.to})
CREATE (from)-[:$(r.type) {evidence: r.evidence}]->(to)`;
// A relation an earlier batch created gains this batch's evidence: the least the live path must do.
const FLOOR_KNOWN_RELATIONS = `UNWIND $relations AS r
MATCH (:Entity {id: r.from})-[x:$(r.type)]->(:Entity {id: r.to})
SET x.evidence = x.evidence + r.evidence`;

type Part = 'mentions' | 'figures' | 'relations';
const ALL_PARTS: readonly Part[] = ['mentions', 'figures', 'relations'];

/**
 * The floor's writer: keeps what earlier batches wrote so that nothing is merged in Cypher.
 * Articles and entities are always written; `parts` says what else.
 */
function floorWriter(db: GraphDatabase, parts: readonly Part[] = ALL_PARTS) {
  const entities = new Set<string>();
  const figures = new Set<string>();
  const relations = new Set<string>();
  return async (batch: Rows[]) => {
    const newEntities = mergeEntityRows(batch.flatMap((r) => r.entities)).filter((e) => !entities.has(e.id));
    newEntities.forEach((e) => entities.add(e.id));
    const newFigures = batch.flatMap((r) => r.figures).filter((f) => !figures.has(f.id) && figures.add(f.id));
    const fresh = new Map<string, Rows['relations'][number]>();
    const known: Rows['relations'] = [];
    for (const r of batch.flatMap((rows) => rows.relations)) {
      const key = `${r.from} ${r.type} ${r.to}`;
      const pending = fresh.get(key);
      if (pending) pending.evidence = [...pending.evidence, ...r.evidence];
      else if (relations.has(key)) known.push(r);
      else (fresh.set(key, { ...r }), relations.add(key));
    }
    await db.writeTransaction(async (tx) => {
      if (newEntities.length) await tx.run(FLOOR_ENTITIES, { entities: newEntities });
      await tx.run(FLOOR_ARTICLES, { articles: batch.map((r) => r.article) });
      if (parts.includes('mentions')) await tx.run(FLOOR_MENTIONS, { mentions: batch.flatMap((r) => r.mentions) });
      if (parts.includes('figures')) {
        if (newFigures.length) await tx.run(FLOOR_FIGURES, { figures: newFigures });
        await tx.run(FLOOR_STATEMENTS, { statements: batch.flatMap((r) => r.statements) });
      }
      if (parts.includes('relations')) {
        if (fresh.size) await tx.run(FLOOR_NEW_RELATIONS, { relations: [...fresh.values()] });
        if (known.length) await tx.run(FLOOR_KNOWN_RELATIONS, { relations: known });
      }
    });
  };
}

interface Variant {
  name: string;
  dropSecondaryIndexes: boolean;
  writer: (db: GraphDatabase) => (batch: ArticleToIngest[], rows: Rows[]) => Promise<unknown>;
}

const floor = (parts?: readonly Part[]) => (db: GraphDatabase) => {
  const write = floorWriter(db, parts);
  return (_batch: ArticleToIngest[], rows: Rows[]) => write(rows);
};

const VARIANTS: Variant[] = [
  { name: 'vnkg (ingestBatch)', dropSecondaryIndexes: false, writer: (db) => (batch) => ingestBatch(db, batch) },
  { name: 'floor: plain CREATE', dropSecondaryIndexes: false, writer: floor() },
  { name: 'floor, id constraints only', dropSecondaryIndexes: true, writer: floor() },
  // What each part of the graph costs: the floor without it.
  { name: 'floor without figures (STATES, ABOUT)', dropSecondaryIndexes: false, writer: floor(['mentions', 'relations']) },
  { name: 'floor: articles and entities only', dropSecondaryIndexes: false, writer: floor([]) },
];

async function measure(variant: Variant, articles: ArticleToIngest[], rows: Rows[]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-floor-'));
  const graph = await openGraph(loadConfig({ VNKG_DATA_DIR: dir }), () => undefined);
  try {
    if (variant.dropSecondaryIndexes) for (const name of SECONDARY_INDEXES) await graph.db.runSchemaCommand(`DROP INDEX ${name}`);
    const write = variant.writer(graph.db);
    let cpu0 = 0;
    let wall0 = 0;
    for (let i = 0; i < articles.length; i += BATCH) {
      if (i === warmup) [cpu0, wall0] = [await jvmCpuMs(graph.db), performance.now()];
      await write(articles.slice(i, i + BATCH), rows.slice(i, i + BATCH));
    }
    const cpuMs = (await jvmCpuMs(graph.db)) - cpu0;
    const wallMs = performance.now() - wall0;
    const measured = articles.length - warmup;
    return { cpuPerArticle: cpuMs / measured, wallPerArticle: wallMs / measured };
  } finally {
    await graph.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const articles: ArticleToIngest[] = [...generateArticles(count, 42)].map((a) => ({
  extraction: extractArticle(a.text, { url: a.url, publishedAt: a.publishedAt }),
  url: a.url,
}));
const rows = articles.map((a) => articleRows(a.extraction, a.url));
const perArticle = (pick: (r: Rows) => unknown[]) => rows.reduce((n, r) => n + pick(r).length, 0) / rows.length;
console.log(
  `${count} generated articles (seed 42), ${warmup} for warm-up; per article: ${perArticle((r) => r.figures).toFixed(1)} figures, ` +
    `${perArticle((r) => r.mentions).toFixed(1)} mentions, ${perArticle((r) => r.statements).toFixed(1)} statements, ${perArticle((r) => r.relations).toFixed(1)} relations`,
);
console.log('| writer | Neo4j CPU ms/article | wall ms/article | articles/s if Neo4j had a core to itself |');
console.log('| --- | ---: | ---: | ---: |');
for (const variant of VARIANTS) {
  const { cpuPerArticle, wallPerArticle } = await measure(variant, articles, rows);
  console.log(`| ${variant.name} | ${cpuPerArticle.toFixed(2)} | ${wallPerArticle.toFixed(2)} | ${Math.round(1000 / cpuPerArticle)} |`);
}
