import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../../db/client.ts';
import {
  auditLog,
  curricula,
  curriculumModules,
  leaderQualifications,
  people,
  studyAttendance,
  studyGroupFacilitators,
  studySessionModules,
} from '../../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/db.ts';
import { actorFor } from '../../../../tests/setup/services.ts';
import type { ActorLocality } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Role } from '../../../lib/roles.ts';
import { groupValidity } from './groups.queries.server.ts';
import {
  addFacilitator,
  addMember,
  addSession,
  createGroup,
  recordAttendance,
  requireGroup,
} from './groups.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let coordinator: { id: string };
let leaderUser: { id: string };
let otherLeaderUser: { id: string };
let pzCoordinator: { id: string };
let curriculumId: string;
let moduleIds: string[] = [];
let courseId: string;
const TODAY = '2026-11-27';

const at = (loc: typeof wg, roles: Role[]): ActorLocality => ({
  localityId: loc.id,
  slug: loc.slug,
  name: loc.name,
  kind: 'urban',
  roles,
  organisationIds: [],
});
const coord = () => ({ actor: actorFor(coordinator), locality: at(wg, ['coordinator']) });
const leader = () => ({ actor: actorFor(leaderUser), locality: at(wg, ['leader']) });
const otherLeader = () => ({ actor: actorFor(otherLeaderUser), locality: at(wg, ['leader']) });

