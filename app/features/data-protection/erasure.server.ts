import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  adviceSessions,
  appointments,
  erasureRequests,
  invitations,
  labourStatuses,
  meetingParticipants,
  memberships,
  participantCategories,
  participantConsents,
  participants,
  people,
  referrals,
  sessions,
  supportOutcomes,
  supportPlanActions,
  supportPlanReviews,
  supportPlanSteps,
  supportPlans,
  users,
  volunteers,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../lib/services.ts';
import { canManageDataProtection, canRequestErasure } from './data-protection.policy.ts';
import { NOTE_MAX } from './erasure.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Ctx = { actor: Actor; locality: ActorLocality };

/** The refusal the person (or staff recording their request) reads. */
const openPlanError = () =>
  new AppError(
    'DOMAIN_RULE',
    'participants.dp.erasure.openPlan',
    {},
    { _form: 'participants.dp.erasure.openPlan' },
  );
/** The same rule in the coordinator's words, when they try to erase. */
const openPlanStaffError = () =>
  new AppError(
    'DOMAIN_RULE',
    'participants.dp.erasure.openPlanStaff',
    {},
    { _form: 'participants.dp.erasure.openPlanStaff' },
  );

function audit(db: Db, ctx: Ctx, action: string, personId: string, details: Record<string, unknown>) {
  return writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'participant',
    entityId: personId,
    details,
  });
}

/** The person in this locality, not erased (row-locked inside a transaction), or null. */
async function lockPerson(db: Db, localityId: string, personId: string) {
  if (!UUID.test(personId)) return null;
  const [row] = await db
    .select({ id: people.id, userId: people.userId })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.localityId, localityId), isNull(people.erasedAt)))
    .for('update')
    .limit(1);
  return row ?? null;
}

/** Whether the person has a support plan that is not closed (it keeps their data). */
export async function hasOpenPlan(db: Db, localityId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: supportPlans.id })
    .from(supportPlans)
    .where(
      and(
        eq(supportPlans.personId, personId),
        eq(supportPlans.localityId, localityId),
        ne(supportPlans.step, 'closed'),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Thrown inside a transaction to roll it back; the refusal is audited after. */
class OpenPlan extends Error {}

/**
 * The person (or staff on their behalf) asks to be erased (GDPR art. 17). Refused while they
 * have an open support plan: nothing is saved but an audit entry 'erasure.refused'. A second
 * request while one is pending is not duplicated. Otherwise a pending request is recorded and
 * audited, and the locality's coordinators get an e-mail saying only that a request waits.
 */
export async function requestErasure(
  db: Db,
  opts: Ctx & { personId: string; mail?: MailQueue; baseUrl?: string },
): Promise<{ requestId: string; created: boolean }> {
  const ctx = { actor: opts.actor, locality: opts.locality };
  const localityId = opts.locality.localityId;
  const bySelf = { value: false };
  let result: { requestId: string; created: boolean };
  try {
    result = await db.transaction(async (tx) => {
      const person = await lockPerson(tx, localityId, opts.personId);
      if (!person || !canRequestErasure(opts.actor, opts.locality, person)) throw notFound();
      bySelf.value = person.userId === opts.actor.userId;
      if (await hasOpenPlan(tx, localityId, person.id)) throw new OpenPlan();
      const [pending] = await tx
        .select({ id: erasureRequests.id })
        .from(erasureRequests)
        .where(
          and(
            eq(erasureRequests.personId, person.id),
            eq(erasureRequests.localityId, localityId),
            eq(erasureRequests.status, 'pending'),
          ),
        )
        .limit(1);
      if (pending) return { requestId: pending.id, created: false };
      const [row] = await tx
        .insert(erasureRequests)
        .values({ localityId, personId: person.id, requestedBy: opts.actor.userId, status: 'pending' })
        .returning({ id: erasureRequests.id });
      await audit(tx, ctx, 'erasure.requested', person.id, { requestId: row!.id, bySelf: bySelf.value });
      return { requestId: row!.id, created: true };
    });
  } catch (error) {
    if (error instanceof OpenPlan) {
      await audit(db, ctx, 'erasure.refused', opts.personId, { reason: 'open_plan', bySelf: bySelf.value });
      throw openPlanError();
    }
    throw error;
  }
  if (result.created && opts.mail) await notifyCoordinators(db, { ...opts, mail: opts.mail });
  return result;
}

/** "A request is waiting" to each active coordinator of the locality, in their language. */
async function notifyCoordinators(
  db: Db,
  opts: { locality: ActorLocality; mail: MailQueue; baseUrl?: string },
): Promise<void> {
  const recipients = await db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.localityId, opts.locality.localityId),
        eq(memberships.role, 'coordinator'),
        eq(users.active, true),
      ),
    );
  const link = `${opts.baseUrl ?? ''}/app/${opts.locality.slug}/data-protection`;
  for (const r of recipients) {
    const { t } = getI18n((r.locale === 'en' ? 'en' : 'pl') satisfies Locale);
    await opts.mail.send({
      to: r.email,
      subject: t('participants.dp.mail.request.subject'),
      text: t('participants.dp.mail.request.body', { locality: opts.locality.name, link }),
    });
  }
}

