// Where each benchmarked server's Node time goes, from the profiles `npm run bench -- --cpu-prof DIR`
// wrote: self time grouped by who runs it (graphql-js, Apollo, the driver, Express, vnkg's own
// code, Node's HTTP and sockets, garbage collection). Per request: divide by the requests served.
//   npx tsx bench/api/cpu-profile.ts DIR
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
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

async function summarize(file: string): Promise<Map<string, number>> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const group = groupOf(byId.get(id)!);
    ms.set(group, (ms.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return ms;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx bench/api/cpu-profile.ts DIR (written by npm run bench -- --cpu-prof DIR)');
  for (const server of (await readdir(dir)).sort()) {
    const files = (await readdir(path.join(dir, server))).filter((f) => f.endsWith('.cpuprofile'));
    const total = new Map<string, number>();
    for (const file of files) for (const [group, ms] of await summarize(path.join(dir, server, file))) total.set(group, (total.get(group) ?? 0) + ms);
    total.delete('idle');
    const busy = [...total.values()].reduce((a, b) => a + b, 0);
    console.log(`\n## ${server}: ${(busy / 1000).toFixed(1)} s of CPU (idle left out), ${files.length} profile(s)\n`);
    console.log('| who | s | share |\n| --- | ---: | ---: |');
    for (const [group, ms] of [...total].sort((a, b) => b[1] - a[1])) console.log(`| ${group} | ${(ms / 1000).toFixed(2)} | ${((100 * ms) / busy).toFixed(1)} % |`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
