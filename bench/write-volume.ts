// `npx tsx bench/write-volume.ts [COUNT]`: what the graph holds per article after writing COUNT
// generated articles (seed 42, batches of 200) into a fresh embedded store, against format 4.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/index.ts';
import { extractArticle } from '../src/core/extract.ts';
import { ingestBatch, type ArticleToIngest } from '../src/graph/ingest.ts';
import { openGraph } from '../src/runtime/graph.ts';
import { generateArticles } from './corpus/generator.ts';
import { FORMAT_4_VOLUME, writeVolumePerArticle } from './lib/write-volume.ts';

const count = Number(process.argv[2] ?? 1000);
const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-volume-'));
const graph = await openGraph(loadConfig({ VNKG_DATA_DIR: dir }), () => undefined);
try {
  let batch: ArticleToIngest[] = [];
  for (const a of generateArticles(count, 42)) {
    const extraction = extractArticle(a.text, { ...(a.url ? { url: a.url } : {}), ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) });
    batch.push({ extraction, url: a.url ?? null });
    if (batch.length === 200) (await ingestBatch(graph.db, batch), (batch = []));
  }
  if (batch.length) await ingestBatch(graph.db, batch);
  console.log(JSON.stringify({ articles: count, format5: await writeVolumePerArticle(graph.db, count), format4: FORMAT_4_VOLUME }));
} finally {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
}
