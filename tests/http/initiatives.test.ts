import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  auditLog,
  businessPlans,
  initiatives,
  localities,
  participants,
  people,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const today = todayInWarsaw();
const [y, m, d] = today.split('-');
const typedToday = `${Number(d)}.${m}.${y}`;

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
async function idOf(name: string) {
  const [row] = await t.db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.name, name));
  return row!.id;
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

describe('the initiatives board', () => {
  it('shows each stage with its count and cards, in few statements', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/initiatives');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    for (const stage of ['Pomysł', 'Biznesplan', 'Zakładanie', 'Inkubacja', 'Samodzielność'])
      expect(text).toContain(stage);
    expect(text).toContain('3 inicjatywy');
    expect(text).toContain('Catering „Smak Łazarza”');
    expect(text).toContain('5 założycieli');
    expect(text).toContain('Zamknięte inicjatywy (1)');
    expect(sqlStatements(res)).toBeLessThanOrEqual(8);
    const closed = pageText(await (await b.get('/app/poznan/initiatives/stage/closed')).text());
    expect(closed).toContain('Sklep z drugiej ręki „Szafa”');
  });

  it('is in English too, and another locality gets 404', async () => {
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const text = pageText(await (await en.get('/app/poznan/initiatives')).text());
    expect(text).toContain('Self-sufficient');
    expect(text).toContain('3 initiatives');
    const other = await signedIn('koordynator.kwilcz@splot.demo');
    expect((await other.get('/app/poznan/initiatives')).status).toBe(404);
    const id = await idOf('Catering „Smak Łazarza”');
    expect((await other.get(`/app/poznan/initiatives/${id}`)).status).toBe(404);
    expect((await other.get(`/app/kwilcz/initiatives/${id}`)).status).toBe(404);
    expect((await other.get(`/app/kwilcz/initiatives/${id}/plan.pdf`)).status).toBe(404);
  });
});

describe('an initiative from idea onwards', () => {
  it('is added, gets a founder, a ticked checklist, a refused move then an allowed one', async () => {
    const b = await signedIn('animator.poznan@splot.demo');
    await b.get('/app/poznan/initiatives/new');
    const bad = await b.post('/app/poznan/initiatives/new', { name: '', idea: 'x', intendedLegalForm: '' });
    expect(bad.status).toBe(400);
    const badText = pageText(await bad.text());
    expect(badText).toContain('Wpisz nazwę inicjatywy.');
    expect(badText).toContain('Wybierz planowaną formę prawną.');
    const ok = await b.post('/app/poznan/initiatives/new', {
      name: 'Bistro „Test”',
      idea: 'Bistro z obiadami',
      intendedLegalForm: 'social_cooperative',
    });
    expect(ok.status).toBe(302);
    const url = ok.headers.get('Location')!;
    // The animator reads but does not move initiatives.
    const animatorPage = pageText(await (await b.get(url)).text());
    expect(animatorPage).toContain('Bistro „Test”');
    expect(animatorPage).not.toContain('Przenieś do etapu');

    const c = await signedIn();
    await c.get(url);
    const refused = await c.post(url, { intent: 'advance', reason: '' });
    expect(refused.status).toBe(422);
    const refusedText = pageText(await refused.text());
    expect(refusedText).toContain('Nie można przejść do etapu „Biznesplan”. Brakuje:');
    expect(refusedText).toContain('niezaznaczony punkt listy kontrolnej: Opisany problem i oferta');
    expect(refusedText).toContain('grupa nie ma założycieli');

    const [p] = await t.db
      .select({ id: people.id, family: people.familyName })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .innerJoin(localities, eq(localities.id, participants.localityId))
      .where(eq(localities.slug, 'poznan'))
      .limit(1);
    const noPerson = await c.post(url, {
      intent: 'founder-add',
      kind: 'natural',
      personId: '',
      joinedOn: typedToday,
    });
    expect(pageText(await noPerson.text())).toContain('Wybierz osobę.');
    const added = await c.post(url, {
      intent: 'founder-add',
      kind: 'natural',
      personId: p!.id,
      atRisk: 'yes',
      joinedOn: typedToday,
    });
    expect(added.status).toBe(302);
    const badDate = await c.post(url, { intent: 'tick', item: 'problem_described', doneOn: '31.02.2026' });
    expect(pageText(await badDate.text())).toContain('Wpisz datę w formacie dzień.miesiąc.rok');
    for (const item of ['problem_described', 'offer_described', 'three_founders'])
      expect((await c.post(url, { intent: 'tick', item, doneOn: typedToday })).status).toBe(302);
    const page = pageText(await (await c.get(url)).text());
    expect(page).toContain(p!.family);
    expect(page).toContain('Wszystkie warunki przejścia do etapu „Biznesplan” są spełnione.');
    const moved = await c.post(url, { intent: 'advance', reason: 'Grupa gotowa' });
    expect(moved.status).toBe(302);
    const after = pageText(await (await c.get(url)).text());
    expect(after).toContain('Etap: Biznesplan');
    expect(after).toContain('Pomysł → Biznesplan');
    expect(after).toContain('Grupa gotowa');
    const id = url.split('/').pop()!;
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'initiative'), eq(auditLog.entityId, id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['initiative.create', 'initiative.founder.add', 'initiative.stage.advance']),
    );
  });
});

