import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeLocality, makeUser } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
});
afterAll(async () => {
  await t.dispose();
});

async function coordinator() {
  const b = new TestBrowser(app);
  await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
  return b;
}

describe('the directory over HTTP, as a browser without JavaScript would use it', () => {
  it('explains a wrong NIP with its figures, keeps the input, and saves nothing', async () => {
    const b = await coordinator();
    const res = await b.post('/app/kwilcz/organisations/new', {
      name: 'Koło Gospodyń Wiejskich w Kwilczu',
      kind: 'other',
      legalForm: 'rural_housewives_circle',
      nip: '526-025-02-75',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(pageText(html)).toContain(
      'Ostatnia cyfra (kontrolna) nie pasuje do pozostałych: wpisano 5, a powinna być 4',
    );
    expect(html).toContain('value="Koło Gospodyń Wiejskich w Kwilczu"');
    // Nothing saved: the directory does not list the circle.
    const list = pageText(await (await b.get('/app/kwilcz/organisations')).text());
    expect(list).toContain('Katalog organizacji');
    expect(list).not.toContain('Koło Gospodyń Wiejskich w Kwilczu');
  });

  it('creates an entry, shows its derived social-economy status, and lists it', async () => {
    const b = await coordinator();
    const res = await b.post('/app/kwilcz/organisations/new', {
      name: 'Koło Gospodyń Wiejskich w Kwilczu',
      kind: 'other',
      legalForm: 'rural_housewives_circle',
      nip: '526-025-02-74',
      postalCode: '64420',
      city: 'Kwilcz',
    });
    expect(res.status).toBe(302);
    const detail = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(detail).toContain('Dodano organizację do katalogu.');
    expect(detail).toContain('Podmiot ekonomii społecznej.');
    expect(detail).toContain('art. 2 pkt 5 lit. e');
    expect(detail).toContain('64-420 Kwilcz');
    const list = pageText(await (await b.get('/app/kwilcz/organisations?q=KOLO%20GOSPODYN')).text());
    expect(list).toContain('1 organizacja');
    expect(list).toContain('Koło Gospodyń Wiejskich w Kwilczu');
  });

  it('asks for confirmation on a near-identical name (409) and saves after it', async () => {
    const b = await coordinator();
    const warn = await b.post('/app/kwilcz/organisations/new', {
      name: 'Kolo Gospodyn Wiejskich w Kwilczu',
      kind: 'other',
    });
    expect(warn.status).toBe(409);
    expect(pageText(await warn.text())).toContain('Podobna organizacja jest już w katalogu');
    const ok = await b.post('/app/kwilcz/organisations/new', {
      name: 'Kolo Gospodyn Wiejskich w Kwilczu',
      kind: 'other',
      confirmDistinct: '1',
    });
    expect(ok.status).toBe(302);
  });

  it('lets a partner representative read the directory but not change it', async () => {
    const b = new TestBrowser(app);
    await b.signIn('partner.kwilcz@splot.demo', DEMO_PASSWORD);
    const list = await (await b.get('/app/kwilcz/organisations')).text();
    expect(pageText(list)).toContain('Koło Gospodyń Wiejskich w Kwilczu');
    expect(pageText(list)).not.toContain('Dodaj organizację');
    expect((await b.get('/app/kwilcz/organisations/new')).status).toBe(403);
    expect((await b.post('/app/kwilcz/organisations/new', { name: 'X', kind: 'other' })).status).toBe(403);
  });

  it('keeps participants out of the directory', async () => {
    const b = new TestBrowser(app);
    await b.signIn('uczestnik.poznan@splot.demo', DEMO_PASSWORD);
    expect((await b.get('/app/poznan/organisations')).status).toBe(403);
  });

  it('records a contact person and a contact with a follow-up on the organisation page', async () => {
    const b = await coordinator();
    const list = await (await b.get('/app/kwilcz/organisations?q=Gospody')).text();
    const href = /href="(\/app\/kwilcz\/organisations\/[0-9a-f-]{36})"/.exec(list)![1]!;
    const bad = await b.post(href, { intent: 'addContact', name: 'Maria Nowak', legalBasis: '' });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wybierz podstawę przechowywania danych');
    expect(
      (
        await b.post(href, {
          intent: 'addContact',
          name: 'Maria Nowak',
          role: 'przewodnicząca',
          legalBasis: 'consent',
        })
      ).status,
    ).toBe(302);
    const late = await b.post(href, {
      intent: 'addEvent',
      happenedOn: '20.11.2026',
      channel: 'meeting',
      summary: 'Zebranie koła',
      followUp: 'Oddzwonić',
      followUpDue: '1.11.2026',
    });
    expect(late.status).toBe(422);
    expect(pageText(await late.text())).toContain('nie może być wcześniejszy niż data kontaktu');
    expect(
      (
        await b.post(href, {
          intent: 'addEvent',
          happenedOn: '20.11.2026',
          channel: 'meeting',
          summary: 'Zebranie koła',
          followUp: 'Oddzwonić',
          followUpDue: '4.12.2026',
        })
      ).status,
    ).toBe(302);
    const page = pageText(await (await b.get(href)).text());
    expect(page).toMatch(/Maria Nowak ?, przewodnicząca/);
    expect(page).toContain('Podstawa przetwarzania: zgoda');
    expect(page).toContain('Zebranie koła');
    expect(page).toContain('termin: 4.12.2026');
  });
});

describe("exports in the reader's language", () => {
  async function poznanCoordinator(lang: 'pl' | 'en') {
    const b = new TestBrowser(app);
    b.setCookie('splot_lang', lang);
    await b.signIn('koordynator.poznan@splot.demo', DEMO_PASSWORD);
    return b;
  }
  const csvLines = async (res: Response) =>
    new TextDecoder()
      .decode(await res.arrayBuffer())
      .split(/\r?\n/)
      .filter((l) => l !== '');

  it('writes Polish headers for a Polish reader and English headers and labels for an English one', async () => {
    const pl = await csvLines(
      await (await poznanCoordinator('pl')).get('/app/poznan/organisations/export/csv'),
    );
    expect(pl[0]).toBe(
      'nazwa;rodzaj;forma prawna;nip;regon;krs;ulica;nr domu;nr lokalu;kod pocztowy;miejscowość;telefon;e-mail;strona internetowa;Podmiot ekonomii społecznej',
    );
    const b = await poznanCoordinator('en');
    const res = await b.get('/app/poznan/organisations/export/csv');
    expect(res.headers.get('content-disposition')).toMatch(/filename="?organisations-poznan-/);
    const en = await csvLines(res);
    expect(en[0]).toBe(
      'name;kind;legal form;nip;regon;krs;street;house no;flat no;postcode;town;phone;email;website;Social-economy entity',
    );
    expect(en.find((l) => l.startsWith('Miejski Ośrodek Pomocy Społecznej w Poznaniu'))).toContain(
      ';social-welfare centre (OPS/MOPS);',
    );
    expect(en).toHaveLength(pl.length);

    const xlsx = new ExcelJS.Workbook();
    const bytes = await (await b.get('/app/poznan/organisations/export/xlsx')).arrayBuffer();
    await xlsx.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = xlsx.worksheets[0]!;
    expect(sheet.name).toBe('Directory of organisations');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['name', 'kind']);

    const template = await csvLines(await b.get('/app/poznan/organisations/export/csv?template=1'));
    expect(template[0]).toBe(
      'name;kind;legal form;nip;regon;krs;street;house no;flat no;postcode;town;phone;email;website',
    );
    expect(template[1]).toBe('Stowarzyszenie Przykładowe;association;;;;;;;;;;;;');
  });

  it('imports a file exported in English back, every row, into an empty directory', async () => {
    const exported = await (await poznanCoordinator('en')).get('/app/poznan/organisations/export/csv');
    const file = new Uint8Array(await exported.arrayBuffer());
    const rows = (await csvLines(new Response(file))).length - 1;
    expect(rows).toBeGreaterThan(50);

    const place = await makeLocality(t.db, { terytCode: '3028072', slug: 'wagrowiec-gmina' });
    const coord = await makeUser(t.db, { roles: [{ localityId: place.id, role: 'coordinator' }] });
    const b = new TestBrowser(app);
    await b.signIn(coord.email, coord.password);
    await b.get(`/app/${place.slug}/organisations/import`);
    const form = new FormData();
    form.set('_csrf', b.cookie('splot_csrf')!);
    form.set('file', new File([file], 'organisations.csv', { type: 'text/csv' }));
    const res = await b.fetch(
      new Request(`http://localhost/app/${place.slug}/organisations/import`, {
        method: 'POST',
        headers: {
          Cookie: `splot_session=${encodeURIComponent(b.cookie('splot_session')!)}; splot_csrf=${encodeURIComponent(b.cookie('splot_csrf')!)}`,
          Origin: 'http://localhost',
        },
        body: form,
      }),
    );
    expect(res.status, pageText(await res.clone().text())).toBe(302);
    const list = pageText(await (await b.get(`/app/${place.slug}/organisations?q=Poznaniu`)).text());
    expect(list).toContain('Miejski Ośrodek Pomocy Społecznej w Poznaniu');
    const [imported] = await t.db
      .select({ n: count() })
      .from(organisations)
      .where(eq(organisations.localityId, place.id));
    expect(imported!.n).toBe(rows);
  });
});
