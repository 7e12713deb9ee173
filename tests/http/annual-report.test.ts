import { and, count, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAnnualReportReminders } from '../../app/features/enterprises/reports/annual-report-reminders.server.ts';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import { auditLog, enterprises, organisations } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let zielona: string;
let czysty: string;
const year = Number(todayInWarsaw().slice(0, 4)) - 1;

async function enterpriseId(name: string) {
  const [row] = await t.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(eq(organisations.name, name));
  return row!.id;
}

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  zielona = await enterpriseId('Spółdzielnia Socjalna „Zielona Pracownia”');
  czysty = await enterpriseId('Spółdzielnia Socjalna „Czysty Wągrowiec”');
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
const url = (id: string, rest = '') => `/app/wagrowiec/enterprises/${id}/annual-report${rest}`;

describe('the social enterprise annual report draft', () => {
  it('shows identification, employment figures and what is missing (Polish)', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo');
    const res = await b.get(url(zielona, `?year=${year}`));
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain(`Sprawozdanie roczne przedsiębiorstwa społecznego za ${year} r.`);
    expect(text).toContain('NIP 1000881099');
    expect(text).toMatch(
      /Zatrudnieni na 31 grudnia \(umowa o pracę lub spółdzielcza umowa o pracę, co najmniej 0,5 etatu\) \d+/,
    );
    expect(text).toMatch(/w tym osoby zagrożone wykluczeniem \d+/);
    expect(text).toMatch(/Udział osób zagrożonych wykluczeniem \d+(,\d)?%/);
    expect(text).toMatch(/Miejsca pracy utworzone w roku \d+/);
    expect(text).toContain('Czego brakuje w danych');
    expect(text).toContain('Brak numeru REGON w katalogu organizacji.');
    expect(text).toMatch(/Brak danych miesięcznych za \d+ (miesiąc|miesiące|miesięcy)/);
    expect(text).toContain('do 31 marca');
  });

  it('is in English too, and a malformed year is a field error', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo', 'en');
    const text = pageText(await (await b.get(url(zielona, `?year=${year}`))).text());
    expect(text).toContain(`Social enterprise annual report for ${year}`);
    expect(text).toContain('No REGON number in the organisation directory.');
    expect(text).toMatch(/Jobs created in the year \d+/);
    const bad = await b.get(url(zielona, '?year=20x5'));
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Enter the year as four digits');
  });

  it("an enterprise member sees their own and gets 404 for another; another locality's coordinator 404", async () => {
    const member = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    expect((await member.get(url(zielona))).status).toBe(200);
    expect((await member.get(url(czysty))).status).toBe(404);
    expect((await member.get(url(czysty, '.pdf'))).status).toBe(404);
    const partner = await signedIn('partner.wagrowiec@splot.demo');
    expect((await partner.get(url(zielona))).status).toBe(404);
    const other = await signedIn('koordynator.poznan@splot.demo');
    expect((await other.get(url(zielona))).status).toBe(404);
    expect((await other.get(`/app/poznan/enterprises/${zielona}/annual-report`)).status).toBe(404);
  });

  it('downloads a real PDF and DOCX of the draft', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo');
    const pdf = await b.get(url(zielona, `.pdf?year=${year}`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Zielona Pracownia');
    expect(flat).toContain('Brak numeru REGON w katalogu organizacji.');
    expect(flat).toContain('Zatrudnieni na 31 grudnia');
    const docx = await b.get(url(zielona, `.docx?year=${year}`));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });
});

describe('the annual report reminder', () => {
  it('e-mails coordinators and the members of a PS holder once a year, from 1 March', async () => {
    const mail = recordingMail();
    const opts = { mail, baseUrl: 'http://splot.test' };
    expect(await sendAnnualReportReminders(t.db, { ...opts, today: `${year + 1}-02-28` })).toBe(0);
    expect(await sendAnnualReportReminders(t.db, { ...opts, today: `${year + 1}-03-01` })).toBe(1);
    const to = mail.sent.map((m) => m.to);
    expect(to).toContain('koordynator.wagrowiec@splot.demo');
    expect(to).toContain('przedsiebiorstwo.wagrowiec@splot.demo');
    expect(to).not.toContain('koordynator.poznan@splot.demo');
    const m = mail.sent.find((x) => x.to === 'przedsiebiorstwo.wagrowiec@splot.demo')!;
    expect(m.subject).toContain('Zielona Pracownia');
    expect(m.text).toContain(`/app/wagrowiec/enterprises/${zielona}/annual-report?year=${year}`);
    const before = mail.sent.length;
    expect(await sendAnnualReportReminders(t.db, { ...opts, today: `${year + 1}-03-02` })).toBe(0);
    expect(mail.sent.length).toBe(before);
    const [logged] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enterprise.annual_report_reminder'), eq(auditLog.entityId, zielona)));
    expect(logged!.n).toBe(1);
  });
});
