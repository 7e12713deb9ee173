import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { adviceSlots, appointments, organisations, users } from '../../../db/schema/index.ts';
import { isAdviceKind } from './advice.policy.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FreeSlot = {
  id: string;
  startsAt: string;
  minutes: number;
  kind: string;
  place: string;
  advisorName: string;
};

/** Free, not cancelled, future slots of a locality, soonest first, with the advisor's name. */
export async function listFreeSlots(
  db: Db,
  opts: { localityId: string; from: Date; kind?: string; limit: number },
): Promise<FreeSlot[]> {
  const rows = await db
    .select({
      id: adviceSlots.id,
      startsAt: adviceSlots.startsAt,
      minutes: adviceSlots.minutes,
      kind: adviceSlots.kind,
      place: adviceSlots.place,
      advisorName: users.name,
    })
    .from(adviceSlots)
    .innerJoin(users, eq(users.id, adviceSlots.advisorUserId))
    .leftJoin(
      appointments,
      and(eq(appointments.slotId, adviceSlots.id), ne(appointments.status, 'cancelled')),
    )
    .where(
      and(
        eq(adviceSlots.localityId, opts.localityId),
        isNull(adviceSlots.cancelledAt),
        gt(adviceSlots.startsAt, opts.from),
        isNull(appointments.id),
        opts.kind && isAdviceKind(opts.kind) ? eq(adviceSlots.kind, opts.kind) : undefined,
      ),
    )
    .orderBy(asc(adviceSlots.startsAt))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() }));
}

export type AppointmentView = {
  id: string;
  status: string;
  kind: string;
  topic: string;
  preferredTimes: string;
  startsAt: string | null;
  minutes: number | null;
  place: string;
  advisorName: string | null;
  createdAt: string;
};

/**
 * A person's appointments in one SQL statement: upcoming (live bookings from now on and open
 * requests, soonest first) and past (everything else, newest first).
 */
export async function loadAppointmentsForPerson(
  db: Db,
  opts: { localityId: string; personId: string; now?: Date },
): Promise<{ upcoming: AppointmentView[]; past: AppointmentView[] }> {
  if (!UUID.test(opts.personId)) return { upcoming: [], past: [] };
  const rows = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      kind: appointments.kind,
      topic: appointments.topic,
      preferredTimes: appointments.preferredTimes,
      startsAt: adviceSlots.startsAt,
      minutes: adviceSlots.minutes,
      place: adviceSlots.place,
      advisorName: users.name,
      createdAt: appointments.createdAt,
    })
    .from(appointments)
    .leftJoin(adviceSlots, eq(adviceSlots.id, appointments.slotId))
    .leftJoin(users, eq(users.id, adviceSlots.advisorUserId))
    .where(and(eq(appointments.localityId, opts.localityId), eq(appointments.personId, opts.personId)))
    .orderBy(sql`coalesce(${adviceSlots.startsAt}, ${appointments.createdAt}) desc`)
    .limit(100);
  const now = opts.now ?? new Date();
  const views = rows.map((r) => ({
    ...r,
    place: r.place ?? '',
    startsAt: r.startsAt ? r.startsAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  }));
  const isUpcoming = (v: AppointmentView) =>
    v.status === 'requested' || (v.status === 'booked' && v.startsAt !== null && new Date(v.startsAt) >= now);
  return {
    upcoming: views.filter(isUpcoming).reverse(),
    past: views.filter((v) => !isUpcoming(v)),
  };
}

/** The appointments of some organisations (a partner's own view); one statement. */
export async function loadAppointmentsForOrganisations(
  db: Db,
  opts: { localityId: string; organisationIds: string[] },
): Promise<(AppointmentView & { organisationName: string })[]> {
  if (opts.organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      kind: appointments.kind,
      topic: appointments.topic,
      preferredTimes: appointments.preferredTimes,
      startsAt: adviceSlots.startsAt,
      minutes: adviceSlots.minutes,
      place: adviceSlots.place,
      advisorName: users.name,
      createdAt: appointments.createdAt,
      organisationName: organisations.name,
    })
    .from(appointments)
    .innerJoin(organisations, eq(organisations.id, appointments.organisationId))
    .leftJoin(adviceSlots, eq(adviceSlots.id, appointments.slotId))
    .leftJoin(users, eq(users.id, adviceSlots.advisorUserId))
    .where(
      and(
        eq(appointments.localityId, opts.localityId),
        inArray(appointments.organisationId, opts.organisationIds),
      ),
    )
    .orderBy(sql`coalesce(${adviceSlots.startsAt}, ${appointments.createdAt}) desc`)
    .limit(100);
  return rows.map((r) => ({
    ...r,
    place: r.place ?? '',
    startsAt: r.startsAt ? r.startsAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  }));
}
