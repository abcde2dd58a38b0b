// Running `vnkg` as a user does: a real process against the test Neo4j.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/fixtures.ts';
import { testConnection } from '../support/graph.ts';

export const BIN = path.join(REPO_ROOT, 'bin/vnkg.js');

const run = promisify(execFile);

/** The environment that points `vnkg` at the test database. */
export function vnkgEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { uri, username, password } = testConnection();
  return { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, ...extra };
}

export interface VnkgRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function vnkg(args: string[], env: Record<string, string> = {}): Promise<VnkgRun> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { env: vnkgEnv(env), cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
