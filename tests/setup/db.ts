import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../db/client.ts';

const TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-template.tar');
const DEMO_TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-demo-template.tar');

export type TestDatabase = DatabaseHandle & { dispose(): Promise<void> };

/**
 * A fresh, migrated database for one test file: PGlite from the run's template, or, when
 * DATABASE_URL is set, a new database created on that PostgreSQL server and dropped after.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const blob = new Blob([readFileSync(TEMPLATE_PATH)]);
    const handle = await openDatabase({ pgliteDir: 'memory://', loadDataDir: blob });
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `splot_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 4 });
  await handle.migrate();
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database holding the demo (three localities, every part), as `seedDemo` makes it:
 * on PGlite a copy of the run's seeded template, on PostgreSQL a new database seeded now.
 */
export async function createDemoDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) {
    const t = await createTestDatabase();
    const { seedDemo } = await import('../../db/seed/demo.ts');
    await seedDemo(t.db);
    return t;
  }
  const blob = new Blob([readFileSync(DEMO_TEMPLATE_PATH)]);
  const handle = await openDatabase({ pgliteDir: 'memory://', loadDataDir: blob });
  return { ...handle, dispose: () => handle.close() };
}
