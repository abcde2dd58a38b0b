// `kill -9` of `vnkg ingest` in the middle of a write: since each batch is one transaction, the
// graph afterwards holds whole articles only — each exactly as a clean ingest writes it — and
// whole batches only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticles, toJsonLine } from '../../bench/corpus/generator.ts';
import { gazetteerGraph } from '../../src/core/admin-units.ts';
import { extractArticle } from '../../src/core/extract.ts';
import { applySchema } from '../../src/graph/constraints.ts';
import { loadGazetteer } from '../../src/graph/gazetteer.ts';
import { readSources } from '../../src/pipeline/sources.ts';
import { connectTestGraph } from '../support/graph.ts';
import { BIN, vnkgEnv } from './vnkg.ts';

const ARTICLES = 300;
/** Small, so the first batch commits soon and the run is killed seconds in. */
const BATCH = 20;

/** What a clean ingest writes for one article, counted per kind. */
interface Shape {
  sentences: number;
  mentions: number;
  figures: number;
  entities: number;
}

// The statements of an ingest transaction after its articles and sentences are written (see
// src/graph/ingest.ts): a kill while one of them runs leaves a half-written batch to undo.
const MID_WRITE = ['UNWIND $entities', 'UNWIND $mentions', 'UNWIND $figures', 'UNWIND $relations'];

const ARTICLE_SHAPES = `
MATCH (a:Article)
RETURN a.id AS id,
       size(a.sentenceStarts) AS sentences,
       reduce(n = 0, r IN COLLECT { MATCH (a)-[r:MENTIONS]->() RETURN r } | n + size(r.starts)) AS mentions,
       COUNT { (a)-[:STATES]->(:Figure) } AS figures,
       COUNT { (a)-[:MENTIONS]->(:Entity) } AS entities`;

const ORPHANS = `
RETURN COUNT { (a:Article) WHERE a.sentenceStarts IS NULL } AS sentences,
       COUNT { ()-[r:MENTIONS]->() WHERE r.starts IS NULL OR size(r.starts) = 0 } AS mentions,
       COUNT { (f:Figure) WHERE NOT EXISTS { (f)<-[:STATES]-(:Article) } } AS figures`;

describe('vnkg ingest killed mid-batch', () => {
  const db = connectTestGraph();
  let dir: string;
  let corpus: string;
  const expected = new Map<string, Shape>();

  beforeAll(async () => {
    // Articles and their provenance go; entities and the gazetteer, which take seconds to write,
    // stay. The gazetteer is written here if missing, so the killed run spends its time on articles.
    await applySchema(db);
    await db.writeTransaction((tx) => tx.run('MATCH (n) WHERE n:Article OR n:Figure DETACH DELETE n'));
    await loadGazetteer(db, gazetteerGraph());
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-kill-'));
    corpus = path.join(dir, 'corpus.jsonl');
    await writeFile(corpus, [...generateArticles(ARTICLES, 7)].map(toJsonLine).join(''));
    // The same reading and extraction as the run, without a database.
    for await (const item of readSources([corpus])) {
      if (!item.ok) throw item.error;
      const { text, url, publishedAt } = item.record;
      const x = extractArticle(text, { ...(url ? { url } : {}), ...(publishedAt ? { publishedAt } : {}) });
      const mentions = x.entities.reduce((n, e) => n + new Set(e.mentions.map((m) => `${m.start}-${m.end}`)).size, 0);
      expected.set(x.article.id, { sentences: x.sentences.length, mentions, figures: x.figures.length, entities: x.entities.length });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await db.close();
  });

  /** Ingest transactions of the (killed) run still open on the server. */
  const openWrites = async () => {
    const rows = await db.read<{ query: string }>('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS query', {});
    return rows.filter((r) => MID_WRITE.some((s) => r.query.includes(s)));
  };

  it('leaves only whole articles of whole batches', async () => {
    const child = spawn('node', [BIN, 'ingest', '--verbose', '--batch-size', String(BATCH), corpus], {
      env: vnkgEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      // One line per article after its batch commits: from then on, the run is between batches
      // or inside one.
      const firstLine = await Promise.race([
        once(createInterface({ input: child.stdout }), 'line').then(([line]) => String(line)),
        exited.then(() => Promise.reject(new Error(`vnkg ended before writing a batch: ${stderr}`))),
      ]);
      expect(firstLine).toMatch(/corpus\.jsonl:1: created article:/);
      let killedMidWrite = false;
      while (child.exitCode === null) {
        if ((await openWrites()).length) {
          child.kill('SIGKILL');
          killedMidWrite = true;
          break;
        }
      }
      expect(killedMidWrite, `the run ended before a write could be caught: ${stderr}`).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
    const [code, signal] = (await exited) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    // The server notices the dropped connection and rolls the open transaction back.
    const until = Date.now() + 10_000;
    while ((await openWrites()).length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(await openWrites()).toEqual([]);

    const shapes = await db.read<Shape & { id: string }>(ARTICLE_SHAPES, {});
    expect(shapes.length).toBeGreaterThanOrEqual(BATCH);
    expect(shapes.length).toBeLessThan(ARTICLES);
    expect(shapes.length % BATCH).toBe(0);
    for (const { id, ...shape } of shapes) expect({ id, ...shape }).toEqual({ id, ...expected.get(id) });
    expect((await db.read(ORPHANS, {}))[0]).toEqual({ sentences: 0, mentions: 0, figures: 0 });
  });
});
