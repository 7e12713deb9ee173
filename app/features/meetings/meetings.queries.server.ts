import { and, asc, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  meetingDecisions,
  meetingParticipants,
  meetings,
  organisationContacts,
  organisations,
  partnershipMembers,
  programmeItems,
} from '../../../db/schema/index.ts';
import { isUuid } from './meeting.schema.ts';

export type MeetingsWhen = 'upcoming' | 'past';

/**
 * A partnership's meetings, one page at a time: upcoming ones (not yet ended) soonest first,
 * past ones latest first; with how many are in each list.
 */
export async function listMeetings(
  db: Db,
  opts: {
    localityId: string;
    partnershipId: string;
    when: MeetingsWhen;
    now: Date;
    offset: number;
    limit: number;
  },
) {
  const scope = and(eq(meetings.localityId, opts.localityId), eq(meetings.partnershipId, opts.partnershipId));
  const upcoming = gte(meetings.endsAt, opts.now);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: meetings.id,
        title: meetings.title,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        place: meetings.place,
        status: meetings.status,
        invitees:
          sql<number>`(select count(*) from ${meetingParticipants} mp where mp.meeting_id = "meetings"."id")`.mapWith(
            Number,
          ),
        present:
          sql<number>`(select count(*) from ${meetingParticipants} mp where mp.meeting_id = "meetings"."id" and mp.attendance = 'present')`.mapWith(
            Number,
          ),
        decisions:
          sql<number>`(select count(*) from ${meetingDecisions} md where md.meeting_id = "meetings"."id")`.mapWith(
            Number,
          ),
      })
      .from(meetings)
      .where(and(scope, opts.when === 'upcoming' ? upcoming : lt(meetings.endsAt, opts.now)))
      .orderBy(opts.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
      .offset(opts.offset)
      .limit(opts.limit),
    db
      .select({
        upcoming: sql<number>`count(*) filter (where ${meetings.endsAt} >= ${opts.now})`.mapWith(Number),
        past: sql<number>`count(*) filter (where ${meetings.endsAt} < ${opts.now})`.mapWith(Number),
      })
      .from(meetings)
      .where(scope),
  ]);
  return { rows, upcoming: totals?.upcoming ?? 0, past: totals?.past ?? 0 };
}

/** The next meeting that has not ended and was not cancelled (for the partnership page). */
export async function nextMeeting(db: Db, opts: { localityId: string; partnershipId: string; now: Date }) {
  const [row] = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.localityId, opts.localityId),
        eq(meetings.partnershipId, opts.partnershipId),
        gte(meetings.endsAt, opts.now),
        ne(meetings.status, 'cancelled'),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

/** One meeting of this partnership in this locality; null for anything else (another locality's id too). */
export async function getMeeting(db: Db, opts: { localityId: string; partnershipId: string; id: string }) {
  if (!isUuid(opts.id)) return null;
  const [row] = await db
    .select({
      id: meetings.id,
      partnershipId: meetings.partnershipId,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      agenda: meetings.agenda,
      minutes: meetings.minutes,
      status: meetings.status,
      icsSequence: meetings.icsSequence,
      version: meetings.version,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.localityId, opts.localityId),
        eq(meetings.partnershipId, opts.partnershipId),
        eq(meetings.id, opts.id),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Invitees and walk-ins, organisation by organisation. */
export async function listParticipants(db: Db, opts: { localityId: string; meetingId: string }) {
  return db
    .select({
      id: meetingParticipants.id,
      organisationId: meetingParticipants.organisationId,
      organisationName: organisations.name,
      contactId: meetingParticipants.contactId,
      userId: meetingParticipants.userId,
      name: meetingParticipants.name,
      email: meetingParticipants.email,
      invitedAt: meetingParticipants.invitedAt,
      attendance: meetingParticipants.attendance,
    })
    .from(meetingParticipants)
    .leftJoin(organisations, eq(organisations.id, meetingParticipants.organisationId))
    .where(
      and(
        eq(meetingParticipants.localityId, opts.localityId),
        eq(meetingParticipants.meetingId, opts.meetingId),
      ),
    )
    .orderBy(
      sql`${organisations.nameFolded} asc nulls last`,
      asc(meetingParticipants.name),
      asc(meetingParticipants.createdAt),
    );
}

/** The meeting's decisions, each with the programme tasks it created. */
export async function listDecisions(db: Db, opts: { localityId: string; meetingId: string }) {
  const rows = await db
    .select({
      id: meetingDecisions.id,
      number: meetingDecisions.number,
      text: meetingDecisions.text,
      createdAt: meetingDecisions.createdAt,
      taskId: programmeItems.id,
      taskTitle: programmeItems.title,
      taskStatus: programmeItems.status,
    })
    .from(meetingDecisions)
    .leftJoin(
      programmeItems,
      and(
        eq(programmeItems.decisionId, meetingDecisions.id),
        eq(programmeItems.localityId, meetingDecisions.localityId),
      ),
    )
    .where(
      and(eq(meetingDecisions.localityId, opts.localityId), eq(meetingDecisions.meetingId, opts.meetingId)),
    )
    .orderBy(asc(meetingDecisions.createdAt), asc(programmeItems.createdAt));
  const out: {
    id: string;
    number: string;
    text: string;
    tasks: { id: string; title: string; status: string }[];
  }[] = [];
  for (const r of rows) {
    let d = out.at(-1);
    if (d?.id !== r.id) {
      d = { id: r.id, number: r.number, text: r.text, tasks: [] };
      out.push(d);
    }
    if (r.taskId) d.tasks.push({ id: r.taskId, title: r.taskTitle ?? '', status: r.taskStatus ?? '' });
  }
  return out;
}

/** The programme's actions that are not cancelled: the parents a decision's task can hang under. */
export async function listProgrammeActions(db: Db, opts: { localityId: string; partnershipId: string }) {
  return db
    .select({ id: programmeItems.id, title: programmeItems.title })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.localityId, opts.localityId),
        eq(programmeItems.partnershipId, opts.partnershipId),
        eq(programmeItems.level, 'action'),
        ne(programmeItems.status, 'cancelled'),
      ),
    )
    .orderBy(asc(programmeItems.position), asc(programmeItems.createdAt));
}

/**
 * The partnership's member organisations with their directory contacts: what the invite
 * and walk-in forms offer. One row per contact (or one per organisation without contacts).
 */
export async function listMemberContacts(db: Db, opts: { localityId: string; partnershipId: string }) {
  const rows = await db
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationEmail: organisations.email,
      contactId: organisationContacts.id,
      contactName: organisationContacts.name,
      contactRole: organisationContacts.role,
      contactEmail: organisationContacts.email,
    })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .leftJoin(organisationContacts, eq(organisationContacts.organisationId, organisations.id))
    .where(
      and(
        eq(partnershipMembers.localityId, opts.localityId),
        eq(partnershipMembers.partnershipId, opts.partnershipId),
      ),
    )
    .orderBy(asc(organisations.nameFolded), asc(organisationContacts.name));
  const out: {
    id: string;
    name: string;
    email: string;
    contacts: { id: string; name: string; role: string; email: string }[];
  }[] = [];
  for (const r of rows) {
    let o = out.at(-1);
    if (o?.id !== r.organisationId) {
      o = { id: r.organisationId, name: r.organisationName, email: r.organisationEmail, contacts: [] };
      out.push(o);
    }
    if (r.contactId)
      o.contacts.push({
        id: r.contactId,
        name: r.contactName ?? '',
        role: r.contactRole ?? '',
        email: r.contactEmail ?? '',
      });
  }
  return out;
}
