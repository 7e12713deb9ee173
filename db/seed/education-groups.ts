import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { isoWeekday, nextMeetingDate } from '../../app/features/education/groups/groups.rules.ts';
import {
  addMember,
  addSession,
  createGroup,
  recordAttendance,
  updateSchedule,
} from '../../app/features/education/groups/groups.server.ts';
import { warsawParts } from '../../app/features/meetings/meeting.rules.ts';
import type { Db } from '../client.ts';
import {
  clubMembers,
  clubs,
  people,
  studyGroupFacilitators,
  studyGroups,
  studySessions,
  users,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

/**
 * Demo data for groups, sessions and attendance (issue 5, item 2), after the cascade's seed:
 * - every demo group gets a recurring schedule (the weekday and time of its first session);
 * - every running group gets its next session, so the attendance page can be tried;
 * - a club activity group in each locality with a club (its members, past sessions with attendance);
 * - the demo leader (lider.poznan@splot.demo) is linked to the person who runs a running
 *   self-education group in Poznań, so she sees and runs only that group.
 * Everything goes through the use cases: the rules and the audit apply.
 */
export async function seedEducationGroups(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {
  for (const place of [places.poznan, places.wagrowiec, places.kwilcz]) {
    await seedPlace(db, places.today, place);
  }
  await linkDemoLeader(db, places.today, places.poznan);
}

const CLUB_GROUPS: Record<string, { name: string; place: string; time: string }> = {
  poznan: { name: 'Warsztaty kulinarne w klubie', place: 'Kuchnia klubowa', time: '11:00' },
  wagrowiec: { name: 'Pracownia rękodzieła', place: 'Sala klubu, pracownia', time: '10:00' },
  kwilcz: { name: 'Ogród społeczny – zajęcia w klubie', place: 'Ogród przy świetlicy', time: '16:00' },
};

async function seedPlace(db: Db, today: string, place: Place) {
  const ctx = await coordinatorContext(db, place);
  const localityId = place.locality.id;

  // Club activity group: members from the club's members, weekly sessions, attendance taken.
  const [club] = await db
    .select({ id: clubs.id })
    .from(clubs)
    .where(eq(clubs.localityId, localityId))
    .orderBy(asc(clubs.createdAt))
    .limit(1);
  const spec = CLUB_GROUPS[place.locality.slug];
  if (club && spec) {
    const startsOn = daysFrom(today, -49);
    const groupId = await createGroup(db, {
      ...ctx,
      today,
      values: {
        kind: 'club_activity',
        name: spec.name,
        clubId: club.id,
        startsOn,
        endsOn: daysFrom(today, 90),
        scheduleWeekday: isoWeekday(startsOn),
        scheduleTime: spec.time,
        scheduleMinutes: 120,
        scheduleEveryWeeks: 1,
        place: spec.place,
      },
    });
    const persons = await db
      .selectDistinct({ personId: clubMembers.personId })
      .from(clubMembers)
      .innerJoin(people, eq(people.id, clubMembers.personId))
      .where(and(eq(clubMembers.clubId, club.id), isNull(people.erasedAt)))
      .orderBy(clubMembers.personId)
      .limit(8);
    const members: string[] = [];
    for (const p of persons)
      members.push(await addMember(db, { ...ctx, groupId, personId: p.personId, joinedOn: startsOn }));
    // Four sessions held (the rule of the funder is met with 3+ members), one ahead.
    for (let week = 0; week < 5; week++) {
      const sessionId = await addSession(db, {
        ...ctx,
        groupId,
        values: { startsOn: daysFrom(startsOn, week * 7), startsAt: spec.time, minutes: 150 },
      });
      if (week < 4 && members.length) {
        const statuses: Record<string, string> = {};
        members.forEach((m, i) => {
          statuses[m] = (i + week) % 5 === 0 ? 'absent' : (i + week) % 7 === 0 ? 'excused' : 'present';
        });
        await recordAttendance(db, { ...ctx, sessionId, statuses });
      }
    }
  }

  // Every group a schedule; every running group its next session.
  const groups = await db
    .select({
      id: studyGroups.id,
      startsOn: studyGroups.startsOn,
      endsOn: studyGroups.endsOn,
      scheduleWeekday: studyGroups.scheduleWeekday,
      scheduleTime: studyGroups.scheduleTime,
      scheduleMinutes: studyGroups.scheduleMinutes,
      scheduleEveryWeeks: studyGroups.scheduleEveryWeeks,
      place: studyGroups.place,
      firstSession: sql<
        string | null
      >`(select min(s.starts_at) from ${studySessions} s where s.group_id = "study_groups"."id")`,
      upcoming: sql<number>`(select count(*)::int from ${studySessions} s where s.group_id = "study_groups"."id" and s.starts_at >= now() and not s.cancelled)`,
    })
    .from(studyGroups)
    .where(eq(studyGroups.localityId, localityId));
  for (const g of groups) {
    let weekday = g.scheduleWeekday;
    let time = g.scheduleTime;
    if (!weekday) {
      const first = g.firstSession
        ? warsawParts(new Date(g.firstSession))
        : { date: g.startsOn, time: '17:00' };
      weekday = isoWeekday(first.date);
      time = g.scheduleTime || first.time;
      await updateSchedule(db, {
        ...ctx,
        groupId: g.id,
        values: {
          scheduleWeekday: weekday,
          scheduleTime: time,
          scheduleMinutes: g.scheduleMinutes,
          scheduleEveryWeeks: g.scheduleEveryWeeks,
        },
      });
    }
    const running = g.startsOn <= today && (!g.endsOn || g.endsOn >= today);
    if (running && Number(g.upcoming) === 0) {
      const next = nextMeetingDate(
        {
          startsOn: g.startsOn,
          endsOn: g.endsOn,
          scheduleWeekday: weekday,
          scheduleEveryWeeks: g.scheduleEveryWeeks,
        },
        daysFrom(today, 1),
      );
      if (!g.endsOn || next <= g.endsOn)
        await addSession(db, {
          ...ctx,
          groupId: g.id,
          values: { startsOn: next, startsAt: time || '17:00', minutes: g.scheduleMinutes },
        });
    }
  }
}

/**
 * The demo leader's account belongs to the person who runs a running self-education group in
 * Poznań (the latest to end): her person record takes her account and her name.
 */
async function linkDemoLeader(db: Db, today: string, place: Place) {
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, 'lider.poznan@splot.demo'))
    .limit(1);
  if (!user) return;
  const [row] = await db
    .select({ personId: studyGroupFacilitators.personId })
    .from(studyGroupFacilitators)
    .innerJoin(studyGroups, eq(studyGroups.id, studyGroupFacilitators.groupId))
    .where(
      and(
        eq(studyGroups.localityId, place.locality.id),
        eq(studyGroups.kind, 'self_education'),
        sql`${studyGroups.startsOn} <= ${today} and (${studyGroups.endsOn} is null or ${studyGroups.endsOn} >= ${today})`,
      ),
    )
    .orderBy(sql`${studyGroups.endsOn} desc nulls first`)
    .limit(1);
  if (!row) return;
  const [given, ...rest] = user.name.split(' ');
  await db
    .update(people)
    .set({
      userId: user.id,
      ...(given && rest.length ? { givenName: given, familyName: rest.join(' ') } : {}),
      email: 'lider.poznan@splot.demo',
      updatedAt: new Date(),
    })
    .where(eq(people.id, row.personId));
}
