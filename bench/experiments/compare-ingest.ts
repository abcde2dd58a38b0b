// Measures the prototype write path (proposed-ingest.ts) against src ingestBatch on the same
// corpus, each on a fresh embedded Neo4j, and checks both graphs hold the same content:
//   tsx bench/experiments/compare-ingest.ts [--count 2000] [--seed 42] [--batch-size 200] [--prime 0]
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config/index.ts';
import { extractArticle } from '../../src/core/extract.ts';
import type { GraphDatabase } from '../../src/graph/database.ts';
import { ingestBatch, type ArticleToIngest, type IngestResult } from '../../src/graph/ingest.ts';
import { openGraph } from '../../src/runtime/graph.ts';
import { generateArticles } from '../corpus/generator.ts';
import { TimedGraphDatabase } from '../lib/timed-db.ts';
import { proposedIngestBatch } from './proposed-ingest.ts';

type Ingest = (db: GraphDatabase, batch: readonly ArticleToIngest[]) => Promise<IngestResult[]>;

const log = (m: string) => process.stderr.write(`[compare] ${m}\n`);

/** Content of the graph as sorted lines per kind, hashed: equal hashes = same graph (ids, properties, links). */
const CONTENT: Record<string, string> = {
  articles: `MATCH (a:Article) RETURN a.id + '|' + a.title + '|' + coalesce(toString(a.publishedAt), '') + '|' + a.extractorVersion + '|' + size(a.text) AS k`,
  sentences: `MATCH (a:Article)-[:HAS_SENTENCE]->(s:Sentence) RETURN a.id + '|' + s.id + '|' + s.articleId + '|' + s.index + '|' + s.section + '|' + s.start + '|' + s.end + '|' + s.text AS k`,
  entities: `MATCH (n:Entity) RETURN n.id + '|' + n.name + '|' + n.type + '|' + n.subtype + '|' + apoc_free_sort(labels(n)) + '|' + apoc_free_sort(coalesce(n.aliases, [])) + '|' + apoc_free_sort(coalesce(n.searchForms, [])) AS k`,
  mentions: `MATCH (s:Sentence)<-[:IN_SENTENCE]-(m:Mention)-[:REFERS_TO]->(e:Entity) RETURN m.id + '|' + m.articleId + '|' + m.start + '|' + m.end + '|' + m.text + '|' + s.id + '|' + e.id AS k`,
  articleMentions: `MATCH (a:Article)-[:MENTIONS]->(e:Entity) RETURN a.id + '|' + e.id AS k`,
  figures: `MATCH (f:Figure)-[:STATED_IN]->(s:Sentence) RETURN f.id + '|' + f.articleId + '|' + coalesce(toString(f.publishedAt), '') + '|' + f.value + '|' + f.unit + '|' + f.qualifier + '|' + coalesce(f.period, '') + '|' + f.quote + '|' + f.start + '|' + f.end + '|' + s.id AS k`,
  about: `MATCH (f:Figure)-[r:ABOUT]->(e:Entity) RETURN f.id + '|' + e.id + '|' + r.rank AS k`,
  relations: `MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id + '|' + type(r) + '|' + b.id + '|' + apoc_free_sort(coalesce(r.evidence, [])) AS k`,
};

/** Cypher has no list sort without APOC; sort client-side instead (the function name is replaced). */
function sortedListExpr(query: string): string {
  return query.replace(/apoc_free_sort\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_, inner: string) => `'[' + reduce(s = '', x IN ${inner} | s + x + '\u0001') + ']'`);
}

function normaliseLine(line: string): string {
  // Lists were joined with \u0001 in graph order; compare them as sets.
  return line.replace(/\[([^\]]*)\]/g, (_, body: string) => `[${body.split('\u0001').filter(Boolean).sort().join(',')}]`);
}

