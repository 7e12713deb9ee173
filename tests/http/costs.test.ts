import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import { donations, inKindEntries, localities } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const today = todayInWarsaw();

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'koordynator.wagrowiec@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
async function pdfText(res: Response) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), {
    mergePages: true,
  });
  return text.replace(/\s+/g, ' ');
}
const money = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('donations', () => {
  it('lists the demo donations in Polish and English', async () => {
    const b = await signedIn();
    const pl = pageText(await (await b.get('/app/wagrowiec/in-kind/donations')).text());
    expect(pl).toContain('Darowizny');
    expect(pl).toContain('Meble do pokoju klubowego');
    expect(pl).toContain('Anna i Piotr Wiśniewscy');
    expect(pl).toMatch(/3 darowizny o łącznej wartości 5850,50 zł/);
    const en = pageText(
      await (await (await signedIn(undefined, 'en')).get('/app/wagrowiec/in-kind/donations')).text(),
    );
    expect(en).toContain('Record a donation');
    expect(en).toContain('3 donations worth');
  });

  it('shows field errors (Polish, then English) and keeps the values; then records the donation in the ledger', async () => {
    const b = await signedIn();
    const bad = await b.post('/app/wagrowiec/in-kind/donations', {
      intent: 'create',
      kind: 'goods',
      donorName: 'Jan Testowy',
      description: 'Rowery dla uczestników',
      valuePln: '12,345',
      receivedOn: '31.02.2026',
    });
    expect(bad.status).toBe(400);
    const text = pageText(await bad.text());
    expect(text).toContain('Wpisz wartość jako kwotę w złotych, np. 1 250,50.');
    expect(text).toContain('Data otrzymania musi być prawdziwą datą');
    const en = await (await signedIn(undefined, 'en')).post('/app/wagrowiec/in-kind/donations', {
      intent: 'create',
      kind: 'goods',
      donorName: '',
      description: '',
      valuePln: '',
      receivedOn: '1.03.2026',
    });
    const enText = pageText(await en.text());
    expect(enText).toContain('Describe what was given.');
    expect(enText).toContain("Enter the donation's value.");
    expect(enText).toContain("Pick an organisation from the directory or type the donor's name.");
    const ok = await b.post('/app/wagrowiec/in-kind/donations', {
      intent: 'create',
      kind: 'goods',
      donorName: 'Jan Testowy',
      description: 'Rowery dla uczestników',
      valuePln: '1 234,50',
      receivedOn: '1.03.2026',
    });
    expect(ok.status).toBe(302);
    const [row] = await t.db
      .select()
      .from(donations)
      .where(eq(donations.description, 'Rowery dla uczestników'));
    expect(row!.valuePln).toBe('1234.50');
    const [entry] = await t.db
      .select({ n: count() })
      .from(inKindEntries)
      .where(and(eq(inKindEntries.source, 'donation'), eq(inKindEntries.sourceId, row!.id)));
    expect(entry!.n).toBe(1);
    const ledger = pageText(await (await b.get('/app/wagrowiec/in-kind?kind=donation')).text());
    expect(ledger).toContain('Rowery dla uczestników');
    const del = await b.post('/app/wagrowiec/in-kind/donations', { intent: 'delete', id: row!.id });
    expect(del.status).toBe(302);
    expect(await t.db.select().from(donations).where(eq(donations.id, row!.id))).toHaveLength(0);
    expect(
      await t.db
        .select()
        .from(inKindEntries)
        .where(and(eq(inKindEntries.source, 'donation'), eq(inKindEntries.sourceId, row!.id))),
    ).toHaveLength(0);
  });

  it('another locality gets 404; a partner representative 403', async () => {
    const other = await signedIn('koordynator.poznan@splot.demo');
    expect((await other.get('/app/wagrowiec/in-kind/donations')).status).toBe(404);
    expect((await other.get('/app/wagrowiec/in-kind/report')).status).toBe(404);
    expect((await other.get('/app/wagrowiec/in-kind/report.pdf')).status).toBe(404);
    const [d] = await t.db
      .select({ id: donations.id })
      .from(donations)
      .innerJoin(localities, eq(localities.id, donations.localityId))
      .where(eq(localities.slug, 'wagrowiec'))
      .limit(1);
    const res = await other.post('/app/poznan/in-kind/donations', { intent: 'delete', id: d!.id });
    expect(res.status).toBe(404);
    const partner = await signedIn('partner.wagrowiec@splot.demo');
    expect((await partner.get('/app/wagrowiec/in-kind/costs')).status).toBe(403);
  });
});

