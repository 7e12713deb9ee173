import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end suite (`npm run test:e2e`): one real Splot server for the whole run
 * (started in the global setup), Debian's Chromium through playwright-core, axe on every page.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // One server, shared data: spec files run one after another.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
