// `npx tsx bench/read-tx.ts [--count N] [--concurrency C]`: Neo4j's and Node's CPU per read for
// each way vnkg can send one statement — a request's read scope (an auto-commit statement, with or
// without a timeout), an explicit read transaction (BEGIN … COMMIT), the driver's executeQuery (a
// managed transaction, retried) — so a per-request cost outside the statement shows up; and the
// search statement with its count against the page alone, to price the count.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config/index.ts';
import { extractArticle } from '../src/core/extract.ts';
import { deadlineIn, type GraphDatabase } from '../src/graph/database.ts';
import { ingestBatch } from '../src/graph/ingest.ts';
import { searchEntities } from '../src/graph/search.ts';
import { openGraph } from '../src/runtime/graph.ts';
import { generateArticles } from './corpus/generator.ts';
import { jvmCpuMs } from './lib/jvm.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '3000' }, concurrency: { type: 'string', default: '1' } } });
const count = Number(values.count);
const concurrency = Number(values.concurrency);

const page = { offset: 0, limit: 10 };
const search = (reader: Parameters<typeof searchEntities>[0], counted = false) => searchEntities(reader, 'lao cai', {}, page, { counted });

const VARIANTS: Record<string, (db: GraphDatabase) => Promise<unknown>> = {
  'executeQuery (managed transaction)': (db) => search(db),
  'explicit transaction (BEGIN, RUN, COMMIT)': async (db) => {
    const session = db.driver.session({ defaultAccessMode: neo4j.session.READ });
    const tx = session.beginTransaction();
    await search({ read: async (query, params) => (await tx.run(query, params)).records.map((r) => r.toObject()) });
    await tx.commit();
    await session.close();
  },
  'read scope (auto-commit), transaction timeout': async (db) => {
    const scope = db.readScope(deadlineIn(5_000));
    await search(scope);
    await scope.close();
  },
  'read scope (auto-commit), no timeout': async (db) => {
    const scope = db.readScope();
    await search(scope);
    await scope.close();
  },
  'executeQuery, the search with its count': (db) => search(db, true),
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
  console.log('| way | Neo4j CPU ms/read | Node CPU ms/read | wall ms/read |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const round of [1, 2]) {
    for (const [name, run] of Object.entries(VARIANTS)) {
      await runMany(() => run(graph.db));
      const cpu0 = await jvmCpuMs(graph.db);
      const node0 = process.cpuUsage();
      const wall0 = performance.now();
      await runMany(() => run(graph.db));
      const node = process.cpuUsage(node0);
      const cpu = (await jvmCpuMs(graph.db)) - cpu0;
      const nodeMs = (node.user + node.system) / 1000;
      console.log(`| ${name} (round ${round}) | ${(cpu / count).toFixed(3)} | ${(nodeMs / count).toFixed(3)} | ${((performance.now() - wall0) / count).toFixed(3)} |`);
    }
  }
} finally {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
}
