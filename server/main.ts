// The Splot server: Hono hosting the React Router app, on PGlite (./data) or PostgreSQL (DATABASE_URL).
// Run through npm scripts (`npm start`, `npm run dev`) so that the project's Node 24 is used.
import { createServer } from 'node:http';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { ServerBuild } from 'react-router';
import { hasAnyUser } from '../app/features/auth/setup.server.ts';
import { clubPremisesLedger } from '../app/features/club/premises-ledger.server.ts';
import { retentionReview } from '../app/features/data-protection/retention-review.server.ts';
import { sendJobKeepReminders } from '../app/features/enterprises/job-reminders.server.ts';
import { sendAnnualReportReminders } from '../app/features/enterprises/reports/annual-report-reminders.server.ts';
import { sendFinancingReminders } from '../app/features/financing/financing-reminders.server.ts';
import { sendFollowUpReminders } from '../app/features/organisations/contacts.server.ts';
import { sendPlanReviewReminders } from '../app/features/plans/plan-reminders.server.ts';
import { sendProgrammeReminders } from '../app/features/programme/programme-reminders.server.ts';
import { todayInWarsaw } from '../app/lib/i18n/i18n.ts';
import { errorFields, log } from '../app/lib/logger.ts';
import { openDatabase } from '../db/client.ts';
import { DEMO_PASSWORD, DEMO_USERS, hasDemoData, seedDemo } from '../db/seed/demo.ts';
import { createServerApp } from './app.ts';
import { readConfig } from './config.ts';
import { createJobs } from './jobs.ts';
import { createTransport } from './mail.ts';

const dev = process.argv.includes('--dev');
const startedAt = performance.now();
const config = readConfig();

const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: path.join(config.dataDir, 'pglite'),
});
await handle.migrate();

let seeded = false;
if (config.seedDemo && !(await hasAnyUser(handle.db))) {
  seeded = (await seedDemo(handle.db)).created;
}
const showDemoLogins = config.seedDemo && (await hasDemoData(handle.db));
const needsSetup = !(await hasAnyUser(handle.db));

const jobs = createJobs(handle, config.databaseUrl, createTransport(config.smtpUrl, config.mailFrom), {
  followUpReminders: (mail) =>
    sendFollowUpReminders(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  programmeReminders: (mail) =>
    sendProgrammeReminders(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  // Lent club premises: the new month's entry in the in-kind ledger.
  clubPremisesLedger: () => clubPremisesLedger(handle.db, { today: todayInWarsaw() }),
  // Support plans: reviews due soon or overdue (added by the support-plans capability).
  planReviewReminders: (mail) =>
    sendPlanReviewReminders(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  // Data protection: records past retention listed for review (added by the data-protection capability).
  retentionReview: (mail) =>
    retentionReview(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  // ---- issue 6: daily tasks (begin)
  // Enterprises: jobs whose funding obliges keeping them until a date (reminders before it).
  jobKeepReminders: (mail) =>
    sendJobKeepReminders(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  // Financing: application deadlines and grant obligations coming up (once each).
  financingReminders: (mail) =>
    sendFinancingReminders(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  // Social enterprises: the annual report to the voivode (ps.annualReport), once a year.
  annualReportReminders: (mail) =>
    sendAnnualReportReminders(handle.db, {
      mail,
      today: todayInWarsaw(),
      baseUrl: config.app.publicUrl ?? `http://${config.host}:${config.port}`,
    }),
  // ---- issue 6: daily tasks (end)
});
const services = { db: handle.db, mail: jobs.mail, config: config.app };

let build: ServerBuild | (() => Promise<ServerBuild>);
let createHandler: typeof import('react-router').createRequestHandler | undefined;
let viteMiddlewares:
  | ((
      req: import('node:http').IncomingMessage,
      res: import('node:http').ServerResponse,
      next: () => void,
    ) => void)
  | null = null;
if (dev) {
  const vite = await import('vite');
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  viteMiddlewares = viteServer.middlewares;
  build = () => viteServer.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>;
  // The dev build resolves React Router with the "development" condition: use that instance.
  createHandler = ((await viteServer.ssrLoadModule('react-router')) as typeof import('react-router'))
    .createRequestHandler;
} else {
  build = (await import(path.resolve('build/server/index.js'))) as ServerBuild;
}

const { app } = createServerApp({
  build,
  services,
  pingDatabase: async () => {
    await handle.execute('select 1');
  },
  bodyLimitBytes: config.bodyLimitBytes,
  uploadLimitBytes: config.uploadLimitBytes,
  clientDir: dev ? undefined : path.relative(process.cwd(), path.resolve('build/client')),
  mode: dev ? 'development' : 'production',
  createHandler,
});

const listener = getRequestListener(app.fetch);
const server = createServer((req, res) => {
  if (viteMiddlewares) viteMiddlewares(req, res, () => listener(req, res));
  else listener(req, res);
});
server.keepAliveTimeout = 5_000;

server.listen(config.port, config.host, () => {
  const url = `http://${config.host}:${config.port}`;
  log('info', 'server started', {
    url,
    database: handle.kind,
    mode: dev ? 'development' : 'production',
    node: process.version,
    startupMs: Math.round(performance.now() - startedAt),
    seeded,
  });
  const lines = [
    `\n  Splot is running at ${url}  (database: ${handle.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
  ];
  if (showDemoLogins) {
    lines.push(`\n  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) {
      const roles = u.admin ? 'platform admin' : u.roles.map(([l, r]) => `${r} @ ${l}`).join(', ');
      lines.push(`    ${u.email.padEnd(40)} ${roles}`);
    }
  }
  if (needsSetup) {
    lines.push(
      `\n  No accounts yet: open ${url}/setup once, or run: npm run admin:create -- --email you@example.org --name "Full Name"`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  // Start the job queue after we are listening: it must not delay the first request.
  jobs.start().catch((error) => log('error', 'job queue failed to start', errorFields(error)));
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log('info', 'shutting down', { signal });
  const force = setTimeout(() => {
    log('error', 'shutdown timed out; exiting');
    process.exit(1);
  }, 15_000);
  force.unref();
  // Stop accepting connections; in-flight requests finish, idle keep-alive sockets close.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  try {
    await jobs.stop();
  } catch (error) {
    log('error', 'job queue stop failed', errorFields(error));
  }
  await handle.close();
  log('info', 'stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
