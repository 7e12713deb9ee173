/**
 * Test data for the education reports and feedback tests, written straight into the tables
 * (the groups/cascade use cases are built by other capabilities).
 */
import type { Db } from '../../../../db/client.ts';
import {
  curricula,
  curriculumModules,
  leaderQualifications,
  people,
  studyAttendance,
  studyGroupFacilitators,
  studyGroupMembers,
  studyGroups,
  studySessionModules,
  studySessions,
} from '../../../../db/schema/index.ts';

let seq = 0;

export async function makeCurriculum(
  db: Db,
  localityId: string,
  modules: string[],
  name = 'Program liderów',
) {
  const [c] = await db
    .insert(curricula)
    .values({ localityId, name, isLeadersProgramme: true })
    .returning({ id: curricula.id });
  const ids: string[] = [];
  for (const [i, title] of modules.entries()) {
    const [m] = await db
      .insert(curriculumModules)
      .values({ curriculumId: c!.id, localityId, position: i + 1, title, plannedHours: '4' })
      .returning({ id: curriculumModules.id });
    ids.push(m!.id);
  }
  return { id: c!.id, moduleIds: ids };
}

export async function makePerson(db: Db, localityId: string, name: string, userId: string | null = null) {
  seq += 1;
  const [given, family] = name.split(' ');
  const [p] = await db
    .insert(people)
    .values({
      localityId,
      givenName: given!,
      familyName: family ?? `Nazwisko${seq}`,
      legalBasis: 'consent',
      userId,
    })
    .returning({ id: people.id });
  return p!.id;
}

export async function makeGroup(
  db: Db,
  localityId: string,
  opts: { name: string; kind: 'leaders_course' | 'self_education' | 'club_activity'; curriculumId?: string },
) {
  const [g] = await db
    .insert(studyGroups)
    .values({
      localityId,
      kind: opts.kind,
      name: opts.name,
      curriculumId: opts.curriculumId ?? null,
      startsOn: '2026-01-01',
      status: 'running',
    })
    .returning({ id: studyGroups.id });
  return g!.id;
}

export async function addMember(db: Db, localityId: string, groupId: string, personId: string) {
  const [m] = await db
    .insert(studyGroupMembers)
    .values({ localityId, groupId, personId, joinedOn: '2026-01-01' })
    .returning({ id: studyGroupMembers.id });
  return m!.id;
}

export async function makeSession(
  db: Db,
  localityId: string,
  groupId: string,
  opts: { startsAt: string; minutes: number; moduleIds?: string[]; cancelled?: boolean },
) {
  const [s] = await db
    .insert(studySessions)
    .values({
      localityId,
      groupId,
      startsAt: new Date(opts.startsAt),
      minutes: opts.minutes,
      cancelled: opts.cancelled ?? false,
    })
    .returning({ id: studySessions.id });
  for (const moduleId of opts.moduleIds ?? [])
    await db.insert(studySessionModules).values({ sessionId: s!.id, moduleId, localityId });
  return s!.id;
}

export async function attend(
  db: Db,
  localityId: string,
  sessionId: string,
  memberIds: string[],
  status: 'present' | 'absent' | 'excused' = 'present',
) {
  for (const memberId of memberIds)
    await db.insert(studyAttendance).values({ sessionId, memberId, localityId, status });
}

/** Qualifies a person in a group and makes them the facilitator of another group (a cascade edge). */
export async function qualifyAndFacilitate(
  db: Db,
  localityId: string,
  opts: { personId: string; curriculumId: string; earnedIn: string; facilitates: string },
) {
  seq += 1;
  const [q] = await db
    .insert(leaderQualifications)
    .values({
      localityId,
      personId: opts.personId,
      curriculumId: opts.curriculumId,
      groupId: opts.earnedIn,
      grantedOn: '2026-02-01',
      attendanceShare: '1.000',
      modulesShare: '1.000',
      certificateNumber: `T/${seq}/${Date.now()}`,
    })
    .returning({ id: leaderQualifications.id });
  await db.insert(studyGroupFacilitators).values({
    groupId: opts.facilitates,
    personId: opts.personId,
    localityId,
    qualificationId: q!.id,
  });
  return q!.id;
}
