import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePesel } from '../../app/features/participants/pesel.ts';
import { auditLog, localities, participants, people } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let pzPerson: string;
let wgPerson: string;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  const rows = await t.db
    .select({ slug: localities.slug, id: participants.personId })
    .from(participants)
    .innerJoin(localities, eq(localities.id, participants.localityId))
    .innerJoin(people, eq(people.id, participants.personId))
    .where(eq(people.email, 'uczestnik.poznan@splot.demo'));
  pzPerson = rows[0]!.id;
  const [wg] = await t.db
    .select({ id: participants.personId })
    .from(participants)
    .innerJoin(localities, eq(localities.id, participants.localityId))
    .where(eq(localities.slug, 'wagrowiec'))
    .limit(1);
  wgPerson = wg!.id;
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

describe('the participants list', () => {
  it('lists, searches ignoring case and Polish letters, and filters, in Polish', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/participants');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Uczestnicy');
    expect(text).toContain('40 uczestników');
    const found = pageText(await (await b.get('/app/poznan/participants?q=LUKASZ+wojcik')).text());
    expect(found).toContain('Wójcik Łukasz');
    expect(found).toContain('1 uczestnik');
    const closed = pageText(await (await b.get('/app/poznan/participants?status=closed')).text());
    expect(closed).toContain('zakończony');
    expect(closed).toContain('4 uczestników');
  });

  it('speaks English', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo', 'en');
    const text = pageText(await (await b.get('/app/poznan/participants')).text());
    expect(text).toContain('40 participants');
    expect(text).toContain('Register a participant');
  });

  it('is in the menu of the staff who may read, not of a leader', async () => {
    const staff = await (await (await signedIn()).get('/app/poznan')).text();
    expect(staff).toContain('href="/app/poznan/participants"');
    const leader = await (await (await signedIn('lider.poznan@splot.demo')).get('/app/poznan')).text();
    expect(leader).not.toContain('href="/app/poznan/participants"');
  });
});

describe('registering without JavaScript', () => {
  it('explains a bad PESEL and a contradicting birth date in words, saving nothing', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get('/app/poznan/participants/new');
    const [before] = await t.db.select({ n: count() }).from(people);
    const res = await b.post('/app/poznan/participants/new', {
      givenName: 'Halina',
      familyName: 'Górecka',
      legalBasis: 'public_task',
      pesel: '44051401358',
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Cyfra kontrolna powinna wynosić 9, a nie 8');
    const pesel = makePesel('1967-09-21', 'female', 2468);
    const res2 = await b.post('/app/poznan/participants/new', {
      givenName: 'Halina',
      familyName: 'Górecka',
      legalBasis: 'public_task',
      pesel,
      birthDate: '22.09.1967',
      sex: 'male',
    });
    expect(res2.status).toBe(400);
    const text2 = pageText(await res2.text());
    expect(text2).toMatch(/Data urodzenia nie zgadza się z numerem PESEL, który wskazuje 21\.09\.1967/);
    expect(text2).toContain('Płeć nie zgadza się z numerem PESEL, który wskazuje: kobieta');
    const [after] = await t.db.select({ n: count() }).from(people);
    expect(after!.n).toBe(before!.n);
  });

  it('explains the no-PESEL rules and a future date in English', async () => {
    const b = await signedIn('doradca@splot.demo', 'en');
    await b.get('/app/poznan/participants/new');
    const res = await b.post('/app/poznan/participants/new', {
      givenName: 'Olena',
      familyName: 'Petrenko',
      legalBasis: 'consent',
      noPesel: 'on',
      registeredOn: '1.01.2099',
    });
    expect(res.status).toBe(400);
    const text = pageText(await res.text());
    expect(text).toContain('Without a PESEL, enter the date of birth');
    expect(text).toContain('Without a PESEL, choose the sex');
    expect(text).toContain('The registration date cannot be in the future');
  });

  it('registers, then shows the page in plain words with refusals and the age band', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get('/app/poznan/participants/new');
    const res = await b.post('/app/poznan/participants/new', {
      givenName: 'Halina',
      familyName: 'Górecka',
      legalBasis: 'public_task',
      pesel: makePesel('1967-09-21', 'female', 2468),
      disability: 'refused',
      homeless: 'no',
      education: 'isced0_2',
    });
    expect(res.status).toBe(302);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toContain('Uczestnik został zarejestrowany.');
    expect(page).toContain('Halina Górecka');
    expect(page).toContain('21.09.1967');
    expect(page).toContain('kobieta');
    expect(page).toContain('55 lat i więcej');
    expect(page).toMatch(/Niepełnosprawność\s+odmówiono podania/);
    expect(page).toMatch(/Bezdomność lub wykluczenie z dostępu do mieszkań\s+nie/);
    expect(page).toMatch(/Mniejszość narodowa lub etniczna\s+nie pytano/);
  });

  it('offers tak / nie / odmawiam podania informacji and says refusing does not affect support', async () => {
    const b = await signedIn('doradca@splot.demo');
    const text = pageText(await (await b.get('/app/poznan/participants/new')).text());
    expect(text).toContain('odmawiam podania informacji');
    expect(text).toContain('Odmowa podania informacji nie wpływa na udzielane wsparcie');
  });
});

