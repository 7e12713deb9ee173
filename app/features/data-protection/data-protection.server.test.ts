import { and, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import {
  adviceSessions,
  adviceSlots,
  appointments,
  auditLog,
  clubActivities,
  clubAttendance,
  clubMembers,
  clubs,
  clubVisits,
  erasureRequests,
  labourStatuses,
  meetingParticipants,
  meetings,
  memberships,
  participantCategories,
  participantConsents,
  participants,
  partnerships,
  people,
  referrals,
  sessions,
  supportOutcomes,
  supportPlanActions,
  supportPlanReviews,
  supportPlanSteps,
  supportPlans,
  users,
  volunteerHours,
  volunteers,
} from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import { ShellContext } from '../../components/ui/i18n-context.tsx';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import { annualReport } from '../club/annual-report.server.ts';
import { getParticipant, searchParticipants } from '../participants/participants.queries.server.ts';
import { DataProtectionSection } from './components/data-protection-section.tsx';
import { handleDataProtectionIntent } from './data-protection-intent.server.ts';
import { erasePerson, refuseErasure, requestErasure } from './erasure.server.ts';
import { collectPersonData, personDataJson, personDataPdf } from './person-data.server.ts';
import { participantsPastRetention } from './retention.queries.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let coordinator: { id: string; email: string };
let animator: { id: string };
let advisor: { id: string };
let annaUser: { id: string };
let anna: string;
let bartek: string;
let obcy: string;
let clubId: string;
const TODAY = '2026-11-27';

const loc = (roles: Role[], l = kwilcz): ActorLocality => ({
  localityId: l.id,
  slug: l.slug,
  name: l.name,
  kind: 'rural',
  roles,
  organisationIds: [],
});
const coord = () => ({ actor: actorFor(coordinator), locality: loc(['coordinator']) });

async function person(localityId: string, givenName: string, familyName: string, extra = {}) {
  const [p] = await t.db
    .insert(people)
    .values({ localityId, givenName, familyName, legalBasis: 'public_task', ...extra })
    .returning({ id: people.id });
  return p!.id;
}

async function participant(localityId: string, personId: string, extra = {}) {
  await t.db.insert(participants).values({ personId, localityId, registeredOn: '2025-01-10', ...extra });
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  coordinator = await makeUser(t.db, {
    name: 'Koordynatorka',
    email: 'koord@example.test',
    roles: [{ localityId: kwilcz.id, role: 'coordinator' }],
  });
  animator = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'animator' }] });
  advisor = await makeUser(t.db, {
    name: 'Ewa Doradczyni',
    roles: [{ localityId: kwilcz.id, role: 'advisor' }],
  });
  annaUser = await makeUser(t.db, {
    name: 'Anna Konto',
    email: 'anna.konto@example.test',
    roles: [{ localityId: kwilcz.id, role: 'participant' }],
  });
  const pup = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Powiatowy Urząd Pracy w Szamotułach',
    kind: 'pup',
  });
  const gops = await makeOrganisation(t.db, { localityId: kwilcz.id, name: 'GOPS w Kwilczu', kind: 'ops' });

  anna = await person(kwilcz.id, 'Anna', 'Zielińska', {
    email: 'anna@example.test',
    phone: '600100200',
    basisNote: 'Zgoda pisemna z 10.01.2025',
    userId: annaUser.id,
  });
  await participant(kwilcz.id, anna, {
    pesel: '84051412345',
    birthDate: '1984-05-14',
    sex: 'female',
    gender: 'woman',
    education: 'isced3_4',
    status: 'closed',
    closedOn: '2026-06-30',
    closedReason: 'Podjęła pracę w piekarni',
  });
  await t.db.insert(sessions).values({
    idHash: 'anna-session',
    userId: annaUser.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const [share] = await t.db
    .insert(participantConsents)
    .values([
      {
        localityId: kwilcz.id,
        personId: anna,
        purpose: 'support',
        basis: 'consent',
        givenOn: '2025-01-10',
        note: 'Podpisała formularz',
      },
      {
        localityId: kwilcz.id,
        personId: anna,
        purpose: 'share_partner',
        organisationId: pup.id,
        basis: 'consent',
        givenOn: '2025-02-01',
      },
    ])
    .returning({ id: participantConsents.id });
  await t.db.insert(participantCategories).values({
    personId: anna,
    localityId: kwilcz.id,
    category: 'long_term_unemployed',
    evidence: 'Zaświadczenie PUP nr 77/2025',
    notedOn: '2025-01-10',
  });
  await t.db.insert(labourStatuses).values({
    localityId: kwilcz.id,
    personId: anna,
    status: 'long_term_unemployed',
    fromDate: '2025-01-10',
    note: 'Bez pracy od 2022',
  });
  const [plan] = await t.db
    .insert(supportPlans)
    .values({
      localityId: kwilcz.id,
      personId: anna,
      step: 'closed',
      needs: 'Potrzebuje kursu piekarza',
      goals: 'Praca w piekarni',
      startsOn: '2025-02-01',
      closedOn: '2026-06-30',
      closingReason: 'found_work',
      closingNote: 'Zatrudniona w Piekarni Kłos',
      responsibleUserId: advisor.id,
    })
    .returning({ id: supportPlans.id });
  await t.db.insert(supportPlanSteps).values({
    planId: plan!.id,
    localityId: kwilcz.id,
    fromStep: 'in_progress',
    toStep: 'closed',
    note: 'Zamknięto po rozmowie z Anną',
  });
  await t.db.insert(supportPlanActions).values({
    planId: plan!.id,
    localityId: kwilcz.id,
    kind: 'training',
    description: 'Kurs piekarski w Szamotułach',
    status: 'done',
  });
  await t.db.insert(supportPlanReviews).values({
    planId: plan!.id,
    localityId: kwilcz.id,
    dueOn: '2025-06-01',
    heldOn: '2025-06-02',
    note: 'Anna jest zadowolona z kursu',
  });
  await t.db.insert(supportOutcomes).values({
    localityId: kwilcz.id,
    personId: anna,
    planId: plan!.id,
    kind: 'found_work',
    achievedOn: '2026-06-15',
    note: 'Umowa o pracę na pół etatu',
  });
  await t.db.insert(adviceSessions).values({
    localityId: kwilcz.id,
    kind: 'legal',
    advisorUserId: advisor.id,
    personId: anna,
    givenOn: '2025-03-03',
    minutes: 45,
    topic: 'Zadłużenie alimentacyjne',
    notes: 'Poufna notatka o długach',
    confidential: true,
  });
  const [slot] = await t.db
    .insert(adviceSlots)
    .values({
      localityId: kwilcz.id,
      advisorUserId: advisor.id,
      startsAt: new Date('2025-04-01T08:00:00Z'),
      minutes: 30,
      kind: 'vocational',
      place: 'Pokój 12',
    })
    .returning({ id: adviceSlots.id });
  await t.db.insert(appointments).values({
    localityId: kwilcz.id,
    slotId: slot!.id,
    kind: 'vocational',
    personId: anna,
    topic: 'Rozmowa o CV',
    status: 'done',
  });
  await t.db.insert(referrals).values({
    localityId: kwilcz.id,
    personId: anna,
    fromOrganisationId: gops.id,
    toOrganisationId: pup.id,
    consentId: share!.id,
    reason: 'Pośrednictwo pracy dla Anny',
    sharedNote: 'Szuka pracy w piekarni',
    sentOn: '2025-02-02',
    status: 'accepted',
  });
  const [club] = await t.db
    .insert(clubs)
    .values({ localityId: kwilcz.id, name: 'KIS „Razem”' })
    .returning({ id: clubs.id });
  clubId = club!.id;
  const [member] = await t.db
    .insert(clubMembers)
    .values({
      localityId: kwilcz.id,
      clubId,
      personId: anna,
      joinedOn: '2025-01-15',
      leftOn: '2025-11-30',
      atRiskGroup: 'long_term_unemployed',
      outcome: 'job_found',
    })
    .returning({ id: clubMembers.id });
  const [activity] = await t.db
    .insert(clubActivities)
    .values({
      localityId: kwilcz.id,
      clubId,
      title: 'Warsztat pisania CV',
      kind: 'job_search',
      startsAt: new Date('2025-03-10T15:00:00Z'),
      endsAt: new Date('2025-03-10T17:00:00Z'),
    })
    .returning({ id: clubActivities.id });
  await t.db
    .insert(clubAttendance)
    .values({ activityId: activity!.id, memberId: member!.id, localityId: kwilcz.id, status: 'present' });
  await t.db.insert(clubVisits).values({
    localityId: kwilcz.id,
    clubId,
    visitedOn: '2025-03-12',
    memberId: member!.id,
    purpose: 'Kawa',
  });
  await t.db.insert(volunteers).values({
    personId: anna,
    localityId: kwilcz.id,
    organisationId: gops.id,
    skills: 'Pieczenie ciast',
    since: '2025-05-01',
    agreementScope: 'Pomoc przy festynie',
  });
  await t.db.insert(volunteerHours).values({
    localityId: kwilcz.id,
    personId: anna,
    organisationId: gops.id,
    activity: 'Festyn gminny',
    workedOn: '2025-06-01',
    hours: '4.50',
    ratePln: '30.00',
    valuePln: '135.00',
  });
  const [ps] = await t.db
    .insert(partnerships)
    .values({ localityId: kwilcz.id, name: 'Partnerstwo Kwilcz' })
    .returning({ id: partnerships.id });
  const [meeting] = await t.db
    .insert(meetings)
    .values({
      localityId: kwilcz.id,
      partnershipId: ps!.id,
      title: 'Spotkanie partnerstwa w maju',
      startsAt: new Date('2025-05-20T10:00:00Z'),
      endsAt: new Date('2025-05-20T12:00:00Z'),
    })
    .returning({ id: meetings.id });
  await t.db.insert(meetingParticipants).values({
    localityId: kwilcz.id,
    meetingId: meeting!.id,
    personId: anna,
    name: 'Anna Zielińska',
    email: 'anna@example.test',
    attendance: 'present',
  });

  bartek = await person(kwilcz.id, 'Bartek', 'Nowak');
  await participant(kwilcz.id, bartek, { gender: 'man', birthDate: '1990-01-01' });
  await t.db.insert(supportPlans).values({
    localityId: kwilcz.id,
    personId: bartek,
    step: 'in_progress',
    startsOn: '2026-01-01',
    needs: 'Mieszkanie',
  });

  obcy = await person(poznan.id, 'Jan', 'Obcy');
  await participant(poznan.id, obcy);
});
afterAll(async () => {
  await t.dispose();
});

