// `vnkg import` against `vnkg ingest`: the same articles, each into an embedded store of its own,
// must give the same graph, node for node and property for property (types included; only the
// wall-clock `ingestedAt` is left out). Then: a store with articles is refused, untouched, and a
// broken article file is reported while the others are imported.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, toJsonLine } from '../../bench/corpus/generator.ts';
import { GraphDatabase } from '../../src/graph/database.ts';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded.ts';
import { REPO_ROOT, SEED_FILE } from '../support/fixtures.ts';
import { dumpGraph, type GraphDump } from '../support/graph-dump.ts';
import { BIN, vnkgEnv } from './vnkg.ts';

const run = promisify(execFile);
const TIMEOUT = 600_000;

interface Run {
  code: number;
  stderr: string;
}

/** Reads the whole graph of an embedded store (no vnkg process may be using it). */
async function dumpStore(dataDir: string): Promise<GraphDump> {
  const neo4j = await startEmbeddedNeo4j({ dataDir: path.join(dataDir, 'neo4j') });
  const db = GraphDatabase.connect({ uri: neo4j.uri, username: neo4j.credentials.username, password: neo4j.credentials.password, database: undefined });
  try {
    return await dumpGraph(db, { gazetteer: true, ignore: ['ingestedAt'] });
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

describe('vnkg import', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let inputs: string[];
  let imported: Run;
  let importedDump: GraphDump;

  const vnkg = (args: string[], dataDir: string): Promise<Run> =>
    run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...env, VNKG_DATA_DIR: dataDir }, timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vnkg-import-'));
    // No NEO4J_URI: both commands use an embedded store of their own; a state dir of their own too.
    env = { ...process.env, XDG_STATE_HOME: path.join(dir, 'state') };
    for (const name of ['NEO4J_URI', 'VNKG_DATA_DIR', 'NEO4J_USERNAME', 'NEO4J_PASSWORD']) delete env[name];

    const articles = generateCorpus(18, 12);
    const first = articles[0]!;
    // The same text under other addresses: its figures are stated by several articles (sources,
    // primary statement by date, an undated one last).
    articles.push({ ...first, url: `${first.url}?reprint=1`, publishedAt: '2019-03-04T08:00:00+07:00' });
    const folder = path.join(dir, 'articles');
    await mkdir(folder);
    await cp(SEED_FILE, path.join(folder, path.basename(SEED_FILE)));
    // Not UTF-8: reported by both commands, which go on with the rest.
    await writeFile(path.join(folder, 'broken.txt'), Buffer.from([0x54, 0x69, 0xea, 0x75, 0x0a, 0xff, 0xfe]));
    const lines = path.join(dir, 'articles.jsonl');
    const undated = JSON.stringify({ title: first.title, text: first.text, url: `${first.url}?undated=1` });
    await writeFile(lines, `${articles.map(toJsonLine).join('')}${undated}\n`);
    inputs = [folder, lines];

    imported = await vnkg(['import', ...inputs], path.join(dir, 'imported'));
    importedDump = await dumpStore(path.join(dir, 'imported'));
  }, TIMEOUT);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a broken article file and imports the others', () => {
    expect(imported.stderr).toContain(`${path.join(dir, 'articles', 'broken.txt')}`);
    expect(imported.stderr).toMatch(/22 articles: 21 imported, 0 repeated, 1 skipped/);
    expect(imported.code).toBe(1);
  });

  it('writes the graph vnkg ingest writes, node for node, property for property', async () => {
    // Small batches, so that entities, relations and figures are merged across transactions too.
    const ingested = await vnkg(['ingest', '--batch-size', '4', ...inputs], path.join(dir, 'ingested'));
    expect(ingested.stderr).toContain('21 written');
    const ingestedDump = await dumpStore(path.join(dir, 'ingested'));
    expect(importedDump.nodes.filter((n) => n.labels.includes('Article'))).toHaveLength(21);
    // The cases the import aggregates itself are there: a figure three articles state, an entity without aliases.
    const has = (key: string, test: (v: unknown) => boolean) => importedDump.nodes.some((n) => n.props.some(([k, v]) => k === key && test(v)));
    expect(has('sourceCount', (v) => Number(v) === 3)).toBe(true);
    expect(has('aliases', (v) => Array.isArray(v) && v.length === 0)).toBe(true);
    expect(importedDump.nodes.length).toBe(ingestedDump.nodes.length);
    expect(importedDump.rels.length).toBe(ingestedDump.rels.length);
    expect(importedDump).toEqual(ingestedDump);
  }, TIMEOUT);

  it('refuses a store that holds articles, and writes nothing', async () => {
    const again = await vnkg(['import', SEED_FILE], path.join(dir, 'imported'));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`The store in ${path.join(dir, 'imported')} already holds articles`);
    expect(again.stderr).toContain('vnkg ingest');
    expect(await dumpStore(path.join(dir, 'imported'))).toEqual(importedDump);
  }, TIMEOUT);

  it('refuses an external Neo4j (NEO4J_URI), pointing to vnkg ingest', async () => {
    const res = await run(process.execPath, [BIN, 'import', SEED_FILE], { cwd: REPO_ROOT, env: vnkgEnv() }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cannot load into the Neo4j at \S+ \(NEO4J_URI\); use vnkg ingest there\./);
  });
});
