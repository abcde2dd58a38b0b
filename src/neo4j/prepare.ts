/**
 * Makes the embedded Neo4j launcher (neo4j/pom.xml + EmbeddedNeo4j.java) runnable:
 * compiles it and resolves its classpath with Maven, once. Later calls only stat a few
 * files (warm path, a few milliseconds).
 *
 * `npm run neo4j:prepare` runs it ahead of time (prepare-script.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectFile } from '../config/project.ts';

export const NEO4J_PROJECT_DIR = projectFile('neo4j');
const POM = path.join(NEO4J_PROJECT_DIR, 'pom.xml');
const SRC_DIR = path.join(NEO4J_PROJECT_DIR, 'src', 'main', 'java');
const TARGET_DIR = path.join(NEO4J_PROJECT_DIR, 'target');
export const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
const CLASSPATH_FILE = path.join(TARGET_DIR, 'classpath.txt');
const MAIN_CLASS_FILE = path.join(CLASSES_DIR, 'vnkg', 'neo4j', 'EmbeddedNeo4j.class');
/** Neo4j Browser's static files, unpacked from org.neo4j.client:neo4j-browser by the same build. */
export const NEO4J_BROWSER_DIR = path.join(TARGET_DIR, 'neo4j-browser', 'browser');
/** Written after a successful Maven run; its mtime is what sources are compared against. */
const STAMP_FILE = path.join(TARGET_DIR, '.vnkg-prepared');
const LOCK_DIR = path.join(TARGET_DIR, '.vnkg-prepare.lock');

export const EMBEDDED_MAIN_CLASS = 'vnkg.neo4j.EmbeddedNeo4j';

export const MISSING_TOOLS_MESSAGE =
  'Embedded Neo4j needs Java 17+ and Maven on PATH (install openjdk-17-jdk and maven), ' +
  'or set NEO4J_URI to use an existing Neo4j server.';

export interface PrepareOptions {
  /** Where Maven's (condensed) output goes; default: this process's stderr. */
  log?: (line: string) => void;
}

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH. */
export function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  if (home !== undefined && home !== '') {
    return path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
  }
  return 'java';
}

function mavenExecutable(): string {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

function mtimeMs(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

function newestSourceMtime(): number {
  let newest = mtimeMs(POM) ?? Number.POSITIVE_INFINITY;
  for (const file of existsSync(SRC_DIR) ? listFiles(SRC_DIR) : []) {
    newest = Math.max(newest, mtimeMs(file) ?? Number.POSITIVE_INFINITY);
  }
  return newest;
}

function readClasspath(): string {
  const deps = readFileSync(CLASSPATH_FILE, 'utf8').trim();
  return deps === '' ? CLASSES_DIR : CLASSES_DIR + path.delimiter + deps;
}

/**
 * The cached classpath if the build output is present, newer than pom.xml and every source
 * file, and every jar it names still exists (e.g. ~/.m2 was not wiped); else undefined.
 */
function freshClasspath(): string | undefined {
  const stamp = mtimeMs(STAMP_FILE);
  const built = [CLASSPATH_FILE, MAIN_CLASS_FILE, path.join(NEO4J_BROWSER_DIR, 'index.html')];
  if (stamp === undefined || built.some((file) => mtimeMs(file) === undefined)) {
    return undefined;
  }
  if (stamp < newestSourceMtime()) return undefined;
  const classpath = readClasspath();
  for (const entry of classpath.split(path.delimiter)) {
    if (entry !== '' && !existsSync(entry)) return undefined;
  }
  return classpath;
}

function toolRuns(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: 'ignore',
    timeout: 60_000,
    shell: process.platform === 'win32',
  });
  return result.error === undefined && result.status === 0;
}

