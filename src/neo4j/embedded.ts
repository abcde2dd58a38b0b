/**
 * Starts Neo4j Community embedded in a small Java launcher (neo4j/src/main/java/vnkg/neo4j/
 * EmbeddedNeo4j.java) with Bolt on 127.0.0.1 and authentication on, and hands back its bolt://
 * URI and credentials. See README.md here.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ensureEmbeddedAccounts, type Neo4jCredentials } from './credentials.ts';
import { lockDownNeo4jHome } from './permissions.ts';
import { EMBEDDED_MAIN_CLASS, MISSING_TOOLS_MESSAGE, javaExecutable, prepareEmbeddedNeo4j } from './prepare.ts';

export interface EmbeddedNeo4jOptions {
  /**
   * Neo4j home: the store goes to DATA_DIR/data, Neo4j's logs to DATA_DIR/logs, the passwords to
   * DATA_DIR/neo4j-password and DATA_DIR/reader-password. Created if missing; made owner-only.
   */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** Receives Maven's build output (first run) and the launcher's stderr, line by line. */
  log?: (line: string) => void;
  /** JVM max heap, e.g. "1g" (default "1g", or VNKG_NEO4J_HEAP). */
  heap?: string;
  /** Neo4j page cache, e.g. "256m" (default "256m", or VNKG_NEO4J_PAGECACHE). */
  pageCache?: string;
  /** How long to wait for the READY line (default 120 s). */
  startTimeoutMs?: number;
  /**
   * Accept Bolt over WebSocket (default false: refused, see NoHttpOnBolt.java). Web clients such
   * as Neo4j Browser and Bloom need it; they still need a password.
   */
  allowWebSocket?: boolean;
}

export interface EmbeddedNeo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it; false when the JVM died on its own (or was killed). */
  expected: boolean;
}

export interface EmbeddedNeo4j {
  /** bolt://127.0.0.1:PORT; every connection must authenticate. */
  uri: string;
  /** The admin account (`neo4j`), full access: what vnkg connects with. */
  credentials: Neo4jCredentials;
  /** The read-only account (`reader`), for exploration tools. */
  readerCredentials: Neo4jCredentials;
  /** Process id of the JVM. */
  pid: number;
  /** Settles when the JVM has exited, for whatever reason. */
  exited: Promise<EmbeddedNeo4jExit>;
  /** Shuts Neo4j down cleanly (SIGTERM, then SIGKILL after 30 s); idempotent. */
  stop(): Promise<void>;
}

export const READY_PREFIX = 'VNKG_NEO4J_READY ';
const STOP_TIMEOUT_MS = 30_000;
const STDERR_TAIL_LINES = 30;

/**
 * The module openings Neo4j's own scripts pass on Java 17 (without them the page cache and
 * transaction log fall back to slower code paths and warn in debug.log), and settings every
 * Neo4j JVM of vnkg shares (the bulk importer's too, bulk-import.ts).
 */
