import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 30_000,
    // Suites seed the whole demo (three localities, every part) in beforeAll.
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    // CI overrides this with --outputFile.json=… per run.
    outputFile: { json: '.vitest-results.json' },
  },
});
