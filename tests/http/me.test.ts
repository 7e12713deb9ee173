import { and, count, desc, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteParticipantToSelfService } from '../../app/features/me/invite.server.ts';
import type { ActorLocality } from '../../app/lib/actor.ts';
import {
  adviceSlots,
  appointments,
  auditLog,
  clubActivities,
  clubAttendance,
  clubMembers,
  clubs,
  erasureRequests,
  localities,
  organisations,
  participantConsents,
  participants,
  people,
  referrals,
  supportPlans,
  users,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeUser } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { actorFor, recordingMail, testServices } from '../setup/services.ts';

const ME = 'uczestnik.poznan@splot.demo';
let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();
let poznan: { id: string; slug: string; name: string };
let lukasz: string;
let other: { id: string; givenName: string; familyName: string };
let slotA: string;
let slotB: string;
let advisorId: string;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
  [poznan] = (await t.db
    .select({ id: localities.id, slug: localities.slug, name: localities.name })
    .from(localities)
    .where(eq(localities.slug, 'poznan'))) as [typeof poznan];
  const [me] = await t.db.select({ id: people.id }).from(people).where(eq(people.email, ME));
  lukasz = me!.id;
  const [o] = await t.db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(and(eq(participants.localityId, poznan.id), ne(people.id, lukasz), isNull(people.userId)))
    .orderBy(people.familyName)
    .limit(1);
  other = o!;
  const [advisor] = await t.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'doradca@splot.demo'));
  advisorId = advisor!.id;
  // Two free legal-advice slots in the future, at a minute no seed uses.
  const at = (days: number) => {
    const d = new Date(Date.now() + days * 86_400_000);
    d.setUTCHours(9, 17, 0, 0);
    return d;
  };
  const slots = await t.db
    .insert(adviceSlots)
    .values([
      {
        localityId: poznan.id,
        advisorUserId: advisorId,
        startsAt: at(40),
        minutes: 45,
        kind: 'legal',
        place: 'Pokój 12',
      },
      {
        localityId: poznan.id,
        advisorUserId: advisorId,
        startsAt: at(41),
        minutes: 45,
        kind: 'legal',
        place: 'Pokój 12',
      },
    ])
    .returning({ id: adviceSlots.id });
  slotA = slots[0]!.id;
  slotB = slots[1]!.id;
  // A consent Łukasz can withdraw himself, and an open plan (erasure is refused while it is open).
  await t.db.insert(participantConsents).values({
    localityId: poznan.id,
    personId: lukasz,
    purpose: 'photos',
    basis: 'consent',
    givenOn: '2026-01-10',
  });
  const [open] = await t.db
    .select({ id: supportPlans.id })
    .from(supportPlans)
    .where(and(eq(supportPlans.personId, lukasz), ne(supportPlans.step, 'closed')));
  if (!open)
    await t.db.insert(supportPlans).values({
      localityId: poznan.id,
      personId: lukasz,
      step: 'in_progress',
      needs: 'Praca w pobliżu domu',
      goals: 'Znaleźć pracę',
      startsOn: '2026-09-01',
    });
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = ME, lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
async function audits(action: string, entityId?: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      entityId
        ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))
        : eq(auditLog.action, action),
    );
  return row!.n;
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

