// Owner-only permissions for what vnkg keeps on disk: the store, Neo4j's logs (queries, user
// names, stack traces), the password files and the Bolt URI. Applied at every start, so a data
// directory made by an older vnkg, or under a permissive umask, is fixed too. The launcher runs
// under umask 077 (embedded.ts), so what Neo4j creates later is private from the start.
import { chmod, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Creates `dir` (and parents) if needed and makes it 0700; parents keep their modes. */
export async function makePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/** Makes `file` 0600 if it exists. */
export async function makePrivateFile(file: string): Promise<void> {
  try {
    await chmod(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if (!missing(error)) throw error;
  }
}

/** Makes `dir` 0700 and everything under it 0700 (directories) or 0600 (files), if it exists. */
async function makePrivateTree(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (missing(error)) return;
    throw error;
  }
  await chmod(dir, PRIVATE_DIR_MODE);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await makePrivateTree(full);
    else if (entry.isFile()) await makePrivateFile(full);
  }
}

/**
 * The Neo4j home (created if missing) 0700, its logs 0600 and the store directory 0700. The
 * store's own files are left as they are: under a 0700 home nobody else can reach them, and a
 * large store would make a full walk slow.
 */
export async function lockDownNeo4jHome(home: string): Promise<void> {
  await makePrivateDir(home);
  await makePrivateTree(path.join(home, 'logs'));
  try {
    await chmod(path.join(home, 'data'), PRIVATE_DIR_MODE);
  } catch (error) {
    if (!missing(error)) throw error;
  }
}
