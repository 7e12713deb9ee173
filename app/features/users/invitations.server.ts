import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, localities, memberships, people, users } from '../../../db/schema/index.ts';
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
  if (!opts.actor.isPlatformAdmin) throw new AppError('FORBIDDEN', 'errors.403.body');
  await createInvitation(db, opts);
}

/**
 * Records an invitation and e-mails its link. The caller has checked who may invite; an
 * organisation, when given, is the one a partner representative or enterprise member will
 * speak for (checked by the caller to be in the locality's directory).
 */
export async function createInvitation(
  db: Db,
  opts: {
    actor: Actor;
    /** personId: a participant invited to self-service (their account is linked on acceptance). */
    input: InviteInput & { organisationId?: string | null; personId?: string | null };
    baseUrl: string;
    mail: MailQueue;
    locale: Locale;
    now?: Date;
  },
): Promise<void> {
  const { actor, input } = opts;
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
      organisationId: input.organisationId ?? null,
      personId: input.personId ?? null,
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
      details: {
        email: input.email,
        role: input.role,
        organisationId: input.organisationId ?? null,
        ...(input.personId ? { personId: input.personId } : {}),
      },
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
  organisationId: string | null;
  personId: string | null;
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
      organisationId: invitations.organisationId,
      personId: invitations.personId,
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
    const membership = {
      userId: userId!,
      localityId: invitation.localityId,
      role: invitation.role,
      organisationId: invitation.organisationId,
    };
    if (invitation.organisationId) {
      // Speaking for an organisation: the invitation's organisation replaces an earlier one.
      await tx
        .insert(memberships)
        .values(membership)
        .onConflictDoUpdate({
          target: [memberships.userId, memberships.localityId, memberships.role],
          set: { organisationId: invitation.organisationId },
        });
    } else {
      await tx.insert(memberships).values(membership).onConflictDoNothing();
    }
    if (invitation.personId) {
      // A participant invited to self-service: the account is linked to their person record.
      const linked = await tx
        .update(people)
        .set({ userId: userId!, updatedAt: now })
        .where(
          and(
            eq(people.id, invitation.personId),
            eq(people.localityId, invitation.localityId),
            isNull(people.erasedAt),
            or(isNull(people.userId), eq(people.userId, userId!)),
          ),
        )
        .returning({ id: people.id });
      if (linked.length === 0) throw new AppError('CONFLICT', 'auth.invitation.unknown');
    }
    await writeAudit(tx, {
      actorUserId: userId,
      localityId: invitation.localityId,
      requestId: opts.requestId,
      action: 'invitation.accept',
      entityType: 'membership',
      entityId: userId,
      details: { role: invitation.role, ...(invitation.personId ? { personId: invitation.personId } : {}) },
    });
  });
  return { userId: userId!, localitySlug: invitation.localitySlug };
}