describe('a participant signs in', () => {
  it('lands on "Moje sprawy" and sees their own data, consents and plan within a few SQL statements', async () => {
    const b = await signedIn();
    const app1 = await b.get('/app');
    expect(app1.headers.get('Location')).toBe('/app/poznan');
    const home = await b.get('/app/poznan');
    expect(home.status).toBe(302);
    expect(home.headers.get('Location')).toBe('/app/poznan/me');
    const res = await b.get('/app/poznan/me');
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeGreaterThan(0);
    expect(sqlStatements(res)).toBeLessThanOrEqual(6);
    const text = pageText(await res.text());
    expect(text).toContain('Moje sprawy');
    expect(text).toContain('Dzień dobry, Łukasz!');
    expect(text).toContain('Łukasz Wójcik');
    expect(text).toContain(ME);
    expect(text).toContain('Zdjęcia z Tobą');
    expect(text).toContain('Wycofaj tę zgodę');
    expect(text).toContain('Umów spotkanie z doradcą');
    expect(text).toContain('Twój plan');
    expect(text).toContain('Ten plan właśnie realizujemy');
    expect(text).not.toContain(`${other.givenName} ${other.familyName}`);
  });

  it('speaks plain English too', async () => {
    const b = await signedIn(ME, 'en');
    const text = pageText(await (await b.get('/app/poznan/me')).text());
    expect(text).toContain('My matters');
    expect(text).toContain('Hello, Łukasz!');
    expect(text).toContain('Your consents');
  });

  it("is refused another person's staff page with 403, audited", async () => {
    const b = await signedIn();
    const before = await audits('participant.read_refused', other.id);
    const res = await b.get(`/app/poznan/participants/${other.id}`);
    expect(res.status).toBe(403);
    expect(pageText(await res.text())).not.toContain(other.familyName);
    expect(await audits('participant.read_refused', other.id)).toBe(before + 1);
  });

  it('cannot reach another locality', async () => {
    const b = await signedIn();
    for (const url of ['/app/wagrowiec/me', '/app/wagrowiec/me/data.json', '/app/wagrowiec/me/data']) {
      expect([403, 404]).toContain((await b.get(url)).status);
    }
  });
});

describe('my club and referrals', () => {
  it('shows the membership, the next activity, attendance and a referral’s status only', async () => {
    const [club] = await t.db
      .select({ id: clubs.id, name: clubs.name })
      .from(clubs)
      .where(eq(clubs.localityId, poznan.id))
      .limit(1);
    expect(club).toBeDefined();
    if (!club) return;
    const [member] = await t.db
      .insert(clubMembers)
      .values({ localityId: poznan.id, clubId: club.id, personId: lukasz, joinedOn: '2026-10-01' })
      .returning({ id: clubMembers.id });
    const hour = 3_600_000;
    const [past, next] = await t.db
      .insert(clubActivities)
      .values([
        {
          localityId: poznan.id,
          clubId: club.id,
          title: 'Warsztat pisania CV (test)',
          kind: 'job_search',
          startsAt: new Date(Date.now() - 48 * hour),
          endsAt: new Date(Date.now() - 46 * hour),
        },
        {
          localityId: poznan.id,
          clubId: club.id,
          title: 'Spotkanie grupy wsparcia (test)',
          kind: 'self_help',
          startsAt: new Date(Date.now() + 72 * hour),
          endsAt: new Date(Date.now() + 74 * hour),
          place: 'Sala 3',
        },
      ])
      .returning({ id: clubActivities.id });
    expect(next).toBeDefined();
    await t.db
      .insert(clubAttendance)
      .values({ activityId: past!.id, memberId: member!.id, localityId: poznan.id, status: 'present' });
    const [org] = await t.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.localityId, poznan.id))
      .limit(1);
    const [consent] = await t.db
      .insert(participantConsents)
      .values({
        localityId: poznan.id,
        personId: lukasz,
        purpose: 'share_partner',
        organisationId: org!.id,
        basis: 'consent',
        givenOn: '2026-10-02',
      })
      .returning({ id: participantConsents.id });
    await t.db.insert(referrals).values({
      localityId: poznan.id,
      personId: lukasz,
      toOrganisationId: org!.id,
      consentId: consent!.id,
      reason: 'Powód widoczny tylko dla pracowników',
      status: 'accepted',
      sentOn: '2026-10-03',
    });
    const b = await signedIn();
    const text = pageText(await (await b.get('/app/poznan/me')).text());
    expect(text).toContain(`Należysz do klubu „${club.name}”`);
    expect(text).toContain('Spotkanie grupy wsparcia (test)');
    expect(text).toContain('Warsztat pisania CV (test) (obecność)');
    expect(text).toContain('Twoje skierowania');
    expect(text).toContain(org!.name);
    expect(text).toContain('Przyjęte');
    expect(text).not.toContain('Powód widoczny tylko dla pracowników');
  });
});

