import { availableParallelism } from 'node:os';
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
    // Vitest's default (cores − 1) leaves one of a 2-core machine's cores idle; suites are
    // CPU-bound in their own database (PGlite in the worker, or a PostgreSQL backend).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Files reuse their worker's loaded modules (the app's server build and the database
    // client): importing them again for each of ~120 files took a third of the run (PGlite
    // 352 s → 155 s, PostgreSQL 206 s → 117 s, measured). Each file still opens its own
    // database, so no test data is shared; module state that tests change is reset by them.
    isolate: false,
    reporters: ['default', 'json'],
    // CI overrides this with --outputFile.json=… per run.
    outputFile: { json: '.vitest-results.json' },
  },
});
