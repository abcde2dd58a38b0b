// `npx tsx bench/read-tx.ts [--count N]`: Neo4j's CPU per read for each way vnkg can send one
// statement — a request's read scope (explicit transaction, with or without a timeout) against
// the driver's executeQuery — so a per-request cost outside the statement shows up.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { extractArticle } from '../src/core/extract.ts';
import { deadlineIn, type GraphDatabase } from '../src/graph/database.ts';
import { ingestBatch } from '../src/graph/ingest.ts';
import { searchEntities } from '../src/graph/search.ts';
import { openGraph } from '../src/runtime/graph.ts';
import { generateArticles } from './corpus/generator.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '3000' }, concurrency: { type: 'string', default: '1' } } });
const count = Number(values.count);
const concurrency = Number(values.concurrency);

async function jvmCpuMs(db: GraphDatabase): Promise<number> {
  const [row] = await db.read<{ v: number }>(
    "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes RETURN attributes.ProcessCpuTime.value AS v",
    {},
  );
  return Number(row?.v) / 1e6;
}

const page = { offset: 0, limit: 10 };
const search = (reader: Parameters<typeof searchEntities>[0]) => searchEntities(reader, 'lao cai', {}, page, { counted: false });

const VARIANTS: Record<string, (db: GraphDatabase) => Promise<unknown>> = {
  'executeQuery (auto-commit read)': (db) => search(db),
  'read scope, transaction timeout': async (db) => {
    const scope = db.readScope(deadlineIn(5_000));
    await search(scope);
    await scope.close();
  },
  'read scope, no timeout': async (db) => {
    const scope = db.readScope();
    await search(scope);
    await scope.close();
  },
};

/** `count` reads, `concurrency` at a time, as that many clients would send them. */
async function runMany(read: () => Promise<unknown>): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < count) {
      next += 1;
      await read();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-readtx-'));
const graph = await openGraph(loadConfig({ VNKG_DATA_DIR: dir }), () => undefined);
try {
  const articles = [...generateArticles(1000, 42)].map((a) => ({ extraction: extractArticle(a.text, { url: a.url, publishedAt: a.publishedAt }), url: a.url }));
  for (let i = 0; i < articles.length; i += 200) await ingestBatch(graph.db, articles.slice(i, i + 200));
  console.log(`1,000 generated articles; the W2 search statement, ${count} times per way, ${concurrency} at a time, after ${count} to warm up`);
  console.log('| way | Neo4j CPU ms/read | wall ms/read |');
  console.log('| --- | ---: | ---: |');
  for (const round of [1, 2]) {
    for (const [name, run] of Object.entries(VARIANTS)) {
      await runMany(() => run(graph.db));
      const cpu0 = await jvmCpuMs(graph.db);
      const wall0 = performance.now();
      await runMany(() => run(graph.db));
      const cpu = (await jvmCpuMs(graph.db)) - cpu0;
      console.log(`| ${name} (round ${round}) | ${(cpu / count).toFixed(3)} | ${((performance.now() - wall0) / count).toFixed(3)} |`);
    }
  }
} finally {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
}
