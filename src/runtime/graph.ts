// Opens the graph the service and the CLI work on: an external Neo4j when NEO4J_URI is set,
// otherwise the embedded Neo4j under VNKG_DATA_DIR (shared with a running vnkg process if any).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/index.ts';
import { gazetteerGraph } from '../core/admin-units.ts';
import { applySchema } from '../graph/constraints.ts';
import { loadGazetteer } from '../graph/gazetteer.ts';
import { migrateGraph } from '../graph/migrations.ts';
import { GraphDatabase } from '../graph/database.ts';
import { startEmbeddedNeo4j } from '../neo4j/embedded.ts';

export interface OpenGraph {
  db: GraphDatabase;
  /** Where the graph lives, for logs: a bolt/neo4j URI. */
  uri: string;
  /** True when this process started the embedded Neo4j (and stops it on close). */
  ownsDatabase: boolean;
  close(): Promise<void>;
}

/** A running embedded instance writes its Bolt URI here, so the CLI can use it instead of the locked store. */
const runtimeFile = (dataDir: string) => path.join(dataDir, 'bolt-uri');

async function connectIfAlive(uri: string): Promise<GraphDatabase | null> {
  const db = GraphDatabase.connect({ uri, username: 'neo4j', password: '', database: undefined });
  try {
    await db.ping();
    return db;
  } catch {
    await db.close();
    return null;
  }
}

/** Constraints, indexes, the gazetteer and format upgrades: idempotent, so applied at every start. */
async function prepareGraph(db: GraphDatabase, log: (message: string) => void): Promise<void> {
  await applySchema(db);
  if (await loadGazetteer(db, gazetteerGraph())) log('Gazetteer of administrative units written to the graph');
  for (const format of await migrateGraph(db)) log(`Graph upgraded to format ${format}`);
}

export async function openGraph(config: Config, log: (message: string) => void): Promise<OpenGraph> {
  if (config.neo4j) {
    const db = GraphDatabase.connect(config.neo4j);
    await db.ping();
    await prepareGraph(db, log);
    return { db, uri: config.neo4j.uri, ownsDatabase: false, close: () => db.close() };
  }

  const file = runtimeFile(config.dataDir);
  const running = await readFile(file, 'utf8').then((s) => s.trim(), () => null);
  if (running) {
    const db = await connectIfAlive(running);
    if (db) {
      log(`Using the embedded Neo4j already running at ${running}`);
      return { db, uri: running, ownsDatabase: false, close: () => db.close() };
    }
  }

  await mkdir(config.dataDir, { recursive: true });
  const neo4jDir = path.join(config.dataDir, 'neo4j');
  log(`Starting embedded Neo4j (data in ${neo4jDir}) …`);
  const embedded = await startEmbeddedNeo4j({ dataDir: neo4jDir, port: config.embeddedBoltPort, log });
  const db = GraphDatabase.connect({ uri: embedded.uri, username: 'neo4j', password: '', database: undefined });
  await writeFile(file, embedded.uri);
  await prepareGraph(db, log);
  return {
    db,
    uri: embedded.uri,
    ownsDatabase: true,
    close: async () => {
      await db.close();
      await rm(file, { force: true });
      await embedded.stop();
    },
  };
}