export const NEO4J_JVM_FLAGS: readonly string[] = [
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

/** The launcher's JVM flags: a fixed heap and G1, for a long-running server. */
function jvmArgs(heap: string, allowWebSocket: boolean): string[] {
  return [...(allowWebSocket ? ['-Dvnkg.neo4j.allowWebSocket=true'] : []), `-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', ...NEO4J_JVM_FLAGS];
}

/** Children still running, so that a process exit never leaves a JVM holding the store lock. */
const liveChildren = new Set<ChildProcessWithoutNullStreams>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveChildren) {
      // Either one makes the launcher run managementService.shutdown(); it finishes on its own.
      child.stdin.destroy();
      child.kill('SIGTERM');
    }
  });
}

function onLines(stream: NodeJS.ReadableStream, handle: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      handle(buffered.slice(0, nl).replace(/\r$/, ''));
      buffered = buffered.slice(nl + 1);
    }
  });
  stream.on('end', () => {
    if (buffered !== '') handle(buffered);
    buffered = '';
  });
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal !== null ? `signal ${signal}` : `code ${code ?? '?'}`;
}

/**
 * The command that runs the launcher. On POSIX it goes through `sh` to set umask 077 first, so
 * that everything Neo4j creates (store files, logs, rotated logs) is owner-only from the start;
 * `exec` keeps the JVM's pid the child's pid, so signals reach it directly.
 */
export function launcherCommand(args: string[]): { command: string; args: string[] } {
  if (process.platform === 'win32') return { command: javaExecutable(), args };
  return { command: '/bin/sh', args: ['-c', 'umask 077 && exec "$0" "$@"', javaExecutable(), ...args] };
}

/** `sh` exits with 127 when it cannot find the command it was to exec. */
const COMMAND_NOT_FOUND = 127;

async function verifyBolt(uri: string, credentials: Neo4jCredentials): Promise<void> {
  const auth = neo4j.auth.basic(credentials.username, credentials.password);
  const driver = neo4j.driver(uri, auth, { connectionTimeout: 10_000 });
  try {
    await driver.verifyConnectivity();
  } finally {
    await driver.close();
  }
}

/**
 * Builds the launcher if needed (see prepare.ts), makes `dataDir` private and its passwords
 * exist, starts the launcher on it, waits until Bolt accepts connections and neo4j-driver can log
 * in, and returns the URI and credentials plus a stop function.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const dataDir = path.resolve(opts.dataDir);
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`Invalid Bolt port for embedded Neo4j: ${port}`);
  }
  const heap = opts.heap ?? process.env.VNKG_NEO4J_HEAP ?? '1g';
  const pageCache = opts.pageCache ?? process.env.VNKG_NEO4J_PAGECACHE ?? '256m';
  const startTimeoutMs = opts.startTimeoutMs ?? 120_000;
  const log = opts.log;

  const { classpath } = await prepareEmbeddedNeo4j(log === undefined ? {} : { log });
  await lockDownNeo4jHome(dataDir);
  const accounts = await ensureEmbeddedAccounts(dataDir);
  installExitHook();

  const launcher = launcherCommand([...jvmArgs(heap, opts.allowWebSocket ?? false), '-cp', classpath, EMBEDDED_MAIN_CLASS, dataDir, String(port), pageCache]);
  const child = spawn(launcher.command, launcher.args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: dataDir });
  liveChildren.add(child);

  const stderrTail: string[] = [];
  let exitInfo: EmbeddedNeo4jExit | undefined;
  let stopRequested = false;
  const exited = new Promise<EmbeddedNeo4jExit>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal, expected: stopRequested };
      liveChildren.delete(child);
      resolve(exitInfo);
    });
  });
  // Never let a broken stdin pipe (child gone) become an uncaught error.
  child.stdin.on('error', () => undefined);

  onLines(child.stderr, (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    log?.(line);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      fail(new Error(`Embedded Neo4j did not become ready within ${startTimeoutMs / 1000} s (data dir ${dataDir}).${tail()}`));
      child.kill('SIGKILL');
    }, startTimeoutMs);
    const tail = (): string => {
      // The launcher ends a failed start with a short cause chain; quote that, else the raw tail.
      let summary = stderrTail.length - 1;
      while (summary >= 0 && stderrTail[summary]?.startsWith('EmbeddedNeo4j: failed') !== true) summary -= 1;
      const lines = summary >= 0 ? stderrTail.slice(summary) : stderrTail;
      return lines.length === 0 ? '' : `\nLast lines of its stderr:\n${lines.join('\n')}`;
    };
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    onLines(child.stdout, (line) => {
      if (!settled && line.startsWith(READY_PREFIX)) {
        settled = true;
        clearTimeout(timer);
        resolve(line.slice(READY_PREFIX.length).trim());
      } else {
        log?.(line);
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) liveChildren.delete(child); // never started
      fail(error.code === 'ENOENT' ? new Error(MISSING_TOOLS_MESSAGE) : error);
    });
    // 'close' comes after 'exit' once stdout/stderr are drained, so the message has the cause.
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      if (code === COMMAND_NOT_FOUND) {
        fail(new Error(MISSING_TOOLS_MESSAGE));
        return;
      }
      const hint = stderrTail.some((l) => /FileLockException|locked by another process/.test(l))
        ? ' Another process (a running vnkg or Neo4j?) is using this data dir.'
        : stderrTail.some((l) => /Address already in use/.test(l))
          ? ` Bolt port ${port} is already in use.`
          : '';
      fail(
        new Error(
          `Embedded Neo4j exited with ${describeExit(code, signal)} before it was ready (data dir ${dataDir}).${hint}${tail()}`,
        ),
      );
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopRequested = true;
    stopping ??= (async () => {
      if (exitInfo !== undefined) return;
      child.stdin.end();
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        log?.(`[neo4j] embedded Neo4j (pid ${child.pid ?? '?'}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };

  try {
    await verifyBolt(uri, accounts.admin);
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Embedded Neo4j printed ${uri} but neo4j-driver could not connect: ${message}`);
  }
  // Always set by now (a spawn that failed never prints READY); checked, never guessed: a wrong
  // pid handed to process.kill could hit another process.
  const pid = child.pid;
  if (pid === undefined) throw new Error('Embedded Neo4j is running but its process id is unknown.');
  return { uri, credentials: accounts.admin, readerCredentials: accounts.reader, pid, exited, stop };
}
