import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (`main`) and ESM (`module`) builds; Node and Apollo load the first,
    // Vite would pick the second. Two copies of graphql fail its instanceof checks.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j for the whole run, started here (tests/support/neo4j-global-setup.ts).
    globalSetup: ['tests/support/neo4j-global-setup.ts'],
    // Integration files share that database and reset it; running files one at a time keeps them apart.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
