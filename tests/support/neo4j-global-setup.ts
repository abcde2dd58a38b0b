// Starts one real Neo4j for the test run: the embedded one on a fresh temporary store, or the
// server named by VNKG_TEST_NEO4J_URI (tests wipe it, so it is never taken from NEO4J_URI), whose
// account comes from VNKG_TEST_NEO4J_USERNAME (default neo4j) and VNKG_TEST_NEO4J_PASSWORD
// (default empty: a server without authentication).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUsername: string;
    neo4jPassword: string;
    /** The embedded Neo4j's read-only account's password; empty for an external test server. */
    neo4jReaderPassword: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['VNKG_TEST_NEO4J_URI'];
  if (external) {
    project.provide('neo4jUri', external);
    project.provide('neo4jUsername', process.env['VNKG_TEST_NEO4J_USERNAME'] || 'neo4j');
    project.provide('neo4jPassword', process.env['VNKG_TEST_NEO4J_PASSWORD'] ?? '');
    project.provide('neo4jReaderPassword', '');
    return async () => {};
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-test-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir: dir, log: (line) => process.stderr.write(`[neo4j] ${line}\n`) });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUsername', neo4j.credentials.username);
  project.provide('neo4jPassword', neo4j.credentials.password);
  project.provide('neo4jReaderPassword', neo4j.readerCredentials.password);
  return async () => {
    await neo4j.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
