import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubActivities, clubAttendance, clubMembers } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { type AttendanceStatus, checkActivityTimes, isMemberOn } from './club.rules.ts';
import type { ActivityInput } from './club.schema.ts';
import {
  assertManage,
  assertSeeMembers,
  audit,
  type Ctx,
  isUuid,
  requireClub,
  throwIfErrors,
} from './club-access.server.ts';
import { warsawDateTime, warsawInstant } from './club-time.ts';

function times(i: ActivityInput) {
  return { startsAt: warsawInstant(i.date, i.startTime), endsAt: warsawInstant(i.date, i.endTime) };
}

/** Adds an activity to the club's calendar, or changes one (`activityId`). */
export async function saveActivity(
  db: Db,
  ctx: Ctx & { clubId: string; activityId?: string; input: ActivityInput },
): Promise<string> {
  assertManage(ctx);
  throwIfErrors(checkActivityTimes(ctx.input));
  const i = ctx.input;
  const values = {
    title: i.title,
    kind: i.kind,
    ...times(i),
    place: i.place,
    description: i.description,
    leaderName: i.leaderName,
  };
  return db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    if (ctx.activityId) {
      const a = await requireActivity(tx, ctx, club.id, ctx.activityId);
      await tx.update(clubActivities).set(values).where(eq(clubActivities.id, a.id));
      await audit(tx, ctx, 'club.activity_update', club.id, { activityId: a.id, kind: i.kind });
      return a.id;
    }
    const [row] = await tx
      .insert(clubActivities)
      .values({
        ...values,
        localityId: ctx.locality.localityId,
        clubId: club.id,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: clubActivities.id });
    await audit(tx, ctx, 'club.activity_create', club.id, { activityId: row!.id, kind: i.kind });
    return row!.id;
  });
}

/** An activity of this club in this locality (the club's own row is checked by the same filter). */
async function requireActivity(db: Db, ctx: Ctx, clubId: string, activityId: string) {
  if (!isUuid(activityId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [a] = await db
    .select({
      id: clubActivities.id,
      startsAt: clubActivities.startsAt,
      cancelled: clubActivities.cancelled,
    })
    .from(clubActivities)
    .where(
      and(
        eq(clubActivities.id, activityId),
        eq(clubActivities.clubId, clubId),
        eq(clubActivities.localityId, ctx.locality.localityId),
      ),
    )
    .limit(1);
  if (!a) throw new AppError('NOT_FOUND', 'errors.404.body');
  return a;
}

/** Cancels an activity (it stays in the calendar, marked cancelled) or restores it. */
export async function setActivityCancelled(
  db: Db,
  ctx: Ctx & { clubId: string; activityId: string; cancelled: boolean },
): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const a = await requireActivity(tx, ctx, club.id, ctx.activityId);
    await tx.update(clubActivities).set({ cancelled: ctx.cancelled }).where(eq(clubActivities.id, a.id));
    await audit(tx, ctx, ctx.cancelled ? 'club.activity_cancel' : 'club.activity_restore', club.id, {
      activityId: a.id,
    });
  });
}

/**
 * Records the attendance of an activity from one form: every member marked present, absent or
 * excused, and marks taken back (`cleared`). A fixed number of statements whatever the number
 * of members: the activity, the members, one delete, one upsert, the audit row.
 */
export async function recordAttendance(
  db: Db,
  ctx: Ctx & {
    clubId: string;
    activityId: string;
    marks: { memberId: string; status: AttendanceStatus }[];
    cleared: string[];
    now: Date;
  },
): Promise<{ marked: number }> {
  assertSeeMembers(ctx);
  return db.transaction(async (tx) => {
    const a = await requireActivity(tx, ctx, ctx.clubId, ctx.activityId);
    if (a.cancelled) throw new AppError('DOMAIN_RULE', 'club.attendance.cancelled');
    if (a.startsAt > ctx.now && ctx.marks.length > 0)
      throw new AppError('DOMAIN_RULE', 'club.attendance.future');
    const ids = [...new Set([...ctx.marks.map((m) => m.memberId), ...ctx.cleared])];
    const members = ids.length
      ? await tx
          .select({ id: clubMembers.id, joinedOn: clubMembers.joinedOn, leftOn: clubMembers.leftOn })
          .from(clubMembers)
          .where(
            and(
              eq(clubMembers.clubId, ctx.clubId),
              eq(clubMembers.localityId, ctx.locality.localityId),
              inArray(clubMembers.id, ids),
            ),
          )
      : [];
    if (members.length !== ids.length) throw new AppError('BAD_REQUEST', 'club.attendance.unknownMember');
    const day = warsawDateTime(a.startsAt).date;
    const byId = new Map(members.map((m) => [m.id, m]));
    if (ctx.marks.some((m) => !isMemberOn(byId.get(m.memberId)!, day)))
      throw new AppError('DOMAIN_RULE', 'club.attendance.notMemberThatDay');
    if (ctx.cleared.length)
      await tx
        .delete(clubAttendance)
        .where(and(eq(clubAttendance.activityId, a.id), inArray(clubAttendance.memberId, ctx.cleared)));
    if (ctx.marks.length)
      await tx
        .insert(clubAttendance)
        .values(
          ctx.marks.map((m) => ({
            activityId: a.id,
            memberId: m.memberId,
            localityId: ctx.locality.localityId,
            status: m.status,
          })),
        )
        .onConflictDoUpdate({
          target: [clubAttendance.activityId, clubAttendance.memberId],
          set: { status: sql`excluded.status` },
        });
    const counts = { present: 0, absent: 0, excused: 0 };
    for (const m of ctx.marks) counts[m.status] += 1;
    await audit(tx, ctx, 'club.attendance_record', ctx.clubId, { activityId: a.id, ...counts });
    return { marked: ctx.marks.length };
  });
}
