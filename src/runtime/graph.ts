// Opens the graph the service and the CLI work on: an external Neo4j when NEO4J_URI is set,
// otherwise the embedded Neo4j under VNKG_DATA_DIR (shared with a running vnkg process if any).
// The embedded Neo4j requires a password, which lives in VNKG_DATA_DIR/neo4j (credentials.ts),
// and is restarted on the same port if its JVM dies (supervisor.ts).
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Config } from '../config/index.ts';
import { gazetteerGraph } from '../core/admin-units.ts';
import { applySchema } from '../graph/constraints.ts';
import { loadGazetteer } from '../graph/gazetteer.ts';
import { migrateGraph } from '../graph/migrations.ts';
import { GraphDatabase } from '../graph/database.ts';
import { readEmbeddedAdmin, readEmbeddedReader, type Neo4jCredentials } from '../neo4j/credentials.ts';
import { makePrivateDir, makePrivateFile } from '../neo4j/permissions.ts';
import { restartDelays, superviseEmbeddedNeo4j, type Neo4jStatus, type StatusListener } from '../neo4j/supervisor.ts';
import { registerRunning, runningDataDirs } from './registry.ts';

export type GraphStatus = Neo4jStatus;

export interface OpenGraph {
  db: GraphDatabase;
  /** Where the graph lives, for logs: a bolt/neo4j URI. */
  uri: string;
  /** True when this process started the embedded Neo4j (and stops it on close). */
  ownsDatabase: boolean;
  /** The embedded Neo4j's Bolt URI and read-only account (for Neo4j Browser); none for an external Neo4j. */
  embeddedReader: { uri: string; credentials: Neo4jCredentials } | undefined;
  /**
   * 'up', or, for an embedded Neo4j this process runs: 'restarting' while its JVM, which died, is
   * being started again (statements fail meanwhile; answer 503), 'failed' once that has been given
   * up (the graph stays unusable: close and exit). Always 'up' for an external or shared Neo4j,
   * whose availability only a statement or db.ping() can tell.
   */
  status(): GraphStatus;
  /** Calls `listener` on every change of status(); returns a function that unsubscribes. */
  onStatusChange(listener: StatusListener): () => void;
  /** Process id of the embedded Neo4j's JVM this process runs, if any (tests, diagnostics). */
  neo4jPid(): number | undefined;
  close(): Promise<void>;
}

export interface OpenGraphOptions {
  /** Pauses before each restart attempt of a dead embedded Neo4j (default: config.embeddedRestartAttempts of them). */
  restartDelaysMs?: readonly number[];
  /** The embedded Neo4j's memory (default: VNKG_NEO4J_HEAP and VNKG_NEO4J_PAGECACHE, else 1g and 256m). */
  memory?: { heap: string; pageCache: string };
}

/** A running embedded instance writes its Bolt URI here, so the CLI can use it instead of the locked store. */
const runtimeFile = (dataDir: string) => path.join(dataDir, 'bolt-uri');
const neo4jHome = (dataDir: string) => path.join(dataDir, 'neo4j');

const connectEmbedded = (uri: string, credentials: Neo4jCredentials): GraphDatabase =>
  GraphDatabase.connect({ uri, username: credentials.username, password: credentials.password, database: undefined });

async function connectIfAlive(uri: string, dataDir: string): Promise<GraphDatabase | null> {
  const credentials = await readEmbeddedAdmin(neo4jHome(dataDir));
  if (!credentials) return null;
  const db = connectEmbedded(uri, credentials);
  try {
    await db.ping();
    return db;
  } catch {
    await db.close();
    return null;
  }
}

/** The Bolt URI of a vnkg process serving the embedded store of `dataDir`, if one answers. */
export async function runningEmbeddedUri(dataDir: string): Promise<string | null> {
  const running = await readFile(runtimeFile(dataDir), 'utf8').then((s) => s.trim(), () => null);
  if (!running) return null;
  const db = await connectIfAlive(running, dataDir);
  await db?.close();
  return db ? running : null;
}

/** Constraints, indexes, the gazetteer and format upgrades: idempotent, so applied at every start. */
async function prepareGraph(db: GraphDatabase, log: (message: string) => void): Promise<void> {
  await applySchema(db);
  if (await loadGazetteer(db, gazetteerGraph())) log('Gazetteer of administrative units written to the graph');
  for (const format of await migrateGraph(db)) log(`Graph upgraded to format ${format}`);
}

