// npm run admin:create -- --email ada@gmina.pl --name "Ada Nowak"
// Creates the first platform administrator of an empty deployment. The password is read
// from ADMIN_PASSWORD, or generated and printed once.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createFirstAdmin } from '../app/features/auth/setup.server.ts';
import { AppError } from '../app/lib/errors.ts';
import { openDatabase } from '../db/client.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const email = arg('email')?.trim().toLowerCase();
const name = arg('name')?.trim();
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !name) {
  console.error('Usage: npm run admin:create -- --email you@example.org --name "Full Name"');
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString('base64url');
if (password.length < 10) {
  console.error('ADMIN_PASSWORD must be at least 10 characters.');
  process.exit(2);
}
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: path.join(path.resolve(process.env.DATA_DIR || './data'), 'pglite'),
});
await handle.migrate();
try {
  await createFirstAdmin(handle.db, { email, name, password, requestId: null });
  console.log(`Platform administrator created: ${email}`);
  if (!process.env.ADMIN_PASSWORD) console.log(`Password (shown once): ${password}`);
} catch (error) {
  if (error instanceof AppError) {
    console.error('This database already has accounts; the first administrator exists. Nothing was changed.');
    process.exitCode = 1;
  } else throw error;
} finally {
  await handle.close();
}
