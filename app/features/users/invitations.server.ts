import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, localities, memberships, users } from '../../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n, type Locale } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import type { MailQueue } from '../../lib/services.ts';
import { hashToken, newToken } from '../../lib/tokens.server.ts';
import { hashPassword } from '../auth/password.server.ts';
import type { InviteInput } from './users.schema.ts';

export const INVITATION_TTL_DAYS = 7;

/** A platform admin invites a person (by e-mail) to a locality with a role; the link comes by e-mail. */
export async function inviteUser(
  db: Db,
  opts: { actor: Actor; input: InviteInput; baseUrl: string; mail: MailQueue; locale: Locale; now?: Date },
): Promise<void> {
  const { actor, input } = opts;
  if (!actor.isPlatformAdmin) throw new AppError('FORBIDDEN', 'errors.403.body');
  const now = opts.now ?? new Date();
  const [locality] = await db
    .select({ id: localities.id, name: localities.name })
    .from(localities)
    .where(eq(localities.id, input.localityId))
    .limit(1);
  if (!locality)
    throw new AppError(
      'BAD_REQUEST',
      'admin.invite.locality.required',
      {},
      { localityId: 'admin.invite.locality.required' },
    );
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      tokenHash: hashToken(token),
      email: input.email,
      localityId: locality.id,
      role: input.role,
      invitedBy: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
    });
    await writeAudit(tx, {
      actorUserId: actor.userId,
      localityId: locality.id,
      requestId: actor.requestId,
      action: 'invitation.create',
      entityType: 'invitation',
      details: { email: input.email, role: input.role },
    });
  });
  const { t } = getI18n(opts.locale);
  await opts.mail.send({
    to: input.email,
    subject: t('admin.mail.invite.subject', { locality: locality.name }),
    text: t('admin.mail.invite.body', {
      locality: locality.name,
      role: t(`common.role.${input.role}`),
      link: `${opts.baseUrl}/invitation/${token}`,
      days: INVITATION_TTL_DAYS,
    }),
  });
}

export type OpenInvitation = {
  tokenHash: string;
  email: string;
  role: Role;
  localityId: string;
  localityName: string;
  localitySlug: string;
  existingUserId: string | null;
};

/** An invitation that is known, unused and not expired; null otherwise. */
export async function findOpenInvitation(
  db: Db,
  opts: { token: string; now?: Date },
): Promise<OpenInvitation | null> {
  const now = opts.now ?? new Date();
  const [row] = await db
    .select({
      tokenHash: invitations.tokenHash,
      email: invitations.email,
      role: invitations.role,
      localityId: invitations.localityId,
      localityName: localities.name,
      localitySlug: localities.slug,
      existingUserId: users.id,
    })
    .from(invitations)
    .innerJoin(localities, eq(localities.id, invitations.localityId))
    .leftJoin(users, eq(users.email, invitations.email))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(opts.token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row ? { ...row, role: row.role as Role } : null;
}

/**
 * Accepts an invitation: a new person sets their name and password; a person who already
 * has an account must be signed in as that account. Either way they get the role.
 */
export async function acceptInvitation(
  db: Db,
  opts: {
    token: string;
    requestId: string;
    signedInUserId: string | null;
    newAccount?: { name: string; password: string; locale: Locale };
    now?: Date;
  },
): Promise<{ userId: string; localitySlug: string }> {
  const now = opts.now ?? new Date();
  const invitation = await findOpenInvitation(db, { token: opts.token, now });
  if (!invitation) throw new AppError('NOT_FOUND', 'auth.invitation.unknown');
  let userId = invitation.existingUserId;
  if (userId && opts.signedInUserId !== userId)
    throw new AppError('FORBIDDEN', 'auth.invitation.signInFirst');
  const passwordHash = !userId && opts.newAccount ? await hashPassword(opts.newAccount.password) : null;
  if (!userId && !opts.newAccount) throw new AppError('BAD_REQUEST', 'auth.invitation.unknown');
  await db.transaction(async (tx) => {
    const spent = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.tokenHash, invitation.tokenHash), isNull(invitations.acceptedAt)))
      .returning({ tokenHash: invitations.tokenHash });
    if (spent.length === 0) throw new AppError('NOT_FOUND', 'auth.invitation.unknown');
    if (!userId && opts.newAccount) {
      const [created] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          name: opts.newAccount.name,
          passwordHash,
          locale: opts.newAccount.locale,
        })
        .returning({ id: users.id });
      userId = created!.id;
    }
    await tx
      .insert(memberships)
      .values({ userId: userId!, localityId: invitation.localityId, role: invitation.role })
      .onConflictDoNothing();
    await writeAudit(tx, {
      actorUserId: userId,
      localityId: invitation.localityId,
      requestId: opts.requestId,
      action: 'invitation.accept',
      entityType: 'membership',
      entityId: userId,
      details: { role: invitation.role },
    });
  });
  return { userId: userId!, localitySlug: invitation.localitySlug };
}
