import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  inKindEntries,
  legalParameters,
  organisations,
  people,
  volunteerHours,
  volunteers,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { dateInputValue, parseDateInput } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { validatePerson } from '../people/people.server.ts';
import type { PersonFields } from '../people/person.schema.ts';
import { type HoursInput, hoursSchema, type VolunteerInput, volunteerSchema } from './volunteer.schema.ts';
import { canLogHours, canManageVolunteers } from './volunteers.policy.ts';
import { type HourlyRateParameter, ledgerDescription, valueHours } from './volunteers.rules.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

export const HOURS_SOURCE = 'volunteer_hours';
/** The in-kind ledger's kind for volunteer work (the label exists in the ledger's page). */
export const LEDGER_KIND = 'volunteers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function audit(db: Db, ctx: Ctx, action: string, id: string, details: Record<string, unknown> = {}) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'volunteer',
    entityId: id,
    details,
  });
}

function invalid(errors: FieldErrors): never {
  throw new AppError('BAD_REQUEST', 'volunteers.form.invalid', {}, errors);
}

function toForm(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

function assertManage(ctx: Ctx) {
  if (!canManageVolunteers(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

/** A date field as typed, when it is a real day (the schema reports the rest). */
function typedDate(values: Record<string, string>, key: string): string | null {
  return parseDateInput(values[key] ?? '');
}

/**
 * Parses the volunteer/agreement fields and checks the dates against each other and today;
 * every problem is reported at once, not one stage at a time.
 */
function volunteerInput(values: Record<string, string>, today: string, errors: FieldErrors) {
  const parsed = parseForm(toForm(values), volunteerSchema);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const from = typedDate(values, 'agreementFrom');
  const to = typedDate(values, 'agreementTo');
  const signedOn = typedDate(values, 'agreementSignedOn');
  if (to && !from && !errors.agreementFrom)
    errors.agreementFrom = 'volunteers.form.agreementFrom.requiredWithTo';
  else if (from && to && to < from) errors.agreementTo = 'volunteers.form.agreementTo.beforeFrom';
  if (signedOn && signedOn > today) errors.agreementSignedOn = 'volunteers.form.signedOn.future';
  return parsed.ok ? parsed.data : null;
}

async function assertOrganisation(db: Db, ctx: Ctx, id: string | null, errors: FieldErrors) {
  if (!id) return;
  const [org] = UUID.test(id)
    ? await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.id, id), eq(organisations.localityId, ctx.locality.localityId)))
        .limit(1)
    : [];
  if (!org) errors.organisationId = 'volunteers.form.organisation.unknown';
}

function throwIfErrors(errors: FieldErrors) {
  if (Object.keys(errors).length) invalid(errors);
}

/**
 * Registers a volunteer: a new person (names, contact, GDPR basis) or a person already known
 * here (a participant, a club member), with the organisation, skills, start and the agreement.
 * One transaction with its audit row; a person is a volunteer of the locality once.
 */
export async function registerVolunteer(
  db: Db,
  ctx: Ctx & {
    personId: string | null;
    person: PersonFields | null;
    values: Record<string, string>;
    today: string;
  },
): Promise<string> {
  assertManage(ctx);
  const errors: FieldErrors = {};
  const input = volunteerInput(ctx.values, ctx.today, errors);
  let person: ReturnType<typeof validatePerson> | null = null;
  if (!ctx.personId) {
    try {
      person = validatePerson(ctx.person ?? {});
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      Object.assign(errors, e.fieldErrors);
    }
  }
  throwIfErrors(errors);
  const v = input as VolunteerInput;
  return db.transaction(async (tx) => {
    await assertOrganisation(tx, ctx, v.organisationId, errors);
    let personId = ctx.personId;
    if (personId) {
      const [p] = UUID.test(personId)
        ? await tx
            .select({ id: people.id, volunteer: volunteers.personId })
            .from(people)
            .leftJoin(volunteers, eq(volunteers.personId, people.id))
            .where(
              and(
                eq(people.id, personId),
                eq(people.localityId, ctx.locality.localityId),
                isNull(people.erasedAt),
              ),
            )
            .limit(1)
        : [];
      if (!p) errors.personId = 'volunteers.form.person.unknown';
      else if (p.volunteer) errors.personId = 'volunteers.form.person.already';
    }
    throwIfErrors(errors);
    if (!personId) {
      const [row] = await tx
        .insert(people)
        .values({ ...person!, localityId: ctx.locality.localityId, createdBy: ctx.actor.userId })
        .returning({ id: people.id });
      personId = row!.id;
    }
    await tx.insert(volunteers).values({
      ...v,
      personId,
      localityId: ctx.locality.localityId,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, 'volunteer.create', personId, {
      newPerson: !ctx.personId,
      ...(person ? { legalBasis: person.legalBasis } : {}),
      since: v.since,
      organisationId: v.organisationId,
      agreement: { from: v.agreementFrom, to: v.agreementTo, signedOn: v.agreementSignedOn },
    });
    return personId;
  });
}

/** A volunteer of this locality (not erased); anything else is unknown here (404). */
async function requireVolunteer(db: Db, ctx: Ctx, id: string) {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({
      personId: volunteers.personId,
      organisationId: volunteers.organisationId,
      since: volunteers.since,
      status: volunteers.status,
    })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(
      and(
        eq(volunteers.personId, id),
        eq(volunteers.localityId, ctx.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/** Corrects the volunteer's organisation, skills, start and the agreement (e.g. records the signing date). */
export async function updateVolunteer(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; today: string },
): Promise<void> {
  assertManage(ctx);
  const errors: FieldErrors = {};
  const input = volunteerInput(ctx.values, ctx.today, errors);
  throwIfErrors(errors);
  const v = input as VolunteerInput;
  await db.transaction(async (tx) => {
    const vol = await requireVolunteer(tx, ctx, ctx.id);
    await assertOrganisation(tx, ctx, v.organisationId, errors);
    throwIfErrors(errors);
    await tx
      .update(volunteers)
      .set({ ...v, updatedAt: new Date() })
      .where(eq(volunteers.personId, vol.personId));
    await audit(tx, ctx, 'volunteer.update', vol.personId, {
      since: v.since,
      organisationId: v.organisationId,
      agreement: { from: v.agreementFrom, to: v.agreementTo, signedOn: v.agreementSignedOn },
    });
  });
}

/** Ends the volunteering (the record and the hours stay; late hours may still be recorded). */
export async function endVolunteer(db: Db, ctx: Ctx & { id: string; today: string }): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const vol = await requireVolunteer(tx, ctx, ctx.id);
    if (vol.status === 'ended') throw new AppError('CONFLICT', 'volunteers.end.already');
    await tx
      .update(volunteers)
      .set({ status: 'ended', updatedAt: new Date() })
      .where(eq(volunteers.personId, vol.personId));
    await audit(tx, ctx, 'volunteer.end', vol.personId, { endedOn: ctx.today });
  });
}

/** The hourly rate in force on a day (`volunteers.hourlyRate`), or null when the law has none for it. */
export async function hourlyRateOn(db: Db, day: string): Promise<string | null> {
  const [row] = await db
    .select({ value: legalParameters.value })
    .from(legalParameters)
    .where(
      and(
        eq(legalParameters.key, 'volunteers.hourlyRate'),
        lte(legalParameters.validFrom, day),
        or(isNull(legalParameters.validTo), gte(legalParameters.validTo, day)),
      ),
    )
    .orderBy(desc(legalParameters.validFrom))
    .limit(1);
  return row ? (row.value as HourlyRateParameter).ratePln : null;
}

/**
 * Checks an hours entry against the volunteer and the law: not in the future, not before the
 * volunteer started, an organisation of this directory, a rate in force on the day. Returns
 * the rate and value fixed for the row.
 */
async function checkedHours(
  db: Db,
  ctx: Ctx & { values: Record<string, string>; today: string },
  vol: { organisationId: string | null; since: string },
) {
  const parsed = parseForm(toForm(ctx.values), hoursSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const workedOn = typedDate(ctx.values, 'workedOn');
  if (workedOn && workedOn > ctx.today) errors.workedOn = 'volunteers.hours.workedOn.future';
  else if (workedOn && workedOn < vol.since)
    errors.workedOn = {
      key: 'volunteers.hours.workedOn.beforeSince',
      values: { date: dateInputValue(vol.since) },
    };
  if (!parsed.ok) invalid(errors);
  const h: HoursInput = { ...parsed.data };
  // A partner representative records hours for their own organisation only.
  if (!canManageVolunteers(ctx.actor, ctx.locality)) h.organisationId = vol.organisationId;
  await assertOrganisation(db, ctx, h.organisationId, errors);
  const rate = errors.workedOn ? null : await hourlyRateOn(db, h.workedOn);
  if (!errors.workedOn && rate === null)
    errors.workedOn = {
      key: 'volunteers.hours.workedOn.noRate',
      values: { date: dateInputValue(h.workedOn) },
    };
  throwIfErrors(errors);
  return { ...h, ...valueHours(h.hours, rate!) };
}

type HoursRow = Awaited<ReturnType<typeof checkedHours>> & { id: string };

/** Writes (or rewrites) the hours row's line in the in-kind ledger: one entry per row. */
async function syncLedgerEntry(db: Db, ctx: Ctx, row: HoursRow) {
  const entry = {
    kind: LEDGER_KIND,
    description: ledgerDescription(row.activity, row.hours),
    valuePln: row.valuePln,
    organisationId: row.organisationId,
    occurredFrom: row.workedOn,
    occurredTo: null,
  };
  await db
    .insert(inKindEntries)
    .values({ ...entry, localityId: ctx.locality.localityId, source: HOURS_SOURCE, sourceId: row.id })
    .onConflictDoUpdate({ target: [inKindEntries.source, inKindEntries.sourceId], set: entry });
}

function assertCanLog(ctx: Ctx, vol: { organisationId: string | null }) {
  if (!canLogHours(ctx.actor, ctx.locality, vol)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

/**
 * Records a volunteer's hours on a day, valued at the hourly rate in force on THAT day (fixed
 * on the row), and enters the value into the locality's in-kind ledger, in one transaction.
 */
export async function logHours(
  db: Db,
  ctx: Ctx & { personId: string; values: Record<string, string>; today: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const vol = await requireVolunteer(tx, ctx, ctx.personId);
    assertCanLog(ctx, vol);
    const h = await checkedHours(tx, ctx, vol);
    const [row] = await tx
      .insert(volunteerHours)
      .values({
        localityId: ctx.locality.localityId,
        personId: vol.personId,
        organisationId: h.organisationId,
        activity: h.activity,
        workedOn: h.workedOn,
        hours: String(h.hours),
        ratePln: h.ratePln,
        valuePln: h.valuePln,
        recordedBy: ctx.actor.userId,
      })
      .returning({ id: volunteerHours.id });
    await syncLedgerEntry(tx, ctx, { ...h, id: row!.id });
    await audit(tx, ctx, 'volunteer.hours_log', vol.personId, {
      hoursId: row!.id,
      workedOn: h.workedOn,
      hours: h.hours,
      ratePln: h.ratePln,
      valuePln: h.valuePln,
    });
    return row!.id;
  });
}

async function requireHours(db: Db, ctx: Ctx, personId: string, hoursId: string) {
  if (!UUID.test(hoursId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({ id: volunteerHours.id })
    .from(volunteerHours)
    .where(
      and(
        eq(volunteerHours.id, hoursId),
        eq(volunteerHours.personId, personId),
        eq(volunteerHours.localityId, ctx.locality.localityId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/** Corrects an hours row: revalued at the rate of its (possibly new) day; the ledger entry follows. */
export async function updateHours(
  db: Db,
  ctx: Ctx & { personId: string; hoursId: string; values: Record<string, string>; today: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const vol = await requireVolunteer(tx, ctx, ctx.personId);
    assertCanLog(ctx, vol);
    const row = await requireHours(tx, ctx, vol.personId, ctx.hoursId);
    const h = await checkedHours(tx, ctx, vol);
    await tx
      .update(volunteerHours)
      .set({
        organisationId: h.organisationId,
        activity: h.activity,
        workedOn: h.workedOn,
        hours: String(h.hours),
        ratePln: h.ratePln,
        valuePln: h.valuePln,
      })
      .where(eq(volunteerHours.id, row.id));
    await syncLedgerEntry(tx, ctx, { ...h, id: row.id });
    await audit(tx, ctx, 'volunteer.hours_update', vol.personId, {
      hoursId: row.id,
      workedOn: h.workedOn,
      hours: h.hours,
      ratePln: h.ratePln,
      valuePln: h.valuePln,
    });
  });
}

/** Removes an hours row and its in-kind ledger entry together. */
export async function deleteHours(db: Db, ctx: Ctx & { personId: string; hoursId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const vol = await requireVolunteer(tx, ctx, ctx.personId);
    assertCanLog(ctx, vol);
    const row = await requireHours(tx, ctx, vol.personId, ctx.hoursId);
    await tx
      .delete(inKindEntries)
      .where(and(eq(inKindEntries.source, HOURS_SOURCE), eq(inKindEntries.sourceId, row.id)));
    await tx.delete(volunteerHours).where(eq(volunteerHours.id, row.id));
    await audit(tx, ctx, 'volunteer.hours_delete', vol.personId, { hoursId: row.id });
  });
}

/** A staff read of a volunteer's page (personal data): audited like a participant's. */
export async function auditVolunteerRead(db: Db, ctx: Ctx & { id: string; what?: string }) {
  await audit(db, ctx, 'volunteer.read', ctx.id, ctx.what ? { what: ctx.what } : {});
}
