import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import { auditLog, clubAttendance, clubMembers, inKindEntries, people } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { liveEvidence } from '../roadmap/roadmap.evidence.server.ts';
import { recordAttendance, saveActivity } from './activities.server.ts';
import { clubCounts, getClub } from './club.queries.server.ts';
import { type ClubSettingsInput, createClub, deleteClub, updateClubSettings } from './manage-club.server.ts';
import { issueCertificate, joinClub, leaveClub } from './members.server.ts';
import { clubPremisesLedger } from './premises-ledger.server.ts';
import { registerEntry } from './register-entry.server.ts';
import { addStaff } from './staff.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let gmina: { id: string };
let mops: { id: string };
let poznanOrg: { id: string };
let coordinator: { id: string };
let animator: { id: string };
let partner: { id: string };
let pzCoordinator: { id: string };
let clubId: string;
const TODAY = '2026-11-27';

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  gmina = await makeOrganisation(t.db, {
    localityId: wg.id,
    name: 'Urząd Miasta Wągrowiec',
    kind: 'local_government',
  });
  mops = await makeOrganisation(t.db, { localityId: wg.id, name: 'MOPS w Wągrowcu', kind: 'ops' });
  poznanOrg = await makeOrganisation(t.db, {
    localityId: pz.id,
    name: 'Urząd Miasta Poznań',
    kind: 'local_government',
  });
  coordinator = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
  animator = await makeUser(t.db, {
    name: 'Beata Animatorska',
    roles: [{ localityId: wg.id, role: 'animator' }],
  });
  partner = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'partner_rep' }] });
  pzCoordinator = await makeUser(t.db, { roles: [{ localityId: pz.id, role: 'coordinator' }] });
});
afterAll(async () => {
  await t.dispose();
});

const at = (loc: typeof wg, roles: Role[]): ActorLocality => ({
  localityId: loc.id,
  slug: loc.slug,
  name: loc.name,
  kind: 'urban',
  roles,
  organisationIds: [],
});
const coord = () => ({ actor: actorFor(coordinator), locality: at(wg, ['coordinator']) });
const anim = () => ({ actor: actorFor(animator), locality: at(wg, ['animator']) });

function settings(over: Partial<ClubSettingsInput> = {}): ClubSettingsInput {
  return {
    name: 'KIS „Razem”',
    runByOrganisationId: mops.id,
    premisesAddress: 'ul. Kościuszki 5, sala nr 3, Wągrowiec',
    premisesProviderId: gmina.id,
    premisesLent: true,
    premisesMonthlyValuePln: '1200',
    premisesFrom: '2026-09-15',
    premisesTo: null,
    openingHours: [{ weekday: 1, opens: '09:00', closes: '15:00' }],
    openingNotes: '',
    registerNotifiedOn: '2026-10-01',
    registerEnteredOn: null,
    registerNumber: '',
    openedOn: '2026-09-15',
    ...over,
  };
}

async function ledger(id = clubId) {
  return t.db
    .select({
      sourceId: inKindEntries.sourceId,
      value: inKindEntries.valuePln,
      organisationId: inKindEntries.organisationId,
      from: inKindEntries.occurredFrom,
      to: inKindEntries.occurredTo,
      kind: inKindEntries.kind,
    })
    .from(inKindEntries)
    .where(and(eq(inKindEntries.source, 'club_premises'), like(inKindEntries.sourceId, `${id}:%`)))
    .orderBy(inKindEntries.sourceId);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the use case to refuse');
}

