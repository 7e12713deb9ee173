import { and, asc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { adviceSlots, appointments, organisations, people, users } from '../../../db/schema/index.ts';

export type CalendarSlot = {
  id: string;
  startsAt: string;
  minutes: number;
  kind: string;
  place: string;
  cancelled: boolean;
  advisorUserId: string;
  advisorName: string;
  appointmentId: string | null;
  bookedFor: string | null;
  topic: string | null;
};

const targetName = sql<
  string | null
>`coalesce(${people.givenName} || ' ' || ${people.familyName}, ${organisations.name})`;

/** The slots of a locality in [from, to), with their live appointment (staff view); one statement. */
export async function loadSlots(
  db: Db,
  opts: { localityId: string; from: Date; to: Date },
): Promise<CalendarSlot[]> {
  const rows = await db
    .select({
      id: adviceSlots.id,
      startsAt: adviceSlots.startsAt,
      minutes: adviceSlots.minutes,
      kind: adviceSlots.kind,
      place: adviceSlots.place,
      cancelledAt: adviceSlots.cancelledAt,
      advisorUserId: adviceSlots.advisorUserId,
      advisorName: users.name,
      appointmentId: appointments.id,
      bookedFor: targetName,
      topic: appointments.topic,
    })
    .from(adviceSlots)
    .innerJoin(users, eq(users.id, adviceSlots.advisorUserId))
    .leftJoin(
      appointments,
      and(eq(appointments.slotId, adviceSlots.id), ne(appointments.status, 'cancelled')),
    )
    .leftJoin(people, eq(people.id, appointments.personId))
    .leftJoin(organisations, eq(organisations.id, appointments.organisationId))
    .where(
      and(
        eq(adviceSlots.localityId, opts.localityId),
        gte(adviceSlots.startsAt, opts.from),
        lt(adviceSlots.startsAt, opts.to),
      ),
    )
    .orderBy(asc(adviceSlots.startsAt), asc(users.name))
    .limit(500);
  return rows.map(({ cancelledAt, startsAt, ...r }) => ({
    ...r,
    startsAt: startsAt.toISOString(),
    cancelled: cancelledAt !== null,
  }));
}

/** Open requests of a locality, oldest first (staff answer them). */
export async function loadOpenRequests(db: Db, opts: { localityId: string }) {
  const rows = await db
    .select({
      id: appointments.id,
      kind: appointments.kind,
      topic: appointments.topic,
      preferredTimes: appointments.preferredTimes,
      createdAt: appointments.createdAt,
      requestedFor: targetName,
    })
    .from(appointments)
    .leftJoin(people, eq(people.id, appointments.personId))
    .leftJoin(organisations, eq(organisations.id, appointments.organisationId))
    .where(and(eq(appointments.localityId, opts.localityId), eq(appointments.status, 'requested')))
    .orderBy(asc(appointments.createdAt))
    .limit(50);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
