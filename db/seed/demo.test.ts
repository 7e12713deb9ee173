import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReport } from '../../app/features/club/annual-report.server.ts';
import { premisesLedgerMonths } from '../../app/features/club/club.rules.ts';
import { checkPesel } from '../../app/features/participants/pesel.ts';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/db.ts';
import {
  auditLog,
  clubActivities,
  clubAttendance,
  clubMembers,
  clubs,
  commitments,
  inKindEntries,
  localities,
  localProblems,
  memberships,
  organisations,
  participants,
  partnershipMembers,
  partnerships,
  people,
  roadmapStepEvents,
  users,
} from '../schema/index.ts';
import { SEEDED_CLUBS } from './club.ts';
import { daysFrom } from './dates.ts';
import { DEMO_USERS, seedDemo } from './demo.ts';
import { SEEDED_MEETINGS, seededMeetingCounts } from './meetings.ts';
import { SEEDED_PARTNERSHIPS } from './partnerships.ts';
import { SEEDED_PROBLEMS } from './problems.ts';
import { SEEDED_PROGRAMME, seededProgrammeCounts } from './programme.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

async function counts() {
  const n = async (table: typeof users | typeof localities | typeof memberships | typeof roadmapStepEvents) =>
    (await t.db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    localities: await n(localities),
    memberships: await n(memberships),
    events: await n(roadmapStepEvents),
  };
}

