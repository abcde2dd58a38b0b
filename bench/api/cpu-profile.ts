// Where each benchmarked server's Node time goes, from the profiles `npm run bench -- --cpu-prof DIR`
// wrote: self time grouped by who runs it (graphql-js, Apollo, the driver, Express, vnkg's own
// code, Node's HTTP and sockets, garbage collection), then the functions of src/ with the share of
// all CPU spent in them and what they call (inclusive). Per request: divide by the requests served.
//   npx tsx bench/api/cpu-profile.ts DIR [--top N]
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Who a function belongs to, by where its code lives; the first rule that matches wins. */
const GROUPS: Array<[RegExp, string]> = [
  [/node_modules\/graphql\//, 'graphql-js (parse, validate, execute)'],
  [/node_modules\/@apollo\/|node_modules\/@as-integrations\//, 'Apollo Server'],
  [/node_modules\/@escape\.tech\//, 'GraphQL Armor'],
  [/node_modules\/neo4j-driver/, 'neo4j-driver (Bolt, decoding)'],
  [/node_modules\/@neo4j\/graphql/, '@neo4j/graphql'],
  [/node_modules\/(express|router|body-parser|raw-body|compression|cors|finalhandler|send|on-finished|qs|type-is|content-type)\//, 'Express and middleware'],
  [/node_modules\/dataloader\//, 'DataLoader'],
  [/node_modules\/pino/, 'pino'],
  [/node_modules\//, 'other packages'],
  [/\/src\//, "vnkg's code (src/)"],
  [/\/bench\//, 'bench server code'],
  [/^node:|^internal\/|^$/, 'Node (HTTP, sockets, JSON, built-ins)'],
];

function groupOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'Node (HTTP, sockets, JSON, built-ins)';
  return GROUPS.find(([re]) => re.test(url))?.[1] ?? 'other';
}

/** vnkg's own sources (packages built from a src/ folder of theirs are left out). */
const isSource = (url: string) => /\/src\//.test(url) && !url.includes('/node_modules/');

const sourceMaps = new Map<string, SourceMap | null>();

/** The map written beside a file (the bench runs its servers bundled: serve-build.ts), if any. */
function sourceMapOf(url: string): SourceMap | null {
  if (!sourceMaps.has(url)) {
    const file = url.startsWith('file:') ? `${fileURLToPath(url)}.map` : '';
    sourceMaps.set(url, file && existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : null);
  }
  return sourceMaps.get(url)!;
}

/** Gives a frame that ran in built code the URL of the source file its code came from. */
function toSource(node: ProfileNode): void {
  const frame = node.callFrame;
  const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && 'originalSource' in entry) frame.url = new URL(entry.originalSource, frame.url).href;
}

/** Self time by group, and time inside each function of src/ (its callees included), in ms. */
async function summarize(file: string): Promise<{ groups: Map<string, number>; inclusive: Map<string, number> }> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  profile.nodes.forEach(toSource);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const groups = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const group = groupOf(node);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    if (group === 'idle') return;
    const seen = new Set<string>(); // a recursive function counts once per sample
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      if (!isSource(url)) continue;
      const name = `${functionName || '(anonymous)'} ${url.slice(url.lastIndexOf('/src/') + 1)}`;
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      seen.add(name);
    }
  });
  return { groups, inclusive };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx bench/api/cpu-profile.ts DIR [--top N] (DIR written by npm run bench -- --cpu-prof DIR)');
  const topAt = process.argv.indexOf('--top');
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 25;
  for (const server of (await readdir(dir)).sort()) {
    const files = (await readdir(path.join(dir, server))).filter((f) => f.endsWith('.cpuprofile'));
    const total = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (const file of files) {
      const summary = await summarize(path.join(dir, server, file));
      for (const [group, ms] of summary.groups) total.set(group, (total.get(group) ?? 0) + ms);
      for (const [name, ms] of summary.inclusive) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
    total.delete('idle');
    const busy = [...total.values()].reduce((a, b) => a + b, 0);
    console.log(`\n## ${server}: ${(busy / 1000).toFixed(1)} s of CPU (idle left out), ${files.length} profile(s)\n`);
    console.log('| who | s | share |\n| --- | ---: | ---: |');
    for (const [group, ms] of [...total].sort((a, b) => b[1] - a[1])) console.log(`| ${group} | ${(ms / 1000).toFixed(2)} | ${((100 * ms) / busy).toFixed(1)} % |`);
    if (inclusive.size === 0) continue;
    console.log(`\nFunctions of src/, with what they call (share of all ${server}'s CPU):\n\n| function | share |\n| --- | ---: |`);
    for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${name} | ${((100 * ms) / busy).toFixed(1)} % |`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
