import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations, partnershipMembers, partnerships } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { canManagePartnership } from './partnership.policy.ts';
import type { MemberRole } from './partnership.rules.ts';
import type { PartnershipInput } from './partnership.schema.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

function assertManage({ actor, locality }: Ctx) {
  if (!canManagePartnership(actor, locality))
    throw new AppError('FORBIDDEN', 'partnerships.errors.cannotManage');
}

async function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  entityId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'partnership',
    entityId,
    details,
  });
}

async function requirePartnership(db: Db, ctx: Ctx, id: string) {
  const [row] = await db
    .select({ id: partnerships.id, version: partnerships.version })
    .from(partnerships)
    .where(and(eq(partnerships.id, id), eq(partnerships.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/** An organisation of this locality's directory; another locality's id is refused like an unknown one. */
async function requireOrganisation(db: Db, ctx: Ctx, organisationId: string, field: string) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!org)
    throw new AppError(
      'BAD_REQUEST',
      'partnerships.members.organisation.unknown',
      {},
      { [field]: 'partnerships.members.organisation.unknown' },
    );
  return org;
}

export async function savePartnership(
  db: Db,
  ctx: Ctx & { id?: string; input: PartnershipInput },
): Promise<string> {
  assertManage(ctx);
  return db.transaction(async (tx) => {
    if (ctx.id) {
      const p = await requirePartnership(tx, ctx, ctx.id);
      await tx
        .update(partnerships)
        .set({ ...ctx.input, version: p.version + 1, updatedAt: new Date() })
        .where(eq(partnerships.id, p.id));
      await audit(tx, ctx, 'partnership.update', p.id, { name: ctx.input.name });
      return p.id;
    }
    const [row] = await tx
      .insert(partnerships)
      .values({ ...ctx.input, localityId: ctx.locality.localityId })
      .returning({ id: partnerships.id });
    await audit(tx, ctx, 'partnership.create', row!.id, { name: ctx.input.name });
    return row!.id;
  });
}

export async function addMember(
  db: Db,
  ctx: Ctx & {
    partnershipId: string;
    organisationId: string;
    role: Exclude<MemberRole, 'leader'>;
    joinedOn: string | null;
  },
) {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    await requirePartnership(tx, ctx, ctx.partnershipId);
    const org = await requireOrganisation(tx, ctx, ctx.organisationId, 'organisationId');
    const added = await tx
      .insert(partnershipMembers)
      .values({
        localityId: ctx.locality.localityId,
        partnershipId: ctx.partnershipId,
        organisationId: org.id,
        role: ctx.role,
        joinedOn: ctx.joinedOn,
      })
      .onConflictDoNothing()
      .returning({ id: partnershipMembers.id });
    if (added.length === 0)
      throw new AppError(
        'CONFLICT',
        'partnerships.members.already',
        { name: org.name },
        { organisationId: { key: 'partnerships.members.already', values: { name: org.name } } },
      );
    await audit(tx, ctx, 'partnership.member_add', ctx.partnershipId, {
      organisationId: org.id,
      role: ctx.role,
    });
  });
}

export async function removeMember(db: Db, ctx: Ctx & { partnershipId: string; memberId: string }) {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const [m] = await tx
      .select({
        id: partnershipMembers.id,
        role: partnershipMembers.role,
        organisationId: partnershipMembers.organisationId,
      })
      .from(partnershipMembers)
      .where(
        and(
          eq(partnershipMembers.id, ctx.memberId),
          eq(partnershipMembers.partnershipId, ctx.partnershipId),
          eq(partnershipMembers.localityId, ctx.locality.localityId),
        ),
      )
      .limit(1);
    if (!m) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (m.role === 'leader') throw new AppError('DOMAIN_RULE', 'partnerships.members.cannotRemoveLeader');
    await tx.delete(partnershipMembers).where(eq(partnershipMembers.id, m.id));
    await audit(tx, ctx, 'partnership.member_remove', ctx.partnershipId, {
      organisationId: m.organisationId,
    });
  });
}

/**
 * Designates the leader organisation by a recorded decision (what and when). The organisation
 * becomes (or stays) a member with the leader role; a previous leader stays as a partner.
 */
export async function designateLeader(
  db: Db,
  ctx: Ctx & {
    partnershipId: string;
    organisationId: string;
    decision: string;
    decidedOn: string;
    today: string;
  },
) {
  assertManage(ctx);
  if (ctx.decidedOn > ctx.today) {
    throw new AppError(
      'DOMAIN_RULE',
      'partnerships.leader.date.future',
      {},
      { decidedOn: 'partnerships.leader.date.future' },
    );
  }
  await db.transaction(async (tx) => {
    const p = await requirePartnership(tx, ctx, ctx.partnershipId);
    const org = await requireOrganisation(tx, ctx, ctx.organisationId, 'leaderOrganisationId');
    await tx
      .update(partnershipMembers)
      .set({ role: 'partner' })
      .where(
        and(
          eq(partnershipMembers.partnershipId, p.id),
          eq(partnershipMembers.role, 'leader'),
          ne(partnershipMembers.organisationId, org.id),
        ),
      );
    await tx
      .insert(partnershipMembers)
      .values({
        localityId: ctx.locality.localityId,
        partnershipId: p.id,
        organisationId: org.id,
        role: 'leader',
        joinedOn: ctx.decidedOn,
      })
      .onConflictDoUpdate({
        target: [partnershipMembers.partnershipId, partnershipMembers.organisationId],
        set: { role: 'leader' },
      });
    await tx
      .update(partnerships)
      .set({
        leaderOrganisationId: org.id,
        leaderDecision: ctx.decision,
        leaderDecidedOn: ctx.decidedOn,
        version: p.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(partnerships.id, p.id));
    await audit(tx, ctx, 'partnership.designate_leader', p.id, {
      organisationId: org.id,
      decision: ctx.decision,
      decidedOn: ctx.decidedOn,
    });
  });
}

export async function setPublicProgress(db: Db, ctx: Ctx & { partnershipId: string; value: boolean }) {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const p = await requirePartnership(tx, ctx, ctx.partnershipId);
    await tx
      .update(partnerships)
      .set({ publicProgress: ctx.value, version: p.version + 1 })
      .where(eq(partnerships.id, p.id));
    await audit(tx, ctx, ctx.value ? 'partnership.publish' : 'partnership.unpublish', p.id);
  });
}