describe('the demo seed', () => {
  it('creates the three kinds of place, a user for every role, and roadmaps at different stages', async () => {
    expect(await seedDemo(t.db)).toEqual({ created: true });
    const c = await counts();
    expect(c.localities).toBe(3);
    expect(c.users).toBe(DEMO_USERS.length);
    const kinds = (await t.db.select({ kind: localities.kind }).from(localities)).map((r) => r.kind).sort();
    expect(kinds).toEqual(['city_county', 'rural', 'urban']);
    const roles = new Set(
      (await t.db.select({ role: memberships.role }).from(memberships)).map((r) => r.role),
    );
    expect([...roles].sort()).toEqual([
      'advisor',
      'animator',
      'coordinator',
      'enterprise_member',
      'leader',
      'participant',
      'partner_rep',
    ]);
    expect(c.events).toBeGreaterThan(10);
  }, 120_000);

  it('gives Wągrowiec and Poznań a partnership with commitments, and leaves Kwilcz without one', async () => {
    const rows = await t.db
      .select({
        slug: localities.slug,
        id: partnerships.id,
        name: partnerships.name,
        leader: organisations.name,
        decision: partnerships.leaderDecision,
      })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.localityId))
      .leftJoin(organisations, eq(organisations.id, partnerships.leaderOrganisationId))
      .orderBy(asc(localities.slug));
    expect(rows.map((r) => [r.slug, r.name, r.leader])).toEqual([
      ['poznan', SEEDED_PARTNERSHIPS.poznan.name, 'Fundacja Wspólna Droga'],
      ['wagrowiec', SEEDED_PARTNERSHIPS.wagrowiec.name, 'Miejski Ośrodek Pomocy Społecznej w Wągrowcu'],
    ]);
    expect(rows[1]!.decision).toMatch(/^Uchwała nr 1\/\d{4} Zgromadzenia Partnerów$/);
    for (const r of rows) {
      const seeded = SEEDED_PARTNERSHIPS[r.slug as 'poznan' | 'wagrowiec'];
      const n = async (table: typeof partnershipMembers | typeof commitments) =>
        (await t.db.select({ n: count() }).from(table).where(eq(table.partnershipId, r.id)))[0]!.n;
      expect(await n(partnershipMembers)).toBe(seeded.members);
      expect(await n(commitments)).toBe(seeded.commitments);
    }
    // Delivered in-kind commitments, and only those, are in the ledger (besides the clubs' lent premises).
    const ledger = await t.db
      .select({ slug: localities.slug, source: inKindEntries.source, n: count() })
      .from(inKindEntries)
      .innerJoin(localities, eq(localities.id, inKindEntries.localityId))
      .where(eq(inKindEntries.source, 'commitment'))
      .groupBy(localities.slug, inKindEntries.source)
      .orderBy(asc(localities.slug));
    expect(ledger).toEqual([
      { slug: 'poznan', source: 'commitment', n: SEEDED_PARTNERSHIPS.poznan.deliveredInKind },
      { slug: 'wagrowiec', source: 'commitment', n: SEEDED_PARTNERSHIPS.wagrowiec.deliveredInKind },
    ]);
    // Kwilcz's partnership starts from nothing: no partnership, and its directory holds only
    // what part 4 brought (enterprises founded by initiative groups, businesses with offers).
    const [kwilczPartnerships] = await t.db
      .select({ n: count() })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.localityId))
      .where(eq(localities.slug, 'kwilcz'));
    expect(kwilczPartnerships!.n).toBe(0);
    const kwilczOrganisations = await t.db
      .select({
        id: organisations.id,
        enterprise: sql<boolean>`exists (select 1 from enterprises e where e.organisation_id = ${organisations.id})`,
        offers: sql<boolean>`exists (select 1 from business_offers o where o.organisation_id = ${organisations.id})`,
      })
      .from(organisations)
      .innerJoin(localities, eq(localities.id, organisations.localityId))
      .where(eq(localities.slug, 'kwilcz'));
    expect(kwilczOrganisations.length).toBeGreaterThan(0);
    expect(kwilczOrganisations.filter((o) => !o.enterprise && !o.offers)).toEqual([]);
  });

  it('fills the problems register and the programmes of action of Wągrowiec and Poznań', async () => {
    for (const slug of ['wagrowiec', 'poznan'] as const) {
      const c = await seededProgrammeCounts(t.db, slug);
      expect(c.problems, slug).toEqual(SEEDED_PROBLEMS[slug]);
      expect(c.programme, slug).toEqual(SEEDED_PROGRAMME[slug]);
      expect(c.linkedTasks, slug).toBeGreaterThan(0);
    }
    expect((await seededProgrammeCounts(t.db, 'wagrowiec')).publicProgress).toBe(true);
    // Kwilcz starts its partnership from nothing, with a few problems already in the register.
    const [kwilczProblems] = await t.db
      .select({ n: count() })
      .from(localProblems)
      .innerJoin(localities, eq(localities.id, localProblems.localityId))
      .where(eq(localities.slug, 'kwilcz'));
    expect(kwilczProblems!.n).toBe(SEEDED_PROBLEMS.kwilcz.total);
    expect((await seededProgrammeCounts(t.db, 'poznan')).publicProgress).toBe(false);
  });

  it('gives Wągrowiec and Poznań meetings with attendance, decisions and invitations, and Kwilcz none', async () => {
    for (const slug of ['wagrowiec', 'poznan'] as const) {
      const c = (await seededMeetingCounts(t.db, slug))!;
      const seeded = SEEDED_MEETINGS[slug];
      expect([c.held, c.planned, c.cancelled, c.decisions], slug).toEqual([
        seeded.held,
        seeded.planned,
        seeded.cancelled,
        seeded.decisions,
      ]);
      expect(c.present, slug).toBeGreaterThan(5);
      expect(c.invitedAhead, slug).toBeGreaterThan(3);
    }
    // One of Wągrowiec's decisions added a task to its programme of action.
    expect((await seededMeetingCounts(t.db, 'wagrowiec'))!.decisionTasks).toBe(1);
    expect((await seededMeetingCounts(t.db, 'kwilcz'))!.held).toBe(0);
  });

  it('gives Wągrowiec and Poznań a club whose lent premises count in the ledger month by month', async () => {
    const today = todayInWarsaw();
    for (const slug of ['wagrowiec', 'poznan'] as const) {
      const seeded = SEEDED_CLUBS[slug];
      const [club] = await t.db
        .select({ id: clubs.id, name: clubs.name })
        .from(clubs)
        .innerJoin(localities, eq(localities.id, clubs.localityId))
        .where(eq(localities.slug, slug));
      expect(club?.name, slug).toBe(seeded.name);
      const [m] = await t.db.select({ n: count() }).from(clubMembers).where(eq(clubMembers.clubId, club!.id));
      expect(m!.n, slug).toBe(seeded.members);
      const months = premisesLedgerMonths(
        {
          premisesAddress: 'x',
          premisesProviderId: 'x',
          premisesLent: true,
          premisesMonthlyValuePln: seeded.monthlyValue,
          premisesFrom: daysFrom(today, seeded.premisesFrom),
          premisesTo: null,
        },
        today,
      );
      const entries = await t.db
        .select({ sourceId: inKindEntries.sourceId, value: inKindEntries.valuePln })
        .from(inKindEntries)
        .where(eq(inKindEntries.source, 'club_premises'))
        .orderBy(asc(inKindEntries.sourceId));
      const ofClub = entries.filter((e) => e.sourceId?.startsWith(`${club!.id}:`));
      expect(
        ofClub.map((e) => e.sourceId),
        slug,
      ).toEqual(months.map((x) => `${club!.id}:${x.month}`));
      expect(
        ofClub.every((e) => Number(e.value) === Number(seeded.monthlyValue)),
        slug,
      ).toBe(true);
      const [held] = await t.db
        .select({ n: count() })
        .from(clubAttendance)
        .innerJoin(clubActivities, eq(clubActivities.id, clubAttendance.activityId))
        .where(eq(clubActivities.clubId, club!.id));
      expect(held!.n, slug).toBeGreaterThan(50);
    }
    // Poznań's annual report for last year has content.
    const [pz] = await t.db
      .select({ id: clubs.id, localityId: clubs.localityId })
      .from(clubs)
      .where(eq(clubs.name, SEEDED_CLUBS.poznan.name));
    const report = await annualReport(t.db, {
      localityId: pz!.localityId,
      clubId: pz!.id,
      year: Number(today.slice(0, 4)) - 1,
    });
    expect(report.grants.length).toBe(2);
    expect(report.membersTotal.members).toBeGreaterThan(5);
    expect(report.activitiesTotal.count).toBeGreaterThan(3);
  });

  it('registers invented participants in the three places, some without a PESEL, with refusals, and links the demo participant', async () => {
    const rows = await t.db
      .select({
        slug: localities.slug,
        pesel: participants.pesel,
        noPesel: participants.noPesel,
        disability: participants.disability,
        status: participants.status,
        email: people.email,
        userId: people.userId,
      })
      .from(participants)
      .innerJoin(localities, eq(localities.id, participants.localityId))
      .innerJoin(people, eq(people.id, participants.personId));
    const per = (slug: string) => rows.filter((r) => r.slug === slug);
    expect(per('kwilcz').length).toBe(6);
    expect(per('wagrowiec').length).toBe(15);
    expect(per('poznan').length).toBe(40);
    expect(rows.every((r) => !r.pesel || checkPesel(r.pesel).ok)).toBe(true);
    expect(rows.filter((r) => r.pesel).length).toBeGreaterThan(30);
    expect(rows.some((r) => r.noPesel)).toBe(true);
    expect(rows.some((r) => r.disability === 'refused')).toBe(true);
    expect(rows.some((r) => r.status === 'closed')).toBe(true);
    const [lukasz] = per('poznan').filter((r) => r.email === 'uczestnik.poznan@splot.demo');
    const [account] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'uczestnik.poznan@splot.demo'));
    expect(lukasz?.userId).toBe(account!.id);
    const [audits] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'participant.create'));
    expect(audits!.n).toBe(61);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await counts();
    expect(await seedDemo(t.db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
  it('gives every locality part 4: initiatives at every stage, enterprises, jobs, niches and grants', async () => {
    const rows = (await t.db.execute(sql`
      select l.slug,
        (select count(distinct i.stage) from initiatives i where i.locality_id = l.id
           and i.stage in ('idea', 'business_plan', 'founding', 'incubation', 'self_sufficient'))::int as stages,
        (select count(*) from enterprises e where e.locality_id = l.id)::int as enterprises,
        (select count(distinct o.legal_form) from enterprises e join organisations o on o.id = e.organisation_id
           where e.locality_id = l.id)::int as forms,
        (select count(*) from enterprise_jobs j where j.locality_id = l.id and j.keep_until is not null)::int as obliged_jobs,
        (select count(*) from market_niches n where n.locality_id = l.id)::int as niches,
        (select count(*) from grants g where g.locality_id = l.id)::int as grants
      from localities l where l.slug in ('kwilcz', 'wagrowiec', 'poznan') order by l.slug`)) as unknown as {
      rows: Record<string, number | string>[];
    };
    expect(rows.rows.map((r) => r.slug)).toEqual(['kwilcz', 'poznan', 'wagrowiec']);
    for (const r of rows.rows) {
      expect(r.stages, `${r.slug}: stages`).toBe(5);
      expect(Number(r.enterprises), `${r.slug}: enterprises`).toBeGreaterThan(0);
      expect(Number(r.obliged_jobs), `${r.slug}: jobs with obligations`).toBeGreaterThan(0);
      expect(Number(r.niches), `${r.slug}: niches`).toBeGreaterThan(0);
      expect(Number(r.grants), `${r.slug}: grants`).toBeGreaterThan(0);
    }
    // Several legal forms across the places.
    expect(rows.rows.reduce((n, r) => n + Number(r.forms), 0)).toBeGreaterThanOrEqual(4);
  });
});
