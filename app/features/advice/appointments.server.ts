import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  adviceSlots,
  appointments,
  memberships,
  organisations,
  people,
  users,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { getI18n, type Locale } from '../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../lib/services.ts';
import { isAdviceKind, isAdviceStaff, representedOrganisations } from './advice.policy.ts';

export {
  type AppointmentView,
  type FreeSlot,
  listFreeSlots,
  loadAppointmentsForOrganisations,
  loadAppointmentsForPerson,
} from './appointments.queries.server.ts';

type Ctx = { actor: Actor; locality: ActorLocality };
/** Where e-mails go and which base URL their links use; optional so tests and seeds can skip mail. */
export type Notify = { mail: MailQueue; baseUrl: string };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOPIC_MAX = 500;

export async function auditAdvice(
  db: Db,
  ctx: Ctx,
  action: string,
  entityType: string,
  id: string | null,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType,
    entityId: id,
    details,
  });
}

function invalid(code: 'BAD_REQUEST' | 'CONFLICT' | 'DOMAIN_RULE', errors: Record<string, FieldError>) {
  const first = Object.values(errors)[0];
  const key: MessageKey =
    code === 'BAD_REQUEST'
      ? 'advice.form.invalid'
      : typeof first === 'string'
        ? first
        : 'advice.book.invalid';
  return new AppError(code, key, {}, errors);
}

/** Whether an error is PostgreSQL's unique violation (23505), as thrown by either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    if (typeof e === 'object' && (e as { code?: unknown }).code === '23505') return true;
    e = typeof e === 'object' ? (e as { cause?: unknown }).cause : undefined;
  }
  return false;
}

function checkTopic(topic: string, errors: Record<string, FieldError>): string {
  const value = topic.trim();
  if (!value) errors.topic = 'advice.form.topic.required';
  else if (value.length > TOPIC_MAX) errors.topic = 'advice.form.tooLong';
  return value;
}

export type Target = { personId: string | null; organisationId: string | null; label: string };

/**
 * Resolves who an appointment is for and whether the actor may book for them: staff for any
 * person or organisation of the locality; a participant for their own person record only; a
 * partner representative or enterprise member for their own organisation only.
 */
export async function resolveTarget(
  db: Db,
  ctx: Ctx,
  input: { personId?: string | null; organisationId?: string | null },
): Promise<Target> {
  const personId = input.personId?.trim() || null;
  const organisationId = input.organisationId?.trim() || null;
  if (!personId && !organisationId) throw invalid('BAD_REQUEST', { target: 'advice.form.target.required' });
  if (personId && organisationId) throw invalid('BAD_REQUEST', { target: 'advice.form.target.one' });
  const staff = isAdviceStaff(ctx.actor, ctx.locality);
  if (organisationId) {
    if (!staff && !representedOrganisations(ctx.locality).includes(organisationId))
      throw new AppError(
        'FORBIDDEN',
        'advice.form.organisation.notYours',
        {},
        {
          organisationId: 'advice.form.organisation.notYours',
        },
      );
    const [org] = UUID.test(organisationId)
      ? await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(
            and(eq(organisations.id, organisationId), eq(organisations.localityId, ctx.locality.localityId)),
          )
          .limit(1)
      : [];
    if (!org) throw invalid('BAD_REQUEST', { organisationId: 'advice.form.organisation.unknown' });
    return { personId: null, organisationId: org.id, label: org.name };
  }
  const [person] = UUID.test(personId!)
    ? await db
        .select({ id: people.id, userId: people.userId, given: people.givenName, family: people.familyName })
        .from(people)
        .where(
          and(
            eq(people.id, personId!),
            eq(people.localityId, ctx.locality.localityId),
            isNull(people.erasedAt),
          ),
        )
        .limit(1)
    : [];
  if (!staff && person?.userId !== ctx.actor.userId)
    throw new AppError(
      'FORBIDDEN',
      'advice.form.person.notYours',
      {},
      { personId: 'advice.form.person.notYours' },
    );
  if (!person) throw invalid('BAD_REQUEST', { personId: 'advice.form.person.unknown' });
  return { personId: person.id, organisationId: null, label: `${person.given} ${person.family}` };
}

