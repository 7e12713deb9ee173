import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  auditLog,
  inKindEntries,
  localities,
  people,
  volunteerHours,
  volunteers,
} from '../../db/schema/index.ts';
import { daysFrom } from '../../db/seed/dates.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const today = todayInWarsaw();
/** Dates typed the Polish way, relative to today. */
const typed = (days: number) => {
  const [y, m, d] = daysFrom(today, days).split('-');
  return `${Number(d)}.${m}.${y}`;
};

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'koordynator.poznan@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
async function volunteerId(slug: string, familyName: string) {
  const [row] = await t.db
    .select({ id: volunteers.personId })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .innerJoin(localities, eq(localities.id, volunteers.localityId))
    .where(and(eq(localities.slug, slug), eq(people.familyName, familyName)));
  return row!.id;
}
async function audits(action: string, entityId: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return row!.n;
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

describe('the volunteer register', () => {
  it('lists with hours of the year and totals, searches ignoring Polish letters, filters by status', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/volunteers');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Wolontariusze');
    expect(text).toContain('8 wolontariuszy');
    expect(text).toContain(`Godziny w ${today.slice(0, 4)} r.`);
    expect(text).toContain('Bank Żywności w Poznaniu');
    expect(text).toMatch(/Razem w \d{4} r\. \(wszyscy wyszukani\) [\d,  ]+ h [\d,  ]+ zł/);
    const found = pageText(await (await b.get('/app/poznan/volunteers?q=FILIP+jasinski')).text());
    expect(found).toContain('Jasiński Filip');
    expect(found).toContain('1 wolontariusz');
    const ended = pageText(await (await b.get('/app/poznan/volunteers?status=ended')).text());
    expect(ended).toContain('Kubiak Iwona');
    expect(ended).toContain('zakończony');
  });

  it('shows Kwilcz volunteers without an organisation (its directory starts empty), in English too', async () => {
    const b = await signedIn('animator.kwilcz@splot.demo', 'en');
    const text = pageText(await (await b.get('/app/kwilcz/volunteers')).text());
    expect(text).toContain('2 volunteers');
    expect(text).toContain('Kaczmarek Helena');
    expect(text).toContain('Register a volunteer');
  });

  it('is in the menu of the Centre staff, not of a leader', async () => {
    const staff = await (await (await signedIn('animator.poznan@splot.demo')).get('/app/poznan')).text();
    expect(staff).toContain('href="/app/poznan/volunteers"');
    const leader = await (await (await signedIn('lider.poznan@splot.demo')).get('/app/poznan')).text();
    expect(leader).not.toContain('href="/app/poznan/volunteers"');
  });

  it('is in the menu of a partner representative who speaks for an organisation, who then sees only its volunteers', async () => {
    const partner = await signedIn('partner.wagrowiec@splot.demo');
    const home = await (await partner.get('/app/wagrowiec')).text();
    expect(home).toContain('href="/app/wagrowiec/volunteers"');
    const res = await partner.get('/app/wagrowiec/volunteers');
    expect(res.status).toBe(200);
    const unlinked = await (await (await signedIn('partner.kwilcz@splot.demo')).get('/app/kwilcz')).text();
    expect(unlinked).not.toContain('href="/app/kwilcz/volunteers"');
  });

  it('is refused to a leader, a participant and an enterprise member (403); another place is 404', async () => {
    const leader = await signedIn('lider.poznan@splot.demo');
    expect((await leader.get('/app/poznan/volunteers')).status).toBe(403);
    const pz = await volunteerId('poznan', 'Lis');
    expect((await leader.get(`/app/poznan/volunteers/${pz}`)).status).toBe(403);
    const participant = await signedIn('uczestnik.poznan@splot.demo');
    expect((await participant.get('/app/poznan/volunteers')).status).toBe(403);
    expect((await participant.get(`/app/poznan/volunteers/${pz}/agreement.pdf`)).status).toBe(403);
    const member = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    expect((await member.get('/app/wagrowiec/volunteers')).status).toBe(403);
    const advisor = await signedIn('doradca@splot.demo');
    expect((await advisor.get(`/app/wagrowiec/volunteers/${pz}`)).status).toBe(404);
    expect(
      (await (await signedIn('koordynator.kwilcz@splot.demo')).get('/app/poznan/volunteers')).status,
    ).toBe(404);
  });
});