describe('support costs', () => {
  it('lists 12 months of costs and adds one with a Polish amount; a bad month is a field error', async () => {
    const b = await signedIn('koordynator.kwilcz@splot.demo');
    const page = pageText(await (await b.get('/app/kwilcz/in-kind/costs')).text());
    expect(page).toContain('Koszty systemu wsparcia');
    expect(page).toContain('36 pozycji kosztów');
    expect(page).toContain('Animator (1/4 etatu)');
    const bad = await b.post('/app/kwilcz/in-kind/costs', {
      intent: 'create',
      month: '13.2026',
      category: 'staff',
      amountPln: '10',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz miesiąc jako MM.RRRR, np. 03.2026.');
    const ok = await b.post('/app/kwilcz/in-kind/costs', {
      intent: 'create',
      month: `${today.slice(5, 7)}.${today.slice(0, 4)}`,
      category: 'services',
      description: 'Wydruk ulotek',
      amountPln: '99,90',
    });
    expect(ok.status).toBe(302);
    expect(pageText(await (await b.get('/app/kwilcz/in-kind/costs')).text())).toContain('Wydruk ulotek');
  });
});

describe('the cost-reduction report', () => {
  it("shows volunteers' hours and the municipality's premises with amounts, in Polish and English", async () => {
    const b = await signedIn();
    const res = await b.get('/app/wagrowiec/in-kind/report');
    expect(res.status).toBe(200);
    const text = money(pageText(await res.text()));
    expect(text).toContain('Raport obniżenia kosztów');
    expect(text).toMatch(/wolontariusze \(godziny pracy\) [\d ]+,\d\d zł \d+,\d%/);
    expect(text).toMatch(/gmina \(użyczone lokale i wkłady urzędu\) [\d ]+,\d\d zł \d+,\d%/);
    expect(text).toMatch(/lokal klubu [\d ]+,\d\d zł/);
    expect(text).toMatch(/godziny wolontariuszy [\d ]+,\d\d zł/);
    expect(text).toMatch(/Pełny koszt pracy [\d ]+,\d\d zł 100%/);
    expect(text).toContain('Kto pokrył pełny koszt pracy');
    const en = money(
      pageText(await (await (await signedIn(undefined, 'en')).get('/app/wagrowiec/in-kind/report')).text()),
    );
    expect(en).toMatch(/volunteers \(hours of work\) PLN [\d,]+\.\d\d/);
    expect(en).toContain('Who covered the full cost of the work');
  });

  it('bad periods are field errors in Polish and English', async () => {
    const b = await signedIn();
    const res = await b.get('/app/wagrowiec/in-kind/report?from=2026-05-01&to=2026-04-01');
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain('Data „do” nie może być wcześniejsza niż data „od”.');
    const en = await (await signedIn(undefined, 'en')).get(
      '/app/wagrowiec/in-kind/report?from=32.01.2026&to=x',
    );
    const enText = pageText(await en.text());
    expect(enText).toContain('The "from" date must be a real date');
    expect(enText).toContain('The "to" date must be a real date');
    expect((await b.get('/app/wagrowiec/in-kind/report.pdf?from=bad')).status).toBe(400);
  });

  it('downloads a real PDF and XLSX with the volunteers and the municipality lines', async () => {
    const b = await signedIn();
    const pdf = await b.get('/app/wagrowiec/in-kind/report.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const text = money(await pdfText(pdf));
    expect(text).toContain('Raport obniżenia kosztów');
    expect(text).toMatch(/wolontariusze \(godziny pracy\) [\d ]+,\d\d zł/);
    expect(text).toMatch(/gmina \(użyczone lokale i wkłady urzędu\) [\d ]+,\d\d zł/);
    const xlsx = await b.get('/app/wagrowiec/in-kind/report.xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Kto');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const line = (label: string) => rows.find((r) => r[1] === label);
    expect(Number(line('wolontariusze (godziny pracy)')?.[2])).toBeGreaterThan(0);
    expect(Number(line('gmina (użyczone lokale i wkłady urzędu)')?.[2])).toBeGreaterThan(0);
    const shares = rows.slice(1, 6).reduce((s, r) => s + Number(r[3]), 0);
    expect(shares).toBeCloseTo(1, 6);
  });
});