/** An OpenGraph whose database this process does not supervise. */
function unsupervised(db: GraphDatabase, uri: string, embeddedReader?: OpenGraph['embeddedReader']): OpenGraph {
  return {
    db,
    uri,
    ownsDatabase: false,
    embeddedReader,
    status: () => 'up',
    onStatusChange: () => () => undefined,
    neo4jPid: () => undefined,
    close: () => db.close(),
  };
}

export async function openGraph(
  config: Config,
  log: (message: string) => void,
  options: OpenGraphOptions = {},
): Promise<OpenGraph> {
  if (config.neo4j) {
    const db = GraphDatabase.connect(config.neo4j);
    await db.ping();
    await prepareGraph(db, log);
    return unsupervised(db, config.neo4j.uri);
  }

  // The data dir holds the store, the passwords and the logs: owner-only, old ones included.
  await makePrivateDir(config.dataDir);
  const file = runtimeFile(config.dataDir);
  await makePrivateFile(file);
  const running = await readFile(file, 'utf8').then((s) => s.trim(), () => null);
  if (running) {
    const db = await connectIfAlive(running, config.dataDir);
    if (db) {
      log(`Using the embedded Neo4j already running at ${running}`);
      const reader = await readEmbeddedReader(neo4jHome(config.dataDir));
      return unsupervised(db, running, reader ? { uri: running, credentials: reader } : undefined);
    }
  }

  const home = neo4jHome(config.dataDir);
  log(`Starting embedded Neo4j (data in ${home}) …`);
  const neo4j = await superviseEmbeddedNeo4j({
    dataDir: home,
    port: config.embeddedBoltPort,
    allowWebSocket: config.embeddedWebSocket,
    log,
    restartDelaysMs: options.restartDelaysMs ?? restartDelays(config.embeddedRestartAttempts),
    ...options.memory,
  });
  const db = connectEmbedded(neo4j.uri, neo4j.credentials);
  let unregister: () => Promise<void> = async () => {};
  try {
    await writeFile(file, neo4j.uri, { mode: 0o600 });
    await makePrivateFile(file); // the mode above applies only when the file is created
    unregister = await registerRunning(config.dataDir);
    await prepareGraph(db, log);
  } catch (error) {
    await db.close();
    await rm(file, { force: true });
    await unregister();
    await neo4j.stop();
    throw error;
  }
  return {
    db,
    uri: neo4j.uri,
    ownsDatabase: true,
    embeddedReader: { uri: neo4j.uri, credentials: neo4j.readerCredentials },
    status: () => neo4j.status(),
    onStatusChange: (listener) => neo4j.onStatusChange(listener),
    neo4jPid: () => neo4j.pid(),
    close: async () => {
      await db.close();
      await rm(file, { force: true });
      await unregister();
      await neo4j.stop();
    },
  };
}

/**
 * The graph a command-line run should write to when nothing names one (no NEO4J_URI, no
 * VNKG_DATA_DIR): the default data dir if a vnkg process runs there, else the one vnkg server
 * running anywhere else, else the default dir, started for the run. `note` says which, so a run
 * never writes silently into a store the server does not see.
 */
export async function locateGraph(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<{ config: Config; note: string | null }> {
  if (config.neo4j || env['VNKG_DATA_DIR']) return { config, note: null };
  const inUse = await access(runtimeFile(config.dataDir)).then(() => true, () => false);
  if (inUse) return { config, note: null };
  const running = (await runningDataDirs(env)).filter((dir) => dir !== config.dataDir);
  if (running.length > 1) {
    throw new ConfigError(`Several vnkg servers are running, with data in ${running.join(', ')}; set VNKG_DATA_DIR to the one to write to.`);
  }
  const [other] = running;
  if (other) {
    return { config: { ...config, dataDir: other }, note: `VNKG_DATA_DIR is not set: writing to the graph of the vnkg server running with data in ${other}.` };
  }
  return {
    config,
    note:
      `No vnkg server is running: writing to the embedded Neo4j with data in ${config.dataDir} (VNKG_DATA_DIR is not set). ` +
      'A server sees these articles only if started with that VNKG_DATA_DIR (the default .data is relative to the current directory).',
  };
}
