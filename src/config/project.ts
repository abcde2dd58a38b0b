// Where the project's own files are (schema.graphql, the Neo4j launcher, assets read at run time),
// for the sources run through tsx and for the server bundle `npm run build` writes to dist/: a
// bundle has one import.meta.url for every module, so a path relative to a module would point
// elsewhere there. The root is the nearest directory above this module holding vnkg's package.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'vnkg') return dir;
    if (path.dirname(dir) === dir) throw new Error(`vnkg's package.json was not found above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The absolute path of a file of the project, from its path in the repository. */
export const projectFile = (...segments: string[]): string => path.join(PROJECT_ROOT, ...segments);