async function contentHashes(db: GraphDatabase, dump?: string): Promise<Record<string, { rows: number; hash: string }>> {
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const [kind, query] of Object.entries(CONTENT)) {
    const rows = await db.read<{ k: string }>(sortedListExpr(query), {});
    const lines = rows.map((r) => normaliseLine(String(r.k))).sort();
    if (dump) await writeFile(`${dump}-${kind}.txt`, lines.join('\n') + '\n');
    out[kind] = { rows: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) };
  }
  return out;
}

/** Entities whose stored aliases lack one that some article brought (what sequential ingest would keep). */
async function missingAliases(db: GraphDatabase, items: ArticleToIngest[]): Promise<number> {
  const expected = new Map<string, Set<string>>();
  for (const { extraction } of items) {
    for (const e of extraction.entities) {
      const set = expected.get(e.id) ?? new Set<string>();
      for (const a of e.aliases) set.add(a);
      expected.set(e.id, set);
    }
  }
  const rows = await db.read<{ id: string; name: string; aliases: string[] | null }>('MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.aliases AS aliases', {});
  let missing = 0;
  for (const r of rows) {
    const stored = new Set(r.aliases ?? []);
    if ([...(expected.get(r.id) ?? [])].some((a) => a !== r.name && !stored.has(a))) missing++;
  }
  return missing;
}

interface Variant {
  ingest: Ingest;
  /** What-if variants write a different graph on purpose: no content comparison. */
  whatIf: boolean;
  env?: Record<string, string>;
  setup?: (db: TimedGraphDatabase) => Promise<void>;
}

/** Indexes the read API uses but the ingest does not need (it only seeks unique ids). */
const NON_KEY_INDEXES = ['entity_type', 'entity_name', 'figure_unit', 'figure_article', 'figure_value', 'figure_published', 'article_published', 'entity_names'];

const VARIANTS: Record<string, Variant> = {
  src: { ingest: ingestBatch, whatIf: false },
  proposed: { ingest: proposedIngestBatch, whatIf: false },
  // What if mentions were not nodes: WRITE_MENTIONS not sent (46 nodes and ~115 relationships per article fewer).
  'src-without-mentions': {
    ingest: ingestBatch,
    whatIf: true,
    setup: async (db) => {
      db.skip.add('WRITE_MENTIONS');
    },
  },
  // What if only the id constraints existed during the load (indexes built afterwards).
  'src-id-indexes-only': {
    ingest: ingestBatch,
    whatIf: true,
    setup: async (db) => {
      for (const name of NON_KEY_INDEXES) await db.runSchemaCommand(`DROP INDEX ${name} IF EXISTS`);
    },
  },
  'src-heap-2g-pagecache-2g': { ingest: ingestBatch, whatIf: false, env: { VNKG_NEO4J_HEAP: '2g', VNKG_NEO4J_PAGECACHE: '2g' } },
  'proposed-heap-2g-pagecache-2g': { ingest: proposedIngestBatch, whatIf: false, env: { VNKG_NEO4J_HEAP: '2g', VNKG_NEO4J_PAGECACHE: '2g' } },
};

