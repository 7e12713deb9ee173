import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  auditLog,
  clubActivities,
  clubAttendance,
  clubMembers,
  clubs,
  inKindEntries,
  localities,
  people,
} from '../../db/schema/index.ts';
import { daysFrom } from '../../db/seed/dates.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeUser } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let wgClub: string;
let pzClub: string;
let pzMember: string;
let pzActivity: string;
const PASSWORD = 'klub-haslo-2026';

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  const ids = await t.db
    .select({ slug: localities.slug, id: clubs.id, localityId: localities.id })
    .from(clubs)
    .innerJoin(localities, eq(localities.id, clubs.localityId));
  wgClub = ids.find((r) => r.slug === 'wagrowiec')!.id;
  pzClub = ids.find((r) => r.slug === 'poznan')!.id;
  const wgLocality = ids.find((r) => r.slug === 'wagrowiec')!.localityId;
  [{ id: pzMember }] = (await t.db
    .select({ id: clubMembers.id })
    .from(clubMembers)
    .where(eq(clubMembers.clubId, pzClub))
    .limit(1)) as [{ id: string }];
  [{ id: pzActivity }] = (await t.db
    .select({ id: clubActivities.id })
    .from(clubActivities)
    .where(eq(clubActivities.clubId, pzClub))
    .limit(1)) as [{ id: string }];
  await makeUser(t.db, {
    email: 'animatorka.wagrowiec@club.test',
    name: 'Magdalena Krawczyk',
    password: PASSWORD,
    roles: [{ localityId: wgLocality, role: 'animator' }],
  });
  await makeUser(t.db, {
    email: 'partner.wagrowiec@club.test',
    password: PASSWORD,
    roles: [{ localityId: wgLocality, role: 'partner_rep' }],
  });
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'koordynator.wagrowiec@splot.demo', password = DEMO_PASSWORD, lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, password);
  return b;
}
const base = () => `/app/wagrowiec/club/${wgClub}`;

async function audits(action: string) {
  const [row] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
  return row!.n;
}

describe('the club overview', () => {
  it('leads straight to the only club and shows premises, hours, staff and flags in Polish', async () => {
    const b = await signedIn();
    const res = await b.get('/app/wagrowiec/club');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(base());
    const text = pageText(await (await b.get(base())).text());
    expect(text).toContain('Klub Integracji Społecznej „Razem” w Wągrowcu');
    expect(text).toContain('Wągrowiecki Dom Kultury, sala nr 4');
    expect(text).toContain('bezpłatnie, wartość 1200,00 zł miesięcznie');
    expect(text).toContain('wtorek 14:00–18:00');
    expect(text).toMatch(/Magdalena Krawczyk ?, animator umowa o pracę, 1 etat/);
    expect(text).toMatch(/Okres od \d{1,2}\.\d{2}\.\d{4}/);
    expect(text).toContain('1 osoba zakończyła udział z efektem bez odnotowanego zaświadczenia');
    expect(text).toContain('Klub wpisano do rejestru w terminie');
  });

  it('renders its pages with a bounded number of SQL statements', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    for (const path of ['', '/members', '/activities', '/visits', '/report', '/register', '/settings']) {
      const res = await b.get(`/app/poznan/club/${pzClub}${path}`);
      expect(res.status, path).toBe(200);
      const n = Number(
        /db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1],
      );
      expect(n, path).toBeGreaterThan(0);
      expect(n, path).toBeLessThanOrEqual(15);
    }
  });

  it('speaks English too', async () => {
    const b = await signedIn(undefined, undefined, 'en');
    const text = pageText(await (await b.get(base())).text());
    expect(text).toContain('Opening hours');
    expect(text).toContain('Tuesday 14:00–18:00');
    expect(text).toMatch(/free of charge, worth PLN\s?1,200\.00 a month/);
    expect(text).toContain('1 person left with an effect without a recorded certificate');
  });

  it('shows the roadmap what the club has: premises and the animator', async () => {
    const b = await signedIn();
    const text = pageText(await (await b.get('/app/wagrowiec/roadmap')).text());
    expect(text).toMatch(
      /Lokal klubu: Wągrowiecki Dom Kultury, sala nr 4, ul\. Kościuszki 55, 62-100 Wągrowiec, użycza Urząd Miasta Wągrowiec od \d{1,2}\.\d{2}\.\d{4}/,
    );
    expect(text).toContain('1 animator, łącznie 1 etat');
  });
});