describe("a volunteer's page", () => {
  it('is audited, stays within 12 SQL statements, and shows hours at both years’ rates', async () => {
    const b = await signedIn('doradca@splot.demo');
    const id = await volunteerId('poznan', 'Lis');
    const before = await audits('volunteer.read', id);
    const res = await b.get(`/app/poznan/volunteers/${id}`);
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeLessThanOrEqual(12);
    const text = pageText(await res.text());
    expect(text).toContain('Agata Lis');
    expect(text).toContain('Bank Żywności w Poznaniu');
    expect(text).toContain('30,50 zł');
    expect(text).toContain('31,40 zł');
    expect(await audits('volunteer.read', id)).toBe(before + 1);
    const rows = await t.db
      .selectDistinct({ rate: volunteerHours.ratePln })
      .from(volunteerHours)
      .where(eq(volunteerHours.personId, id));
    // The seed spans more than a year back, so both the 2025 and the 2026 rate were used.
    expect(rows.map((r) => r.rate).sort()).toEqual(['30.50', '31.40']);
  });

  it('warns in words when an agreement longer than 30 days has no signing date', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo');
    const id = await volunteerId('wagrowiec', 'Wróblewski');
    const text = pageText(await (await b.get(`/app/wagrowiec/volunteers/${id}`)).text());
    expect(text).toContain(
      'Porozumienie na okres dłuższy niż 30 dni musi mieć formę pisemną (art. 44 ustawy o działalności pożytku publicznego i o wolontariacie). Zapisz datę podpisania.',
    );
    const short = pageText(
      await (await b.get(`/app/wagrowiec/volunteers/${await volunteerId('wagrowiec', 'Banaś')}`)).text(),
    );
    expect(short).not.toContain('Zapisz datę podpisania');
  });

  it('gives the agreement as a real PDF, audited', async () => {
    const b = await signedIn('animator.poznan@splot.demo');
    const id = await volunteerId('poznan', 'Sikora');
    const before = await audits('volunteer.read', id);
    const res = await b.get(`/app/poznan/volunteers/${id}/agreement.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(await audits('volunteer.read', id)).toBe(before + 1);
  });
});

describe('registering and logging hours without JavaScript', () => {
  let id: string;

  it('explains mistakes in Polish and saves nothing', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get('/app/poznan/volunteers/new');
    const [before] = await t.db.select({ n: count() }).from(people);
    const res = await b.post('/app/poznan/volunteers/new', {
      givenName: 'Jolanta',
      familyName: '',
      legalBasis: 'consent',
      since: '31.02.2026',
      agreementScope: '',
      agreementFrom: '10.03.2026',
      agreementTo: '1.03.2026',
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Data rozpoczęcia nie jest prawidłową datą');
    expect(text).toContain('Opisz zakres świadczeń wolontariusza');
    const res2 = await b.post('/app/poznan/volunteers/new', {
      givenName: 'Jolanta',
      familyName: 'Zawada',
      legalBasis: 'consent',
      since: typed(-30),
      agreementScope: 'Sortowanie darów',
      agreementFrom: '10.03.2026',
      agreementTo: '1.03.2026',
    });
    expect(res2.status).toBe(400);
    expect(pageText(await res2.text())).toContain(
      'Koniec porozumienia nie może być wcześniejszy niż jego początek.',
    );
    const [after] = await t.db.select({ n: count() }).from(people);
    expect(after!.n).toBe(before!.n);
  });

  it('explains mistakes in English', async () => {
    const b = await signedIn('doradca@splot.demo', 'en');
    await b.get('/app/poznan/volunteers/new');
    const res = await b.post('/app/poznan/volunteers/new', {
      givenName: 'Jolanta',
      familyName: 'Zawada',
      legalBasis: 'consent',
      since: typed(-30),
      agreementScope: '',
      agreementSignedOn: typed(5),
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Describe the scope of the volunteer');
    expect(text).toContain('The signing date cannot be in the future.');
  });

  it('registers a new person, then the page warns that the long agreement is not signed', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get('/app/poznan/volunteers/new');
    const orgs = pageText(await (await b.get('/app/poznan/volunteers/new')).text());
    expect(orgs).toContain('Bank Żywności w Poznaniu');
    const res = await b.post('/app/poznan/volunteers/new', {
      givenName: 'Jolanta',
      familyName: 'Zawada',
      legalBasis: 'consent',
      since: typed(-30),
      agreementScope: 'Sortowanie darów w magazynie',
      agreementFrom: typed(-30),
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('Location')!;
    id = location.split('/').pop()!;
    const page = pageText(await (await b.get(location)).text());
    expect(page).toContain('Wolontariusz został wpisany do rejestru.');
    expect(page).toContain('Jolanta Zawada');
    expect(page).toContain('Porozumienie na czas nieokreślony.');
    expect(page).toContain('Zapisz datę podpisania.');
    expect(await audits('volunteer.create', id)).toBe(1);
  });

  it('registers a participant found by name without Polish letters (one people record)', async () => {
    const b = await signedIn('animator.poznan@splot.demo');
    const search = await (await b.get('/app/poznan/volunteers/new?person=lukasz+wojcik')).text();
    const [wojcik] = await t.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.email, 'uczestnik.poznan@splot.demo'));
    expect(search).toContain(`value="${wojcik!.id}"`);
    const res = await b.post('/app/poznan/volunteers/new?person=lukasz+wojcik', {
      personId: wojcik!.id,
      since: typed(-10),
      agreementScope: 'Pomoc przy spotkaniach klubu',
      agreementFrom: typed(-10),
      agreementTo: typed(5),
      agreementSignedOn: typed(-10),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/app/poznan/volunteers/${wojcik!.id}`);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toContain('Łukasz Wójcik');
    expect(page).toContain('Porozumienie na 16 dni.');
    expect(page).toContain(
      'korzystający musi ubezpieczyć wolontariusza od następstw nieszczęśliwych wypadków',
    );
  });

  it('refuses bad hours in words, in Polish and English', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get(`/app/poznan/volunteers/${id}`);
    const res = await b.post(`/app/poznan/volunteers/${id}`, {
      intent: 'logHours',
      workedOn: typed(1),
      hours: '25',
      activity: 'Sortowanie',
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Dzień pracy nie może być w przyszłości.');
    expect(text).toContain('Liczba godzin musi wynosić od 0,25 do 24 w ciągu dnia.');
    const en = await signedIn('doradca@splot.demo', 'en');
    await en.get(`/app/poznan/volunteers/${id}`);
    const r2 = await en.post(`/app/poznan/volunteers/${id}`, {
      intent: 'logHours',
      workedOn: typed(-31),
      hours: 'dwie',
      activity: 'Sortowanie',
    });
    const t2 = pageText(await r2.text());
    expect(t2).toContain('The day worked cannot be before the volunteering started');
    expect(t2).toContain('Hours must be a number');
  });

  it('logs hours with a decimal comma, valued at the rate of the day, and the in-kind ledger shows them', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get(`/app/poznan/volunteers/${id}`);
    const res = await b.post(`/app/poznan/volunteers/${id}`, {
      intent: 'logHours',
      workedOn: typed(0),
      hours: '2,5',
      activity: 'Sortowanie darów',
    });
    expect(res.status).toBe(302);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toContain('Zapisano godziny i dodano ich wartość do rejestru wkładu niepieniężnego.');
    const [row] = await t.db.select().from(volunteerHours).where(eq(volunteerHours.personId, id));
    const value = Number(row!.valuePln).toFixed(2).replace('.', ',');
    expect(row!.valuePln).toBe((2.5 * Number(row!.ratePln)).toFixed(2));
    expect(page).toContain(`${value} zł`);
    const ledger = pageText(await (await b.get('/app/poznan/in-kind')).text());
    expect(ledger).toContain('Wolontariat: Sortowanie darów (2,5 h)');
    expect(ledger).toContain(`${value} zł`);
    expect(ledger).not.toContain('Zawada');
  });

  it('corrects and removes an hours row; the ledger follows', async () => {
    const b = await signedIn('doradca@splot.demo');
    const [row] = await t.db.select().from(volunteerHours).where(eq(volunteerHours.personId, id));
    const form = pageText(await (await b.get(`/app/poznan/volunteers/${id}?edit=${row!.id}`)).text());
    expect(form).toContain('Popraw godziny');
    const res = await b.post(`/app/poznan/volunteers/${id}?edit=${row!.id}`, {
      intent: 'updateHours',
      hoursId: row!.id,
      workedOn: typed(0),
      hours: '4',
      activity: 'Sortowanie darów',
    });
    expect(res.status).toBe(302);
    const [entry] = await t.db.select().from(inKindEntries).where(eq(inKindEntries.sourceId, row!.id));
    expect(entry!.description).toBe('Wolontariat: Sortowanie darów (4 h)');
    expect(entry!.valuePln).toBe((4 * Number(row!.ratePln)).toFixed(2));
    const del = await b.post(`/app/poznan/volunteers/${id}`, { intent: 'deleteHours', hoursId: row!.id });
    expect(del.status).toBe(302);
    expect(await t.db.select().from(inKindEntries).where(eq(inKindEntries.sourceId, row!.id))).toHaveLength(
      0,
    );
    expect(await audits('volunteer.hours_delete', id)).toBe(1);
  });

  it('ends the volunteering', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get(`/app/poznan/volunteers/${id}`);
    const res = await b.post(`/app/poznan/volunteers/${id}`, { intent: 'end' });
    expect(res.status).toBe(302);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toContain('Wolontariat został zakończony.');
    expect(page).toContain('zakończony');
  });
});

