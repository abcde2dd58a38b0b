// The passwords of the embedded Neo4j's two accounts. They live in owner-only (0600) files in the
// Neo4j home, where the Java launcher (neo4j/src/main/java/vnkg/neo4j/Users.java) reads them at
// start and where any vnkg process of the same user finds them; they never go on a command line,
// which every local user can read in /proc.
import { randomBytes } from 'node:crypto';
import { chmod, link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Neo4jCredentials {
  username: string;
  password: string;
}

export interface EmbeddedAccounts {
  /** `neo4j`: full access; what vnkg itself connects with. */
  admin: Neo4jCredentials;
  /** `reader`: read-only, enforced by the launcher (ReadOnlyUser.java); for exploration tools. */
  reader: Neo4jCredentials;
}

export const ADMIN_USERNAME = 'neo4j';
export const READER_USERNAME = 'reader';
/** File names in the Neo4j home; Users.java uses the same. */
export const ADMIN_PASSWORD_FILE = 'neo4j-password';
export const READER_PASSWORD_FILE = 'reader-password';

/** 256 random bits, URL-safe, no characters a shell or a config file would mangle. */
const newPassword = (): string => randomBytes(32).toString('base64url');

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** The first line of `file`, or null when the file does not exist. */
async function readPassword(file: string): Promise<string | null> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  const password = (content.split('\n', 1)[0] ?? '').trim();
  if (password === '') throw new Error(`The password file ${file} is empty; delete it to have a new password generated.`);
  return password;
}

/**
 * The password in `file`, generated first if the file does not exist. The new file is written
 * whole under a temporary name and then hard-linked into place, which fails if another process
 * got there first: nobody ever reads a half-written password, and two racing starts agree.
 */
async function ensurePasswordFile(file: string): Promise<string> {
  const existing = await readPassword(file);
  if (existing !== null) {
    await chmod(file, 0o600); // a file from before this rule, or copied in: make it private
    return existing;
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${newPassword()}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const password = await readPassword(file);
  if (password === null) throw new Error(`Could not create the password file ${file}.`);
  return password;
}

/** The accounts of the embedded Neo4j in `home`, with passwords generated on first use. */
export async function ensureEmbeddedAccounts(home: string): Promise<EmbeddedAccounts> {
  const [admin, reader] = await Promise.all([
    ensurePasswordFile(path.join(home, ADMIN_PASSWORD_FILE)),
    ensurePasswordFile(path.join(home, READER_PASSWORD_FILE)),
  ]);
  return {
    admin: { username: ADMIN_USERNAME, password: admin },
    reader: { username: READER_USERNAME, password: reader },
  };
}

/** The admin account of the embedded Neo4j in `home`, or null if none was ever created there. */
export async function readEmbeddedAdmin(home: string): Promise<Neo4jCredentials | null> {
  const password = await readPassword(path.join(home, ADMIN_PASSWORD_FILE));
  return password === null ? null : { username: ADMIN_USERNAME, password };
}

/** The read-only account of the embedded Neo4j in `home`, or null if none was ever created there. */
export async function readEmbeddedReader(home: string): Promise<Neo4jCredentials | null> {
  const password = await readPassword(path.join(home, READER_PASSWORD_FILE));
  return password === null ? null : { username: READER_USERNAME, password };
}