async function run(name: string, variant: Variant, items: ArticleToIngest[], batchSize: number, prime: number, concurrency: number) {
  const ingest = variant.ingest;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-bench-compare-'));
  const saved = { ...process.env };
  Object.assign(process.env, variant.env ?? {});
  const config = loadConfig({ ...process.env, NEO4J_URI: '', VNKG_DATA_DIR: dir });
  const opened = await openGraph(config, () => undefined).finally(() => {
    for (const k of Object.keys(variant.env ?? {})) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const db = new TimedGraphDatabase(opened.db.driver, undefined);
  try {
    await variant.setup?.(db);
    if (prime > 0) {
      await ingest(db, items.slice(0, prime));
      await sleep(11_000);
    }
    db.stats.reset();
    const timed = items.slice(prime);
    let first = 0;
    const t0 = performance.now();
    // `concurrency` writers, each taking the next batch when its transaction is done.
    let next = 0;
    const writer = async () => {
      for (;;) {
        const i = next;
        next += batchSize;
        if (i >= timed.length) return;
        const b0 = performance.now();
        await ingest(db, timed.slice(i, i + batchSize));
        if (i === 0) first = performance.now() - b0;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, writer));
    const wall = (performance.now() - t0) / 1000;
    const statements = [...db.stats.byLabel].map(([k, v]) => `${k} ${(v.ms / 1000).toFixed(1)} s`).join(', ');
    const lostAliases = await missingAliases(db, items);
    // Idempotency of the prototype path: everything again, nothing may change.
    const dumpDir = process.env['COMPARE_DUMP'];
    const before = await contentHashes(db, dumpDir ? path.join(dumpDir, name.replace(/\W+/g, '_')) : undefined);
    const r0 = performance.now();
    for (let i = 0; i < items.length; i += batchSize) await ingest(db, items.slice(i, i + batchSize));
    const rewriteS = (performance.now() - r0) / 1000;
    const after = await contentHashes(db);
    const idempotent = JSON.stringify(before) === JSON.stringify(after);
    log(`${name}: ${timed.length} articles in ${wall.toFixed(1)} s = ${(timed.length / wall).toFixed(0)}/s (first batch ${(first / 1000).toFixed(1)} s; without it ${((timed.length - Math.min(batchSize, timed.length)) / (wall - first / 1000)).toFixed(0)}/s); ${statements}; re-ingest ${(items.length / rewriteS).toFixed(0)}/s, idempotent ${idempotent}, entities missing an alias ${lostAliases}`);
    const jvmCpu = await db.read<{ v: number }>(
      "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS v",
      {},
    );
    return { name, whatIf: variant.whatIf, jvmCpuS: Number(jvmCpu[0]?.v ?? 0) / 1e9, wall, first, rate: timed.length / wall, steady: (timed.length - Math.min(batchSize, timed.length)) / (wall - first / 1000), statements, hashes: before, idempotent, lostAliases };
  } finally {
    await opened.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '42' },
      'batch-size': { type: 'string', default: '200' },
      prime: { type: 'string', default: '0' },
      concurrency: { type: 'string', default: '1' },
      variants: { type: 'string', default: 'src,proposed' },
    },
  });
  const count = Number(values.count);
  const batchSize = Number(values['batch-size']);
  const prime = Number(values.prime);
  const items = [...generateArticles(count, Number(values.seed))].map((a) => ({
    extraction: extractArticle(a.text, { url: a.url, publishedAt: a.publishedAt }),
    url: a.url,
  }));
  log(`${count} articles extracted; batch size ${batchSize}, prime ${prime}, concurrency ${values.concurrency}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  const results = [];
  for (const name of values.variants.split(',').map((v) => v.trim())) {
    const variant = VARIANTS[name];
    if (!variant) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
    results.push(await run(name, variant, items, batchSize, prime, Number(values.concurrency)));
  }
  console.log(`| variant | articles/s | first batch s | articles/s without the first batch | Neo4j CPU s (whole life) | statements | re-ingest idempotent | entities missing an alias |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |`);
  for (const r of results) {
    console.log(`| ${r.name} | ${r.rate.toFixed(0)} | ${(r.first / 1000).toFixed(1)} | ${r.steady.toFixed(0)} | ${r.jvmCpuS.toFixed(0)} | ${r.statements} | ${r.idempotent ? 'yes' : 'NO'} | ${r.lostAliases} |`);
  }
  const base = results.find((r) => !r.whatIf);
  console.log('');
  for (const r of results) {
    if (r === base || r.whatIf || !base) continue;
    const diff = Object.keys(base.hashes).filter((k) => base.hashes[k]!.hash !== r.hashes[k]!.hash);
    console.log(`Same graph content as ${base.name}: ${r.name}: ${diff.length === 0 ? 'yes' : `NO — differs in ${diff.map((k) => `${k} (${base.hashes[k]!.rows} vs ${r.hashes[k]!.rows} rows)`).join(', ')}`}`);
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