describe('correcting my data', () => {
  it('explains a bad phone in plain words and saves a good one, audited', async () => {
    const b = await signedIn();
    expect((await b.get('/app/poznan/me/data')).status).toBe(200);
    const bad = await b.post('/app/poznan/me/data', {
      givenName: 'Łukasz',
      familyName: 'Wójcik',
      email: ME,
      phone: '12ab',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz numer telefonu: od 9 do 15 cyfr');
    const before = await audits('participant.self_update', lukasz);
    const good = await b.post('/app/poznan/me/data', {
      givenName: 'Łukasz',
      familyName: 'Wójcik',
      email: ME,
      phone: '600 700 800',
    });
    expect(good.status).toBe(302);
    const [row] = await t.db.select({ phone: people.phone }).from(people).where(eq(people.id, lukasz));
    expect(row!.phone).toBe('600 700 800');
    expect(await audits('participant.self_update', lukasz)).toBe(before + 1);
    expect(pageText(await (await b.get('/app/poznan/me')).text())).toContain('600 700 800');
  });

  it('says in English that a name is needed', async () => {
    const b = await signedIn(ME, 'en');
    const res = await b.post('/app/poznan/me/data', {
      givenName: ' ',
      familyName: 'Wójcik',
      email: '',
      phone: '',
    });
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain('Enter your given name');
  });
});

describe('withdrawing a consent', () => {
  it('is done by the person with one button, audited as their own', async () => {
    const b = await signedIn();
    const [c] = await t.db
      .select({ id: participantConsents.id })
      .from(participantConsents)
      .where(and(eq(participantConsents.personId, lukasz), eq(participantConsents.purpose, 'photos')));
    await b.get('/app/poznan/me');
    const res = await b.post('/app/poznan/me', { intent: 'withdrawConsent', consentId: c!.id });
    expect(res.status).toBe(302);
    const [after] = await t.db
      .select({ withdrawnOn: participantConsents.withdrawnOn })
      .from(participantConsents)
      .where(eq(participantConsents.id, c!.id));
    expect(after!.withdrawnOn).not.toBeNull();
    const [a] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'participant.consent.withdraw'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(a!.details).toMatchObject({ consentId: c!.id, bySelf: true });
    const again = await b.post('/app/poznan/me', { intent: 'withdrawConsent', consentId: c!.id });
    expect(again.status).toBe(409);
    expect(pageText(await again.text())).toContain('Ta zgoda jest już wycofana');
  });
});

describe('booking an appointment', () => {
  it('goes kind → free slots (Polish day and time, advisor, place) → booked, without JavaScript', async () => {
    const b = await signedIn();
    const step1 = pageText(await (await b.get('/app/poznan/me/appointments/new')).text());
    expect(step1).toContain('Porada prawna');
    expect(step1).toContain('Porada o pracy');
    // "Next" without a choice: the message stands at the choice.
    const none = await (await b.get('/app/poznan/me/appointments/new?step=slots')).text();
    expect(none).toContain('id="f-kind-error"');
    expect(pageText(none)).toContain('Wystąpił problem');
    const step2 = await b.get('/app/poznan/me/appointments/new?kind=legal');
    const text = pageText(await step2.text());
    expect(text).toMatch(
      /(poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela), \d{1,2} \S+ \d{4}, godz\. \d{2}:17/,
    );
    expect(text).toContain('Pokój 12');
    expect(text).toContain('45 minut');
    const missing = await b.post('/app/poznan/me/appointments/new?kind=legal', {
      intent: 'book',
      topic: 'Umowa najmu',
    });
    expect(missing.status).toBe(400);
    expect(pageText(await missing.text())).toContain('Wybierz termin z listy');
    const res = await b.post('/app/poznan/me/appointments/new?kind=legal', {
      intent: 'book',
      slotId: slotA,
      topic: 'Umowa najmu',
    });
    expect(res.status).toBe(302);
    const [appt] = await t.db
      .select({ personId: appointments.personId, status: appointments.status })
      .from(appointments)
      .where(eq(appointments.slotId, slotA));
    expect(appt).toMatchObject({ personId: lukasz, status: 'booked' });
    const me = pageText(await (await b.get('/app/poznan/me')).text());
    expect(me).toContain('Porada prawna');
    expect(me).toContain('Umowa najmu');
    expect(me).toContain('Odwołaj to spotkanie');
  });

  it('refuses a taken slot with the message at the slot field, saving nothing', async () => {
    await t.db.insert(appointments).values({
      localityId: poznan.id,
      slotId: slotB,
      kind: 'legal',
      personId: other.id,
      topic: 'Inna sprawa',
      status: 'booked',
    });
    const b = await signedIn();
    await b.get('/app/poznan/me/appointments/new?kind=legal');
    const [before] = await t.db.select({ n: count() }).from(appointments);
    const res = await b.post('/app/poznan/me/appointments/new?kind=legal', {
      intent: 'book',
      slotId: slotB,
      topic: 'Umowa',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(pageText(html)).toContain('Ten termin jest już zajęty');
    expect(html).toContain('id="f-slotId-error"');
    const [after] = await t.db.select({ n: count() }).from(appointments);
    expect(after!.n).toBe(before!.n);
  });

  it('sends a request with times that suit, and cancels an own appointment', async () => {
    const b = await signedIn();
    await b.get('/app/poznan/me/appointments/new?kind=vocational');
    const bad = await b.post('/app/poznan/me/appointments/new?kind=vocational', {
      intent: 'request',
      kind: 'vocational',
      requestTopic: 'CV',
      preferredTimes: '',
    });
    expect(bad.status).toBe(400);
    const ok = await b.post('/app/poznan/me/appointments/new?kind=vocational', {
      intent: 'request',
      kind: 'vocational',
      requestTopic: 'CV',
      preferredTimes: 'wtorki po 15:00',
    });
    expect(ok.status).toBe(302);
    const me = pageText(await (await b.get('/app/poznan/me')).text());
    expect(me).toContain('Czekasz na termin');
    expect(me).toContain('wtorki po 15:00');
    const [booked] = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.slotId, slotA));
    const cancel = await b.post('/app/poznan/me', { intent: 'cancelAppointment', appointmentId: booked!.id });
    expect(cancel.status).toBe(302);
    const [after] = await t.db
      .select({ status: appointments.status })
      .from(appointments)
      .where(eq(appointments.id, booked!.id));
    expect(after!.status).toBe('cancelled');
    // Someone else's appointment is not there for them.
    const [theirs] = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.slotId, slotB));
    expect(
      (await b.post('/app/poznan/me', { intent: 'cancelAppointment', appointmentId: theirs!.id })).status,
    ).toBe(404);
  });
});