describe('a place without a club', () => {
  it('offers to create one, then lists several, and says plainly when the register entry is overdue', async () => {
    const b = await signedIn('koordynator.kwilcz@splot.demo');
    const empty = pageText(await (await b.get('/app/kwilcz/club')).text());
    expect(empty).toContain('W tym środowisku nie ma jeszcze klubu integracyjnego');
    const bad = await b.post('/app/kwilcz/club', { name: '  ' });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz nazwę klubu');
    const created = await b.post('/app/kwilcz/club', { name: 'Klub w Kwilczu' });
    expect(created.status).toBe(302);
    const settingsUrl = created.headers.get('Location')!;
    expect(settingsUrl).toMatch(/^\/app\/kwilcz\/club\/[0-9a-f-]{36}\/settings$/);
    const page = await (await b.get(settingsUrl)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    // 45 days before today in Warsaw (the app's day; near midnight UTC and Warsaw disagree).
    const [ny, nm, nd] = daysFrom(todayInWarsaw(), -45).split('-');
    const saved = await b.post(settingsUrl, {
      name: 'Klub w Kwilczu',
      premisesLent: 'no',
      registerNotifiedOn: `${Number(nd)}.${nm}.${ny}`,
      version,
    });
    expect(saved.status).toBe(302);
    const overview = pageText(await (await b.get(saved.headers.get('Location')!)).text());
    expect(overview).toContain('Termin wpisu do rejestru minął');
    expect(overview).toContain('od terminu minęło 15 dni');
    expect((await b.get('/app/kwilcz/club')).status).toBe(302);
    await b.post('/app/kwilcz/club', { name: 'Drugi klub w Kwilczu' });
    const list = await b.get('/app/kwilcz/club');
    expect(list.status).toBe(200);
    const text = pageText(await list.text());
    expect(text).toContain('Klub w Kwilczu');
    expect(text).toContain('Drugi klub w Kwilczu');
  });
});

describe('settings without JavaScript', () => {
  it('explains bad input field by field in Polish and English, saving nothing', async () => {
    const page = await (await (await signedIn()).get(`${base()}/settings`)).text();
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const bad = {
      name: 'KIS „Razem”',
      premisesLent: 'yes',
      premisesAddress: 'ul. Kościuszki 55',
      premisesMonthlyValuePln: '',
      premisesFrom: '1.10.2026',
      premisesTo: '1.09.2026',
      hours2Opens: '18:00',
      hours2Closes: '16:00',
      hours3Opens: '9:00',
      hours3Closes: '',
      version,
    };
    const b = await signedIn();
    const res = await b.post(`${base()}/settings`, bad);
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Godzina zamknięcia musi być późniejsza niż otwarcia');
    expect(text).toContain('Wpisz godzinę zamknięcia albo usuń godzinę otwarcia');
    const rules = await b.post(`${base()}/settings`, {
      ...bad,
      hours2Opens: '',
      hours2Closes: '',
      hours3Closes: '15',
    });
    expect(rules.status).toBe(422);
    const ruleText = pageText(await rules.text());
    expect(ruleText).toContain('Podaj miesięczną wartość użyczenia');
    expect(ruleText).toContain('Data końcowa nie może być wcześniejsza niż początkowa');
    const en = await (await signedIn(undefined, undefined, 'en')).post(`${base()}/settings`, bad);
    expect(pageText(await en.text())).toContain('The closing time must be later than the opening time');
    const [club] = await t.db.select({ version: clubs.version }).from(clubs).where(eq(clubs.id, wgClub));
    expect(String(club!.version)).toBe(version);
  });

  it('saves a shorter lending period and the ledger drops the months no longer covered', async () => {
    const b = await signedIn('animatorka.wagrowiec@club.test', PASSWORD);
    const page = await (await b.get(`${base()}/settings`)).text();
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page)?.[1] ?? '';
    const [club] = await t.db.select().from(clubs).where(eq(clubs.id, wgClub));
    const from = club!.premisesFrom!;
    const monthsBefore = await t.db
      .select({ n: count() })
      .from(inKindEntries)
      .where(like(inKindEntries.sourceId, `${wgClub}:%`));
    expect(monthsBefore[0]!.n).toBeGreaterThanOrEqual(3);
    const [y, m] = from.split('-');
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    const res = await b.post(`${base()}/settings`, {
      name: club!.name,
      runByOrganisationId: club!.runByOrganisationId!,
      premisesAddress: club!.premisesAddress,
      premisesProviderId: club!.premisesProviderId!,
      premisesLent: 'yes',
      premisesMonthlyValuePln: '1 300,00 zł',
      premisesFrom: field('premisesFrom'),
      premisesTo: `${lastDay}.${m}.${y}`,
      hours2Opens: '14:00',
      hours2Closes: '18:00',
      openingNotes: '',
      registerNotifiedOn: field('registerNotifiedOn'),
      registerEnteredOn: field('registerEnteredOn'),
      registerNumber: field('registerNumber'),
      openedOn: field('openedOn'),
      version: field('version'),
    });
    expect(res.status).toBe(302);
    const rows = await t.db
      .select({ sourceId: inKindEntries.sourceId, value: inKindEntries.valuePln })
      .from(inKindEntries)
      .where(like(inKindEntries.sourceId, `${wgClub}:%`));
    expect(rows).toEqual([{ sourceId: `${wgClub}:${y}-${m}`, value: '1300.00' }]);
    // The ledger also holds volunteers' hours: the premises are found by their kind.
    const ledger = pageText(await (await b.get('/app/wagrowiec/in-kind?kind=premises')).text());
    expect(ledger).toContain('Pokazano tylko wpisy rodzaju: użyczony lokal.');
    expect(ledger).toContain(`Lokal klubu „${club!.name}”`);
  });

  it('lets the animator run the club but not delete it', async () => {
    const b = await signedIn('animatorka.wagrowiec@club.test', PASSWORD);
    const page = pageText(await (await b.get(base())).text());
    expect(page).not.toContain('Usuń klub na zawsze');
    const res = await b.post(base(), { confirm: 'yes' });
    expect(res.status).toBe(403);
    const [row] = await t.db.select({ n: count() }).from(clubs).where(eq(clubs.id, wgClub));
    expect(row!.n).toBe(1);
  });
});

