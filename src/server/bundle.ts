// The server as `npm start` runs it: one JavaScript bundle of its sources (packages stay in
// node_modules), run by plain Node. Not through tsx, which turns source maps on for the process:
// neo4j-driver formats a stack trace for every result it creates, and mapping each frame of it
// cost 15–25 % of the Node CPU of a request (bench/README.md, "Built JavaScript"). The map is
// written beside the bundle: `NODE_OPTIONS=--enable-source-maps npm start` gives stack traces in
// the TypeScript sources, and CPU profiles are read through it (bench/api/cpu-profile.ts).
import { build } from 'esbuild';
import { projectFile } from '../config/project.ts';

export const SERVER_BUNDLE = projectFile('dist', 'server.mjs');

/** Bundles `entry` (the server's main module unless given) into `outfile`; its path. */
export async function bundleServer(entry = projectFile('src', 'server', 'main.ts'), outfile = SERVER_BUNDLE): Promise<string> {
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', sourcemap: true, outfile, logLevel: 'warning' });
  return outfile;
}
