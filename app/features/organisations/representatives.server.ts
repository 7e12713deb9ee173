import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, memberships, organisations, users } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type Locale, todayInWarsaw } from '../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../lib/services.ts';
import { createInvitation } from '../users/invitations.server.ts';
import { canManageRepresentatives } from './organisation.policy.ts';
import { isRepresentativeRole, REPRESENTATIVE_ROLES, type RepresentativeRole } from './organisation.rules.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

function assertManage(ctx: Ctx) {
  if (!canManageRepresentatives(ctx.actor, ctx.locality))
    throw new AppError('FORBIDDEN', 'organisations.representatives.cannotManage');
}

async function requireOrganisation(db: Db, ctx: Ctx, organisationId: string) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!org) throw new AppError('NOT_FOUND', 'errors.404.body');
  return org;
}

export type Representative = { userId: string; name: string; email: string; role: RepresentativeRole };

/**
 * The organisation's representatives with an account, the invitations still open for it, and
 * (for the coordinator's "link an account" list) the locality's holders of those roles: three
 * statements whatever the size.
 */
export async function representativesOf(
  db: Db,
  opts: { localityId: string; organisationId: string; now?: Date },
): Promise<{
  linked: Representative[];
  /** `expiresOn`: the Warsaw calendar day the invitation expires (ISO). */
  pending: { email: string; role: RepresentativeRole; expiresOn: string }[];
  candidates: (Representative & { organisationName: string | null })[];
}> {
  const now = opts.now ?? new Date();
  const [holders, pending] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        organisationId: memberships.organisationId,
        organisationName: organisations.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(
        and(
          eq(memberships.localityId, opts.localityId),
          inArray(memberships.role, [...REPRESENTATIVE_ROLES]),
          eq(users.active, true),
        ),
      )
      .orderBy(asc(users.name)),
    db
      .select({ email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          eq(invitations.localityId, opts.localityId),
          eq(invitations.organisationId, opts.organisationId),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .orderBy(asc(invitations.email)),
  ]);
  const typed = holders.map((h) => ({ ...h, role: h.role as RepresentativeRole }));
  return {
    linked: typed
      .filter((h) => h.organisationId === opts.organisationId)
      .map(({ userId, name, email, role }) => ({ userId, name, email, role })),
    pending: pending.map((p) => ({
      email: p.email,
      role: p.role as RepresentativeRole,
      expiresOn: todayInWarsaw(p.expiresAt),
    })),
    candidates: typed
      .filter((h) => h.organisationId !== opts.organisationId)
      .map(({ userId, name, email, role, organisationName }) => ({
        userId,
        name,
        email,
        role,
        organisationName,
      })),
  };
}

/**
 * Links an account that holds a representative role in this locality to the organisation it
 * speaks for (replacing an earlier organisation for that role).
 */
export async function linkRepresentative(
  db: Db,
  ctx: Ctx & { organisationId: string; userId: string; role: string },
): Promise<void> {
  assertManage(ctx);
  if (!isRepresentativeRole(ctx.role))
    throw new AppError(
      'BAD_REQUEST',
      'organisations.representatives.chooseAccount',
      {},
      { representative: 'organisations.representatives.chooseAccount' },
    );
  const org = await requireOrganisation(db, ctx, ctx.organisationId);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(memberships)
      .set({ organisationId: org.id })
      .where(
        and(
          eq(memberships.userId, ctx.userId),
          eq(memberships.localityId, ctx.locality.localityId),
          eq(memberships.role, ctx.role),
        ),
      )
      .returning({ userId: memberships.userId });
    if (updated.length === 0)
      throw new AppError(
        'BAD_REQUEST',
        'organisations.representatives.chooseAccount',
        {},
        { representative: 'organisations.representatives.chooseAccount' },
      );
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'representative.link',
      entityType: 'organisation',
      entityId: org.id,
      details: { userId: ctx.userId, role: ctx.role },
    });
  });
}

/** The account no longer speaks for the organisation (it keeps its role in the locality). */
export async function unlinkRepresentative(
  db: Db,
  ctx: Ctx & { organisationId: string; userId: string; role: string },
): Promise<void> {
  assertManage(ctx);
  const org = await requireOrganisation(db, ctx, ctx.organisationId);
  if (!isRepresentativeRole(ctx.role)) throw new AppError('BAD_REQUEST', 'errors.400.body');
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(memberships)
      .set({ organisationId: null })
      .where(
        and(
          eq(memberships.userId, ctx.userId),
          eq(memberships.localityId, ctx.locality.localityId),
          eq(memberships.role, ctx.role),
          eq(memberships.organisationId, org.id),
        ),
      )
      .returning({ userId: memberships.userId });
    if (updated.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'representative.unlink',
      entityType: 'organisation',
      entityId: org.id,
      details: { userId: ctx.userId, role: ctx.role },
    });
  });
}

/** The coordinator invites a person by e-mail to speak for the organisation. */
export async function inviteRepresentative(
  db: Db,
  ctx: Ctx & {
    organisationId: string;
    email: string;
    role: RepresentativeRole;
    baseUrl: string;
    mail: MailQueue;
    locale: Locale;
    now?: Date;
  },
): Promise<void> {
  assertManage(ctx);
  const org = await requireOrganisation(db, ctx, ctx.organisationId);
  await createInvitation(db, {
    actor: ctx.actor,
    input: { email: ctx.email, role: ctx.role, localityId: ctx.locality.localityId, organisationId: org.id },
    baseUrl: ctx.baseUrl,
    mail: ctx.mail,
    locale: ctx.locale,
    now: ctx.now,
  });
}
