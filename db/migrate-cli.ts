// npm run db:migrate: applies committed migrations (the app also does this at start, under a lock).
import path from 'node:path';
import { openDatabase } from './client.ts';

const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: path.join(path.resolve(process.env.DATA_DIR || './data'), 'pglite'),
});
await handle.migrate();
await handle.close();
console.log('Migrations applied.');
