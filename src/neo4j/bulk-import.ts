// Neo4j's own bulk importer, `neo4j-admin database import full`, run in a child JVM on the
// embedded Neo4j's classpath (neo4j/pom.xml adds org.neo4j:neo4j-import-tool, whose command
// org.neo4j.cli.AdminTool finds through its service loader). It writes a new `neo4j` database
// straight into the store files, replacing any there: the caller makes sure none is in use and
// that nothing in it is worth keeping.
import { spawn } from 'node:child_process';
import { NEO4J_JVM_FLAGS, launcherCommand } from './embedded.ts';
import { lockDownNeo4jHome } from './permissions.ts';
import { prepareEmbeddedNeo4j } from './prepare.ts';

const ADMIN_MAIN_CLASS = 'org.neo4j.cli.AdminTool';
const OUTPUT_TAIL_LINES = 40;

export interface BulkImportOptions {
  /** The Neo4j home (the embedded launcher's data dir): the store goes to home/data/databases/neo4j. */
  home: string;
  nodeFiles: readonly string[];
  relationshipFiles: readonly string[];
  /** Separates array elements and labels in the files (see src/import/csv.ts). */
  arrayDelimiter: string;
  log?: (line: string) => void;
}

export class BulkImportError extends Error {}

/** Runs the import; resolves when the store is written, rejects with the importer's own words. */
export async function runBulkImport(options: BulkImportOptions): Promise<void> {
  const { classpath } = await prepareEmbeddedNeo4j(options.log ? { log: options.log } : {});
  await lockDownNeo4jHome(options.home);
  const args = [
    // A run of seconds: the C1 compiler alone and the serial collector halve the importer's CPU
    // time on 2 cores (measured: 7.7 s against 15–17 s of user time for 2,000 articles).
    '-Xmx1g',
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    ...NEO4J_JVM_FLAGS,
    '-cp',
    classpath,
    ADMIN_MAIN_CLASS,
    'database',
    'import',
    'full',
    ...options.nodeFiles.map((f) => `--nodes=${f}`),
    ...options.relationshipFiles.map((f) => `--relationships=${f}`),
    `--array-delimiter=${options.arrayDelimiter}`,
    // article texts span lines
    '--multiline-fields=true',
    // a store without articles (the gazetteer alone) is replaced; the caller refused any other
    '--overwrite-destination=true',
    '--report-file=/dev/null',
    'neo4j',
  ];
  const launcher = launcherCommand(args);
  // AdminTool reads NEO4J_HOME, and neo4j.conf from NEO4J_CONF: the home, where the embedded
  // launcher reads its optional neo4j.conf too.
  const child = spawn(launcher.command, launcher.args, {
    cwd: options.home,
    env: { ...process.env, NEO4J_HOME: options.home, NEO4J_CONF: options.home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      options.log?.(line);
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  if (code !== 0) {
    const cause = tail.filter((l) => /IMPORT FAILED|Error|Exception|ERROR|in field|raw field/.test(l)).join('\n  ') || tail.join('\n  ');
    throw new BulkImportError(`neo4j-admin database import full failed (exit ${code ?? '?'}):\n  ${cause}`);
  }
}
