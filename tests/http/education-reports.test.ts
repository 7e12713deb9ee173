import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  attend,
  makeCurriculum,
  makeGroup,
  makePerson,
  makeSession,
  qualifyAndFacilitate,
} from '../../app/features/education/reports/fixtures.test-support.ts';
import { auditLog, localities, people, sessionFeedback, users } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const ids: Record<string, string> = {};

/**
 * On top of the demo: a small cascade in Poznań in March 2020 (a period no demo data uses), so
 * the report's figures are known. The demo participant uczestnik.poznan@ is in both groups.
 */
beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  const db = t.db;
  const [pz] = await db.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'poznan'));
  const L = pz!.id;
  const [me] = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(users.email, 'uczestnik.poznan@splot.demo'), eq(people.localityId, L)));
  const cur = await makeCurriculum(
    db,
    L,
    ['Budowanie partnerstw 2020', 'Problemy lokalne 2020'],
    'Program testowy 2020',
  );
  const [A, B] = cur.moduleIds as [string, string];
  const leader = await makePerson(db, L, 'Lidia Testowa');
  const other = await makePerson(db, L, 'Olek Testowy');
  const g1 = await makeGroup(db, L, {
    name: 'Kurs liderów 2020',
    kind: 'leaders_course',
    curriculumId: cur.id,
  });
  const g2 = await makeGroup(db, L, {
    name: 'Grupa Wilda 2020',
    kind: 'self_education',
    curriculumId: cur.id,
  });
  await qualifyAndFacilitate(db, L, {
    personId: leader,
    curriculumId: cur.id,
    earnedIn: g1,
    facilitates: g2,
  });
  const m1 = [await addMember(db, L, g1, me!.id), await addMember(db, L, g1, leader)];
  const m2 = [await addMember(db, L, g2, me!.id), await addMember(db, L, g2, other)];
  ids.s1 = await makeSession(db, L, g1, {
    startsAt: '2020-03-02T09:00:00Z',
    minutes: 120,
    moduleIds: [A, B],
  });
  await attend(db, L, ids.s1, m1);
  ids.s2 = await makeSession(db, L, g2, { startsAt: '2020-03-09T16:00:00Z', minutes: 90, moduleIds: [A] });
  await attend(db, L, ids.s2, m2);
  ids.future = await makeSession(db, L, g2, { startsAt: '2099-03-09T16:00:00Z', minutes: 90 });
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
const coordinator = 'koordynator.poznan@splot.demo';
const participant = 'uczestnik.poznan@splot.demo';

describe('feedback after a session', () => {
  it('works without JavaScript: an error in words first, then one answer per member that a second replaces', async () => {
    const b = await signedIn(participant);
    const url = `/app/poznan/education/feedback/${ids.s1}`;
    const page = pageText(await (await b.get(url)).text());
    expect(page).toContain('Czy te zajęcia były dla Ciebie przydatne?');
    expect(page).toContain('5 – bardzo przydatne');
    expect(page).toContain('Czy wszystko było zrozumiałe?');
    expect(page).toContain('Co chcesz nam powiedzieć?');

    const bad = await b.post(url, { mode: 'member', clarity: '4', comment: 'Dobre' });
    expect(bad.status).toBe(400);
    const badText = pageText(await bad.text());
    expect(badText).toContain('Zaznacz, czy zajęcia były przydatne (od 1 do 5).');
    expect(badText).toContain('Błąd:');

    const ok = await b.post(url, { mode: 'member', usefulness: '3', clarity: '4', comment: 'Dobre' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('Location')).toBe(url);
    const after = pageText(await (await b.get(url)).text());
    expect(after).toContain('Dziękujemy! Odpowiedź została zapisana.');
    expect(after).toContain('Ta odpowiedź jest już zapisana.');

    const again = await b.post(url, { mode: 'member', usefulness: '5', clarity: '5', comment: '' });
    expect(again.status).toBe(302);
    expect(pageText(await (await b.get(url)).text())).toContain('Nowa odpowiedź zastąpiła poprzednią.');
    const rows = await t.db.select().from(sessionFeedback).where(eq(sessionFeedback.sessionId, ids.s1!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ usefulness: 5, clarity: 5 });
    const [audits] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.entityId, rows[0]!.id));
    expect(audits!.n).toBe(2);
  });

  it('refuses a session not yet held, in words', async () => {
    const b = await signedIn(participant);
    const res = await b.post(`/app/poznan/education/feedback/${ids.future}`, {
      mode: 'member',
      usefulness: '4',
      clarity: '4',
    });
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain('Te zajęcia jeszcze się nie odbyły.');
  });

  it('lets the coordinator type in anonymous paper forms one after another', async () => {
    const b = await signedIn(coordinator);
    const url = `/app/poznan/education/feedback/${ids.s2}`;
    const page = pageText(await (await b.get(url)).text());
    expect(page).toContain('Wpisz ankietę z papieru');
    expect(page).toContain('Dla tych zajęć nie ma jeszcze odpowiedzi.');
    for (const [u, c, comment] of [
      ['4', '3', 'Więcej przykładów z Wildy.'],
      ['2', '4', ''],
    ] as const) {
      const res = await b.post(url, { mode: 'paper', usefulness: u, clarity: c, comment });
      expect(res.status).toBe(302);
      expect(res.headers.get('Location')).toBe(`${url}?paper=1`);
    }
    const next = pageText(await (await b.get(`${url}?paper=1`)).text());
    expect(next).toContain('Ankieta zapisana. Możesz wpisać następną.');
    expect(next).toContain('Dla tych zajęć są 2 odpowiedzi.');
    const [anon] = await t.db
      .select({ n: count() })
      .from(sessionFeedback)
      .where(and(eq(sessionFeedback.sessionId, ids.s2!), isNull(sessionFeedback.memberId)));
    expect(anon!.n).toBe(2);
  });

  it('answers 404 for a session of another locality and 403 for someone not in the group', async () => {
    const wg = await signedIn('koordynator.wagrowiec@splot.demo');
    expect((await wg.get(`/app/wagrowiec/education/feedback/${ids.s1}`)).status).toBe(404);
    expect((await wg.get('/app/wagrowiec/education/feedback/not-a-uuid')).status).toBe(404);
    const partner = await signedIn('urzad.pracy.poznan@splot.demo');
    const res = await partner.get(`/app/poznan/education/feedback/${ids.s1}`);
    expect(res.status).toBe(403);
    expect(pageText(await res.text())).toContain('Tę ankietę wypełniają uczestnicy tej grupy.');
  });
});

