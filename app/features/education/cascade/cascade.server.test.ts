import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, leaderQualifications } from '../../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/db.ts';
import { actorFor } from '../../../../tests/setup/services.ts';
import type { ActorLocality } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import type { Role } from '../../../lib/roles.ts';
import { grantQualification } from '../leaders/leaders.server.ts';
import {
  explainQualification,
  explainQualificationText,
  qualificationFor,
  wouldCreateCycle,
} from '../leaders/qualification.server.ts';
import { holdSessions, makeGroup, makeLeadersProgramme, makePeople } from './cascade.fixtures.server.ts';
import { cascadeLeaders, cascadeSummary } from './cascade.server.ts';

let t: TestDatabase;
let loc: { id: string; slug: string; name: string };
let other: { id: string; slug: string; name: string };
let user: { id: string };
const ids: Record<string, string> = {};
const groups: Record<string, string> = {};
let programme: { id: string; moduleIds: string[] };

const ctx = (roles: Role[] = ['coordinator'], l = loc) => ({
  actor: actorFor(user),
  locality: {
    localityId: l.id,
    slug: l.slug,
    name: l.name,
    kind: 'urban',
    roles,
    organisationIds: [],
  } as ActorLocality,
  today: '2026-07-01',
});

beforeAll(async () => {
  t = await createTestDatabase();
  loc = await makeLocality(t.db, { terytCode: '3028011' });
  other = await makeLocality(t.db, { terytCode: '3064011' });
  user = await makeUser(t.db, { roles: [{ localityId: loc.id, role: 'coordinator' }] });
  programme = await makeLeadersProgramme(t.db, loc.id, 3);
  const [m1, m2, m3] = programme.moduleIds as [string, string, string];
  const names = [
    'Tomasz Trener',
    'Anna A1',
    'Adam A2',
    'Alicja A3',
    'Artur A4',
    'Agata A5',
    'Bogdan B1',
    'Beata B2',
    'Bartek B3',
    'Dorota D1',
    'Damian D2',
    'Ewa E1',
  ];
  const pids = await makePeople(t.db, loc.id, names);
  for (const [i, n] of names.entries()) ids[n.split(' ')[1]!] = pids[i]!;
  const { A1, A2, A3, A4, A5, Trener } = ids as Record<string, string>;
  // Generation 1: the Centre's leaders' course.
  const c = await makeGroup(t.db, {
    localityId: loc.id,
    kind: 'leaders_course',
    name: 'Kurs liderów',
    curriculumId: programme.id,
    facilitator: { personId: Trener!, qualificationId: null },
    memberIds: [A1!, A2!, A3!, A4!, A5!],
  });
  groups.C = c.id;
  await holdSessions(t.db, {
    localityId: loc.id,
    groupId: c.id,
    members: c.members,
    sessions: [
      { moduleIds: [m1], present: [A1!, A2!, A3!, A4!, A5!] },
      { moduleIds: [m2], present: [A1!, A2!, A3!, A4!] },
      { moduleIds: [m3], present: [A1!, A2!, A3!] },
      { moduleIds: [], present: [A1!, A2!, A3!, A5!] },
      { moduleIds: [m3], present: [A4!], cancelled: true },
    ],
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('leader qualification', () => {
  it('explains what is missing, in figures', async () => {
    const e = await explainQualification(t.db, { localityId: loc.id, personId: ids.A4! });
    expect(e.qualification).toBeNull();
    expect(e.eligible).toBe(false);
    expect(e.best).toMatchObject({
      sessionsHeld: 4,
      sessionsAttended: 2,
      attendanceShare: 0.5,
      modulesCovered: 2,
      modulesTotal: 3,
    });
    expect(e.best?.missingModules.map((m) => m.title)).toEqual(['Moduł 3']);
    const text = getI18n('pl').t(e.message.key, e.message.values);
    expect(text).toContain('2 z 4 spotkań (50%, wymagane co najmniej 80%)');
    expect(text).toContain('Brakujące moduły: Moduł 3');
    expect(
      await explainQualificationText(t.db, { localityId: loc.id, personId: ids.A4!, locale: 'en' }),
    ).toContain('Missing modules: Moduł 3');
  });

  it('grants with the figures and a numbered certificate, audited', async () => {
    const r = await grantQualification(t.db, { ...ctx(), groupId: groups.C!, personId: ids.A1! });
    expect(r.certificateNumber).toMatch(/^[A-Z]{3}\/2026\/001$/);
    const r2 = await grantQualification(t.db, { ...ctx(), groupId: groups.C!, personId: ids.A2! });
    expect(r2.certificateNumber).toMatch(/\/2026\/002$/);
    const q = await qualificationFor(t.db, { localityId: loc.id, personId: ids.A1! });
    expect(q).toMatchObject({ attendanceShare: 1, modulesShare: 1, groupId: groups.C });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'education.leader_qualification.grant'), eq(auditLog.entityId, r.id)));
    expect(audit).toHaveLength(1);
    expect((await explainQualification(t.db, { localityId: loc.id, personId: ids.A1! })).message.key).toBe(
      'education.leaders.explain.qualified',
    );
  });

  it('refuses a grant that does not meet the rule, with the explanation, and saves nothing', async () => {
    const err = await grantQualification(t.db, { ...ctx(), groupId: groups.C!, personId: ids.A4! }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('DOMAIN_RULE');
    expect(err.messageKey).toBe('education.leaders.explain.missing');
    expect(err.values).toMatchObject({
      attended: 2,
      held: 4,
      attendance: 50,
      minAttendance: 80,
      missing: 'Moduł 3',
    });
    const rows = await t.db
      .select()
      .from(leaderQualifications)
      .where(eq(leaderQualifications.personId, ids.A4!));
    expect(rows).toHaveLength(0);
  });

  it('refuses a second grant, other roles, and another locality (404)', async () => {
    await expect(
      grantQualification(t.db, { ...ctx(), groupId: groups.C!, personId: ids.A1! }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      grantQualification(t.db, { ...ctx(['leader']), groupId: groups.C!, personId: ids.A3! }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      grantQualification(t.db, { ...ctx(['coordinator'], other), groupId: groups.C!, personId: ids.A3! }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the cascade', () => {
  beforeAll(async () => {
    const [m1, m2, m3] = programme.moduleIds as [string, string, string];
    const qA1 = (await qualificationFor(t.db, { localityId: loc.id, personId: ids.A1! }))!.id;
    const qA2 = (await qualificationFor(t.db, { localityId: loc.id, personId: ids.A2! }))!.id;
    const s1 = await makeGroup(t.db, {
      localityId: loc.id,
      kind: 'self_education',
      name: 'Grupa S1',
      curriculumId: programme.id,
      facilitator: { personId: ids.A1!, qualificationId: qA1 },
      memberIds: [ids.B1!, ids.B2!, ids.B3!],
    });
    groups.S1 = s1.id;
    await holdSessions(t.db, {
      localityId: loc.id,
      groupId: s1.id,
      members: s1.members,
      sessions: [
        { moduleIds: [m1], present: [ids.B1!, ids.B2!, ids.B3!] },
        { moduleIds: [m2, m3], present: [ids.B1!, ids.B2!] },
      ],
    });
    // B1 qualifies in the generation-2 group: a generation-2 leader.
    await grantQualification(t.db, { ...ctx(), groupId: s1.id, personId: ids.B1! });
    const qB1 = (await qualificationFor(t.db, { localityId: loc.id, personId: ids.B1! }))!.id;
    const s3 = await makeGroup(t.db, {
      localityId: loc.id,
      kind: 'self_education',
      name: 'Grupa S3',
      curriculumId: programme.id,
      facilitator: { personId: ids.A2!, qualificationId: qA2 },
      memberIds: [ids.B3!, ids.E1!],
    });
    await holdSessions(t.db, {
      localityId: loc.id,
      groupId: s3.id,
      members: s3.members,
      sessions: [{ moduleIds: [m1, m2], present: [ids.B3!, ids.E1!] }],
    });
    const s2 = await makeGroup(t.db, {
      localityId: loc.id,
      kind: 'self_education',
      name: 'Grupa S2',
      curriculumId: programme.id,
      facilitator: { personId: ids.B1!, qualificationId: qB1 },
      memberIds: [ids.D1!, ids.D2!, ids.A5!],
    });
    groups.S2 = s2.id;
    await holdSessions(t.db, {
      localityId: loc.id,
      groupId: s2.id,
      members: s2.members,
      sessions: [{ moduleIds: [m1], present: [ids.D1!, ids.D2!] }],
    });
  });

  it('counts leaders, groups, unique people reached and fidelity per generation', async () => {
    const s = await cascadeSummary(t.db, { localityId: loc.id });
    expect(s.generations).toEqual([
      { generation: 1, leaders: 2, groups: 1, reached: 5, fidelity: 1 },
      { generation: 2, leaders: 1, groups: 2, reached: 4, fidelity: 0.833 },
      { generation: 3, leaders: 0, groups: 1, reached: 3, fidelity: 0.333 },
    ]);
    expect(s.leadersTotal).toBe(3);
    // A5 was in the course and in a generation-3 group: counted once overall.
    expect(s.reachedTotal).toBe(11);
    expect((await cascadeSummary(t.db, { localityId: other.id })).generations).toEqual([]);
  });

  it('gives each leader reach directly and through the leaders they trained', async () => {
    const leaders = await cascadeLeaders(t.db, { localityId: loc.id });
    const by = Object.fromEntries(leaders.map((l) => [l.personId, l]));
    expect(by[ids.A1!]).toMatchObject({
      generation: 1,
      reachedDirectly: 3,
      reachedTotal: 6,
      trainedDirectly: 1,
      trainedTotal: 1,
      parentId: null,
    });
    expect(by[ids.A2!]).toMatchObject({
      generation: 1,
      reachedDirectly: 2,
      reachedTotal: 2,
      trainedTotal: 0,
    });
    expect(by[ids.B1!]).toMatchObject({
      generation: 2,
      reachedDirectly: 3,
      reachedTotal: 3,
      parentId: by[ids.A1!]!.id,
    });
    expect(leaders[0]!.personId).toBe(ids.A1);
  });

  it('detects cycles in the lineage', async () => {
    // B1 facilitating the course or the group that qualified them: a loop.
    expect(await wouldCreateCycle(t.db, { localityId: loc.id, personId: ids.B1!, groupId: groups.C! })).toBe(
      true,
    );
    expect(await wouldCreateCycle(t.db, { localityId: loc.id, personId: ids.B1!, groupId: groups.S1! })).toBe(
      true,
    );
    expect(await wouldCreateCycle(t.db, { localityId: loc.id, personId: ids.A2!, groupId: groups.S2! })).toBe(
      false,
    );
    // The trainer of the course qualifying in a group of their trainees' trainee: a loop.
    expect(
      await wouldCreateCycle(t.db, {
        localityId: loc.id,
        personId: ids.Trener!,
        groupId: groups.S2!,
        as: 'qualification',
      }),
    ).toBe(true);
    expect(
      await wouldCreateCycle(t.db, {
        localityId: loc.id,
        personId: ids.E1!,
        groupId: groups.S2!,
        as: 'qualification',
      }),
    ).toBe(false);
  });

  it('refuses a grant that would close a cycle', async () => {
    const [x] = await makePeople(t.db, loc.id, ['Xawery Prowadzący']);
    const [m1, m2, m3] = programme.moduleIds as [string, string, string];
    const g = await makeGroup(t.db, {
      localityId: loc.id,
      kind: 'leaders_course',
      name: 'Kurs 2',
      curriculumId: programme.id,
      facilitator: { personId: x!, qualificationId: null },
      memberIds: [x!],
    });
    await holdSessions(t.db, {
      localityId: loc.id,
      groupId: g.id,
      members: g.members,
      sessions: [{ moduleIds: [m1, m2, m3], present: [x!] }],
    });
    await expect(grantQualification(t.db, { ...ctx(), groupId: g.id, personId: x! })).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      messageKey: 'education.leaders.grant.cycle',
    });
  });
});