/** Major version of the Java runtime, or undefined if it cannot be run. */
function javaMajorVersion(java: string): number | undefined {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 60_000 });
  if (result.error !== undefined || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (match === null || match[1] === undefined) return undefined;
  const major = Number(match[1]);
  // Java 8 and older report "1.8.0_x".
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

function checkTools(): void {
  const java = javaExecutable();
  const major = javaMajorVersion(java);
  if (major === undefined || major < 17 || !toolRuns(mavenExecutable(), ['-v'])) {
    const found = major === undefined ? '' : ` (found Java ${major} at ${java})`;
    throw new Error(MISSING_TOOLS_MESSAGE.replace(/\.$/, `${found}.`));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cross-process lock (an atomic mkdir) so two test workers or a server and a test don't run
 * Maven into the same target/ at once. A lock whose owner process is gone is taken over.
 */
async function withBuildLock<T>(fn: () => Promise<T>, log: (line: string) => void): Promise<T> {
  mkdirSync(TARGET_DIR, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: number | undefined;
      try {
        owner = Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
      } catch {
        owner = undefined; // being created right now, or left empty by a crash
      }
      const lockAge = Date.now() - (mtimeMs(LOCK_DIR) ?? Date.now());
      if ((owner !== undefined && owner > 0 && !processAlive(owner)) || (owner === undefined && lockAge > 30_000)) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log(`[neo4j:prepare] waiting for another process (pid ${owner ?? '?'}) that is building the Neo4j launcher…`);
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

const TRANSFER_LINE = /^(?:\[INFO\] )?(Downloading|Downloaded) from \S+: (\S+)(?: \((.*)\))?/;

/**
 * Runs Maven with its output shown, but condensed: Maven 3 in batch mode logs two lines per
 * file transferred (~820 files, ~160 MB on the first run: 240 KB of log), so transfer lines are
 * folded into one progress line every 50 artifacts or 5 s. Every other line (build steps,
 * warnings, errors) is shown as is.
 */
function runMaven(log: (line: string) => void): Promise<void> {
  const args = [
    '-B',
    '-Dstyle.color=never',
    '-f',
    POM,
    'compile',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${CLASSPATH_FILE}`,
  ];
  log(`[neo4j:prepare] building the embedded Neo4j launcher: mvn ${args.join(' ')}`);
  if (!existsSync(CLASSPATH_FILE)) {
    log('[neo4j:prepare] the first run downloads Neo4j and its dependencies (~820 files, ~160 MB) into ~/.m2; this can take a minute');
  }
  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    const child = spawn(mavenExecutable(), args, {
      cwd: NEO4J_PROJECT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    let downloaded = 0;
    let reported = 0;
    let lastReport = Date.now();
    let lastArtifact = '';
    const tail: string[] = [];
    const report = (force: boolean): void => {
      if (downloaded === reported) return;
      if (!force && downloaded - reported < 50 && Date.now() - lastReport < 5_000) return;
      reported = downloaded;
      lastReport = Date.now();
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      log(`[neo4j:prepare] downloaded ${downloaded} files (${seconds} s), latest: ${lastArtifact}`);
    };
    const onLine = (rawLine: string): void => {
      // Maven 3.8's jansi still emits a few reset sequences in batch mode.
      const line = rawLine.replace(/\u001b\[[0-9;]*m/g, '');
      if (line === '') return;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const transfer = TRANSFER_LINE.exec(line);
      if (transfer !== null) {
        if (transfer[1] === 'Downloaded') {
          downloaded += 1;
          lastArtifact = path.basename(transfer[2] ?? '');
          report(false);
        }
        return;
      }
      report(true);
      log(line);
    };
    const split = (stream: NodeJS.ReadableStream): void => {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          onLine(buffered.slice(0, nl).replace(/\r$/, ''));
          buffered = buffered.slice(nl + 1);
        }
      });
      stream.on('end', () => {
        if (buffered !== '') onLine(buffered);
        buffered = '';
      });
    };
    if (child.stdout !== null) split(child.stdout);
    if (child.stderr !== null) split(child.stderr);
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(MISSING_TOOLS_MESSAGE) : error);
    });
    child.on('close', (code, signal) => {
      report(true);
      if (code === 0) {
        log(`[neo4j:prepare] launcher ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else {
        reject(
          new Error(
            `Building the embedded Neo4j launcher failed (mvn exited with ${signal ?? `code ${code}`}); ` +
              `last Maven output:\n${tail.join('\n')}`,
          ),
        );
      }
    });
  });
}

let inFlight: Promise<{ classpath: string }> | undefined;

/**
 * Ensures neo4j/target holds the compiled launcher and its classpath; returns the Java classpath
 * (`target/classes` + dependency jars). Fast when nothing changed; otherwise runs Maven once.
 * Throws a one-sentence Error if Java 17+ or Maven is missing.
 */
export function prepareEmbeddedNeo4j(options: PrepareOptions = {}): Promise<{ classpath: string }> {
  const cached = freshClasspath();
  if (cached !== undefined) return Promise.resolve({ classpath: cached });
  inFlight ??= (async () => {
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    checkTools();
    return withBuildLock(async () => {
      // Another process may have finished the build while we waited for the lock.
      const built = freshClasspath();
      if (built !== undefined) return { classpath: built };
      const startedAt = new Date();
      await runMaven(log);
      writeFileSync(STAMP_FILE, `${startedAt.toISOString()}\n`);
      // Date the stamp to when Maven started: a source edited during the build stays "newer".
      utimesSync(STAMP_FILE, startedAt, startedAt);
      const classpath = freshClasspath();
      if (classpath === undefined) {
        throw new Error(`Maven succeeded but ${CLASSPATH_FILE} or ${MAIN_CLASS_FILE} is missing.`);
      }
      return { classpath };
    }, log);
  })().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
