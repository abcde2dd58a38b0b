// Starts one real Neo4j for the test run: the embedded one on a fresh temporary store, or the
// server named by VNKG_TEST_NEO4J_URI (tests wipe it, so it is never taken from NEO4J_URI).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['VNKG_TEST_NEO4J_URI'];
  if (external) {
    project.provide('neo4jUri', external);
    return async () => {};
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-test-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir: dir, log: (line) => process.stderr.write(`[neo4j] ${line}\n`) });
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
