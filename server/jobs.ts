import { fromPglite, PgBoss } from 'pg-boss';
import { errorFields, log } from '../app/lib/logger.ts';
import type { Mail, MailQueue } from '../app/lib/services.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { MailTransport } from './mail.ts';

const EMAIL_QUEUE = 'email';
const FOLLOW_UP_QUEUE = 'follow-up-reminders';

export type Jobs = { mail: MailQueue; start(): Promise<void>; stop(): Promise<void> };

/** Daily tasks run by the queue (each a tested use case; the queue only decides when). */
export type DailyTasks = { followUpReminders: (mail: MailQueue) => Promise<number> };

/**
 * Background jobs on pg-boss, in the same PostgreSQL (PGlite included). E-mail goes through
 * the queue so a slow or failing SMTP server never holds up a request, and retries.
 * The queue starts after the server listens; mail sent before then waits for it.
 */
export function createJobs(
  handle: DatabaseHandle,
  databaseUrl: string | undefined,
  transport: MailTransport,
  daily?: DailyTasks,
): Jobs {
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: 'pglite', schema: 'pgboss' })
    : new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 3 });
  boss.on('error', (error) => log('error', 'job queue error', errorFields(error)));
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let started = false;
  const mail: MailQueue = {
    async send(message: Mail) {
      await ready;
      await boss.send(EMAIL_QUEUE, message, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
    },
  };
  return {
    mail,
    async start() {
      await boss.start();
      await boss.createQueue(EMAIL_QUEUE).catch(() => undefined);
      await boss.work<Mail>(EMAIL_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await transport.deliver(job.data);
      });
      started = true;
      resolveReady();
      if (daily) {
        // Follow-up reminders every morning at 7:00 Warsaw time.
        await boss.createQueue(FOLLOW_UP_QUEUE).catch(() => undefined);
        await boss.schedule(FOLLOW_UP_QUEUE, '0 7 * * *', null, { tz: 'Europe/Warsaw' });
        await boss.work(FOLLOW_UP_QUEUE, async () => {
          const sent = await daily.followUpReminders(mail);
          log('info', 'follow-up reminders sent', { sent });
        });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
