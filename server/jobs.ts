import { fromPglite, PgBoss } from 'pg-boss';
import { errorFields, log } from '../app/lib/logger.ts';
import type { Mail, MailQueue } from '../app/lib/services.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { MailTransport } from './mail.ts';

const EMAIL_QUEUE = 'email';
const DAILY_QUEUE_PREFIX = 'daily-';

export type Jobs = { mail: MailQueue; start(): Promise<void>; stop(): Promise<void> };

/**
 * Daily tasks run by the queue at 7:00 Warsaw time, each in its own queue so one failing task
 * never stops another (each a tested use case; the queue only decides when). The number a
 * task returns (e.g. reminders sent) is logged.
 */
export type DailyTasks = Record<string, (mail: MailQueue) => Promise<number>>;

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
      // Before daily tasks had their own queues, follow-ups were scheduled under this name.
      await boss.unschedule('follow-up-reminders').catch(() => undefined);
      for (const [name, task] of Object.entries(daily ?? {})) {
        const queue = `${DAILY_QUEUE_PREFIX}${name}`;
        await boss.createQueue(queue).catch(() => undefined);
        await boss.schedule(queue, '0 7 * * *', null, { tz: 'Europe/Warsaw' });
        await boss.work(queue, async () => {
          const count = await task(mail);
          log('info', 'daily task done', { task: name, count });
        });
        // Also once shortly after every start: a server that was down at 07:00 (a laptop, a
        // restart) does not skip that day's reminders. Every task is idempotent within a day
        // (what it sends or books is marked), so a second run the same day adds nothing.
        await boss.send(queue, null, { startAfter: 5 });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
