import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/client.ts';

const TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-template.tar');
const DEMO_TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-demo-template.tar');

export type TestDatabase = DatabaseHandle & { dispose(): Promise<void> };

/**
 * A fresh, migrated database for one test file: PGlite from the run's template, or, when
 * DATABASE_URL is set, a new database on that server copied from the run's template database
 * (see global-setup.ts) and dropped after.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  return fresh('migrated');
}

async function fresh(kind: 'migrated' | 'demo'): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const blob = new Blob([readFileSync(kind === 'demo' ? DEMO_TEMPLATE_PATH : TEMPLATE_PATH)]);
    const handle = await openDatabase({ pgliteDir: 'memory://', loadDataDir: blob });
    return { ...handle, dispose: () => handle.close() };
  }
  const templates = inject('pgTemplates');
  const name = `splot_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // A copy of the run's template (migrated, or with the demo), made by the server itself.
  await admin.query(
    templates ? `CREATE DATABASE ${name} TEMPLATE ${templates[kind]}` : `CREATE DATABASE ${name}`,
  );
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 4 });
  if (!templates) {
    await handle.migrate();
    if (kind === 'demo') {
      const { seedDemo } = await import('../../db/seed/demo.ts');
      await seedDemo(handle.db);
    }
  }
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
 * on PGlite a copy of the run's seeded template, on PostgreSQL a copy of the seeded template database.
 */
export async function createDemoDatabase(): Promise<TestDatabase> {
  return fresh('demo');
}
