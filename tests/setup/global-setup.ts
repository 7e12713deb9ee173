import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/client.ts';

export const TEMPLATE_PATH = path.resolve('tests/.tmp/pglite-template.tar');

/**
 * Builds one migrated PGlite data directory for the whole run; every test file starts its
 * own database from it (~0.5 s instead of ~4 s for a new cluster). Skipped on PostgreSQL.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await handle.migrate();
  const dump = await handle.pglite!.dumpDataDir('none');
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}
