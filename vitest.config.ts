import { defineConfig } from 'vitest/config';

export default defineConfig({
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
