// Brings a graph written by an earlier vnkg up to the format the reads expect, in place, once:
// a marker node records the format, and each step runs only on a graph older than it. Steps are
// idempotent and batched, so a large graph is upgraded without one huge transaction.
import neo4j from 'neo4j-driver';
import { extractArticle } from '../core/extract.ts';
import type { GraphDatabase } from './database.ts';
import { ingestBatch, type ArticleToIngest } from './ingest.ts';

/** The format this code writes and reads. */
export const GRAPH_FORMAT = 5;

const READ_FORMAT = `OPTIONAL MATCH (g:GraphFormat {id: 'vnkg'}) RETURN g.version AS version`;
const WRITE_FORMAT = `MERGE (g:GraphFormat {id: 'vnkg'}) SET g.version = $version`;

const REEXTRACT_BATCH = 200;

const ARTICLES_AFTER = `
MATCH (a:Article) WHERE a.id > $after
RETURN a.id AS id, a.text AS text, a.title AS title, a.url AS url, toString(a.publishedAt) AS publishedAt
ORDER BY a.id LIMIT $limit`;

/**
 * Extracts every stored article again from its stored text, and rewrites it (earlier provenance
 * removed, the new extraction written, as re-ingesting does). An article whose text no longer
 * extracts (it did when it was written) keeps what it has.
 */
async function reextractArticles(db: GraphDatabase): Promise<void> {
  type Row = { id: string; text: string; title: string; url: string | null; publishedAt: string | null };
  for (let after = ''; ; ) {
    const rows = await db.read<Row>(ARTICLES_AFTER, { after, limit: neo4j.int(REEXTRACT_BATCH) });
    if (rows.length === 0) return;
    const batch: ArticleToIngest[] = rows.flatMap((r) => {
      try {
        const extraction = extractArticle(r.text, {
          title: r.title,
          ...(r.url ? { url: r.url } : {}),
          ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}),
        });
        // the stored id stays the key, whatever produced it
        extraction.article.id = r.id;
        return [{ extraction, url: r.url }];
      } catch {
        return [];
      }
    });
    if (batch.length) await ingestBatch(db, batch);
    after = rows[rows.length - 1]!.id;
  }
}

interface Step {
  format: number;
  statements: readonly string[];
  /** Work that needs the extractor, after the statements. */
  run?: (db: GraphDatabase) => Promise<void>;
}

/**
 * Format 5 (thinner provenance): sentences become offsets on their article, an article's mentions
 * of an entity the spans of one MENTIONS relationship, its statements of a figure the spans of
 * one STATES relationship. The nodes of earlier formats (Sentence, Mention, FigureMention, and
 * figures, which derive from them) are deleted with their constraints, and every article is
 * extracted again from its stored text. It subsumes the steps of formats 3 and 4, so a graph of
 * any earlier format takes this one step.
 */
const STEPS: readonly Step[] = [
  {
    format: 5,
    statements: [
      'DROP CONSTRAINT sentence_id IF EXISTS',
      'DROP CONSTRAINT mention_id IF EXISTS',
      'DROP CONSTRAINT figure_mention_id IF EXISTS',
      'DROP INDEX figure_mention_article IF EXISTS',
      `MATCH (n) WHERE n:Sentence OR n:Mention OR n:FigureMention OR n:Figure
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
      // whatever version wrote them, the articles are written again
      `MATCH (a:Article)
       CALL (a) { SET a.extractorVersion = 'before-format-5' } IN TRANSACTIONS OF 10000 ROWS`,
    ],
    run: reextractArticles,
  },
];

/** Runs the steps the graph lacks; returns the formats it upgraded through (none for a current graph). */
export async function migrateGraph(db: GraphDatabase): Promise<number[]> {
  const [row] = await db.read<{ version: number | null }>(READ_FORMAT, {});
  const current = row?.version ?? 0;
  const applied: number[] = [];
  for (const step of STEPS.filter((s) => s.format > current)) {
    for (const statement of step.statements) await db.runImplicit(statement);
    await step.run?.(db);
    await db.writeTransaction((tx) => tx.run(WRITE_FORMAT, { version: step.format }));
    applied.push(step.format);
  }
  return applied;
}
