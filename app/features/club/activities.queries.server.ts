import { and, asc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubActivities, clubAttendance, clubMembers, people } from '../../../db/schema/index.ts';
import { isUuid } from './club-access.server.ts';

type Scope = { localityId: string; clubId: string };

const activityFields = {
  id: clubActivities.id,
  title: clubActivities.title,
  kind: clubActivities.kind,
  startsAt: clubActivities.startsAt,
  endsAt: clubActivities.endsAt,
  place: clubActivities.place,
  description: clubActivities.description,
  leaderName: clubActivities.leaderName,
  cancelled: clubActivities.cancelled,
  present:
    sql<number>`(select count(*) from ${clubAttendance} a where a.activity_id = "club_activities"."id" and a.status = 'present')`.mapWith(
      Number,
    ),
};

/** Activities starting in [from, to), with how many members were present. */
export async function activitiesBetween(db: Db, opts: Scope & { from: Date; to: Date; limit?: number }) {
  return db
    .select(activityFields)
    .from(clubActivities)
    .where(
      and(
        eq(clubActivities.clubId, opts.clubId),
        eq(clubActivities.localityId, opts.localityId),
        gte(clubActivities.startsAt, opts.from),
        lt(clubActivities.startsAt, opts.to),
      ),
    )
    .orderBy(asc(clubActivities.startsAt))
    .limit(opts.limit ?? 500);
}

export async function getActivity(db: Db, opts: Scope & { activityId: string }) {
  if (!isUuid(opts.activityId)) return null;
  const [row] = await db
    .select({
      ...activityFields,
      absent:
        sql<number>`(select count(*) from ${clubAttendance} a where a.activity_id = "club_activities"."id" and a.status = 'absent')`.mapWith(
          Number,
        ),
      excused:
        sql<number>`(select count(*) from ${clubAttendance} a where a.activity_id = "club_activities"."id" and a.status = 'excused')`.mapWith(
          Number,
        ),
    })
    .from(clubActivities)
    .where(
      and(
        eq(clubActivities.id, opts.activityId),
        eq(clubActivities.clubId, opts.clubId),
        eq(clubActivities.localityId, opts.localityId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The attendance sheet: members on the day of the activity (and anyone already marked), with their mark. */
export async function attendanceSheet(db: Db, opts: Scope & { activityId: string; day: string }) {
  return db
    .select({
      memberId: clubMembers.id,
      givenName: people.givenName,
      familyName: people.familyName,
      erasedAt: people.erasedAt,
      status: clubAttendance.status,
    })
    .from(clubMembers)
    .innerJoin(people, eq(people.id, clubMembers.personId))
    .leftJoin(
      clubAttendance,
      and(eq(clubAttendance.memberId, clubMembers.id), eq(clubAttendance.activityId, opts.activityId)),
    )
    .where(
      and(
        eq(clubMembers.clubId, opts.clubId),
        eq(clubMembers.localityId, opts.localityId),
        or(
          and(
            sql`${clubMembers.joinedOn} <= ${opts.day}`,
            or(isNull(clubMembers.leftOn), sql`${clubMembers.leftOn} >= ${opts.day}`),
          ),
          sql`${clubAttendance.status} is not null`,
        ),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName));
}

/** Kinds of activity the club has run or planned (what it offers, for the register). */
export async function activityKinds(db: Db, opts: Scope) {
  const rows = await db
    .selectDistinct({ kind: clubActivities.kind })
    .from(clubActivities)
    .where(and(eq(clubActivities.clubId, opts.clubId), eq(clubActivities.localityId, opts.localityId)));
  return rows.map((r) => r.kind);
}
