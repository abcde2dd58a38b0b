// Worker threads that run this repository's TypeScript sources, as the main thread does.
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker on `module` (a .ts file). The worker first registers tsx's loader in its own
 * thread, as bin/vnkg.js does for the main thread: a worker inherits neither the loader
 * bin/vnkg.js registered through tsx's API nor vitest's, and with `--import tsx` in its execArgv
 * Node 20 still loaded a worker's .ts entry without it (ERR_UNKNOWN_FILE_EXTENSION). tsx is
 * resolved from here, so any working directory works.
 */
export function startTypeScriptWorker(module: URL): Worker {
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsxApi}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
