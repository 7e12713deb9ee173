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

/**
 * Plain inserts for tests of the qualification rule and the cascade (no rules, no audit):
 * the use cases under test apply the rules; these only lay out known data.
 */

export async function makeLeadersProgramme(
  db: Db,
  localityId: string,
  modules = 3,
): Promise<{ id: string; moduleIds: string[] }> {
  const [c] = await db
    .insert(curricula)
    .values({ localityId, name: 'Program dla liderów', isLeadersProgramme: true })
    .returning({ id: curricula.id });
  const rows = await db
    .insert(curriculumModules)
    .values(
      Array.from({ length: modules }, (_, i) => ({
        curriculumId: c!.id,
        localityId,
        position: i + 1,
        title: `Moduł ${i + 1}`,
        plannedHours: '4',
      })),
    )
    .returning({ id: curriculumModules.id, position: curriculumModules.position });
  return { id: c!.id, moduleIds: rows.sort((a, b) => a.position - b.position).map((r) => r.id) };
}

export async function makePeople(db: Db, localityId: string, names: string[]): Promise<string[]> {
  if (!names.length) return [];
  const rows = await db
    .insert(people)
    .values(
      names.map((n) => {
        const [givenName, ...rest] = n.split(' ');
        return { localityId, givenName: givenName!, familyName: rest.join(' '), legalBasis: 'consent' };
      }),
    )
    .returning({ id: people.id });
  return rows.map((r) => r.id);
}

export async function makeGroup(
  db: Db,
  opts: {
    localityId: string;
    kind: 'leaders_course' | 'self_education' | 'club_activity';
    name: string;
    curriculumId: string | null;
    facilitator?: { personId: string; qualificationId: string | null };
    memberIds?: string[];
  },
): Promise<{ id: string; members: Map<string, string> }> {
  const [g] = await db
    .insert(studyGroups)
    .values({
      localityId: opts.localityId,
      kind: opts.kind,
      name: opts.name,
      curriculumId: opts.curriculumId,
      startsOn: '2026-01-05',
      endsOn: '2026-06-30',
      status: 'finished',
    })
    .returning({ id: studyGroups.id });
  if (opts.facilitator)
    await db.insert(studyGroupFacilitators).values({
      groupId: g!.id,
      personId: opts.facilitator.personId,
      localityId: opts.localityId,
      qualificationId: opts.facilitator.qualificationId,
    });
  const members = new Map<string, string>();
  if (opts.memberIds?.length) {
    const rows = await db
      .insert(studyGroupMembers)
      .values(
        opts.memberIds.map((personId) => ({
          groupId: g!.id,
          personId,
          localityId: opts.localityId,
          joinedOn: '2026-01-05',
        })),
      )
      .returning({ id: studyGroupMembers.id, personId: studyGroupMembers.personId });
    for (const r of rows) members.set(r.personId, r.id);
  }
  return { id: g!.id, members };
}

/** Held sessions (in the past): the modules each covers and who was present (person ids; others absent). */
export async function holdSessions(
  db: Db,
  opts: {
    localityId: string;
    groupId: string;
    members: Map<string, string>;
    sessions: { moduleIds: string[]; present: string[]; cancelled?: boolean }[];
  },
): Promise<void> {
  let day = 0;
  for (const s of opts.sessions) {
    day += 7;
    const [row] = await db
      .insert(studySessions)
      .values({
        groupId: opts.groupId,
        localityId: opts.localityId,
        startsAt: new Date(Date.UTC(2026, 0, 5 + day, 16)),
        minutes: 180,
        cancelled: s.cancelled ?? false,
      })
      .returning({ id: studySessions.id });
    if (s.moduleIds.length)
      await db
        .insert(studySessionModules)
        .values(
          s.moduleIds.map((moduleId) => ({ sessionId: row!.id, moduleId, localityId: opts.localityId })),
        );
    const present = new Set(s.present);
    const marks = [...opts.members].map(([personId, memberId]) => ({
      sessionId: row!.id,
      memberId,
      localityId: opts.localityId,
      status: present.has(personId) ? 'present' : 'absent',
    }));
    if (marks.length) await db.insert(studyAttendance).values(marks);
  }
}

export async function qualifyDirectly(
  db: Db,
  opts: { localityId: string; personId: string; groupId: string; curriculumId: string; number: string },
): Promise<string> {
  const [q] = await db
    .insert(leaderQualifications)
    .values({
      localityId: opts.localityId,
      personId: opts.personId,
      curriculumId: opts.curriculumId,
      groupId: opts.groupId,
      grantedOn: '2026-07-01',
      attendanceShare: '1.000',
      modulesShare: '1.000',
      certificateNumber: opts.number,
    })
    .returning({ id: leaderQualifications.id });
  return q!.id;
}