describe('changing an initiative', () => {
  it('changes the name and idea; an empty name is refused, another locality gets 404', async () => {
    const id = await idOf('Catering „Smak Łazarza”');
    const b = await signedIn();
    const url = `/app/poznan/initiatives/${id}/edit`;
    const form = pageText(await (await b.get(url)).text());
    expect(form).toContain('Zmiana danych: Catering „Smak Łazarza”');
    const [row] = await t.db
      .select({ version: initiatives.version })
      .from(initiatives)
      .where(eq(initiatives.id, id));
    const base = {
      idea: 'Obiady dla szkół i seniorów',
      intendedLegalForm: 'social_cooperative',
      version: String(row!.version),
    };
    const bad = await b.post(url, { ...base, name: '' });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz nazwę inicjatywy.');
    const ok = await b.post(url, { ...base, name: 'Catering „Smak Łazarza i Wildy”' });
    expect(ok.status).toBe(302);
    const page = pageText(await (await b.get(`/app/poznan/initiatives/${id}`)).text());
    expect(page).toContain('Zapisano zmiany inicjatywy.');
    expect(page).toContain('Catering „Smak Łazarza i Wildy”');
    expect(page).toContain('Obiady dla szkół i seniorów');
    const other = await signedIn('koordynator.wagrowiec@splot.demo');
    expect((await other.get(`/app/wagrowiec/initiatives/${id}/edit`)).status).toBe(404);
    // Back to the name the other tests look for.
    const [now] = await t.db
      .select({ version: initiatives.version })
      .from(initiatives)
      .where(eq(initiatives.id, id));
    await b.post(url, { ...base, name: 'Catering „Smak Łazarza”', version: String(now!.version) });
  });
});

describe('the business plan', () => {
  it('shows field errors in Polish and English, accepts the decimal comma, computes the figures', async () => {
    const id = await idOf('Zielona Ekipa Rataje');
    const url = `/app/poznan/initiatives/${id}/plan`;
    const b = await signedIn();
    const page = pageText(await (await b.get(url)).text());
    expect(page).toContain('Próg rentowności');
    const [plan] = await t.db.select().from(businessPlans).where(eq(businessPlans.initiativeId, id));
    const base = {
      version: String(plan!.version),
      offer: 'Pielęgnacja zieleni',
      customers: 'Wspólnoty',
      niche: 'Osiedla',
      team: '4 osoby',
    };
    const bad = await b.post(url, {
      ...base,
      'startup.0.label': 'Kosiarki',
      'startup.0.amount': '12,345',
      'm.1.revenue': 'dużo',
    });
    expect(bad.status).toBe(400);
    const badText = pageText(await bad.text());
    expect(badText).toContain('Wpisz kwotę w złotych, np. 1 234,50.');
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    const badEn = await en.post(url, { ...base, 'funding.0.label': 'Grant', 'funding.0.amount': '100' });
    expect(pageText(await badEn.text())).toContain('Choose the kind of funding.');
    const months: Record<string, string> = {};
    for (let i = 1; i <= 24; i++) {
      months[`m.${i}.revenue`] = '10 000,50';
      months[`m.${i}.costs`] = '9 000';
    }
    const ok = await b.post(url, {
      ...base,
      'startup.0.label': 'Kosiarki',
      'startup.0.amount': '12 000,50',
      'funding.0.label': 'Dotacja',
      'funding.0.kind': 'grant',
      'funding.0.amount': '10 000',
      ...months,
    });
    expect(ok.status).toBe(302);
    const saved = pageText(await (await b.get(url)).text());
    expect(saved).toContain('12 000,50 zł');
    expect(saved).toContain('2 000,50 zł'); // the funding gap
    expect(saved).toContain('w 2. miesiącu'); // -2000.50 + 1000.50 + 1000.50 ≥ 0
    const stale = await b.post(url, { ...base, version: String(plan!.version) });
    expect(stale.status).toBe(409);
  });

  it('downloads as a real PDF named after the plan', async () => {
    const id = await idOf('Catering „Smak Łazarza”');
    const b = await signedIn();
    const res = await b.get(`/app/poznan/initiatives/${id}/plan.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/pdf');
    expect(decodeURIComponent(res.headers.get('Content-Disposition') ?? '')).toContain('Biznesplan Catering');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
  });
});