describe('the feedback summary', () => {
  it('shows averages per module and generation with comments, in Polish and English', async () => {
    const pl = pageText(
      await (await (await signedIn(coordinator)).get('/app/poznan/education/feedback')).text(),
    );
    expect(pl).toContain('Opinie o zajęciach');
    expect(pl).toContain('Budowanie partnerstw 2020');
    expect(pl).toMatch(/\d(,\d)? z 5/);
    expect(pl).toContain('Więcej przykładów z Wildy.');
    expect(pl).toContain('Pokolenie 2');
    expect(pl).not.toContain('Lidia');
    const en = pageText(
      await (await (await signedIn(coordinator, 'en')).get('/app/poznan/education/feedback')).text(),
    );
    expect(en).toContain('Feedback on sessions');
    expect(en).toMatch(/\d(\.\d)? out of 5/);
    expect(en).toContain('Generation 1');
  });

  it('is for the Centre staff only', async () => {
    const b = await signedIn(participant);
    expect((await b.get('/app/poznan/education/feedback')).status).toBe(403);
  });
});

describe('the unique persons and hours report', () => {
  const q = '?from=1.03.2020&to=31.03.2020';

  it('counts the participant in two groups once, splits hours by module, groups by generation', async () => {
    const res = await (await signedIn(coordinator)).get(`/app/poznan/education/reports${q}`);
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Okres: od 1 marca 2020 r. do 31 marca 2020 r.');
    // 3 people (the participant is in both groups); 2 × 120 + 2 × 90 minutes = 7 hours.
    expect(text).toContain('Różne osoby obecne co najmniej raz 3');
    expect(text).toContain('Osobogodziny 7');
    expect(text).toContain('jego czas dzielimy po równo między te moduły');
    // Module A: 240 / 2 + 180 minutes = 5 h; module B: 2 h.
    expect(text).toMatch(/Budowanie partnerstw 2020 \(Program testowy 2020\) 2 3 5\b/);
    expect(text).toMatch(/Problemy lokalne 2020 \(Program testowy 2020\) 1 2 2\b/);
    expect(text).toMatch(/Pokolenie 1 1 1 2 4/);
    expect(text).toMatch(/Pokolenie 2 1 1 2 3/);
  });

  it('says in words what is wrong with the dates', async () => {
    const b = await signedIn(coordinator);
    const missing = pageText(await (await b.get('/app/poznan/education/reports?from=&to=31.03.2020')).text());
    expect(missing).toContain('Wpisz datę początku okresu.');
    const reversed = pageText(
      await (await b.get('/app/poznan/education/reports?from=31.03.2020&to=1.03.2020')).text(),
    );
    expect(reversed).toContain('Data końca jest wcześniejsza niż data początku.');
    expect(reversed).not.toContain('Osobogodziny 7');
  });

  it('downloads a real XLSX file, audited as an export', async () => {
    const b = await signedIn(coordinator);
    const res = await b.get(`/app/poznan/education/reports/xlsx${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const [n] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'education.report.export'));
    expect(n!.n).toBeGreaterThanOrEqual(1);
  });

  it('downloads CSV with the figures and no names', async () => {
    const res = await (await signedIn(coordinator)).get(`/app/poznan/education/reports/csv${q}`);
    expect(res.status).toBe(200);
    const csv = new TextDecoder().decode(await res.arrayBuffer());
    expect(csv).toContain('Zestawienie;Nazwa;Pokolenie;Spotkania;Różne osoby;Osobogodziny');
    expect(csv).toContain('Podsumowanie;Wszystkie grupy;;2;3;7');
    expect(csv).toContain('Grupy;Grupa Wilda 2020;Pokolenie 2;1;2;3');
    expect(csv).not.toContain('Lidia');
    const bad = await (await signedIn(coordinator)).get('/app/poznan/education/reports/csv?from=x&to=');
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Data początku nie jest prawdziwą datą.');
  });
});
