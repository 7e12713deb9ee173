import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { referrals, users } from '../../../db/schema/index.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { isLocale } from '../../lib/i18n/catalog.ts';
import {
  completeSchema,
  doneDateProblem,
  type ReferralStatus,
  type RespondInput,
  respondSchema,
  transitionProblem,
} from './referral.rules.ts';
import { answerMail, type Notify, referralLink, sendAll } from './referral-mail.server.ts';
import { canAnswerReferral, referralSide } from './referrals.policy.ts';
import { getReferral, type ReferralRow } from './referrals.queries.server.ts';
import { type Ctx, validate } from './send-referral.server.ts';

const rule = (key: MessageKey, values: Record<string, string> = {}) =>
  new AppError('DOMAIN_RULE', key, values);

/**
 * The referral for a status change, scoped to the locality and to the actor's side: unknown
 * here or none of theirs → 404; the sending organisation cannot answer → 403.
 */
async function requireAnswerable(db: Db, ctx: Ctx & { id: string }): Promise<ReferralRow> {
  const row = await getReferral(db, { localityId: ctx.locality.localityId, id: ctx.id });
  if (!row) throw notFound();
  const side = referralSide(ctx.actor, ctx.locality, row);
  if (!side) throw notFound();
  if (!canAnswerReferral(side)) throw new AppError('FORBIDDEN', 'referrals.respond.notReceiving');
  return row;
}

/** Moves the status only from the one it was read with: a concurrent answer is a conflict, not an overwrite. */
async function move(
  db: Db,
  ctx: Ctx,
  row: ReferralRow,
  to: ReferralStatus,
  set: Partial<typeof referrals.$inferInsert>,
  details: Record<string, unknown>,
) {
  const updated = await db
    .update(referrals)
    .set({ ...set, status: to })
    .where(
      and(
        eq(referrals.id, row.id),
        eq(referrals.localityId, ctx.locality.localityId),
        eq(referrals.status, row.status),
      ),
    )
    .returning({ id: referrals.id });
  if (updated.length === 0) throw new AppError('CONFLICT', 'referrals.transition.changed');
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action: `referral.${to === 'accepted' ? 'accept' : to === 'declined' ? 'decline' : 'done'}`,
    entityType: 'referral',
    entityId: row.id,
    details: { personId: row.personId, from: row.status, to, ...details },
  });
}

/**
 * The receiving side accepts or declines a sent referral (a decline says why); staff may
 * record the answer for an organisation without an account. Accepting needs the consent still
 * in force. The sender hears of the answer by e-mail.
 */
export async function answerReferral(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; notify: Notify },
): Promise<RespondInput['decision']> {
  const input = validate(ctx.values, respondSchema) as RespondInput;
  const row = await db.transaction(async (tx) => {
    const r = await requireAnswerable(tx, ctx);
    const problem = transitionProblem(r.status, input.decision);
    if (problem) throw rule(problem);
    if (input.decision === 'accepted' && (r.consentWithdrawn || r.erased))
      throw rule('referrals.transition.consentWithdrawn', {
        date: dateInputValue(r.consentWithdrawnOn),
      });
    await move(
      tx,
      ctx,
      r,
      input.decision,
      { respondedAt: new Date(), respondedBy: ctx.actor.userId, responseNote: input.responseNote },
      { onBehalf: referralSide(ctx.actor, ctx.locality, r) === 'staff' },
    );
    return r;
  });
  if (ctx.notify && row.sentBy && row.sentBy !== ctx.actor.userId) {
    const [sender] = await db
      .select({ email: users.email, locale: users.locale, active: users.active })
      .from(users)
      .where(eq(users.id, row.sentBy))
      .limit(1);
    if (sender?.active)
      await sendAll(
        ctx.notify.mail,
        [
          answerMail({
            to: { email: sender.email, locale: isLocale(sender.locale) ? sender.locale : 'pl' },
            decision: input.decision,
            toName: row.toName,
            link: referralLink(ctx.notify.baseUrl, ctx.locality.slug, row.id),
          }),
        ],
        { referralId: row.id },
      );
  }
  return input.decision;
}

/** The receiving side (or staff) marks an accepted referral done, with what came of it. */
export async function completeReferral(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; today: string },
): Promise<void> {
  const input = validate(ctx.values, completeSchema);
  await db.transaction(async (tx) => {
    const r = await requireAnswerable(tx, ctx);
    const problem = transitionProblem(r.status, 'done');
    if (problem) throw rule(problem);
    const doneOn = input.doneOn ?? ctx.today;
    const dateProblem = doneDateProblem(doneOn, r.sentOn, ctx.today);
    if (dateProblem)
      throw new AppError(
        'BAD_REQUEST',
        dateProblem,
        {},
        {
          doneOn: { key: dateProblem, values: { date: dateInputValue(r.sentOn) } },
        },
      );
    await move(tx, ctx, r, 'done', { doneOn, outcomeNote: input.outcomeNote }, { doneOn });
  });
}