describe('downloading my data', () => {
  it('gives JSON with my name and nobody else’s, audited with the format', async () => {
    const b = await signedIn();
    const before = await audits('participant.export', lukasz);
    const res = await b.get('/app/poznan/me/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    const body = await res.text();
    expect(body).toContain('Wójcik');
    expect(body).not.toContain(other.familyName);
    expect(await audits('participant.export', lukasz)).toBe(before + 1);
    const [a] = await t.db
      .select({ details: auditLog.details, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.action, 'participant.export'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(a!.details).toMatchObject({ format: 'json' });
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, ME));
    expect(a!.actor).toBe(u!.id);
  });

  it('gives a readable PDF', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/me/data.pdf');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('%PDF');
  });
});

describe('asking to be erased', () => {
  it('explains plainly, needs the box ticked, and is refused with an open plan', async () => {
    const b = await signedIn();
    const page = pageText(await (await b.get('/app/poznan/me/erasure')).text());
    expect(page).toContain('Co usuniemy');
    expect(page).toContain('Co zostanie');
    const unticked = await b.post('/app/poznan/me/erasure', {});
    expect(unticked.status).toBe(400);
    expect(pageText(await unticked.text())).toContain('Zaznacz pole');
    const refusedBefore = await audits('erasure.refused', lukasz);
    const res = await b.post('/app/poznan/me/erasure', { confirm: 'yes' });
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain(
      'Nie możemy jeszcze usunąć Twoich danych, bo masz otwarty plan wsparcia',
    );
    expect(await audits('erasure.refused', lukasz)).toBe(refusedBefore + 1);
    const none = await t.db
      .select({ id: erasureRequests.id })
      .from(erasureRequests)
      .where(eq(erasureRequests.personId, lukasz));
    expect(none).toHaveLength(0);
  });

  it('is recorded once the plan is closed, and the page says it waits for a decision', async () => {
    await t.db
      .update(supportPlans)
      .set({ step: 'closed', closedOn: '2026-11-01', closingReason: 'goals_achieved' })
      .where(and(eq(supportPlans.personId, lukasz), ne(supportPlans.step, 'closed')));
    const b = await signedIn();
    await b.get('/app/poznan/me/erasure');
    const res = await b.post('/app/poznan/me/erasure', { confirm: 'yes' });
    expect(res.status).toBe(302);
    const rows = await t.db
      .select({ status: erasureRequests.status })
      .from(erasureRequests)
      .where(eq(erasureRequests.personId, lukasz));
    expect(rows).toEqual([{ status: 'pending' }]);
    const text = pageText(await (await b.get('/app/poznan/me')).text());
    expect(text).toContain('Twoja prośba o usunięcie danych czeka na decyzję');
  });
});

