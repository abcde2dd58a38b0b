// The benchmarked servers run as `npm start` runs vnkg: built JavaScript (src/server/bundle.ts),
// not TypeScript through tsx, whose source maps fell on every server's every request. serve.ts
// (all three ways) is bundled the same way.
import { projectFile } from '../../src/config/project.ts';
import { bundleServer } from '../../src/server/bundle.ts';

/** Bundles bench/api/serve.ts into dist/bench/serve.mjs; its path. */
export const buildServe = (): Promise<string> => bundleServer(projectFile('bench', 'api', 'serve.ts'), projectFile('dist', 'bench', 'serve.mjs'));
