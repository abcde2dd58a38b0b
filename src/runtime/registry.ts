// Where the processes that run an embedded Neo4j say so: one file per process, naming its data
// dir, in the user's state directory (owner-only), removed when the process closes the graph.
// `vnkg ingest` reads it to find the running server's graph when VNKG_DATA_DIR does not say,
// instead of starting a second store that the server never sees.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makePrivateDir } from '../neo4j/permissions.ts';

/** `$XDG_STATE_HOME/vnkg/running`, or `~/.local/state/vnkg/running`. */
export function registryDir(env: NodeJS.ProcessEnv = process.env): string {
  const state = env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state');
  return path.join(state, 'vnkg', 'running');
}

interface Entry {
  pid: number;
  dataDir: string;
}

/** Records that this process runs the embedded Neo4j of `dataDir`; the result removes the record. */
export async function registerRunning(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  const dir = registryDir(env);
  await makePrivateDir(dir);
  const file = path.join(dir, `${process.pid}.json`);
  await writeFile(file, JSON.stringify({ pid: process.pid, dataDir } satisfies Entry), { mode: 0o600 });
  return () => rm(file, { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The data dirs of live processes that registered one, each once; records of dead ones are removed. */
export async function runningDataDirs(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const dir = registryDir(env);
  const names = await readdir(dir).catch(() => [] as string[]);
  const found = new Set<string>();
  for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
    const file = path.join(dir, name);
    const entry = await readFile(file, 'utf8').then((text) => JSON.parse(text) as Partial<Entry>, () => null);
    if (!entry || typeof entry.pid !== 'number' || typeof entry.dataDir !== 'string') continue;
    if (entry.pid !== process.pid && alive(entry.pid)) found.add(entry.dataDir);
    else if (entry.pid !== process.pid) await rm(file, { force: true });
  }
  return [...found];
}