describe('a participant account without a person record', () => {
  it('sees a plain explanation and who to contact', async () => {
    const u = await makeUser(t.db, { roles: [{ localityId: poznan.id, role: 'participant' }] });
    const b = new TestBrowser(app);
    await b.signIn(u.email, u.password);
    const res = await b.get('/app/poznan/me');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('nie jest jeszcze połączone');
    expect(text).toContain('koordynator.poznan@splot.demo');
    expect((await b.get('/app/poznan/me/data.json')).status).toBe(404);
  });

  it('is not for staff', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    expect((await b.get('/app/poznan/me')).status).toBe(403);
  });
});

describe('inviting a participant to self-service', () => {
  it('e-mails an invitation; accepting it links the new account, which then sees its own page', async () => {
    const [coord] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'koordynator.poznan@splot.demo'));
    const locality: ActorLocality = {
      localityId: poznan.id,
      slug: poznan.slug,
      name: poznan.name,
      kind: 'city_county',
      roles: ['coordinator'],
      organisationIds: [],
    };
    const actor = actorFor({ id: coord!.id }, { memberships: [locality] });
    const email = 'zaproszony.uczestnik@example.test';
    await t.db.update(people).set({ email }).where(eq(people.id, other.id));
    await inviteParticipantToSelfService(t.db, {
      actor,
      locality,
      personId: other.id,
      mail,
      baseUrl: 'http://localhost',
    });
    const sent = mail.sent.at(-1)!;
    expect(sent.to).toBe(email);
    await expect(
      inviteParticipantToSelfService(t.db, {
        actor,
        locality,
        personId: other.id,
        mail,
        baseUrl: 'http://localhost',
      }),
    ).rejects.toMatchObject({ messageKey: 'me.invite.pending' });
    const link = mail.lastLink()!;
    const path = new URL(link).pathname;
    const b = new TestBrowser(app);
    expect((await b.get(path)).status).toBe(200);
    const accepted = await b.post(path, {
      name: `${other.givenName} ${other.familyName}`,
      password: 'Nowe-haslo-2026!',
      confirm: 'Nowe-haslo-2026!',
    });
    expect(accepted.status).toBe(302);
    const home = await b.get(accepted.headers.get('Location')!);
    expect(home.headers.get('Location')).toBe('/app/poznan/me');
    const text = pageText(await (await b.get('/app/poznan/me')).text());
    expect(text).toContain(`Dzień dobry, ${other.givenName}!`);
    expect(text).toContain(email);
    const [linked] = await t.db.select({ userId: people.userId }).from(people).where(eq(people.id, other.id));
    expect(linked!.userId).not.toBeNull();
  });
});
