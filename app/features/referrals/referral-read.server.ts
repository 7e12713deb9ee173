import type { Db } from '../../../db/client.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { auditParticipantRead } from '../participants/participants.server.ts';
import { type ReferralSide, sharedFor } from './referral.rules.ts';
import { canSeeReferralsInbox, referralSide } from './referrals.policy.ts';
import { getReferral } from './referrals.queries.server.ts';
import type { Ctx } from './send-referral.server.ts';

function audit(db: Db, ctx: Ctx, action: string, entityId: string | null, details: Record<string, unknown>) {
  return writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'referral',
    entityId,
    details,
  });
}

/** Refused looks are audited too: no inbox here → 403; a referral unknown here or none of theirs → 404. */
export async function refuseReferralRead(
  db: Db,
  ctx: Ctx & { id: string | null; reason: 'role' | 'unknown' | 'not_party' },
) {
  await audit(db, ctx, 'referral.read_refused', ctx.id?.slice(0, 64) ?? null, { reason: ctx.reason });
}

/**
 * One referral as the actor's side may see it: staff the whole of it, an organisation only
 * what the referral shares (nothing personal once the consent is withdrawn). Every read,
 * and every refusal, is audited ('referral.read' / 'referral.read_refused'). Two statements.
 */
export async function readReferral(db: Db, ctx: Ctx & { id: string }) {
  if (!canSeeReferralsInbox(ctx.actor, ctx.locality)) {
    await refuseReferralRead(db, { ...ctx, reason: 'role' });
    throw new AppError('FORBIDDEN', 'errors.403.body');
  }
  const row = await getReferral(db, { localityId: ctx.locality.localityId, id: ctx.id });
  const side: ReferralSide | null = row ? referralSide(ctx.actor, ctx.locality, row) : null;
  if (!row || !side) {
    await refuseReferralRead(db, { ...ctx, reason: row ? 'not_party' : 'unknown' });
    throw notFound();
  }
  const shared = sharedFor(side, row);
  await audit(db, ctx, 'referral.read', row.id, {
    personId: row.personId,
    side,
    personalData: !shared.hidden,
  });
  // The person's data was shown: the coordinator's "who looked at whom" lists it with the rest.
  if (!shared.hidden) await auditParticipantRead(db, { ...ctx, id: row.personId, purpose: 'referral' });
  return { row, side, shared };
}

/** A representative's look at the inbox lists names: audited as one row with the referrals shown. */
export async function auditInboxRead(db: Db, ctx: Ctx & { referralIds: string[] }) {
  await audit(db, ctx, 'referral.read', null, { page: 'inbox', referralIds: ctx.referralIds });
}
