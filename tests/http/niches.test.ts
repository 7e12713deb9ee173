import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localities, marketNiches } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
}, 180_000);
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'koordynator.wagrowiec@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
async function nicheId(slug: string, name: string) {
  const [row] = await t.db
    .select({ id: marketNiches.id })
    .from(marketNiches)
    .innerJoin(localities, eq(localities.id, marketNiches.localityId))
    .where(and(eq(localities.slug, slug), eq(marketNiches.name, name)));
  return row!.id;
}

describe('market niches', () => {
  it('lists the niches best scored first, in Polish and English', async () => {
    const b = await signedIn();
    const res = await b.get('/app/wagrowiec/niches');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Nisze rynkowe');
    expect(text).toContain('2 nisze, od najwyższej oceny');
    // Green spaces: (4·3 + 5·2 + 3·2 + 2·1 + 4·2) / 10 = 3,8; school catering 3,6.
    expect(text).toContain(
      'Utrzymanie zieleni miejskiej usługi komunalne realizowana wysoka 250 000,00 zł 3,8',
    );
    expect(text.indexOf('Utrzymanie zieleni')).toBeLessThan(text.indexOf('Catering dla szkół'));
    const filtered = pageText(await (await b.get('/app/wagrowiec/niches?status=researching')).text());
    expect(filtered).toContain('Catering dla szkół');
    expect(filtered).not.toContain('Utrzymanie zieleni miejskiej');
    const en = pageText(await (await (await signedIn(undefined, 'en')).get('/app/wagrowiec/niches')).text());
    expect(en).toContain('Market niches');
    expect(en).toContain('2 niches, best scored first');
  });

  it('explains a score that misses a criterion, and shows the evidence of demand', async () => {
    const b = await signedIn('koordynator.kwilcz@splot.demo');
    const id = await nicheId('kwilcz', 'Lokalne przetwórstwo żywności');
    const text = pageText(await (await b.get(`/app/kwilcz/niches/${id}`)).text());
    expect(text).toContain('Bez oceny: Słaba konkurencja — to kryterium nie wchodzi do średniej.');
    expect(text).toContain('Koło gospodyń wiejskich');
  });

  it('records a niche with the decimal comma; a missing name is refused in the user language', async () => {
    const b = await signedIn();
    const bad = await b.post('/app/wagrowiec/niches/new', {
      name: '',
      sector: 'usługi',
      competition: 'low',
      status: 'identified',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz nazwę niszy.');
    const en = await signedIn(undefined, 'en');
    const badEn = await en.post('/app/wagrowiec/niches/new', {
      name: 'X',
      sector: 'usługi',
      competition: 'low',
      status: 'identified',
      estimatedDemandPln: '12,345',
    });
    expect(pageText(await badEn.text())).toContain(
      'Type an amount in złoty, e.g. 12 500,50 — at most two decimals.',
    );
    const ok = await b.post('/app/wagrowiec/niches/new', {
      name: 'Pralnia dla hoteli',
      sector: 'usługi',
      competition: 'low',
      status: 'identified',
      estimatedDemandPln: '12 500,50',
      score_demand: '4',
    });
    expect(ok.status).toBe(302);
    const page = pageText(await (await b.get(ok.headers.get('location')!)).text());
    expect(page).toContain('12 500,50 zł');
    expect(page).toContain('4 na 5');
  });

  it('lets a coordinator weigh the criteria (weight above zero)', async () => {
    const b = await signedIn();
    const bad = await b.post('/app/wagrowiec/niches/criteria', {
      intent: 'add',
      label: 'Dostęp do rynku',
      weight: '0',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Waga musi być liczbą większą od zera');
    const ok = await b.post('/app/wagrowiec/niches/criteria', {
      intent: 'add',
      label: 'Dostęp do rynku',
      weight: '1,5',
    });
    expect(ok.status).toBe(302);
    const text = pageText(await (await b.get('/app/wagrowiec/niches/criteria')).text());
    expect(text).toContain('6 kryteriów');
    expect(text).toContain('Dostęp do rynku 1,5');
  });

  it('lets an animator read but not add; another locality gets 404', async () => {
    const animator = await signedIn('animator.kwilcz@splot.demo');
    expect((await animator.get('/app/kwilcz/niches')).status).toBe(200);
    expect((await animator.get('/app/kwilcz/niches/new')).status).toBe(403);
    const member = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    expect((await member.get('/app/wagrowiec/niches')).status).toBe(403);
    const other = await signedIn('koordynator.poznan@splot.demo');
    expect((await other.get('/app/wagrowiec/niches')).status).toBe(404);
    const id = await nicheId('wagrowiec', 'Catering dla szkół');
    expect((await other.get(`/app/poznan/niches/${id}`)).status).toBe(404);
  });
});