describe('members', () => {
  it('lists members for the coordinator, logging the read, and adds one from a plain form', async () => {
    const b = await signedIn();
    const before = await audits('club.read_members');
    const list = pageText(await (await b.get(`${base()}/members`)).text());
    expect(list).toContain('Krzysztof Jankowski');
    expect(await audits('club.read_members')).toBe(before + 1);

    const [peopleBefore] = await t.db.select({ n: count() }).from(people);
    const bad = await b.post(`${base()}/members`, {
      intent: 'join',
      personId: '',
      givenName: 'Halina',
      familyName: '',
      email: 'halina@',
      legalBasis: '',
      joinedOn: '31.02.2026',
      atRiskGroup: '',
    });
    expect(bad.status).toBe(400);
    const badText = pageText(await bad.text());
    for (const message of [
      'Wpisz nazwisko',
      'Wpisz adres e-mail w postaci nazwa@domena.pl',
      'Wybierz podstawę przetwarzania danych',
      'Wpisz prawdziwą datę, np. 5.03.2027',
    ])
      expect(badText).toContain(message);
    const [peopleAfter] = await t.db.select({ n: count() }).from(people);
    expect(peopleAfter!.n).toBe(peopleBefore!.n);

    const good = await b.post(`${base()}/members`, {
      intent: 'join',
      personId: '',
      givenName: 'Halina',
      familyName: 'Bednarek',
      phone: '600 700 800',
      legalBasis: 'public_task',
      joinedOn: '2.11.2026',
      socialContract: 'on',
      atRiskGroup: 'long_term_unemployed',
    });
    expect(good.status).toBe(302);
    const member = pageText(await (await b.get(good.headers.get('Location')!)).text());
    expect(member).toContain('Halina Bednarek');
    expect(member).toContain('długotrwale bezrobotni');
    expect(member).toContain('600 700 800');

    // Erasure (the coordinator's decision): confirmed by a tick, names gone, participation kept.
    const memberUrl = good.headers.get('Location')!;
    const unconfirmed = await b.post(memberUrl, { intent: 'erase' });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(await unconfirmed.text())).toContain('Zaznacz, że rozumiesz skutki usunięcia');
    expect((await b.post(memberUrl, { intent: 'erase', confirm: 'yes' })).status).toBe(302);
    const erased = pageText(await (await b.get(memberUrl)).text());
    expect(erased).toContain('(dane usunięte)');
    expect(erased).not.toContain('Bednarek');
    expect(erased).toContain('długotrwale bezrobotni');
  });

  it('keeps member names from a partner representative', async () => {
    const b = await signedIn('partner.wagrowiec@club.test', PASSWORD);
    const overview = await b.get(base());
    expect(overview.status).toBe(200);
    const text = pageText(await overview.text());
    expect(text).toContain('Dane osobowe uczestników widzą tylko koordynator i animator');
    expect(text).not.toContain('Jankowski');
    expect((await b.get(`${base()}/members`)).status).toBe(403);
    const [activity] = await t.db
      .select({ id: clubActivities.id })
      .from(clubActivities)
      .where(and(eq(clubActivities.clubId, wgClub), sql`${clubActivities.startsAt} < now()`))
      .limit(1);
    const act = pageText(await (await b.get(`${base()}/activities/${activity!.id}`)).text());
    expect(act).toContain('obecni:');
    expect(act).not.toContain('Jankowski');
    const report = await b.get(`${base()}/report`);
    expect(report.status).toBe(200);
    expect(pageText(await report.text())).not.toContain('Jankowski');
    expect((await b.post(`${base()}/activities`, { title: 'X' })).status).toBe(403);
  });
});

