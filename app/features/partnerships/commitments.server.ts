import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { commitments, inKindEntries, partnershipMembers, partnerships } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { canEditCommitment } from './partnership.policy.ts';
import { type CommitmentKind, inKindKindOf, UNITS } from './partnership.rules.ts';
import type { CommitmentInput } from './partnership.schema.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

/** The member (of this partnership, in this locality) a commitment belongs to. */
async function requireMember(db: Db, ctx: Ctx, partnershipId: string, memberId: string) {
  const [m] = await db
    .select({ id: partnershipMembers.id, organisationId: partnershipMembers.organisationId })
    .from(partnershipMembers)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMembers.partnershipId))
    .where(
      and(
        eq(partnershipMembers.id, memberId),
        eq(partnershipMembers.partnershipId, partnershipId),
        eq(partnerships.localityId, ctx.locality.localityId),
      ),
    )
    .limit(1);
  if (!m)
    throw new AppError(
      'BAD_REQUEST',
      'partnerships.commitments.member.required',
      {},
      { memberId: 'partnerships.commitments.member.required' },
    );
  return m;
}

function checkCommitment(input: CommitmentInput) {
  if (input.periodFrom && input.periodTo && input.periodTo < input.periodFrom) {
    throw new AppError(
      'DOMAIN_RULE',
      'partnerships.commitments.periodOrder',
      {},
      { periodTo: 'partnerships.commitments.periodOrder' },
    );
  }
  const units = UNITS[input.kind as CommitmentKind];
  if (input.kind === 'money' && !input.valuePln) {
    throw new AppError(
      'DOMAIN_RULE',
      'partnerships.commitments.moneyAmount',
      {},
      { valuePln: 'partnerships.commitments.moneyAmount' },
    );
  }
  if (input.quantity && input.kind !== 'money' && !units.includes(input.unit)) {
    throw new AppError(
      'DOMAIN_RULE',
      'partnerships.commitments.unit.required',
      {},
      { unit: 'partnerships.commitments.unit.required' },
    );
  }
}

/** Records a commitment: the partnership's manager for any member, a partner representative for their own organisation. */
export async function addCommitment(
  db: Db,
  ctx: Ctx & { partnershipId: string; input: CommitmentInput },
): Promise<string> {
  checkCommitment(ctx.input);
  return db.transaction(async (tx) => {
    const member = await requireMember(tx, ctx, ctx.partnershipId, ctx.input.memberId);
    if (!canEditCommitment(ctx.actor, ctx.locality, member))
      throw new AppError('FORBIDDEN', 'partnerships.errors.notYourCommitment');
    const i = ctx.input;
    const [row] = await tx
      .insert(commitments)
      .values({
        localityId: ctx.locality.localityId,
        partnershipId: ctx.partnershipId,
        memberId: member.id,
        kind: i.kind,
        description: i.description,
        quantity: i.quantity,
        unit: i.kind === 'money' ? 'pln' : i.quantity ? i.unit : '',
        valuePln: i.valuePln,
        periodFrom: i.periodFrom,
        periodTo: i.periodTo,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: commitments.id });
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'commitment.create',
      entityType: 'commitment',
      entityId: row!.id,
      details: { kind: i.kind, organisationId: member.organisationId },
    });
    return row!.id;
  });
}

/**
 * Marks a commitment delivered. A commitment delivered in kind (not money) enters the
 * locality's in-kind ledger with its value, so the cost-reduction report counts it.
 */
export async function deliverCommitment(
  db: Db,
  ctx: Ctx & { partnershipId: string; commitmentId: string; deliveredOn: string; today: string },
) {
  if (ctx.deliveredOn > ctx.today) {
    throw new AppError(
      'DOMAIN_RULE',
      'partnerships.commitments.deliveredFuture',
      {},
      { deliveredOn: 'partnerships.commitments.deliveredFuture' },
    );
  }
  await db.transaction(async (tx) => {
    const [c] = await tx
      .select({
        id: commitments.id,
        status: commitments.status,
        kind: commitments.kind,
        description: commitments.description,
        valuePln: commitments.valuePln,
        periodFrom: commitments.periodFrom,
        periodTo: commitments.periodTo,
        organisationId: partnershipMembers.organisationId,
      })
      .from(commitments)
      .innerJoin(partnershipMembers, eq(partnershipMembers.id, commitments.memberId))
      .where(
        and(
          eq(commitments.id, ctx.commitmentId),
          eq(commitments.partnershipId, ctx.partnershipId),
          eq(commitments.localityId, ctx.locality.localityId),
        ),
      )
      .limit(1);
    if (!c) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!canEditCommitment(ctx.actor, ctx.locality, c))
      throw new AppError('FORBIDDEN', 'partnerships.errors.notYourCommitment');
    if (c.status === 'delivered') throw new AppError('CONFLICT', 'partnerships.commitments.alreadyDelivered');
    await tx
      .update(commitments)
      .set({ status: 'delivered', deliveredOn: ctx.deliveredOn })
      .where(eq(commitments.id, c.id));
    const ledgerKind = inKindKindOf(c.kind as CommitmentKind);
    if (ledgerKind) {
      await tx
        .insert(inKindEntries)
        .values({
          localityId: ctx.locality.localityId,
          kind: ledgerKind,
          description: c.description,
          valuePln: c.valuePln ?? '0',
          organisationId: c.organisationId,
          occurredFrom: c.periodFrom ?? ctx.deliveredOn,
          occurredTo: c.periodTo,
          source: 'commitment',
          sourceId: c.id,
        })
        .onConflictDoNothing();
    }
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'commitment.deliver',
      entityType: 'commitment',
      entityId: c.id,
      details: { deliveredOn: ctx.deliveredOn, inKind: Boolean(ledgerKind) },
    });
  });
}
