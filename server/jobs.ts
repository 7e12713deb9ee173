import { fromPglite, PgBoss } from 'pg-boss';
import { errorFields, log } from '../app/lib/logger.ts';
import type { Mail, MailQueue } from '../app/lib/services.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { MailTransport } from './mail.ts';

const EMAIL_QUEUE = 'email';

export type Jobs = { mail: MailQueue; start(): Promise<void>; stop(): Promise<void> };

/**
 * Background jobs on pg-boss, in the same PostgreSQL (PGlite included). E-mail goes through
 * the queue so a slow or failing SMTP server never holds up a request, and retries.
 * The queue starts after the server listens; mail sent before then waits for it.
 */
export function createJobs(
  handle: DatabaseHandle,
  databaseUrl: string | undefined,
  transport: MailTransport,
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
  return {
    mail: {
      async send(mail: Mail) {
        await ready;
        await boss.send(EMAIL_QUEUE, mail, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
      },
    },
    async start() {
      await boss.start();
      await boss.createQueue(EMAIL_QUEUE).catch(() => undefined);
      await boss.work<Mail>(EMAIL_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await transport.deliver(job.data);
      });
      started = true;
      resolveReady();
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