/** The coordinator refuses a pending request, with a reason the person will read. */
export async function refuseErasure(
  db: Db,
  opts: Ctx & { requestId: string; reason: string },
): Promise<void> {
  if (!canManageDataProtection(opts.actor, opts.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const reason = opts.reason.trim();
  if (!reason)
    throw new AppError(
      'BAD_REQUEST',
      'participants.dp.erasure.invalid',
      {},
      {
        reason: 'participants.dp.erasure.reason.required',
      },
    );
  if (reason.length > NOTE_MAX)
    throw new AppError(
      'BAD_REQUEST',
      'participants.dp.erasure.invalid',
      {},
      {
        reason: 'participants.dp.erasure.note.tooLong',
      },
    );
  if (!UUID.test(opts.requestId)) throw notFound();
  await db.transaction(async (tx) => {
    const [req] = await tx
      .update(erasureRequests)
      .set({ status: 'refused', decidedAt: new Date(), decidedBy: opts.actor.userId, decisionNote: reason })
      .where(
        and(
          eq(erasureRequests.id, opts.requestId),
          eq(erasureRequests.localityId, opts.locality.localityId),
          eq(erasureRequests.status, 'pending'),
        ),
      )
      .returning({ personId: erasureRequests.personId });
    if (!req) throw notFound();
    await audit(tx, opts, 'erasure.refused', req.personId, { reason: 'decision', requestId: opts.requestId });
  });
}

/**
 * Erases a person (GDPR art. 17) as anonymisation, in one transaction: names, contact, PESEL
 * and every free-text note about them are blanked, the account link and the participant
 * account's membership removed (its sessions ended), and the record marked erased. The rows
 * stay, so statistics (participants by gender and age band, categories, outcomes, volunteer
 * hours, the club's annual report) keep counting the person. Coordinator or platform admin
 * only; refused while the person has an open support plan. A pending request is marked done
 * (or a done request recorded when staff erase on their own review).
 */
export async function erasePerson(
  db: Db,
  opts: Ctx & { personId: string; requestId?: string | null; note: string },
): Promise<void> {
  if (!canManageDataProtection(opts.actor, opts.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const note = opts.note.trim();
  if (note.length > NOTE_MAX)
    throw new AppError(
      'BAD_REQUEST',
      'participants.dp.erasure.invalid',
      {},
      {
        note: 'participants.dp.erasure.note.tooLong',
      },
    );
  const localityId = opts.locality.localityId;
  const requestId = opts.requestId && UUID.test(opts.requestId) ? opts.requestId : null;
  if (opts.requestId && !requestId) throw notFound();
  try {
    await db.transaction(async (tx) => {
      const person = await lockPerson(tx, localityId, opts.personId);
      if (!person) throw notFound();
      if (await hasOpenPlan(tx, localityId, person.id)) throw new OpenPlan();
      const id = person.id;
      const now = new Date();
      const mine = <T extends { personId: unknown; localityId: unknown }>(t: T) =>
        and(eq(t.personId as typeof people.id, id), eq(t.localityId as typeof people.localityId, localityId));

      if (requestId) {
        const [req] = await tx
          .select({ status: erasureRequests.status })
          .from(erasureRequests)
          .where(and(eq(erasureRequests.id, requestId), mine(erasureRequests)))
          .limit(1);
        if (!req) throw notFound();
        if (req.status !== 'pending')
          throw new AppError(
            'CONFLICT',
            'participants.dp.erasure.request.notPending',
            {},
            {
              _form: 'participants.dp.erasure.request.notPending',
            },
          );
      }

      await tx
        .update(people)
        .set({
          givenName: '',
          familyName: '',
          email: '',
          phone: '',
          basisNote: '',
          userId: null,
          erasedAt: now,
          updatedAt: now,
        })
        .where(eq(people.id, id));
      // The birth date keeps only its year (set to 1 July, mid-year), so the EU age band
      // (under 18, 18–29, 30–54, 55+) in statistics stays right within a few months while
      // the exact date, which with the name would identify the person, is gone.
      await tx
        .update(participants)
        .set({
          pesel: '',
          birthDate: sql`case when ${participants.birthDate} is null then null
            else make_date(extract(year from ${participants.birthDate})::int, 7, 1) end`,
          closedReason: '',
          updatedAt: now,
        })
        .where(mine(participants));
      await tx.update(participantConsents).set({ note: '' }).where(mine(participantConsents));
      await tx.update(participantCategories).set({ evidence: '' }).where(mine(participantCategories));
      await tx.update(labourStatuses).set({ note: '' }).where(mine(labourStatuses));
      const plans = await tx
        .update(supportPlans)
        .set({ needs: '', goals: '', closingNote: '', updatedAt: now })
        .where(mine(supportPlans))
        .returning({ id: supportPlans.id });
      const planIds = plans.map((p) => p.id);
      if (planIds.length > 0) {
        await tx.update(supportPlanSteps).set({ note: '' }).where(inArray(supportPlanSteps.planId, planIds));
        await tx
          .update(supportPlanActions)
          .set({ description: '' })
          .where(inArray(supportPlanActions.planId, planIds));
        await tx
          .update(supportPlanReviews)
          .set({ note: '' })
          .where(inArray(supportPlanReviews.planId, planIds));
      }
      await tx.update(supportOutcomes).set({ note: '' }).where(mine(supportOutcomes));
      await tx
        .update(adviceSessions)
        .set({ topic: '', notes: '', updatedAt: now })
        .where(mine(adviceSessions));
      await tx.update(appointments).set({ topic: '', preferredTimes: '' }).where(mine(appointments));
      await tx
        .update(referrals)
        .set({ reason: '', sharedNote: '', responseNote: '', outcomeNote: '' })
        .where(mine(referrals));
      await tx
        .update(volunteers)
        .set({ skills: '', agreementScope: '', updatedAt: now })
        .where(mine(volunteers));
      await tx.update(meetingParticipants).set({ name: '', email: '' }).where(mine(meetingParticipants));
      await tx
        .delete(invitations)
        .where(and(eq(invitations.personId, id), eq(invitations.localityId, localityId)));

      const accountRemoved = person.userId ? await detachAccount(tx, person.userId, localityId, now) : false;

      const done = await tx
        .update(erasureRequests)
        .set({ status: 'done', decidedAt: now, decidedBy: opts.actor.userId, decisionNote: note })
        .where(and(mine(erasureRequests), eq(erasureRequests.status, 'pending')))
        .returning({ id: erasureRequests.id });
      let decided = done.map((d) => d.id);
      if (decided.length === 0) {
        const [row] = await tx
          .insert(erasureRequests)
          .values({
            localityId,
            personId: id,
            requestedBy: opts.actor.userId,
            status: 'done',
            decidedAt: now,
            decidedBy: opts.actor.userId,
            decisionNote: note,
          })
          .returning({ id: erasureRequests.id });
        decided = [row!.id];
      }
      await audit(tx, opts, 'participant.erased', id, { requestIds: decided, accountRemoved });
    });
  } catch (error) {
    if (error instanceof OpenPlan) {
      await audit(db, opts, 'erasure.refused', opts.personId, { reason: 'open_plan', bySelf: false });
      throw openPlanStaffError();
    }
    throw error;
  }
}

/**
 * Removes the participant membership of the erased person's account here and ends its
 * sessions. An account left with no role anywhere (and not a platform admin) is anonymised
 * and deactivated too: its name and e-mail are personal data.
 */
async function detachAccount(tx: Db, userId: string, localityId: string, now: Date): Promise<boolean> {
  await tx
    .delete(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.localityId, localityId),
        eq(memberships.role, 'participant'),
      ),
    );
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const [user] = await tx
    .select({ admin: users.isPlatformAdmin })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user || user.admin || (left?.n ?? 0) > 0) return false;
  await tx
    .update(users)
    .set({
      name: '',
      email: `erased-${userId}@erased.invalid`,
      passwordHash: null,
      active: false,
      deactivatedAt: now,
    })
    .where(eq(users.id, userId));
  return true;
}
