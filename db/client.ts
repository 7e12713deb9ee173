import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type every server function takes first: a connection or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, 'migrations');
/** Arbitrary constant key for the advisory lock held while migrating. */
const MIGRATION_LOCK_KEY = 72_260_104;

/**
 * Counts SQL statements per request (read by the server for Server-Timing and benchmarks).
 * Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) is not counted: node-postgres sends
 * it through the logger and PGlite does not, and the same code should count the same on both.
 */
export const sqlCounter = new AsyncLocalStorage<{ count: number }>();
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i;
const countingLogger = {
  logQuery(query: string) {
    const store = sqlCounter.getStore();
    if (store && !TRANSACTION_CONTROL.test(query)) store.count += 1;
  },
};

/** Runs raw SQL with positional parameters; pg-boss and health checks use it. */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Db;
  execute: SqlExecutor;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Present for PGlite only (tests snapshot it). */
  pglite?: PGlite;
};

export type OpenOptions = {
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://`. */
  pgliteDir?: string;
  /** A PGlite data-directory dump to start from (tests). */
  loadDataDir?: Blob | File;
  /** PGlite's shared_buffers (e.g. `32MB`); PGlite's own default of 128MB costs ~250 MB of RSS. */
  pgliteSharedBuffers?: string;
  poolSize?: number;
};

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(
    options.pgliteDir ?? './data/pglite',
    options.loadDataDir,
    options.pgliteSharedBuffers ?? '32MB',
  );
}

async function openPglite(
  dir: string,
  loadDataDir: Blob | File | undefined,
  sharedBuffers: string,
): Promise<DatabaseHandle> {
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers))
    throw new Error(`PGLITE_SHARED_BUFFERS must look like 32MB, not "${sharedBuffers}"`);
  const client = await PGlite.create(dir, {
    ...(loadDataDir ? { loadDataDir } : {}),
    // PGlite's data is in memory (or the OS cache): an index probe costs about as much as reading
    // the next row, so the planner should not avoid nested loops over indexes (participant search).
    postgresqlconf: [`shared_buffers=${sharedBuffers}`, 'random_page_cost=1.1'],
    // Trigram indexes for name search (migration 0011); PostgreSQL has it in contrib.
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, { schema, logger: countingLogger }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    execute: async (text, values) => {
      const res = await client.query<Record<string, unknown>>(text, values);
      return { rows: res.rows };
    },
    migrate: async () => {
      // PGlite is one connection in one process: no other migrator can run at once.
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    // An idle client died (server restart): the pool replaces it on next use.
  });
  const db = drizzleNodePg(pool, { schema, logger: countingLogger }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    execute: async (text, values) => {
      const res = await pool.query(text, values);
      return { rows: res.rows };
    },
    migrate: async () => {
      // Two app processes starting together must not both migrate: hold an advisory lock
      // on one connection for the whole run; the second waits, then finds nothing to do.
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg(conn), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        conn.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
