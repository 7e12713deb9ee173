// npm run db:seed -- --scale demo|city|national
import path from 'node:path';
import { openDatabase } from '../client.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.ts';
import { SCALES, type Scale, seedScale } from './scale.ts';

const arg = process.argv.indexOf('--scale');
const scale = (arg >= 0 ? process.argv[arg + 1] : 'demo') as Scale;
if (!SCALES.includes(scale)) {
  console.error(`Unknown scale "${scale}". Use one of: ${SCALES.join(', ')}`);
  process.exit(2);
}
const started = performance.now();
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  pgliteDir: path.join(path.resolve(process.env.DATA_DIR || './data'), 'pglite'),
});
await handle.migrate();
await seedScale(handle.db, scale);
await handle.close();
console.log(`Seeded scale "${scale}" in ${Math.round(performance.now() - started)} ms.`);
console.log(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
