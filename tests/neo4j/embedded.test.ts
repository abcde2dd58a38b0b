import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded.ts';
import { prepareEmbeddedNeo4j } from '../../src/neo4j/prepare.ts';

/** Runs one auto-commit query and returns the records as plain objects. */
async function query(uri: string, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery(cypher, params);
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

describe('embedded Neo4j', () => {
  let dataDir: string;
  const running: EmbeddedNeo4j[] = [];
  const logLines: string[] = [];
  const log = (line: string): void => {
    logLines.push(line);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'vnkg-neo4j-test-'));
    // First run on a machine: Maven downloads Neo4j (~100 MB) and compiles the launcher.
    const started = Date.now();
    await prepareEmbeddedNeo4j();
    console.log(`[neo4j test] prepare: ${Date.now() - started} ms`);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(running.map((db) => db.stop()));
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('serves Bolt, stops cleanly and restarts on the same store', async () => {
    let t = Date.now();
    const first = await startEmbeddedNeo4j({ dataDir, log });
    running.push(first);
    console.log(`[neo4j test] start #1 (new store) to ready: ${Date.now() - t} ms, ${first.uri}`);
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);

    const [one] = await query(first.uri, 'RETURN 1 AS n');
    expect(neo4j.integer.toNumber(one?.n as number)).toBe(1);

    const marker = `vnkg-${process.pid}-${Date.now()}`;
    await query(first.uri, 'CREATE (:EmbeddedTest {marker: $marker, title: $title})', {
      marker,
      title: 'Tin tức Hà Nội',
    });

    t = Date.now();
    await first.stop();
    console.log(`[neo4j test] stop #1: ${Date.now() - t} ms`);
    await first.stop(); // idempotent

    // A store left locked would make this start fail.
    t = Date.now();
    const second = await startEmbeddedNeo4j({ dataDir, log });
    running.push(second);
    console.log(`[neo4j test] start #2 (existing store) to ready: ${Date.now() - t} ms`);

    const rows = await query(second.uri, 'MATCH (n:EmbeddedTest {marker: $marker}) RETURN n.title AS title', {
      marker,
    });
    expect(rows).toEqual([{ title: 'Tin tức Hà Nội' }]);

    t = Date.now();
    await second.stop();
    console.log(`[neo4j test] stop #2: ${Date.now() - t} ms`);
    expect(logLines.some((line) => line.includes('shut down cleanly'))).toBe(true);
  }, 300_000);

  it('reports a clear error when the store is already in use', async () => {
    const holder = await startEmbeddedNeo4j({ dataDir, log });
    running.push(holder);
    try {
      await expect(startEmbeddedNeo4j({ dataDir, startTimeoutMs: 120_000 })).rejects.toThrow(
        /exited with code 1 before it was ready/,
      );
    } finally {
      await holder.stop();
    }
  }, 300_000);
});