describe('a participant page', () => {
  it('is audited on every read and stays within 12 SQL statements', async () => {
    const b = await signedIn();
    const before = await audits('participant.read', pzPerson);
    const res = await b.get(`/app/poznan/participants/${pzPerson}`);
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeGreaterThan(0);
    expect(sqlStatements(res)).toBeLessThanOrEqual(12);
    const text = pageText(await res.text());
    expect(text).toContain('Łukasz Wójcik');
    expect(text).toContain('Ostatnio przeglądali');
    expect(await audits('participant.read', pzPerson)).toBe(before + 1);
  });

  it('is refused to a partner representative and a leader with 403, and the refusal is audited', async () => {
    const wgRep = await signedIn('partner.wagrowiec@splot.demo');
    const before = await audits('participant.read_refused', wgPerson);
    const r1 = await wgRep.get(`/app/wagrowiec/participants/${wgPerson}`);
    expect(r1.status).toBe(403);
    expect(pageText(await r1.text())).not.toContain('PESEL');
    expect(await audits('participant.read_refused', wgPerson)).toBe(before + 1);
    const leader = await signedIn('lider.poznan@splot.demo');
    const r2 = await leader.get(`/app/poznan/participants/${pzPerson}`);
    expect(r2.status).toBe(403);
    expect(await audits('participant.read_refused', pzPerson)).toBeGreaterThanOrEqual(1);
    const listBefore = await audits('participant.read_refused');
    expect((await leader.get('/app/poznan/participants')).status).toBe(403);
    expect(await audits('participant.read_refused')).toBe(listBefore + 1);
  });

  it("answers another locality's participant with 404, audited", async () => {
    const b = await signedIn('doradca@splot.demo');
    const before = await audits('participant.read_refused', wgPerson);
    const res = await b.get(`/app/poznan/participants/${wgPerson}`);
    expect(res.status).toBe(404);
    expect(await audits('participant.read_refused', wgPerson)).toBe(before + 1);
    expect((await b.get(`/app/poznan/participants/${wgPerson}/edit`)).status).toBe(404);
  });

  it('is corrected and closed with a reason through plain forms', async () => {
    const b = await signedIn('doradca@splot.demo');
    const [row] = await t.db
      .select({ id: participants.personId })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .where(eq(people.familyName, 'Górecka'));
    const url = `/app/poznan/participants/${row!.id}`;
    const form = pageText(await (await b.get(`${url}/edit`)).text());
    expect(form).toContain('Popraw dane uczestnika');
    const saved = await b.post(`${url}/edit`, {
      givenName: 'Halina',
      familyName: 'Górecka-Nowak',
      legalBasis: 'public_task',
      pesel: makePesel('1967-09-21', 'female', 2468),
      disability: 'no',
    });
    expect(saved.status).toBe(302);
    const noReason = await b.post(url, { intent: 'close', closedReason: '' });
    expect(noReason.status).toBe(400);
    expect(pageText(await noReason.text())).toContain('Wpisz powód zakończenia');
    const closed = await b.post(url, { intent: 'close', closedReason: 'Podjęła pracę' });
    expect(closed.status).toBe(302);
    const page = pageText(await (await b.get(url)).text());
    expect(page).toContain('Górecka-Nowak');
    expect(page).toContain('Podjęła pracę');
  });
});

describe('who looked at whom', () => {
  it('is for the coordinator: reads and refusals, newest first, filtered by person', async () => {
    const b = await signedIn();
    const res = await b.get(`/app/poznan/participants/access-log?person=${pzPerson}`);
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Kto przeglądał dane uczestników');
    expect(text).toContain('Łukasz Wójcik');
    expect(text).toContain('Ewa Szymańska');
    expect(text).toContain('odmowa dostępu');
    expect(text).toContain('otwarcie strony');
    const [latest] = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, pzPerson))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(latest).toBeDefined();
    expect(
      (await (await signedIn('doradca@splot.demo')).get('/app/poznan/participants/access-log')).status,
    ).toBe(403);
  });
});
