import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { passwordResets, users } from '../../../db/schema/index.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n, type Locale } from '../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../lib/services.ts';
import { destroyUserSessions } from '../../lib/session.server.ts';
import { hashToken, newToken } from '../../lib/tokens.server.ts';
import { hashPassword } from './password.server.ts';

export const RESET_TTL_MINUTES = 60;

/**
 * Sends a reset link if the address belongs to an active account. The caller shows the
 * same answer either way, so nobody can probe which addresses have accounts.
 */
export async function requestPasswordReset(
  db: Db,
  opts: { email: string; baseUrl: string; mail: MailQueue; requestId: string; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  const [user] = await db
    .select({ id: users.id, locale: users.locale, active: users.active })
    .from(users)
    .where(eq(users.email, opts.email))
    .limit(1);
  if (!user?.active) return;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000),
    });
    await writeAudit(tx, {
      actorUserId: user.id,
      localityId: null,
      requestId: opts.requestId,
      action: 'auth.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
  });
  const { t } = getI18n(user.locale as Locale);
  const link = `${opts.baseUrl}/password/reset/${token}`;
  await opts.mail.send({
    to: opts.email,
    subject: t('auth.mail.reset.subject'),
    text: t('auth.mail.reset.body', { link, minutes: RESET_TTL_MINUTES }),
  });
}

/** Whether a reset link is still usable (unknown, used and expired links are not). */
export async function findValidReset(db: Db, opts: { token: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const [row] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(opts.token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Sets the new password, spends the link, and signs the user out everywhere. */
export async function resetPassword(
  db: Db,
  opts: { token: string; password: string; requestId: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  const valid = await findValidReset(db, { token: opts.token, now });
  if (!valid) throw new AppError('BAD_REQUEST', 'auth.reset.expired');
  const passwordHash = await hashPassword(opts.password);
  await db.transaction(async (tx) => {
    const spent = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(opts.token)), isNull(passwordResets.usedAt)))
      .returning({ userId: passwordResets.userId });
    if (spent.length === 0) throw new AppError('BAD_REQUEST', 'auth.reset.expired');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, valid.userId));
    await destroyUserSessions(tx, valid.userId);
    await writeAudit(tx, {
      actorUserId: valid.userId,
      localityId: null,
      requestId: opts.requestId,
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: valid.userId,
    });
  });
  return { userId: valid.userId };
}