describe('attendance in one submit', () => {
  it('marks everyone from one plain form', async () => {
    const b = await signedIn();
    const [activity] = await t.db
      .select({ id: clubActivities.id })
      .from(clubActivities)
      .where(
        and(eq(clubActivities.clubId, wgClub), sql`${clubActivities.startsAt} < now() - interval '2 days'`),
      )
      .orderBy(sql`${clubActivities.startsAt} desc`)
      .limit(1);
    const url = `${base()}/activities/${activity!.id}`;
    const html = await (await b.get(url)).text();
    const names = [...new Set([...html.matchAll(/name="(a_[0-9a-f-]{36})"/g)].map((m) => m[1]!))];
    expect(names.length).toBeGreaterThan(5);
    const fields: Record<string, string> = { intent: 'attendance' };
    names.forEach((n, i) => {
      fields[n] = i === 0 ? 'excused' : 'present';
    });
    const res = await b.post(url, fields);
    expect(res.status).toBe(302);
    expect(pageText(await (await b.get(url)).text())).toContain('Zapisano obecność.');
    const rows = await t.db
      .select({ status: clubAttendance.status, n: count() })
      .from(clubAttendance)
      .where(eq(clubAttendance.activityId, activity!.id))
      .groupBy(clubAttendance.status);
    expect(rows.find((r) => r.status === 'present')?.n).toBe(names.length - 1);
    expect(rows.find((r) => r.status === 'excused')?.n).toBe(1);
    expect(rows.find((r) => r.status === 'absent')).toBeUndefined();
  });

  it('adds an activity to the calendar from a plain form, with a message for a wrong time', async () => {
    const b = await signedIn();
    const bad = await b.post(`${base()}/activities`, {
      title: 'Warsztat',
      kind: 'job_search',
      date: '10.12.2026',
      startTime: '18:00',
      endTime: '16:00',
    });
    expect(bad.status).toBe(422);
    expect(pageText(await bad.text())).toContain('Zajęcia muszą kończyć się później, niż się zaczynają');
    const good = await b.post(`${base()}/activities`, {
      title: 'Warsztat z rozmowy kwalifikacyjnej',
      kind: 'job_search',
      date: '10.12.2026',
      startTime: '16',
      endTime: '18:00',
    });
    expect(good.status).toBe(302);
    const cal = pageText(await (await b.get(`${base()}/activities?view=month&at=2026-12`)).text());
    expect(cal).toContain('Warsztat z rozmowy kwalifikacyjnej');
    expect(cal).toContain('16:00–18:00');
  });
});

