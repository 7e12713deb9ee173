import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { loginAttempts, users } from '../../../db/schema/index.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { verifyPassword } from './password.server.ts';

/** Login throttling, kept in the database so it holds across app processes and restarts. */
export const THROTTLE = { windowMinutes: 15, maxPerAccount: 5, maxPerAddress: 20 } as const;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryMinutes: number };

async function recentFailures(
  db: Db,
  scope: 'account' | 'address',
  key: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.scope, scope),
        eq(loginAttempts.key, key),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
    );
  return row?.n ?? 0;
}

export async function login(
  db: Db,
  opts: { email: string; password: string; ip: string; requestId: string; now?: Date },
): Promise<LoginResult> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    recentFailures(db, 'account', opts.email, since),
    recentFailures(db, 'address', opts.ip, since),
  ]);
  if (byAccount >= THROTTLE.maxPerAccount || byAddress >= THROTTLE.maxPerAddress) {
    return { ok: false, reason: 'throttled', retryMinutes: THROTTLE.windowMinutes };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, opts.email))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, opts.password);
  const ok = Boolean(user?.active) && passwordOk;
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values([
      { scope: 'account', key: opts.email, succeeded: ok, at: now },
      { scope: 'address', key: opts.ip, succeeded: ok, at: now },
    ]);
    if (ok && user) {
      // A successful login clears the account's failure count.
      await tx
        .delete(loginAttempts)
        .where(
          and(
            eq(loginAttempts.scope, 'account'),
            eq(loginAttempts.key, opts.email),
            eq(loginAttempts.succeeded, false),
          ),
        );
    }
    await writeAudit(tx, {
      actorUserId: user?.id ?? null,
      localityId: null,
      requestId: opts.requestId,
      action: ok ? 'auth.login' : 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      details: ok ? {} : { email: opts.email },
    });
  });
  return ok && user ? { ok: true, userId: user.id } : { ok: false, reason: 'invalid' };
}
