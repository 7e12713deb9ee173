import { and, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFreeSlots, loadAppointmentsForPerson } from '../../app/features/advice/appointments.server.ts';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  adviceSessions,
  appointments,
  auditLog,
  localities,
  organisations,
  people,
} from '../../db/schema/index.ts';
import { daysFrom } from '../../db/seed/dates.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();
let pzId: string;
let person: string;
let office: string;
const GIVEN_ON = daysFrom(todayInWarsaw(), -3);
const TOPIC = 'Sprawa rodzinna (test)';
const SECRET = 'Tajna notatka: leczenie odwykowe, nie ujawniać 7731';

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
  const [pz] = await t.db.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'poznan'));
  pzId = pz!.id;
  const [p] = await t.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.email, 'uczestnik.poznan@splot.demo'), eq(people.localityId, pzId)));
  person = p!.id;
  const [o] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(eq(organisations.localityId, pzId), eq(organisations.name, 'Powiatowy Urząd Pracy w Poznaniu')),
    );
  office = o!.id;
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email: string, lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}

describe('the demo data', () => {
  it('gives the demo participant a booked appointment and a past session; the advisor sees both towns', async () => {
    const mine = await loadAppointmentsForPerson(t.db, { localityId: pzId, personId: person });
    expect(mine.upcoming.filter((a) => a.status === 'booked')).toHaveLength(1);
    const [sessions] = await t.db
      .select({ n: count() })
      .from(adviceSessions)
      .where(eq(adviceSessions.personId, person));
    expect(sessions!.n).toBe(1);
    const b = await signedIn('doradca@splot.demo');
    const pz = pageText(await (await b.get('/app/poznan/advice')).text());
    expect(pz).toContain('Grupa inicjatywna — catering');
    const wg = pageText(await (await b.get('/app/wagrowiec/advice/calendar')).text());
    expect(wg).toContain('Umowa użyczenia sali parafialnej na klub seniora');
  });

  it('points from a week without free slots to the next free one', async () => {
    const b = await signedIn('doradca@splot.demo');
    const html = await (await b.get('/app/poznan/advice/calendar?week=2026-01-05')).text();
    expect(pageText(html)).toContain('W tym tygodniu nie ma już wolnych terminów. Najbliższy wolny termin:');
    const link = /href="(\/app\/poznan\/advice\/calendar\?week=[0-9-]+)"[^>]*>Pokaż tamten tydzień/.exec(
      html,
    )?.[1];
    expect(link).toBeDefined();
    const week = pageText(await (await b.get(link!.replace(/&amp;/g, '&'))).text());
    expect(week).not.toContain('W tym tygodniu nie ma już wolnych terminów');
    expect(week).toContain('wolny');
  });
});

