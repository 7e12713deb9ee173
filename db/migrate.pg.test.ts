import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

const url = process.env.DATABASE_URL;

describe.runIf(url)('migrations on PostgreSQL', () => {
  it('let two app processes start together: one migrates under the lock, the other waits', async () => {
    const name = `splot_lock_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    const a = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 2 });
    const b = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 2 });
    try {
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      const applied = await a.execute('select count(*)::int as n from drizzle.__drizzle_migrations');
      const { rows: files } = await a.execute('select count(*)::int as n from teryt_gminas');
      expect(applied.rows[0]!.n).toBeGreaterThanOrEqual(2);
      expect(files[0]!.n).toBe(2477);
    } finally {
      await a.close();
      await b.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
