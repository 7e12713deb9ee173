import path from 'node:path';
import { materialStorageSettingsFromEnv } from '../app/features/education/materials/storage.server.ts';
import type { AppConfig } from '../app/lib/services.ts';

export type ServerConfig = {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  pgliteSharedBuffers: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** Seed the three demo localities into an empty database (default: only on PGlite). */
  seedDemo: boolean;
  app: AppConfig;
};

function int(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Every environment variable the server reads (the README lists them too). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env.PORT, 3000),
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    pgliteSharedBuffers: env.PGLITE_SHARED_BUFFERS || '32MB',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Splot <no-reply@splot.local>',
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 6 * 1_048_576),
    // A 20 MB material (education.materialFiles) with the form around it.
    uploadLimitBytes: int(env.UPLOAD_LIMIT_BYTES, 21 * 1_048_576),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === '1' || env.SEED_DEMO === 'true' : !databaseUrl,
    app: {
      publicUrl: env.PUBLIC_URL || null,
      sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 120),
      sessionMaxHours: int(env.SESSION_MAX_HOURS, 12),
      trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
      materialStorage: materialStorageSettingsFromEnv(env),
    },
  };
}