async function mailAdvisor(
  notify: Notify | undefined,
  to: { email: string; locale: string },
  build: (i18n: ReturnType<typeof getI18n>) => { subject: string; text: string },
) {
  if (!notify || !to.email) return;
  const i18n = getI18n((to.locale === 'en' ? 'en' : 'pl') as Locale);
  await notify.mail.send({ to: to.email, ...build(i18n) });
}

/**
 * Books a free slot for a person or an organisation. A taken, cancelled or past slot, or one of
 * another locality, is refused with a message on `slotId` and nothing is saved. Two bookings
 * racing for one slot are settled by the partial unique index (one live appointment per slot):
 * the loser gets the same "taken" message.
 */
export async function bookSlot(
  db: Db,
  opts: Ctx & {
    slotId: string;
    personId?: string | null;
    organisationId?: string | null;
    topic: string;
    notify?: Notify;
    /** For a request being answered: the appointment to turn into a booking. */
    fromRequestId?: string;
  },
): Promise<string> {
  const errors: Record<string, FieldError> = {};
  const topic = checkTopic(opts.topic, errors);
  if (Object.keys(errors).length) throw invalid('BAD_REQUEST', errors);
  const now = new Date();
  let booked: {
    id: string;
    slot: { startsAt: Date; kind: string; email: string; locale: string };
    who: string;
  };
  try {
    booked = await db.transaction(async (tx) => {
      const target = await resolveTarget(tx, opts, opts);
      const [slot] = UUID.test(opts.slotId)
        ? await tx
            .select({
              id: adviceSlots.id,
              startsAt: adviceSlots.startsAt,
              kind: adviceSlots.kind,
              cancelledAt: adviceSlots.cancelledAt,
              email: users.email,
              locale: users.locale,
              taken: sql<boolean>`exists (select 1 from ${appointments} a where a.slot_id = ${adviceSlots.id} and a.status <> 'cancelled')`,
            })
            .from(adviceSlots)
            .innerJoin(users, eq(users.id, adviceSlots.advisorUserId))
            .where(and(eq(adviceSlots.id, opts.slotId), eq(adviceSlots.localityId, opts.locality.localityId)))
            .limit(1)
        : [];
      if (!slot) throw invalid('DOMAIN_RULE', { slotId: 'advice.book.slotUnknown' });
      if (slot.cancelledAt) throw invalid('DOMAIN_RULE', { slotId: 'advice.book.cancelled' });
      if (slot.startsAt <= now) throw invalid('DOMAIN_RULE', { slotId: 'advice.book.past' });
      if (slot.taken) throw invalid('CONFLICT', { slotId: 'advice.book.taken' });
      let id: string;
      if (opts.fromRequestId) {
        const [row] = await tx
          .update(appointments)
          .set({ slotId: slot.id, kind: slot.kind, status: 'booked' })
          .where(
            and(
              eq(appointments.id, opts.fromRequestId),
              eq(appointments.localityId, opts.locality.localityId),
              eq(appointments.status, 'requested'),
            ),
          )
          .returning({ id: appointments.id });
        if (!row) throw new AppError('CONFLICT', 'advice.cancel.notLive');
        id = row.id;
      } else {
        const [row] = await tx
          .insert(appointments)
          .values({
            localityId: opts.locality.localityId,
            slotId: slot.id,
            kind: slot.kind,
            personId: target.personId,
            organisationId: target.organisationId,
            topic,
            status: 'booked',
            requestedBy: opts.actor.userId,
          })
          .returning({ id: appointments.id });
        id = row!.id;
      }
      await auditAdvice(tx, opts, 'appointment.book', 'appointment', id, {
        slotId: slot.id,
        ...(target.personId ? { personId: target.personId } : { organisationId: target.organisationId }),
        ...(opts.fromRequestId ? { fromRequest: true } : {}),
      });
      return { id, slot, who: target.label };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid('CONFLICT', { slotId: 'advice.book.taken' });
    throw error;
  }
  await mailAdvisor(opts.notify, booked.slot, ({ t, dateTime }) => ({
    subject: t('advice.mail.booked.subject', { when: dateTime(booked.slot.startsAt) }),
    text: t('advice.mail.booked.body', {
      who: booked.who,
      kind: t(`advice.kind.${booked.slot.kind}` as MessageKey),
      when: dateTime(booked.slot.startsAt),
      topic,
      link: `${opts.notify?.baseUrl ?? ''}/app/${opts.locality.slug}/advice/calendar`,
    }),
  }));
  return booked.id;
}

/** A request for an appointment without a slot (staff answer it); e-mails the locality's advisors. */
export async function requestAppointment(
  db: Db,
  opts: Ctx & {
    kind: string;
    personId?: string | null;
    organisationId?: string | null;
    topic: string;
    preferredTimes: string;
    notify?: Notify;
  },
): Promise<string> {
  const errors: Record<string, FieldError> = {};
  if (!isAdviceKind(opts.kind)) errors.kind = 'advice.form.kind';
  const topic = checkTopic(opts.topic, errors);
  const preferredTimes = opts.preferredTimes.trim();
  if (!preferredTimes) errors.preferredTimes = 'advice.form.preferredTimes.required';
  else if (preferredTimes.length > TOPIC_MAX) errors.preferredTimes = 'advice.form.tooLong';
  if (Object.keys(errors).length) throw invalid('BAD_REQUEST', errors);
  const { id, who } = await db.transaction(async (tx) => {
    const target = await resolveTarget(tx, opts, opts);
    const [row] = await tx
      .insert(appointments)
      .values({
        localityId: opts.locality.localityId,
        kind: opts.kind,
        personId: target.personId,
        organisationId: target.organisationId,
        topic,
        preferredTimes,
        status: 'requested',
        requestedBy: opts.actor.userId,
      })
      .returning({ id: appointments.id });
    await auditAdvice(tx, opts, 'appointment.request', 'appointment', row!.id, {
      kind: opts.kind,
      ...(target.personId ? { personId: target.personId } : { organisationId: target.organisationId }),
    });
    return { id: row!.id, who: target.label };
  });
  if (opts.notify) {
    const advisors = await db
      .selectDistinct({ email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.localityId, opts.locality.localityId),
          eq(memberships.role, 'advisor'),
          eq(users.active, true),
        ),
      );
    for (const advisor of advisors)
      await mailAdvisor(opts.notify, advisor, ({ t }) => ({
        subject: t('advice.mail.requested.subject', { kind: t(`advice.kind.${opts.kind}` as MessageKey) }),
        text: t('advice.mail.requested.body', {
          who,
          kind: t(`advice.kind.${opts.kind}` as MessageKey),
          topic,
          preferredTimes,
          link: `${opts.notify?.baseUrl ?? ''}/app/${opts.locality.slug}/advice/calendar`,
        }),
      }));
  }
  return id;
}

/**
 * Cancels a requested or booked appointment. Staff cancel any of the locality; a participant only
 * their own (and, when `personId` is given, only that person's); a partner only their
 * organisation's. Someone else's appointment is a 404, as if it did not exist.
 */
export async function cancelAppointment(
  db: Db,
  opts: Ctx & { appointmentId: string; personId?: string | null },
): Promise<void> {
  if (!UUID.test(opts.appointmentId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: appointments.id,
        status: appointments.status,
        personId: appointments.personId,
        organisationId: appointments.organisationId,
        personUserId: people.userId,
      })
      .from(appointments)
      .leftJoin(people, eq(people.id, appointments.personId))
      .where(
        and(eq(appointments.id, opts.appointmentId), eq(appointments.localityId, opts.locality.localityId)),
      )
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    const staff = isAdviceStaff(opts.actor, opts.locality);
    const own =
      (row.personId !== null && row.personUserId === opts.actor.userId) ||
      (row.organisationId !== null && representedOrganisations(opts.locality).includes(row.organisationId));
    if ((!staff && !own) || (opts.personId && row.personId !== opts.personId))
      throw new AppError('NOT_FOUND', 'errors.404.body');
    if (row.status !== 'requested' && row.status !== 'booked')
      throw new AppError('CONFLICT', 'advice.cancel.notLive');
    await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: opts.actor.userId })
      .where(eq(appointments.id, row.id));
    await auditAdvice(tx, opts, 'appointment.cancel', 'appointment', row.id, { previous: row.status });
  });
}
