import type { Actor } from '../../app/lib/actor.ts';
import { DEFAULT_CONFIG, type Mail, type MailQueue, type Services } from '../../app/lib/services.ts';
import type { Db } from '../../db/client.ts';

/** A mail queue that keeps what was sent, so tests can read the links in it. */
export function recordingMail(): MailQueue & { sent: Mail[]; lastLink(): string | null } {
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
    },
    lastLink() {
      const last = sent.at(-1);
      return last ? (/https?:\/\/\S+/.exec(last.text)?.[0] ?? null) : null;
    },
  };
}

export function testServices(db: Db, mail: MailQueue = recordingMail()): Services {
  return { db, mail, config: { ...DEFAULT_CONFIG } };
}

export function actorFor(
  user: { id: string; email?: string },
  opts: Partial<Omit<Actor, 'userId'>> = {},
): Actor {
  return {
    userId: user.id,
    name: opts.name ?? 'Test',
    email: opts.email ?? user.email ?? 'test@example.test',
    isPlatformAdmin: opts.isPlatformAdmin ?? false,
    locale: opts.locale ?? 'pl',
    memberships: opts.memberships ?? [],
    requestId: opts.requestId ?? 'test-request',
  };
}