describe('the club and its lent premises', () => {
  it('is created by the animator and set up with premises that feed the in-kind ledger month by month', async () => {
    clubId = await createClub(t.db, { ...anim(), input: { name: 'KIS' } });
    await updateClubSettings(t.db, { ...coord(), clubId, input: settings(), today: TODAY });
    const rows = await ledger();
    expect(rows.map((r) => r.sourceId)).toEqual([
      `${clubId}:2026-09`,
      `${clubId}:2026-10`,
      `${clubId}:2026-11`,
    ]);
    expect(
      rows.every((r) => r.value === '1200.00' && r.organisationId === gmina.id && r.kind === 'premises'),
    ).toBe(true);
    expect(rows[0]!.from).toBe('2026-09-15');
    const club = await getClub(t.db, { localityId: wg.id, clubId });
    expect(club?.runBy?.name).toBe('MOPS w Wągrowcu');
    expect(club?.providerName).toBe('Urząd Miasta Wągrowiec');
  });

  it('keeps the ledger in step when the period is shortened, the value changes, or lending stops', async () => {
    await updateClubSettings(t.db, {
      ...coord(),
      clubId,
      input: settings({ premisesTo: '2026-10-20', premisesMonthlyValuePln: '1500' }),
      today: TODAY,
    });
    const rows = await ledger();
    expect(rows.map((r) => [r.sourceId, r.value, r.to])).toEqual([
      [`${clubId}:2026-09`, '1500.00', '2026-09-30'],
      [`${clubId}:2026-10`, '1500.00', '2026-10-20'],
    ]);
    await updateClubSettings(t.db, {
      ...coord(),
      clubId,
      input: settings({ premisesLent: false }),
      today: TODAY,
    });
    expect(await ledger()).toEqual([]);
    await updateClubSettings(t.db, { ...coord(), clubId, input: settings(), today: TODAY });
    expect(await ledger()).toHaveLength(3);
  });

  it('adds the new month once a day passes into it, and only once', async () => {
    expect(await clubPremisesLedger(t.db, { today: '2026-12-01' })).toBe(1);
    expect(await clubPremisesLedger(t.db, { today: '2026-12-02' })).toBe(0);
    expect((await ledger()).map((r) => r.sourceId).at(-1)).toBe(`${clubId}:2026-12`);
  });

  it('saves nothing when a rule fails: lent premises without a provider, or a provider from another locality', async () => {
    const before = await ledger();
    const e1 = await rejection(
      updateClubSettings(t.db, {
        ...coord(),
        clubId,
        input: settings({ premisesProviderId: null, premisesFrom: '2026-01-01' }),
        today: TODAY,
      }),
    );
    expect(e1.fieldErrors).toEqual({ premisesProviderId: 'club.premises.provider.requiredWhenLent' });
    const e2 = await rejection(
      updateClubSettings(t.db, {
        ...coord(),
        clubId,
        input: settings({ premisesProviderId: poznanOrg.id, premisesFrom: '2026-01-01' }),
        today: TODAY,
      }),
    );
    expect(e2.fieldErrors).toEqual({ premisesProviderId: 'club.form.organisation.unknown' });
    expect(await ledger()).toEqual(before);
    expect((await getClub(t.db, { localityId: wg.id, clubId }))?.premisesFrom).toBe('2026-09-15');
  });

  it('refuses a stale form, other localities and people who do not run the club', async () => {
    const club = await getClub(t.db, { localityId: wg.id, clubId });
    const stale = await rejection(
      updateClubSettings(t.db, {
        ...coord(),
        clubId,
        input: settings({ version: club!.version - 1 }),
        today: TODAY,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    const foreign = await rejection(
      updateClubSettings(t.db, {
        actor: actorFor(pzCoordinator),
        locality: at(pz, ['coordinator']),
        clubId,
        input: settings({ runByOrganisationId: null, premisesProviderId: null, premisesLent: false }),
        today: TODAY,
      }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    const rep = await rejection(
      addStaff(t.db, {
        actor: actorFor(partner),
        locality: at(wg, ['partner_rep']),
        clubId,
        input: {
          name: 'X',
          userId: null,
          role: 'animator',
          basis: 'volunteer',
          fte: null,
          fromDate: TODAY,
          toDate: null,
        },
      }),
    );
    expect(rep.code).toBe('FORBIDDEN');
    expect((await rejection(deleteClub(t.db, { ...anim(), clubId, confirmed: true }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it("computes the register entry's 30-day deadline from the notification, with the law's source", async () => {
    const club = await getClub(t.db, { localityId: wg.id, clubId });
    const entry = await registerEntry(t.db, { club: club!, today: TODAY });
    expect(entry.deadline).toEqual({ due: '2026-10-31', state: 'overdue', days: 27 });
    expect(entry.parameter).toMatchObject({ days: 30, verified: true });
    expect(entry.parameter?.source).toContain('art. 18a');
  });
});

describe('staff and the roadmap evidence', () => {
  it('takes an animator by account (name from the account) and shows premises and FTE on the roadmap', async () => {
    await addStaff(t.db, {
      ...coord(),
      clubId,
      input: {
        name: '',
        userId: animator.id,
        role: 'animator',
        basis: 'employment_contract',
        fte: '0.5',
        fromDate: '2026-10-01',
        toDate: null,
      },
    });
    await addStaff(t.db, {
      ...coord(),
      clubId,
      input: {
        name: 'Jan Wolontariusz',
        userId: null,
        role: 'animator',
        basis: 'volunteer',
        fte: '0.25',
        fromDate: '2026-10-01',
        toDate: null,
      },
    });
    const refused = await rejection(
      addStaff(t.db, {
        ...coord(),
        clubId,
        input: {
          name: '',
          userId: partner.id,
          role: 'animator',
          basis: 'volunteer',
          fte: null,
          fromDate: TODAY,
          toDate: null,
        },
      }),
    );
    expect(refused.fieldErrors).toEqual({ userId: 'club.staff.user.unknown' });
    const order = await rejection(
      addStaff(t.db, {
        ...coord(),
        clubId,
        input: {
          name: 'Ktoś',
          userId: null,
          role: 'other',
          basis: 'volunteer',
          fte: null,
          fromDate: TODAY,
          toDate: '2026-01-01',
        },
      }),
    );
    expect(order.fieldErrors).toEqual({ toDate: 'club.staff.toDate.order' });
    const evidence = await liveEvidence(t.db, { localityId: wg.id });
    expect(evidence.club_premises).toEqual({
      key: 'roadmap.evidence.clubPremises',
      values: {
        address: 'ul. Kościuszki 5, sala nr 3, Wągrowiec',
        provider: 'Urząd Miasta Wągrowiec',
        date: '15.09.2026',
      },
    });
    expect(evidence.animator_employed).toEqual({
      key: 'roadmap.evidence.animators',
      values: { count: 2, fte: 0.75 },
    });
  });
});

describe('members', () => {
  const person = {
    givenName: 'Anna',
    familyName: 'Nowak',
    email: '',
    phone: '600 100 200',
    legalBasis: 'public_task',
  };
  const membership = { joinedOn: '2026-10-01', socialContract: true, atRiskGroup: 'long_term_unemployed' };
  let memberId: string;

  it('joins with a new person recorded at once', async () => {
    memberId = await joinClub(t.db, {
      ...anim(),
      clubId,
      personId: null,
      person,
      input: membership,
      today: TODAY,
    });
    const [p] = await t.db.select().from(people).where(eq(people.familyName, 'Nowak'));
    expect(p).toMatchObject({
      givenName: 'Anna',
      phone: '600 100 200',
      legalBasis: 'public_task',
      localityId: wg.id,
    });
  });

  it('saves nothing when the input is wrong: no half-made person, every problem named', async () => {
    const [before] = await t.db.select({ n: count() }).from(people);
    const e = await rejection(
      joinClub(t.db, {
        ...anim(),
        clubId,
        personId: null,
        person: { ...person, familyName: 'Kowalska', email: 'nie-email' },
        input: { ...membership, atRiskGroup: 'no_such_group', joinedOn: '2027-01-01' },
        today: TODAY,
      }),
    );
    expect(e.fieldErrors).toEqual({
      joinedOn: 'club.members.joinedOn.future',
      atRiskGroup: 'club.members.group.unknown',
      email: 'club.people.email.invalid',
    });
    const [p] = await t.db
      .select({ personId: clubMembers.personId })
      .from(clubMembers)
      .where(eq(clubMembers.id, memberId));
    const dup = await rejection(
      joinClub(t.db, {
        ...anim(),
        clubId,
        personId: p!.personId,
        person: null,
        input: membership,
        today: TODAY,
      }),
    );
    expect(dup.code).toBe('CONFLICT');
    const [after] = await t.db.select({ n: count() }).from(people);
    expect(after!.n).toBe(before!.n);
  });

  it('keeps personal data from the partner representative', async () => {
    const e = await rejection(
      joinClub(t.db, {
        actor: actorFor(partner),
        locality: at(wg, ['partner_rep']),
        clubId,
        personId: null,
        person,
        input: membership,
        today: TODAY,
      }),
    );
    expect(e.code).toBe('FORBIDDEN');
  });

  it('flags a member who left with an effect until the certificate is recorded', async () => {
    const bad = await rejection(
      leaveClub(t.db, {
        ...anim(),
        clubId,
        memberId,
        input: { leftOn: '2026-09-01', outcome: 'job_found', certificateIssuedOn: null },
        today: TODAY,
      }),
    );
    expect(bad.fieldErrors).toEqual({ leftOn: 'club.members.leftOn.beforeJoined' });
    await leaveClub(t.db, {
      ...anim(),
      clubId,
      memberId,
      input: { leftOn: '2026-11-20', outcome: 'job_found', certificateIssuedOn: null },
      today: TODAY,
    });
    expect((await clubCounts(t.db, { localityId: wg.id, clubId, today: TODAY })).missingCertificates).toBe(1);
    await issueCertificate(t.db, { ...anim(), clubId, memberId, issuedOn: '2026-11-21', today: TODAY });
    expect((await clubCounts(t.db, { localityId: wg.id, clubId, today: TODAY })).missingCertificates).toBe(0);
  });
});

describe('attendance in one form', () => {
  it('records 25 members with at most 5 SQL statements, then updates and clears marks', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(
        await joinClub(t.db, {
          ...anim(),
          clubId,
          personId: null,
          person: { givenName: `Osoba${i}`, familyName: `Testowa${i}`, legalBasis: 'consent' },
          input: { joinedOn: '2026-10-01', socialContract: true, atRiskGroup: '' },
          today: TODAY,
        }),
      );
    }
    const activityId = await saveActivity(t.db, {
      ...anim(),
      clubId,
      input: {
        title: 'Warsztat CV',
        kind: 'job_search',
        date: '2026-11-20',
        startTime: '16:00',
        endTime: '18:00',
        place: '',
        description: '',
        leaderName: '',
      },
    });
    const marks = ids.map((memberId, i) => ({
      memberId,
      status: (['present', 'present', 'absent', 'excused'] as const)[i % 4]!,
    }));
    const counter = { count: 0 };
    await sqlCounter.run(counter, () =>
      recordAttendance(t.db, {
        ...anim(),
        clubId,
        activityId,
        marks,
        cleared: [],
        now: new Date(`${TODAY}T12:00:00Z`),
      }),
    );
    expect(counter.count).toBeGreaterThan(0);
    expect(counter.count).toBeLessThanOrEqual(5);
    const saved = await t.db
      .select({ status: clubAttendance.status, n: count() })
      .from(clubAttendance)
      .where(eq(clubAttendance.activityId, activityId))
      .groupBy(clubAttendance.status)
      .orderBy(clubAttendance.status);
    expect(saved).toEqual([
      { status: 'absent', n: 6 },
      { status: 'excused', n: 6 },
      { status: 'present', n: 13 },
    ]);
    await recordAttendance(t.db, {
      ...anim(),
      clubId,
      activityId,
      marks: [{ memberId: ids[2]!, status: 'present' }],
      cleared: [ids[3]!],
      now: new Date(`${TODAY}T12:00:00Z`),
    });
    const [present] = await t.db
      .select({ n: count() })
      .from(clubAttendance)
      .where(and(eq(clubAttendance.activityId, activityId), eq(clubAttendance.status, 'present')));
    expect(present!.n).toBe(14);
    const [all] = await t.db
      .select({ n: count() })
      .from(clubAttendance)
      .where(eq(clubAttendance.activityId, activityId));
    expect(all!.n).toBe(24);
  });

  it('refuses marks for an activity that has not started and for someone not in the club', async () => {
    const future = await saveActivity(t.db, {
      ...anim(),
      clubId,
      input: {
        title: 'Jutro',
        kind: 'integration',
        date: '2026-12-24',
        startTime: '10:00',
        endTime: '12:00',
        place: '',
        description: '',
        leaderName: '',
      },
    });
    const [m] = await t.db.select({ id: clubMembers.id }).from(clubMembers).limit(1);
    const e = await rejection(
      recordAttendance(t.db, {
        ...anim(),
        clubId,
        activityId: future,
        marks: [{ memberId: m!.id, status: 'present' }],
        cleared: [],
        now: new Date(`${TODAY}T12:00:00Z`),
      }),
    );
    expect(e.messageKey).toBe('club.attendance.future');
    const e2 = await rejection(
      recordAttendance(t.db, {
        ...anim(),
        clubId,
        activityId: future,
        marks: [{ memberId: '00000000-0000-0000-0000-000000000000', status: 'present' }],
        cleared: [],
        now: new Date('2027-01-01T12:00:00Z'),
      }),
    );
    expect(e2.messageKey).toBe('club.attendance.unknownMember');
  });
});

describe('deleting the club', () => {
  it('needs confirmation, then removes the club and its months in the ledger, with an audit row', async () => {
    const e = await rejection(deleteClub(t.db, { ...coord(), clubId, confirmed: false }));
    expect(e.fieldErrors).toEqual({ confirm: 'club.delete.confirmRequired' });
    await deleteClub(t.db, { ...coord(), clubId, confirmed: true });
    expect(await ledger()).toEqual([]);
    expect(await getClub(t.db, { localityId: wg.id, clubId })).toBeNull();
    const [row] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'club.delete'));
    expect(row!.n).toBe(1);
  });
});