describe('a refused attendance form whose table is gone', () => {
  it('still says why, when the activity was cancelled in another tab meanwhile', async () => {
    const b = await signedIn();
    const yesterday = new Date(Date.now() - 86_400_000);
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' })
      .format(yesterday)
      .split('-');
    const added = await b.post(`${base()}/activities`, {
      title: 'Wspólne śniadanie',
      kind: 'integration',
      date: `${Number(d)}.${m}.${y}`,
      startTime: '9:00',
      endTime: '10:00',
    });
    expect(added.status).toBe(302);
    const url = added.headers.get('Location')!;
    const html = await (await b.get(url)).text();
    const field = /name="(a_[0-9a-f-]{36})"/.exec(html)![1]!;
    expect((await b.post(url, { intent: 'cancel' })).status).toBe(302);
    const refused = await b.post(url, { intent: 'attendance', [field]: 'present' });
    expect(refused.status).toBe(422);
    const text = pageText(await refused.text());
    expect(text).toContain('Zajęcia odwołano: nie zapisuje się obecności.');
    expect(text).toContain('Te zajęcia odwołano.');
  });
});

describe('downloads', () => {
  it('are a real PDF, XLSX and iCalendar', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const pz = `/app/poznan/club/${pzClub}`;
    const pdf = await b.get(`${pz}/report/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const xlsx = await b.get(`${pz}/report/xlsx?year=2025`);
    expect(xlsx.headers.get('Content-Type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const register = await b.get(`${pz}/register/pdf`);
    expect(register.headers.get('Content-Disposition')).toContain(
      "filename*=UTF-8''Dane%20do%20rejestru%20KIS",
    );
    expect(new TextDecoder().decode(new Uint8Array(await register.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const ics = await b.get(`${pz}/calendar.ics`);
    expect(ics.headers.get('Content-Type')).toContain('text/calendar');
    const body = await ics.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toContain('BEGIN:VEVENT');
    expect((await b.get(`${pz}/report/odt`)).status).toBe(404);
  });

  it('shows last year’s annual report with its four sections and due date', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const text = pageText(await (await b.get(`/app/poznan/club/${pzClub}/report`)).text());
    const year = new Date().getFullYear() - 1;
    expect(text).toContain(`Sprawozdanie z działalności klubu za rok ${year}`);
    expect(text).toContain(`31 marca ${year + 1} r.`);
    for (const s of [
      '1. Kadra',
      '2. Uczestnicy według grup',
      '3. Działania reintegracyjne',
      '4. Rozliczenie dotacji',
    ])
      expect(text).toContain(s);
    expect(text).toContain('Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych');
  });
});

describe('law as data', () => {
  it('says so when a legal parameter the page relies on is not verified', async () => {
    await t.db.execute(sql`update legal_parameters set verified = false where key = 'kis.annualReport'`);
    try {
      const b = await signedIn();
      const text = pageText(await (await b.get(`${base()}/report`)).text());
      expect(text).toContain('Uwaga: tego parametru prawnego nie sprawdzono jeszcze w tekście ustawy');
      expect(text).toContain('art. 18a ust. 3');
    } finally {
      await t.db.execute(sql`update legal_parameters set verified = true where key = 'kis.annualReport'`);
    }
  });
});

describe('tenancy', () => {
  it("answers another locality's club, member and activity ids with 404", async () => {
    const b = await signedIn();
    for (const path of [
      `/app/wagrowiec/club/${pzClub}`,
      `/app/wagrowiec/club/${pzClub}/members`,
      `/app/wagrowiec/club/${pzClub}/report/pdf`,
      `/app/wagrowiec/club/${pzClub}/calendar.ics`,
      `${base()}/members/${pzMember}`,
      `${base()}/activities/${pzActivity}`,
    ]) {
      const res = await b.get(path);
      expect(res.status, path).toBe(404);
      expect(pageText(await res.text()), path).not.toContain('Poznań');
    }
    const post = await b.post(`${base()}/activities/${pzActivity}`, { intent: 'cancel' });
    expect(post.status).toBe(404);
    const [a] = await t.db
      .select({ cancelled: clubActivities.cancelled })
      .from(clubActivities)
      .where(eq(clubActivities.id, pzActivity));
    expect(a!.cancelled).toBe(false);
  });
});