describe("a partner representative and their organisation's volunteers", () => {
  it('sees only them, without contact details, and logs their hours into the ledger', async () => {
    const rep = await signedIn('partner.wagrowiec@splot.demo');
    const list = pageText(await (await rep.get('/app/wagrowiec/volunteers')).text());
    expect(list).toContain('Banaś Teresa');
    expect(list).toContain('1 wolontariusz');
    expect(list).not.toContain('Wróblewski');
    expect(list).not.toContain('Wpisz wolontariusza');
    const id = await volunteerId('wagrowiec', 'Banaś');
    const page = pageText(await (await rep.get(`/app/wagrowiec/volunteers/${id}`)).text());
    expect(page).toContain('Teresa Banaś');
    expect(page).not.toContain('teresa.banas@example.pl');
    expect(page).not.toContain('Porozumienie do podpisu (PDF)');
    expect(page).not.toContain('Zakończ wolontariat');
    const res = await rep.post(`/app/wagrowiec/volunteers/${id}`, {
      intent: 'logHours',
      workedOn: typed(0),
      hours: '1,75',
      activity: 'Wydawanie paczek przed świętami',
    });
    expect(res.status).toBe(302);
    const ledger = pageText(await (await rep.get('/app/wagrowiec/in-kind')).text());
    expect(ledger).toContain('Wolontariat: Wydawanie paczek przed świętami (1,75 h)');
  });

  it("is refused anyone else's volunteer, the register's forms and the agreement", async () => {
    const rep = await signedIn('partner.wagrowiec@splot.demo');
    const other = await volunteerId('wagrowiec', 'Wróblewski');
    expect((await rep.get(`/app/wagrowiec/volunteers/${other}`)).status).toBe(404);
    expect((await rep.get('/app/wagrowiec/volunteers/new')).status).toBe(403);
    const id = await volunteerId('wagrowiec', 'Banaś');
    expect((await rep.get(`/app/wagrowiec/volunteers/${id}/agreement.pdf`)).status).toBe(403);
    await rep.get(`/app/wagrowiec/volunteers/${id}`);
    expect((await rep.post(`/app/wagrowiec/volunteers/${id}`, { intent: 'end' })).status).toBe(403);
    const hours = await rep.post(`/app/wagrowiec/volunteers/${other}`, {
      intent: 'logHours',
      workedOn: typed(0),
      hours: '1',
      activity: 'X',
    });
    expect(hours.status).toBe(403);
  });
});
