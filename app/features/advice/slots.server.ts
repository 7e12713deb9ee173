import { and, asc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { adviceSlots, appointments, organisations, people, users } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { parseDateInput } from '../../lib/dates.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { isAdviceKind, isAdviceStaff, isAdvisor } from './advice.policy.ts';
import { auditAdvice, bookSlot, isUniqueViolation, type Notify, UUID } from './appointments.server.ts';
import { addDays, warsawToInstant } from './warsaw-time.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

const bad = (errors: Record<string, FieldError>) =>
  new AppError('BAD_REQUEST', 'advice.form.invalid', {}, errors);

export type SlotValues = {
  date: string;
  time: string;
  minutes: string;
  kind: string;
  place: string;
  repeat: string;
};

/**
 * Creates the signed-in advisor's slots: one, or the same time weekly for N weeks. All or none:
 * a start in the past, or one overlapping another slot of the same advisor (in any locality: one
 * person cannot be in two places), refuses the whole series with the clashing date named.
 */
export async function createSlots(db: Db, ctx: Ctx & { values: SlotValues; now?: Date }): Promise<number> {
  if (!isAdvisor(ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const v = ctx.values;
  const errors: Record<string, FieldError> = {};
  const date = parseDateInput(v.date ?? '');
  if (!date) errors.date = v.date?.trim() ? 'advice.slots.date.invalid' : 'advice.slots.date.required';
  const first = date ? warsawToInstant(date, v.time ?? '') : null;
  if (date && !first) errors.time = 'advice.slots.time.invalid';
  const minutes = Number(v.minutes);
  if (!Number.isInteger(minutes) || minutes < 15 || minutes > 240)
    errors.minutes = 'advice.slots.minutes.invalid';
  if (!isAdviceKind(v.kind)) errors.kind = 'advice.form.kind';
  const place = (v.place ?? '').trim();
  if (place.length > 200) errors.place = 'advice.form.tooLong';
  const repeat = v.repeat?.trim() ? Number(v.repeat) : 1;
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 12) errors.repeat = 'advice.slots.repeat.invalid';
  if (first && first <= (ctx.now ?? new Date())) errors.date = 'advice.slots.past';
  if (Object.keys(errors).length) throw bad(errors);
  const starts = Array.from({ length: repeat }, (_, i) => warsawToInstant(addDays(date!, 7 * i), v.time)!);
  const span = minutes * 60_000;
  try {
    return await db.transaction(async (tx) => {
      const clash = await tx
        .select({ startsAt: adviceSlots.startsAt })
        .from(adviceSlots)
        .where(
          and(
            eq(adviceSlots.advisorUserId, ctx.actor.userId),
            isNull(adviceSlots.cancelledAt),
            or(
              ...starts.map((s) =>
                and(
                  lt(adviceSlots.startsAt, new Date(s.getTime() + span)),
                  sql`${adviceSlots.startsAt} + ${adviceSlots.minutes} * interval '1 minute' > ${s.toISOString()}::timestamptz`,
                ),
              ),
            ),
          ),
        )
        .orderBy(asc(adviceSlots.startsAt))
        .limit(1);
      if (clash[0]) throw overlap(clash[0].startsAt);
      // A cancelled slot at the very same start (unique per advisor) is freed for the new one.
      await tx
        .delete(adviceSlots)
        .where(
          and(
            eq(adviceSlots.advisorUserId, ctx.actor.userId),
            sql`${adviceSlots.cancelledAt} is not null`,
            inArray(adviceSlots.startsAt, starts),
            sql`not exists (select 1 from ${appointments} a where a.slot_id = ${adviceSlots.id})`,
          ),
        );
      const rows = await tx
        .insert(adviceSlots)
        .values(
          starts.map((startsAt) => ({
            localityId: ctx.locality.localityId,
            advisorUserId: ctx.actor.userId,
            startsAt,
            minutes,
            kind: v.kind,
            place,
          })),
        )
        .returning({ id: adviceSlots.id });
      await auditAdvice(tx, ctx, 'advice_slot.create', 'advice_slot', rows[0]!.id, {
        count: rows.length,
        firstStartsAt: starts[0]!.toISOString(),
        kind: v.kind,
      });
      return rows.length;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw overlap(starts[0]!);
    throw error;
  }
}

function overlap(at: Date) {
  const { dateTime } = getI18n('pl');
  return new AppError(
    'BAD_REQUEST',
    'advice.form.invalid',
    {},
    {
      date: { key: 'advice.slots.overlap', values: { when: dateTime(at) } },
    },
  );
}

/**
 * Cancels a future slot (its advisor or a coordinator). Its live appointment is cancelled in the
 * same transaction and the person or organisation is told by e-mail when they have an address.
 */
export async function cancelSlot(db: Db, ctx: Ctx & { slotId: string; notify?: Notify }): Promise<void> {
  if (!UUID.test(ctx.slotId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const told = await db.transaction(async (tx) => {
    const [slot] = await tx
      .select({
        id: adviceSlots.id,
        advisorUserId: adviceSlots.advisorUserId,
        startsAt: adviceSlots.startsAt,
        kind: adviceSlots.kind,
        cancelledAt: adviceSlots.cancelledAt,
      })
      .from(adviceSlots)
      .where(and(eq(adviceSlots.id, ctx.slotId), eq(adviceSlots.localityId, ctx.locality.localityId)))
      .limit(1);
    if (!slot) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (slot.advisorUserId !== ctx.actor.userId && !ctx.locality.roles.includes('coordinator'))
      throw new AppError('FORBIDDEN', 'errors.403.body');
    if (slot.cancelledAt) throw new AppError('CONFLICT', 'advice.slots.alreadyCancelled');
    if (slot.startsAt <= new Date()) throw new AppError('DOMAIN_RULE', 'advice.slots.cancelPast');
    const now = new Date();
    await tx.update(adviceSlots).set({ cancelledAt: now }).where(eq(adviceSlots.id, slot.id));
    const cancelled = await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: now, cancelledBy: ctx.actor.userId })
      .where(and(eq(appointments.slotId, slot.id), ne(appointments.status, 'cancelled')))
      .returning({
        id: appointments.id,
        personId: appointments.personId,
        organisationId: appointments.organisationId,
      });
    await auditAdvice(tx, ctx, 'advice_slot.cancel', 'advice_slot', slot.id, {
      appointmentId: cancelled[0]?.id ?? null,
    });
    const a = cancelled[0];
    if (!a) return null;
    const [to] = await tx
      .select({ email: sql<string>`coalesce(nullif(${people.email}, ''), ${organisations.email}, '')` })
      .from(appointments)
      .leftJoin(people, eq(people.id, appointments.personId))
      .leftJoin(organisations, eq(organisations.id, appointments.organisationId))
      .where(eq(appointments.id, a.id));
    return to?.email ? { email: to.email, slot } : null;
  });
  if (told && ctx.notify) {
    const { t, dateTime } = getI18n('pl');
    const when = dateTime(told.slot.startsAt);
    await ctx.notify.mail.send({
      to: told.email,
      subject: t('advice.mail.slotCancelled.subject', { when }),
      text: t('advice.mail.slotCancelled.body', {
        when,
        kind: t(`advice.kind.${told.slot.kind}` as MessageKey),
      }),
    });
  }
}

async function openRequest(db: Db, ctx: Ctx, appointmentId: string) {
  if (!isAdviceStaff(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  if (!UUID.test(appointmentId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      personId: appointments.personId,
      organisationId: appointments.organisationId,
      topic: appointments.topic,
      kind: appointments.kind,
      requesterEmail: users.email,
      requesterLocale: users.locale,
    })
    .from(appointments)
    .leftJoin(users, eq(users.id, appointments.requestedBy))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  if (row.status !== 'requested') throw new AppError('CONFLICT', 'advice.requests.answered');
  return row;
}

/** Staff answer a request by booking it into a free slot (same rules as any booking). */
export async function answerRequest(
  db: Db,
  ctx: Ctx & { appointmentId: string; slotId: string; notify?: Notify },
): Promise<string> {
  const req = await openRequest(db, ctx, ctx.appointmentId);
  const id = await bookSlot(db, {
    ...ctx,
    slotId: ctx.slotId,
    personId: req.personId,
    organisationId: req.organisationId,
    topic: req.topic || '—',
    fromRequestId: req.id,
  });
  if (ctx.notify && req.requesterEmail && req.requesterEmail !== ctx.actor.email) {
    const [slot] = await db
      .select({ startsAt: adviceSlots.startsAt, place: adviceSlots.place, advisorName: users.name })
      .from(adviceSlots)
      .innerJoin(users, eq(users.id, adviceSlots.advisorUserId))
      .where(eq(adviceSlots.id, ctx.slotId));
    const { t, dateTime } = getI18n(req.requesterLocale === 'en' ? 'en' : 'pl');
    if (slot)
      await ctx.notify.mail.send({
        to: req.requesterEmail,
        subject: t('advice.mail.answered.subject', { when: dateTime(slot.startsAt) }),
        text: t('advice.mail.answered.body', {
          when: dateTime(slot.startsAt),
          kind: t(`advice.kind.${req.kind}` as MessageKey),
          advisor: slot.advisorName,
          place: slot.place || '—',
        }),
      });
  }
  return id;
}

/** Staff decline a request (it is kept, cancelled, with who declined it); the requester is told. */
export async function declineRequest(
  db: Db,
  ctx: Ctx & { appointmentId: string; notify?: Notify },
): Promise<void> {
  const req = await db.transaction(async (tx) => {
    const req = await openRequest(tx, ctx, ctx.appointmentId);
    await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: ctx.actor.userId })
      .where(eq(appointments.id, req.id));
    await auditAdvice(tx, ctx, 'appointment.decline', 'appointment', req.id);
    return req;
  });
  if (ctx.notify && req.requesterEmail && req.requesterEmail !== ctx.actor.email) {
    const { t } = getI18n(req.requesterLocale === 'en' ? 'en' : 'pl');
    const kind = t(`advice.kind.${req.kind}` as MessageKey);
    await ctx.notify.mail.send({
      to: req.requesterEmail,
      subject: t('advice.mail.declined.subject', { kind }),
      text: t('advice.mail.declined.body', { kind, topic: req.topic }),
    });
  }
}