describe('advice sessions and confidential notes', () => {
  let sessionId: string;

  it('an advisor records a confidential note for a participant without JavaScript', async () => {
    const b = await signedIn('doradca@splot.demo');
    const form = await b.get(`/app/poznan/advice/new?person=${person}`);
    expect(form.status).toBe(200);
    expect(pageText(await form.text())).toContain('Uczestnik: Łukasz Wójcik');
    const res = await b.post(`/app/poznan/advice/new?person=${person}`, {
      intent: 'save',
      personId: person,
      kind: 'legal',
      givenOn: GIVEN_ON,
      minutes: '50',
      topic: TOPIC,
      notes: SECRET,
      confidential: 'on',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('Location')!;
    sessionId = location.split('/').at(-1)!;
    const page = pageText(await (await b.get(location)).text());
    expect(page).toContain('Porada została zapisana.');
    expect(page).toContain(SECRET);
    const [row] = await t.db.select().from(adviceSessions).where(eq(adviceSessions.id, sessionId));
    expect(row?.confidential).toBe(true);
    const [audit] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'advice_session.create'), eq(auditLog.entityId, sessionId)));
    expect(JSON.stringify(audit?.details)).not.toContain('Tajna');
  });

  for (const email of ['animator.poznan@splot.demo', 'koordynator.poznan@splot.demo']) {
    it(`${email.split('@')[0]} reads the session but never the confidential note (HTML, data, list)`, async () => {
      const b = await signedIn(email);
      const res = await b.get(`/app/poznan/advice/${sessionId}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('Tajna notatka');
      const text = pageText(html);
      expect(text).toContain(TOPIC);
      expect(text).toContain('Notatka poufna — widoczna tylko dla doradców');
      expect(text).not.toContain('Popraw poradę');
      const data = await (await b.get(`/app/poznan/advice/${sessionId}.data`)).text();
      expect(data).not.toContain('Tajna notatka');
      const list = await (await b.get('/app/poznan/advice')).text();
      expect(list).not.toContain('Tajna notatka');
      expect(pageText(list)).toContain(TOPIC);
      const [read] = await t.db
        .select({ n: count() })
        .from(auditLog)
        .innerJoin(people, eq(people.id, person))
        .where(and(eq(auditLog.action, 'participant.read'), eq(auditLog.entityId, person)));
      expect(read!.n).toBeGreaterThan(0);
    });
  }

  it('only advisors record or correct sessions', async () => {
    const b = await signedIn('animator.poznan@splot.demo');
    expect((await b.get('/app/poznan/advice/new')).status).toBe(403);
    const res = await b.post(`/app/poznan/advice/${sessionId}`, { intent: 'save', kind: 'legal' });
    expect(res.status).toBe(403);
  });

  it('explains mistakes in Polish and English and saves nothing', async () => {
    const [before] = await t.db.select({ n: count() }).from(adviceSessions);
    const pl = await signedIn('doradca@splot.demo');
    const res = await pl.post('/app/poznan/advice/new', {
      intent: 'save',
      kind: '',
      givenOn: '31.02.2026',
      minutes: '2',
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Wybierz rodzaj doradztwa');
    expect(text).toContain('Podaj prawdziwą datę, na przykład 27.03.2026');
    expect(text).toContain('Podaj czas w pełnych minutach, od 5 do 720');
    expect(text).toContain('Podaj temat porady');
    const en = await signedIn('doradca@splot.demo', 'en');
    const res2 = await en.post('/app/poznan/advice/new', {
      intent: 'save',
      kind: 'legal',
      givenOn: '1.01.2099',
      minutes: '60',
      topic: 'x',
    });
    expect(res2.status).toBe(400);
    const text2 = pageText(await res2.text());
    expect(text2).toContain('The date cannot be in the future');
    expect(text2).toContain('Choose a person, an organisation or an initiative group');
    const [after] = await t.db.select({ n: count() }).from(adviceSessions);
    expect(after!.n).toBe(before!.n);
  });

  it('lists sessions with hours by kind, filtered by month', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const text = pageText(
      await (await b.get(`/app/poznan/advice?month=${GIVEN_ON.slice(0, 7)}&kind=legal`)).text(),
    );
    expect(text).toContain('Godziny doradztwa według rodzaju');
    expect(text).toContain('prawne');
    expect(text).toContain(TOPIC);
    expect(text).not.toContain('Biznesplan cateringu');
  });

  it('is a 404 for staff of another locality', async () => {
    const b = await signedIn('animator.kwilcz@splot.demo');
    expect((await b.get('/app/poznan/advice')).status).toBe(404);
    expect((await b.get(`/app/poznan/advice/${sessionId}`)).status).toBe(404);
  });
});

describe('the calendar', () => {
  it('a partner representative books a free slot for their organisation; the advisor gets an e-mail', async () => {
    const b = await signedIn('urzad.pracy.poznan@splot.demo');
    const page = await b.get('/app/poznan/advice/calendar');
    expect(page.status).toBe(200);
    const text = pageText(await page.text());
    expect(text).toContain('Zarezerwuj termin');
    expect(text).toContain('Spotkania Twojej organizacji');
    // Participants' bookings are not shown to a partner.
    expect(text).not.toContain('Zadłużenie czynszowe');
    const [slot] = await listFreeSlots(t.db, { localityId: pzId, from: new Date(), limit: 1 });
    const sent = mail.sent.length;
    const res = await b.post('/app/poznan/advice/calendar', {
      intent: 'book',
      slotId: slot!.id,
      organisationId: office,
      topic: 'Staże dla uczestników KIS',
    });
    expect(res.status).toBe(302);
    const after = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(after).toContain('Termin został zarezerwowany.');
    expect(after).toContain('Staże dla uczestników KIS');
    expect(mail.sent.length).toBe(sent + 1);
    expect(mail.sent.at(-1)!.to).toBe('doradca@splot.demo');

    // The same slot again: a clear message, nothing saved.
    const again = await b.post('/app/poznan/advice/calendar', {
      intent: 'book',
      slotId: slot!.id,
      organisationId: office,
      topic: 'Drugi raz',
    });
    expect(again.status).toBe(409);
    expect(pageText(await again.text())).toContain('Ten termin jest już zajęty. Wybierz inny wolny termin.');
    const [live] = await t.db
      .select({ n: count() })
      .from(appointments)
      .where(and(eq(appointments.slotId, slot!.id), ne(appointments.status, 'cancelled')));
    expect(live!.n).toBe(1);
  });

  it('refuses a partner booking for someone else’s organisation', async () => {
    const b = await signedIn('urzad.pracy.poznan@splot.demo');
    const [other] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.localityId, pzId), ne(organisations.id, office)))
      .limit(1);
    const [slot] = await listFreeSlots(t.db, { localityId: pzId, from: new Date(), limit: 1 });
    const res = await b.post('/app/poznan/advice/calendar', {
      intent: 'book',
      slotId: slot!.id,
      organisationId: other!.id,
      topic: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('a partner sends a request; staff see it and the advisor is e-mailed', async () => {
    const b = await signedIn('urzad.pracy.poznan@splot.demo', 'en');
    const bad = await b.post('/app/poznan/advice/calendar', { intent: 'request', organisationId: office });
    expect(bad.status).toBe(400);
    const badText = pageText(await bad.text());
    expect(badText).toContain('Choose the kind of advice');
    expect(badText).toContain('Write when you can come');
    const sent = mail.sent.length;
    const ok = await b.post('/app/poznan/advice/calendar', {
      intent: 'request',
      organisationId: office,
      kind: 'accounting',
      topic: 'Rozliczenie dotacji',
      preferredTimes: 'poniedziałki rano',
    });
    expect(ok.status).toBe(302);
    expect(mail.sent.length).toBe(sent + 1);
    const staff = pageText(
      await (await (await signedIn('doradca@splot.demo')).get('/app/poznan/advice/calendar')).text(),
    );
    expect(staff).toContain('Rozliczenie dotacji');
    expect(staff).toContain('poniedziałki rano');
    // Staff answer it by booking it into a free slot; the partner is told by e-mail.
    const [req] = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.topic, 'Rozliczenie dotacji'), eq(appointments.status, 'requested')));
    const [slot] = await listFreeSlots(t.db, { localityId: pzId, from: new Date(), limit: 1 });
    const advisor = await signedIn('doradca@splot.demo');
    const answered = await advisor.post('/app/poznan/advice/calendar', {
      intent: 'answer',
      appointmentId: req!.id,
      slotId: slot!.id,
    });
    expect(answered.status).toBe(302);
    expect(mail.sent.at(-1)!.to).toBe('urzad.pracy.poznan@splot.demo');
    const [booked] = await t.db.select().from(appointments).where(eq(appointments.id, req!.id));
    expect(booked?.status).toBe('booked');
    expect(booked?.slotId).toBe(slot!.id);
  });

  it('an advisor adds weekly slots; overlaps and past times are refused with nothing saved', async () => {
    const b = await signedIn('doradca@splot.demo');
    const past = await b.post('/app/poznan/advice/calendar', {
      intent: 'createSlots',
      date: '1.01.2020',
      time: '10:00',
      minutes: '60',
      kind: 'legal',
      repeat: '1',
    });
    expect(past.status).toBe(400);
    expect(pageText(await past.text())).toContain('Termin musi być w przyszłości');
    const [slot] = await listFreeSlots(t.db, { localityId: pzId, from: new Date(), limit: 1 });
    const start = new Date(slot!.startsAt);
    const d = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(start);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(start.getTime() + 30 * 60_000));
    const overlap = await b.post('/app/poznan/advice/calendar', {
      intent: 'createSlots',
      date: d,
      time,
      minutes: '60',
      kind: 'legal',
      repeat: '3',
    });
    expect(overlap.status).toBe(400);
    expect(pageText(await overlap.text())).toContain('nachodzi na Twój inny termin');
    const far = new Date(Date.now() + 60 * 86_400_000);
    const farDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(far);
    const ok = await b.post('/app/poznan/advice/calendar', {
      intent: 'createSlots',
      date: farDate,
      time: '8:15',
      minutes: '45',
      kind: 'business',
      place: 'CES',
      repeat: '3',
    });
    expect(ok.status).toBe(302);
    const text = pageText(await (await b.get(ok.headers.get('Location')!)).text());
    expect(text).toContain('Dodano 3 terminy.');
  });

  it('is closed to a leader and to a participant', async () => {
    expect(
      (await (await signedIn('lider.poznan@splot.demo')).get('/app/poznan/advice/calendar')).status,
    ).toBe(403);
    expect(
      (await (await signedIn('uczestnik.poznan@splot.demo')).get('/app/poznan/advice/calendar')).status,
    ).toBe(403);
  });
});