async function person(given: string, family: string, userId: string | null = null, loc = wg) {
  const [p] = await t.db
    .insert(people)
    .values({ localityId: loc.id, givenName: given, familyName: family, legalBasis: 'consent', userId })
    .returning({ id: people.id });
  return p!.id;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  coordinator = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
  leaderUser = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'leader' }] });
  otherLeaderUser = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'leader' }] });
  pzCoordinator = await makeUser(t.db, { roles: [{ localityId: pz.id, role: 'coordinator' }] });
  const [c] = await t.db
    .insert(curricula)
    .values({ localityId: wg.id, name: 'Program liderów', isLeadersProgramme: true })
    .returning({ id: curricula.id });
  curriculumId = c!.id;
  const mods = await t.db
    .insert(curriculumModules)
    .values(
      [1, 2, 3].map((position) => ({
        curriculumId,
        localityId: wg.id,
        position,
        title: `Moduł ${position}`,
        plannedHours: '3',
      })),
    )
    .returning({ id: curriculumModules.id });
  moduleIds = mods.map((m) => m.id);
  courseId = await createGroup(t.db, {
    ...coord(),
    today: TODAY,
    values: {
      kind: 'leaders_course',
      name: 'Kurs liderów 2026',
      curriculumId,
      startsOn: '2026-09-01',
      endsOn: '2026-12-31',
    },
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('groups', () => {
  it('creates a group with its schedule and audits it', async () => {
    const id = await createGroup(t.db, {
      ...coord(),
      today: TODAY,
      values: {
        kind: 'leaders_course',
        name: 'Kurs B',
        startsOn: '2026-10-01',
        scheduleWeekday: '3',
        scheduleTime: '17:00',
        scheduleMinutes: '180',
        place: 'Sala 3',
      },
    });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(rows.map((r) => r.action)).toContain('education.group.create');
  });

  it('refuses bad values field by field', async () => {
    const e = await failure(
      createGroup(t.db, {
        ...coord(),
        values: {
          kind: 'leaders_course',
          name: ' ',
          startsOn: '2026-10-01',
          endsOn: '2026-09-01',
          scheduleTime: '25:00',
        },
      }),
    );
    expect(e.fieldErrors.name).toBe('education.groups.name.required');
    expect(e.fieldErrors.endsOn).toBe('education.groups.endsOn.beforeStart');
    expect(e.fieldErrors.scheduleTime).toBe('education.groups.scheduleTime.invalid');
  });

  it('refuses an unqualified facilitator of a self-education group and explains what is missing', async () => {
    const g = await createGroup(t.db, {
      ...coord(),
      today: TODAY,
      values: { kind: 'self_education', name: 'Grupa sąsiedzka', curriculumId, startsOn: '2026-11-01' },
    });
    const p = await person('Ala', 'Niekwalifikowana');
    const e = await failure(addFacilitator(t.db, { ...coord(), groupId: g, personId: p }));
    expect(e.code).toBe('DOMAIN_RULE');
    expect(e.messageKey).toBe('education.groups.facilitator.unqualified');
    const why = e.fieldErrors.personId as { key: string };
    expect(why.key).toMatch(/^education\.leaders\.explain\./);
    const f = await t.db.select().from(studyGroupFacilitators).where(eq(studyGroupFacilitators.groupId, g));
    expect(f).toHaveLength(0);
    // With a qualification (not revoked) the same person is accepted and the qualification recorded.
    const [q] = await t.db
      .insert(leaderQualifications)
      .values({
        localityId: wg.id,
        personId: p,
        curriculumId,
        groupId: courseId,
        grantedOn: '2026-10-30',
        attendanceShare: '0.9',
        modulesShare: '1',
        certificateNumber: 'T/1',
      })
      .returning({ id: leaderQualifications.id });
    await addFacilitator(t.db, { ...coord(), groupId: g, personId: p });
    const [row] = await t.db
      .select()
      .from(studyGroupFacilitators)
      .where(eq(studyGroupFacilitators.groupId, g));
    expect(row!.qualificationId).toBe(q!.id);
  });

  it('refuses a session outside the group dates in words with the dates', async () => {
    const e = await failure(
      addSession(t.db, {
        ...coord(),
        groupId: courseId,
        values: { startsOn: '2027-01-10', startsAt: '17:00', minutes: 120 },
      }),
    );
    expect(e.fieldErrors.startsOn).toEqual({
      key: 'education.sessions.outside',
      values: { startsOn: '1.09.2026', endsOn: '31.12.2026' },
    });
  });
});

describe('attendance', () => {
  let groupId: string;
  let sessionId: string;
  const members: string[] = [];
  let leaderPerson: string;

  beforeAll(async () => {
    leaderPerson = await person('Lena', 'Liderka', leaderUser.id);
    await t.db.insert(leaderQualifications).values({
      localityId: wg.id,
      personId: leaderPerson,
      curriculumId,
      groupId: courseId,
      grantedOn: '2026-10-30',
      attendanceShare: '0.9',
      modulesShare: '1',
      certificateNumber: 'T/2',
    });
    groupId = await createGroup(t.db, {
      ...coord(),
      today: TODAY,
      values: {
        kind: 'self_education',
        name: 'Grupa Leny',
        curriculumId,
        startsOn: '2026-11-01',
        endsOn: '2027-02-28',
        facilitatorPersonId: leaderPerson,
      },
    });
    for (let i = 0; i < 25; i++) {
      const p = await person(`Osoba${i}`, 'Testowa');
      members.push(await addMember(t.db, { ...leader(), groupId, personId: p, joinedOn: '2026-11-01' }));
    }
    sessionId = await addSession(t.db, {
      ...leader(),
      groupId,
      values: { startsOn: '2026-11-20', startsAt: '18:00', minutes: 180, moduleIds: [moduleIds[0]!] },
    });
  });

  it('records 25 people in at most 5 statements, modules too', async () => {
    const statuses = Object.fromEntries(members.map((m, i) => [m, i % 5 === 0 ? 'absent' : 'present']));
    const counter = { count: 0 };
    const counts = await sqlCounter.run(counter, () =>
      recordAttendance(t.db, { ...leader(), sessionId, statuses, moduleIds: [moduleIds[0]!, moduleIds[1]!] }),
    );
    expect(counter.count).toBeLessThanOrEqual(5);
    expect(counts).toEqual({ present: 20, absent: 5, excused: 0 });
    const saved = await t.db.select().from(studyAttendance).where(eq(studyAttendance.sessionId, sessionId));
    expect(saved).toHaveLength(25);
    const mods = await t.db
      .select()
      .from(studySessionModules)
      .where(eq(studySessionModules.sessionId, sessionId));
    expect(mods.map((m) => m.moduleId).sort()).toEqual([moduleIds[0]!, moduleIds[1]!].sort());
    // A second submit changes marks in place and can drop a module.
    await recordAttendance(t.db, {
      ...leader(),
      sessionId,
      statuses: { [members[0]!]: 'excused' },
      moduleIds: [moduleIds[1]!],
    });
    const [one] = await t.db
      .select()
      .from(studyAttendance)
      .where(and(eq(studyAttendance.sessionId, sessionId), eq(studyAttendance.memberId, members[0]!)));
    expect(one!.status).toBe('excused');
    const mods2 = await t.db
      .select()
      .from(studySessionModules)
      .where(eq(studySessionModules.sessionId, sessionId));
    expect(mods2.map((m) => m.moduleId)).toEqual([moduleIds[1]!]);
  });

  it('refuses a non-member and saves nothing', async () => {
    const other = await createGroup(t.db, {
      ...coord(),
      today: TODAY,
      values: { kind: 'leaders_course', name: 'Inna', startsOn: '2026-11-01' },
    });
    const stranger = await addMember(t.db, {
      ...coord(),
      groupId: other,
      personId: await person('Obca', 'Osoba'),
      joinedOn: '2026-11-01',
    });
    const s2 = await addSession(t.db, {
      ...coord(),
      groupId,
      values: { startsOn: '2026-11-27', startsAt: '18:00', minutes: 120 },
    });
    const e = await failure(
      recordAttendance(t.db, {
        ...leader(),
        sessionId: s2,
        statuses: { [members[1]!]: 'present', [stranger]: 'present' },
      }),
    );
    expect(e.messageKey).toBe('education.attendance.notMember');
    const saved = await t.db.select().from(studyAttendance).where(eq(studyAttendance.sessionId, s2));
    expect(saved).toHaveLength(0);
  });

  it('lets a leader run only their own groups', async () => {
    expect((await requireGroup(t.db, leader(), groupId)).facilitates).toBe(true);
    expect((await failure(requireGroup(t.db, otherLeader(), groupId))).code).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          recordAttendance(t.db, { ...otherLeader(), sessionId, statuses: { [members[0]!]: 'present' } }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          createGroup(t.db, { ...leader(), values: { kind: 'leaders_course', name: 'x', startsOn: TODAY } }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('answers 404 for another locality', async () => {
    const pzCtx = { actor: actorFor(pzCoordinator), locality: at(pz, ['coordinator']) };
    expect((await failure(requireGroup(t.db, pzCtx, groupId))).code).toBe('NOT_FOUND');
    expect(
      (await failure(recordAttendance(t.db, { ...pzCtx, sessionId, statuses: { [members[0]!]: 'present' } })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await failure(
          addSession(t.db, {
            ...pzCtx,
            groupId,
            values: { startsOn: '2026-11-20', startsAt: '18:00', minutes: 60 },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('tells whether the group meets the funder rule', async () => {
    const v = await groupValidity(t.db, {
      localityId: wg.id,
      groupIds: [groupId],
      now: new Date('2026-11-28T12:00:00Z'),
    });
    const mine = v.get(groupId)!;
    expect(mine.members).toBe(25);
    expect(mine.meetings).toBe(2);
    expect(mine.hours).toBe(5);
    expect(mine.valid).toBe(false);
    expect(mine.rule).toMatchObject({ minMembers: 3, minMeetings: 3, minHours: 9 });
  });
});
