import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';

export const TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-template.tar');
export const DEMO_TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-demo-template.tar');

declare module 'vitest' {
  export interface ProvidedContext {
    /** On PostgreSQL: the run's template databases (migrated; migrated and seeded with the demo). */
    pgTemplates: { migrated: string; demo: string } | null;
  }
}

/**
 * Builds the run's templates once; every test file starts its own database from one of them.
 * PGlite: a migrated data directory and one with the demo seeded (~0.5 s to load instead of
 * ~4 s for a new cluster and seconds more for the demo). PostgreSQL: two template databases,
 * copied with CREATE DATABASE … TEMPLATE (a file copy on the server) and dropped at the end.
 */
export default async function globalSetup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const suffix = randomBytes(4).toString('hex');
    const names = { migrated: `splot_tpl_${suffix}`, demo: `splot_tpl_demo_${suffix}` };
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of [names.migrated, names.demo]) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    for (const [name, seed] of [
      [names.migrated, false],
      [names.demo, true],
    ] as const) {
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      const handle = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 2 });
      await handle.migrate();
      if (seed) await seedDemo(handle.db);
      await handle.close();
    }
    project.provide('pgTemplates', names);
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      for (const name of [names.migrated, names.demo]) {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
      await c.end();
    };
  }
  project.provide('pgTemplates', null);
  mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await handle.migrate();
  const dump = await handle.pglite!.dumpDataDir('none');
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  // The same with the demo seeded once: most HTTP suites start from it (seeding every part of
  // three localities takes seconds; loading the copy takes a fraction).
  await seedDemo(handle.db);
  const demo = await handle.pglite!.dumpDataDir('none');
  writeFileSync(DEMO_TEMPLATE_PATH, Buffer.from(await demo.arrayBuffer()));
  await handle.close();
  return undefined;
}
