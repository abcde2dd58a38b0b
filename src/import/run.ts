// `vnkg import`: a new embedded store from article files, through Neo4j's bulk importer instead
// of Cypher. Refuses a store that holds articles or that a vnkg process is serving; then extracts
// on every core, builds the graph ingest would write (tables.ts), writes it as CSV (csv.ts),
// runs `neo4j-admin database import full` (neo4j/bulk-import.ts) and opens the result as any
// start does (constraints, indexes, gazetteer check, format), so it is ready to serve.
import { createWriteStream } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Config } from '../config/index.ts';
import { gazetteerGraph } from '../core/admin-units.ts';
import { hasArticles, setEmptyLists } from '../graph/bulk-load.ts';
import { GraphDatabase } from '../graph/database.ts';
import { gazetteerVersion } from '../graph/gazetteer.ts';
import { entityRow } from '../graph/ingest.ts';
import { GRAPH_FORMAT } from '../graph/migrations.ts';
import { runBulkImport } from '../neo4j/bulk-import.ts';
import { startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { makePrivateDir } from '../neo4j/permissions.ts';
import { readSources } from '../pipeline/sources.ts';
import { openGraph, runningEmbeddedUri } from '../runtime/graph.ts';
import { chooseArrayDelimiter, emptyArrays, nodeCsv, relationshipCsv } from './csv.ts';
import { extractInWorkers } from './extract-pool.ts';
import { GraphTablesBuilder, type GraphTables } from './tables.ts';

/** The store cannot take an import; the message says why and what to do instead. */
export class ImportRefusedError extends Error {}

export interface ImportOptions {
  log: (line: string) => void;
  /** A record that was not imported, and why (the import goes on without it). */
  onSkipped: (origin: string, reason: string) => void;
  /** neo4j-admin's own output (progress, statistics); dropped when absent, quoted on failure. */
  importerLog?: (line: string) => void;
  /** Extraction threads (default: one per core). */
  threads?: number;
}

export interface ImportSummary {
  /** Records read. */
  total: number;
  imported: number;
  /** The same article again, with the same text: already imported. */
  unchanged: number;
  skipped: number;
  /** Seconds per phase. */
  seconds: { extract: number; csv: number; bulkImport: number; open: number; total: number };
}

const storeDir = (home: string) => path.join(home, 'data', 'databases', 'neo4j');
const exists = (p: string) => access(p).then(() => true, () => false);

/** Throws ImportRefusedError unless the embedded store of `config` may be replaced. */
export async function checkStoreIsEmpty(config: Config): Promise<void> {
  if (config.neo4j) {
    throw new ImportRefusedError(
      `vnkg import builds the embedded store in VNKG_DATA_DIR and cannot load into the Neo4j at ${config.neo4j.uri} (NEO4J_URI); use vnkg ingest there.`,
    );
  }
  const refuse = (why: string) =>
    new ImportRefusedError(`The store in ${config.dataDir} ${why}; vnkg import only builds a new store, so use vnkg ingest to add articles to it (or set VNKG_DATA_DIR to an empty directory).`);
  const running = await runningEmbeddedUri(config.dataDir);
  if (running) throw refuse(`is being served by a running vnkg (${running})`);
  const home = path.join(config.dataDir, 'neo4j');
  if (!(await exists(storeDir(home)))) return;
  // A store that exists may hold only the gazetteer (a server started once): look, writing nothing.
  const neo4j = await startEmbeddedNeo4j({ dataDir: home });
  const db = GraphDatabase.connect({ uri: neo4j.uri, username: neo4j.credentials.username, password: neo4j.credentials.password, database: undefined });
  try {
    if (await hasArticles(db)) throw refuse('already holds articles');
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

/** Extracts every record, in input order, into the tables of the graph ingest would write. */
async function buildTables(paths: readonly string[], options: ImportOptions, summary: ImportSummary): Promise<GraphTables> {
  const builder = new GraphTablesBuilder();
  const gazetteer = gazetteerGraph();
  builder.addGazetteer(
    gazetteer,
    (u) => entityRow({ id: u.id, type: 'AdministrativeUnit', subtype: u.subtype, name: u.name, aliases: u.aliases }),
    gazetteerVersion(gazetteer.units, gazetteer.links),
  );
  const seen = new Map<string, { origin: string; text: string }>();
  for await (const outcome of extractInWorkers(readSources(paths), options.threads)) {
    summary.total++;
    if (!outcome.ok) {
      summary.skipped++;
      options.onSkipped(outcome.origin, outcome.message);
      continue;
    }
    const { article } = outcome.rows;
    const first = seen.get(article.id);
    if (first && first.text === article.text) {
      summary.unchanged++;
      continue;
    }
    if (first) {
      // ingest would replace the first version's provenance; an import keeps one version only
      summary.skipped++;
      options.onSkipped(outcome.origin, `has the id ${article.id} of ${first.origin} with another text; the import keeps the first (vnkg ingest it afterwards to replace it).`);
      continue;
    }
    seen.set(article.id, { origin: outcome.origin, text: article.text });
    builder.addArticle(outcome.rows);
    summary.imported++;
  }
  return builder.tables({ ingestedAt: new Date().toISOString(), format: { id: 'vnkg', version: GRAPH_FORMAT } });
}

/** Lines per write: a stream write per line costs more than making the line. */
const LINES_PER_WRITE = 512;

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  let pending: string[] = [];
  for (const line of lines) {
    pending.push(line);
    if (pending.length === LINES_PER_WRITE) {
      await write(pending.join(''));
      pending = [];
    }
  }
  if (pending.length) await write(pending.join(''));
  out.end();
  await finished(out);
}

/** The CSV files of the tables, in `dir`. */
async function writeCsv(tables: GraphTables, dir: string, arrayDelimiter: string) {
  const nodeFiles = tables.nodes.map((t) => path.join(dir, `${t.name}.csv`));
  const relationshipFiles = tables.relationships.map((t) => path.join(dir, `${t.name}.csv`));
  await Promise.all([
    ...tables.nodes.map((t, i) => writeLines(nodeFiles[i]!, nodeCsv(t, arrayDelimiter))),
    ...tables.relationships.map((t, i) => writeLines(relationshipFiles[i]!, relationshipCsv(t, arrayDelimiter))),
  ]);
  return { nodeFiles, relationshipFiles };
}

export async function importSources(config: Config, paths: readonly string[], options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { total: 0, imported: 0, unchanged: 0, skipped: 0, seconds: { extract: 0, csv: 0, bulkImport: 0, open: 0, total: 0 } };
  let mark = performance.now();
  const started = mark;
  const lap = () => {
    const now = performance.now();
    const s = (now - mark) / 1000;
    mark = now;
    return s;
  };
  await checkStoreIsEmpty(config);
  const tables = await buildTables(paths, options, summary);
  summary.seconds.extract = lap();

  const home = path.join(config.dataDir, 'neo4j');
  await makePrivateDir(config.dataDir);
  const dir = await mkdtemp(path.join(config.dataDir, 'import-'));
  try {
    const arrayDelimiter = chooseArrayDelimiter(tables);
    const files = await writeCsv(tables, dir, arrayDelimiter);
    summary.seconds.csv = lap();
    await runBulkImport({ home, ...files, arrayDelimiter, ...(options.importerLog ? { log: options.importerLog } : {}) }).catch(
      async (error: unknown) => {
        // A failed import leaves store files no start should open: without them the next start
        // makes a new, empty store (an earlier one held no article, or the import was refused).
        await rm(storeDir(home), { recursive: true, force: true });
        await rm(path.join(home, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
        throw error;
      },
    );
    summary.seconds.bulkImport = lap();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const graph = await openGraph(config, options.log);
  try {
    await setEmptyLists(graph.db, emptyArrays(tables));
  } finally {
    await graph.close();
  }
  summary.seconds.open = lap();
  summary.seconds.total = (performance.now() - started) / 1000;
  return summary;
}