describe('collectPersonData', () => {
  it('gathers the record of every table about the person, in a few statements', async () => {
    const counter = { count: 0 };
    const d = await sqlCounter.run(counter, () =>
      collectPersonData(t.db, { localityId: kwilcz.id, personId: anna, today: TODAY }),
    );
    expect(counter.count).toBeGreaterThan(0);
    expect(counter.count).toBeLessThanOrEqual(3);
    expect(d.person).toMatchObject({ givenName: 'Anna', familyName: 'Zielińska', phone: '600100200' });
    expect(d.person.account).toEqual({ email: 'anna.konto@example.test', name: 'Anna Konto' });
    expect(d.participant).toMatchObject({ pesel: '84051412345', birthDate: '1984-05-14', gender: 'woman' });
    expect(d.consents.map((c) => c.purpose)).toEqual(['support', 'share_partner']);
    expect(d.categories[0]).toMatchObject({
      category: 'long_term_unemployed',
      evidence: 'Zaświadczenie PUP nr 77/2025',
    });
    expect(d.labourStatuses[0]?.note).toBe('Bez pracy od 2022');
    expect(d.supportPlans[0]).toMatchObject({
      needs: 'Potrzebuje kursu piekarza',
      responsibleName: 'Ewa Doradczyni',
    });
    expect(d.supportPlans[0]?.steps[0]?.note).toBe('Zamknięto po rozmowie z Anną');
    expect(d.supportPlans[0]?.actions[0]?.description).toBe('Kurs piekarski w Szamotułach');
    expect(d.supportPlans[0]?.reviews[0]?.note).toBe('Anna jest zadowolona z kursu');
    expect(d.outcomes[0]).toMatchObject({ kind: 'found_work', note: 'Umowa o pracę na pół etatu' });
    expect(d.adviceSessions[0]).toMatchObject({ notes: 'Poufna notatka o długach', confidential: true });
    expect(d.appointments[0]).toMatchObject({
      topic: 'Rozmowa o CV',
      place: 'Pokój 12',
      advisorName: 'Ewa Doradczyni',
    });
    expect(d.referrals[0]).toMatchObject({ toOrganisationName: 'Powiatowy Urząd Pracy w Szamotułach' });
    expect(d.recipients).toEqual(['Powiatowy Urząd Pracy w Szamotułach']);
    expect(d.clubMemberships[0]).toMatchObject({ clubName: 'KIS „Razem”', outcome: 'job_found' });
    expect(d.clubMemberships[0]?.attendance[0]).toMatchObject({
      title: 'Warsztat pisania CV',
      status: 'present',
    });
    expect(d.clubMemberships[0]?.visits[0]?.purpose).toBe('Kawa');
    expect(d.volunteer).toMatchObject({ skills: 'Pieczenie ciast' });
    expect(d.volunteer?.hours[0]).toMatchObject({ activity: 'Festyn gminny', hours: 4.5, valuePln: 135 });
    expect(d.meetings[0]).toMatchObject({
      title: 'Spotkanie partnerstwa w maju',
      partnershipName: 'Partnerstwo Kwilcz',
    });
    expect(d.purposes.map((p) => p.purpose)).toEqual(
      expect.arrayContaining([
        'record',
        'monitoring',
        'support',
        'share_partner:Powiatowy Urząd Pracy w Szamotułach',
        'club',
        'volunteering',
      ]),
    );
    // Closed in 2026, five years from 31 December 2026.
    expect(d.retention).toMatchObject({ years: 5, keptUntil: '2031-12-31' });
  });

  it('writes JSON with a version and a readable PDF in both languages', async () => {
    const d = await collectPersonData(t.db, { localityId: kwilcz.id, personId: anna, today: TODAY });
    const json = JSON.parse(personDataJson(d));
    expect(json).toMatchObject({ format: 'splot.person-data', version: 1, person: { givenName: 'Anna' } });
    expect(typeof json.generatedAt).toBe('string');
    const pdf = await personDataPdf(d, { locale: 'pl' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    for (const s of [
      'Twoje dane w platformie Splot',
      'Plany wsparcia',
      'Komu przekazano Twoje dane',
      'Poufna notatka o długach',
      'Jak długo przechowujemy Twoje dane',
      '31.12.2031',
    ])
      expect(text).toContain(s);
    const en = (await extractText(await personDataPdf(d, { locale: 'en' }), { mergePages: true })).text;
    expect(en.replace(/\s+/g, ' ')).toContain('Who your data were shared with');
  });

  it('knows nobody of another locality', async () => {
    const e = await rejection(
      collectPersonData(t.db, { localityId: kwilcz.id, personId: obcy, today: TODAY }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(
      (await rejection(collectPersonData(t.db, { localityId: kwilcz.id, personId: 'x', today: TODAY }))).code,
    ).toBe('NOT_FOUND');
  });
});

describe('erasure', () => {
  it('refuses a request while a support plan is open, saving only the audit entry', async () => {
    const e = await rejection(requestErasure(t.db, { ...coord(), personId: bartek, mail: recordingMail() }));
    expect(e.code).toBe('DOMAIN_RULE');
    expect(e.fieldErrors._form).toBe('participants.dp.erasure.openPlan');
    const rows = await t.db.select().from(erasureRequests).where(eq(erasureRequests.personId, bartek));
    expect(rows).toHaveLength(0);
    const [a] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'erasure.refused'), eq(auditLog.entityId, bartek)));
    expect(a?.details).toMatchObject({ reason: 'open_plan' });
  });

  it('refuses erasure by the coordinator while a plan is open: nothing changes', async () => {
    const e = await rejection(erasePerson(t.db, { ...coord(), personId: bartek, note: '' }));
    expect(e.code).toBe('DOMAIN_RULE');
    const [p] = await t.db.select().from(people).where(eq(people.id, bartek));
    expect(p).toMatchObject({ givenName: 'Bartek', erasedAt: null });
  });

  it('lets the person ask once; the coordinators learn only that a request waits', async () => {
    const mail = recordingMail();
    const self = {
      actor: actorFor(annaUser),
      locality: loc(['participant']),
      personId: anna,
      mail,
      baseUrl: 'https://splot.example',
    };
    const first = await requestErasure(t.db, self);
    expect(first.created).toBe(true);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]?.to).toBe('koord@example.test');
    expect(mail.sent[0]?.text).toContain('https://splot.example/app/');
    expect(mail.sent[0]?.text).not.toContain('Anna');
    expect(mail.sent[0]?.text).not.toContain('Zielińska');
    const second = await requestErasure(t.db, self);
    expect(second).toEqual({ requestId: first.requestId, created: false });
    expect(mail.sent).toHaveLength(1);
    const pending = await t.db.select().from(erasureRequests).where(eq(erasureRequests.personId, anna));
    expect(pending.map((r) => r.status)).toEqual(['pending']);
  });

  it('does not let another participant ask for someone else', async () => {
    const other = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'participant' }] });
    const e = await rejection(
      requestErasure(t.db, { actor: actorFor(other), locality: loc(['participant']), personId: anna }),
    );
    expect(e.code).toBe('NOT_FOUND');
  });

  it('is for the coordinator only', async () => {
    const e = await rejection(
      erasePerson(t.db, { actor: actorFor(animator), locality: loc(['animator']), personId: anna, note: '' }),
    );
    expect(e.code).toBe('FORBIDDEN');
    const r = await rejection(
      refuseErasure(t.db, {
        actor: actorFor(animator),
        locality: loc(['animator']),
        requestId: anna,
        reason: 'x',
      }),
    );
    expect(r.code).toBe('FORBIDDEN');
  });

  it('anonymises the person in one go while statistics keep counting them', async () => {
    const byGender = () =>
      t.db
        .select({ gender: participants.gender, n: sql<number>`count(*)::int` })
        .from(participants)
        .where(eq(participants.localityId, kwilcz.id))
        .groupBy(participants.gender)
        .orderBy(participants.gender);
    const hours = () =>
      t.db
        .select({ n: sql<string>`sum(hours)` })
        .from(volunteerHours)
        .where(eq(volunteerHours.localityId, kwilcz.id));
    const before = {
      gender: await byGender(),
      club: await annualReport(t.db, { localityId: kwilcz.id, clubId, year: 2025 }),
      hours: await hours(),
    };
    const [req] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.personId, anna));

    await erasePerson(t.db, { ...coord(), personId: anna, requestId: req!.id, note: 'Prośba osoby' });

    const d = await collectPersonData(t.db, { localityId: kwilcz.id, personId: anna, today: TODAY });
    expect(d.person).toMatchObject({
      givenName: '',
      familyName: '',
      email: '',
      phone: '',
      basisNote: '',
      account: null,
    });
    expect(d.person.erasedAt).not.toBeNull();
    // Age band kept: the year stays, the day goes.
    expect(d.participant).toMatchObject({
      pesel: '',
      birthDate: '1984-07-01',
      gender: 'woman',
      closedReason: '',
    });
    const json = personDataJson(d);
    for (const secret of [
      'Zielińska',
      'Podpisała',
      'PUP nr 77',
      'Bez pracy od',
      'kursu piekarza',
      'Kłos',
      'po rozmowie',
      'Kurs piekarski',
      'zadowolona',
      'pół etatu',
      'alimentacyjne',
      'o długach',
      'o CV',
      'dla Anny',
      'w piekarni',
      'Pieczenie',
      'festynie',
      'anna@example',
    ])
      expect(json).not.toContain(secret);
    const [mp] = await t.db.select().from(meetingParticipants).where(eq(meetingParticipants.personId, anna));
    expect(mp).toMatchObject({ name: '', email: '', attendance: 'present' });

    expect(await byGender()).toEqual(before.gender);
    expect(await annualReport(t.db, { localityId: kwilcz.id, clubId, year: 2025 })).toEqual(before.club);
    expect(await hours()).toEqual(before.hours);

    const [r] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, req!.id));
    expect(r).toMatchObject({ status: 'done', decidedBy: coordinator.id, decisionNote: 'Prośba osoby' });
    const [a] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'participant.erased'), eq(auditLog.entityId, anna)));
    expect(JSON.stringify(a?.details)).not.toContain('Anna');
    // The account: no participant role here, no session, anonymised and off.
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, annaUser.id))).toHaveLength(0);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, annaUser.id))).toHaveLength(0);
    const [u] = await t.db.select().from(users).where(eq(users.id, annaUser.id));
    expect(u).toMatchObject({ active: false, name: '', passwordHash: null });
    expect(u?.email).not.toContain('anna');
    // Gone from lists, search and the participant page.
    const list = await searchParticipants(t.db, {
      localityId: kwilcz.id,
      filter: { q: '', status: '' },
      offset: 0,
      limit: 50,
    });
    expect(list.rows.map((x) => x.id)).not.toContain(anna);
    expect(await getParticipant(t.db, { localityId: kwilcz.id, id: anna })).toBeNull();
    // A second erasure finds nobody.
    expect((await rejection(erasePerson(t.db, { ...coord(), personId: anna, note: '' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses a pending request with a reason, and not across localities', async () => {
    const p = await person(kwilcz.id, 'Celina', 'Wójcik');
    const { requestId } = await requestErasure(t.db, { ...coord(), personId: p });
    const blank = await rejection(refuseErasure(t.db, { ...coord(), requestId, reason: ' ' }));
    expect(blank.fieldErrors.reason).toBe('participants.dp.erasure.reason.required');
    await refuseErasure(t.db, { ...coord(), requestId, reason: 'Dane potrzebne do rozliczenia projektu' });
    const [r] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, requestId));
    expect(r).toMatchObject({ status: 'refused', decisionNote: 'Dane potrzebne do rozliczenia projektu' });
    expect((await rejection(refuseErasure(t.db, { ...coord(), requestId, reason: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
    const foreign = await rejection(
      erasePerson(t.db, {
        actor: actorFor(coordinator),
        locality: loc(['coordinator'], poznan),
        personId: bartek,
        note: '',
      }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
  });
});

describe('participantsPastRetention', () => {
  it('lists closed participants past the parameter’s years from 31 December of the closing year', async () => {
    const old = await person(kwilcz.id, 'Olga', 'Dawna');
    await participant(kwilcz.id, old, { status: 'closed', closedOn: '2020-06-01' });
    const recent = await person(kwilcz.id, 'Roman', 'Niedawny');
    await participant(kwilcz.id, recent, { status: 'closed', closedOn: '2021-03-01' });
    const active = await person(kwilcz.id, 'Adam', 'Aktywny');
    await participant(kwilcz.id, active, { registeredOn: '2015-01-01' });
    const foreign = await person(poznan.id, 'Piotr', 'Poznański');
    await participant(poznan.id, foreign, { status: 'closed', closedOn: '2019-01-01' });

    const now = await participantsPastRetention(t.db, {
      localityId: kwilcz.id,
      today: TODAY,
      limit: 20,
      offset: 0,
    });
    expect(now.years).toBe(5);
    expect(now.rows.map((r) => r.personId)).toEqual([old]);
    expect(now.rows[0]).toMatchObject({
      closedOn: '2020-06-01',
      retentionEndedOn: '2025-12-31',
      hasOpenPlan: false,
    });
    expect(now.total).toBe(1);
    // On 31 December 2026 the 2021 closing is still kept; a day later it is due for review.
    const lastDay = await participantsPastRetention(t.db, {
      localityId: kwilcz.id,
      today: '2026-12-31',
      limit: 20,
      offset: 0,
    });
    expect(lastDay.total).toBe(1);
    const next = await participantsPastRetention(t.db, {
      localityId: kwilcz.id,
      today: '2027-01-01',
      limit: 20,
      offset: 0,
    });
    expect(next.rows.map((r) => r.personId)).toEqual([old, recent]);
    // Anna (closed 2026) was erased, so she never shows up; erased people are done.
    const far = await participantsPastRetention(t.db, {
      localityId: kwilcz.id,
      today: '2040-01-01',
      limit: 1,
      offset: 1,
    });
    expect(far.total).toBe(2);
    expect(far.rows.map((r) => r.personId)).toEqual([recent]);
  });
});

describe('handleDataProtectionIntent (the participant page’s section)', () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  it('ignores intents that are not its own', async () => {
    const r = await handleDataProtectionIntent({
      db: t.db,
      ...coord(),
      personId: bartek,
      intent: 'side.recordConsent',
      form: form({}),
      today: TODAY,
    });
    expect(r).toBeNull();
  });

  it('records a request on the person’s behalf once, and explains an open plan', async () => {
    const p = await person(kwilcz.id, 'Dorota', 'Prosząca');
    const staff = {
      db: t.db,
      actor: actorFor(animator),
      locality: loc(['animator']),
      personId: p,
      today: TODAY,
    };
    const first = await handleDataProtectionIntent({ ...staff, intent: 'requestErasure', form: form({}) });
    expect(first).toMatchObject({ ok: true, flashKey: 'participants.dp.erasure.requested' });
    const again = await handleDataProtectionIntent({ ...staff, intent: 'requestErasure', form: form({}) });
    expect(again).toMatchObject({ ok: true, flashKey: 'participants.dp.erasure.alreadyPending' });
    const refused = await handleDataProtectionIntent({
      ...staff,
      personId: bartek,
      intent: 'requestErasure',
      form: form({}),
    });
    expect(refused).toEqual({
      ok: false,
      status: 422,
      errors: { _form: 'participants.dp.erasure.openPlan' },
    });
  });

  it('erases only with the tick, then sends the coordinator back to the list', async () => {
    const p = await person(kwilcz.id, 'Ewa', 'Znikająca');
    const ctx = { db: t.db, ...coord(), personId: p, today: TODAY, intent: 'erase' };
    const noTick = await handleDataProtectionIntent({ ...ctx, form: form({ note: '' }) });
    expect(noTick).toEqual({
      ok: false,
      status: 400,
      errors: { confirm: 'participants.dp.erasure.confirm.required' },
    });
    const done = await handleDataProtectionIntent({ ...ctx, form: form({ confirm: 'yes', note: '' }) });
    expect(done).toMatchObject({
      ok: true,
      flashKey: 'participants.dp.erasure.done',
      redirectTo: `/app/${kwilcz.slug}/participants`,
    });
    const [row] = await t.db.select().from(people).where(eq(people.id, p));
    expect(row).toMatchObject({ givenName: '', familyName: '' });
    const animatorTry = handleDataProtectionIntent({
      ...ctx,
      actor: actorFor(animator),
      locality: loc(['animator']),
      personId: bartek,
      form: form({ confirm: 'yes' }),
    });
    expect((await rejection(animatorTry)).code).toBe('FORBIDDEN');
  });
});

type SectionProps = Parameters<typeof DataProtectionSection>[0];
let shown: { props: SectionProps; locale: 'pl' | 'en' };
function ShownSection() {
  return createElement(
    ShellContext.Provider,
    { value: { i18n: getI18n(shown.locale), csrf: 'x' } },
    createElement(DataProtectionSection, shown.props),
  );
}
const Stub = createRoutesStub([{ path: '/', Component: ShownSection }]);

describe('DataProtectionSection', () => {
  const render = (props: SectionProps, locale: 'pl' | 'en' = 'pl') => {
    shown = { props, locale };
    return renderToString(createElement(Stub, { initialEntries: ['/'] }));
  };

  it('gives the coordinator downloads and the erase form, or explains the open plan', () => {
    const html = render({ localitySlug: 'kwilcz', personId: anna, canErase: true, hasOpenPlan: false });
    expect(html).toContain('<h2 id="data-protection">Ochrona danych</h2>');
    expect(html).toContain(`href="/app/kwilcz/participants/${anna}/data.pdf"`);
    expect(html).toContain(`href="/app/kwilcz/participants/${anna}/data.json"`);
    expect(html).toContain('name="intent" value="erase"');
    const open = render({ localitySlug: 'kwilcz', personId: anna, canErase: true, hasOpenPlan: true }, 'en');
    expect(open).toContain('cannot be erased while the person has an open support plan');
    expect(open).not.toContain('value="erase"');
  });

  it('lets other staff record the person’s request, without downloads', () => {
    const html = render({ localitySlug: 'kwilcz', personId: anna, canErase: false, hasOpenPlan: false });
    expect(html).not.toContain('data.pdf');
    expect(html).toContain('value="requestErasure"');
  });
});
