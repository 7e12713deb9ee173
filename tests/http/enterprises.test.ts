import { and, count, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  auditLog,
  enterpriseJobs,
  enterpriseMembers,
  enterpriseMonthlyFigures,
  enterpriseStatusDecisions,
  enterprises,
  localities,
  organisations,
} from '../../db/schema/index.ts';
import { daysFrom } from '../../db/seed/dates.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const today = todayInWarsaw();
const typed = (iso: string) => `${Number(iso.slice(8))}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
let zp: { id: string; registeredOn: string };
let otherId: string;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  const [row] = await t.db
    .select({ id: enterprises.id, registeredOn: enterprises.registeredOn })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(eq(organisations.name, 'Spółdzielnia Socjalna „Zielona Pracownia”'));
  zp = { id: row!.id, registeredOn: row!.registeredOn! };
  // Another enterprise in Wągrowiec, which Zielona Pracownia's member must not see.
  const [loc] = await t.db
    .select({ id: localities.id })
    .from(localities)
    .where(eq(localities.slug, 'wagrowiec'));
  const [org] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.localityId, loc!.id), eq(organisations.name, 'Fundacja Wspólna Droga')));
  const [other] = await t.db
    .insert(enterprises)
    .values({ localityId: loc!.id, organisationId: org!.id, registeredOn: daysFrom(today, -100) })
    .returning({ id: enterprises.id });
  otherId = other!.id;
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
const jobsOfZp = async () =>
  (await t.db.select({ n: count() }).from(enterpriseJobs).where(eq(enterpriseJobs.enterpriseId, zp.id)))[0]!
    .n;
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

const job = (over: Record<string, string> = {}) => ({
  intent: 'job',
  position: 'Konserwator zieleni',
  displayName: 'Jan Próbny',
  contractType: 'employment',
  fte: '0,5',
  startOn: typed(daysFrom(today, -5)),
  atRiskCategory: 'none',
  ...over,
});

describe('the enterprises list and page', () => {
  it('lists the locality’s enterprises with form, status and figures, in Polish and English', async () => {
    const b = await signedIn();
    const res = await b.get('/app/wagrowiec/enterprises');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Przedsiębiorstwa społeczne');
    expect(text).toContain('Spółdzielnia Socjalna „Zielona Pracownia”');
    expect(text).toContain('spółdzielnia socjalna');
    expect(text).toContain('status PS nadany');
    const en = pageText(
      await (await (await signedIn(undefined, 'en')).get('/app/wagrowiec/enterprises')).text(),
    );
    expect(en).toContain('Social enterprises');
    expect(en).toContain('PS status granted');
  });

  it('shows the profile, members with share capital, the decision and the trajectory within 15 statements', async () => {
    const b = await signedIn();
    const res = await b.get(`/app/wagrowiec/enterprises/${zp.id}`);
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeLessThanOrEqual(15);
    const text = pageText(await res.text());
    expect(text).toContain('Udziały razem (obecni członkowie)');
    expect(text).toMatch(/3000,00 zł|3 000,00 zł/);
    expect(text).toContain('WPS-II.8531.12.2025');
    expect(text).toContain('Droga do samodzielności');
    expect(text).toContain('przychody własne pokrywają koszty nieprzerwanie od');
    expect(text).toContain('niepotrzebne: przychody własne pokrywają koszty');
    const en = pageText(
      await (await (await signedIn(undefined, 'en')).get(`/app/wagrowiec/enterprises/${zp.id}`)).text(),
    );
    expect(en).toContain('Self-sufficiency trajectory');
    expect(en).toContain('not needed: own revenue covers costs');
  });

  it('answers 404 to another locality’s coordinator', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    expect((await b.get(`/app/wagrowiec/enterprises/${zp.id}`)).status).toBe(404);
    expect((await b.get(`/app/poznan/enterprises/${zp.id}`)).status).toBe(404);
  });
});

describe('the job form', () => {
  it('refuses 1,2 FTE with a field message in Polish and English, nothing saved', async () => {
    const before = await jobsOfZp();
    const b = await signedIn();
    const res = await b.post(`/app/wagrowiec/enterprises/${zp.id}/jobs`, job({ fte: '1,2' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(pageText(html)).toContain('Wymiar etatu musi być większy od 0 i nie większy niż 1');
    expect(html).toContain('value="Konserwator zieleni"');
    expect(html).toContain('value="1,2"');
    const en = await signedIn(undefined, 'en');
    const resEn = await en.post(`/app/wagrowiec/enterprises/${zp.id}/jobs`, job({ fte: '1,2' }));
    expect(pageText(await resEn.text())).toContain('Working time must be above 0 and at most 1.0');
    expect(await jobsOfZp()).toBe(before);
  });

  it('refuses a start before the registration and overlapping jobs of one person', async () => {
    const before = await jobsOfZp();
    const b = await signedIn();
    const early = await b.post(
      `/app/wagrowiec/enterprises/${zp.id}/jobs`,
      job({ startOn: typed(daysFrom(zp.registeredOn, -1)) }),
    );
    expect(early.status).toBe(400);
    expect(pageText(await early.text())).toContain(
      `Praca nie może zacząć się przed rejestracją przedsiębiorstwa (${typed(zp.registeredOn)})`,
    );
    const [held] = await t.db
      .select({ personId: enterpriseJobs.personId })
      .from(enterpriseJobs)
      .where(and(eq(enterpriseJobs.enterpriseId, zp.id), eq(enterpriseJobs.position, 'Ogrodnik')));
    const overlap = await b.post(
      `/app/wagrowiec/enterprises/${zp.id}/jobs`,
      job({ personId: held!.personId!, displayName: '', fte: '0,5' }),
    );
    expect(overlap.status).toBe(400);
    const text = pageText(await overlap.text());
    expect(text).toContain('Ta osoba pracuje już jako „Ogrodnik”');
    expect(text).toContain('miałaby razem 1,5 etatu');
    expect(await jobsOfZp()).toBe(before);
  });

  it('accepts a decimal comma and shows the job', async () => {
    const b = await signedIn();
    const res = await b.post(`/app/wagrowiec/enterprises/${zp.id}/jobs`, job({ fte: '0,75' }));
    expect(res.status).toBe(302);
    const text = pageText(await (await b.get(`/app/wagrowiec/enterprises/${zp.id}/jobs`)).text());
    expect(text).toContain('Konserwator zieleni');
    expect(text).toContain('0,75');
  });

  it('ends a job: an end before its start is refused in the form, a right one is saved', async () => {
    const b = await signedIn();
    const [row] = await t.db
      .select({ id: enterpriseJobs.id, startOn: enterpriseJobs.startOn })
      .from(enterpriseJobs)
      .where(and(eq(enterpriseJobs.enterpriseId, zp.id), isNull(enterpriseJobs.endOn)))
      .limit(1);
    const url = `/app/wagrowiec/enterprises/${zp.id}/jobs`;
    const early = await b.post(url, {
      intent: 'end',
      jobId: row!.id,
      lastDay: typed(daysFrom(row!.startOn, -1)),
    });
    expect(early.status).toBe(400);
    expect(pageText(await early.text())).toContain('Koniec nie może być przed początkiem');
    const ok = await b.post(url, { intent: 'end', jobId: row!.id, lastDay: typed(today) });
    expect(ok.status).toBe(302);
    const [after] = await t.db
      .select({ endOn: enterpriseJobs.endOn })
      .from(enterpriseJobs)
      .where(eq(enterpriseJobs.id, row!.id));
    expect(after!.endOn).toBe(today);
    expect(pageText(await (await b.get(url)).text())).toContain('Zapisano koniec zatrudnienia.');
  });
});

describe('correcting a job', () => {
  it('opens from the jobs list, refuses 1,2 FTE, saves a correction (not clashing with itself), audited with before and after', async () => {
    const b = await signedIn();
    const [row] = await t.db
      .select({ id: enterpriseJobs.id, position: enterpriseJobs.position, personId: enterpriseJobs.personId })
      .from(enterpriseJobs)
      .where(and(eq(enterpriseJobs.enterpriseId, zp.id), isNull(enterpriseJobs.endOn)))
      .limit(1);
    const jobsUrl = `/app/wagrowiec/enterprises/${zp.id}/jobs`;
    const url = `${jobsUrl}/${row!.id}/edit`;
    expect(await (await b.get(jobsUrl)).text()).toContain(`href="${url}"`);
    const form = await (await b.get(url)).text();
    expect(pageText(form)).toContain(`Popraw miejsce pracy: ${row!.position}`);
    const field = (name: string) =>
      new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(form);
    const startOn = field('startOn');
    const typedStart = startOn?.[1] ?? startOn?.[2] ?? '';
    expect(typedStart).toMatch(/^\d{1,2}\.\d{2}\.\d{4}$/);
    const values = {
      intent: 'job',
      position: 'Ogrodnik (korekta)',
      personId: row!.personId ?? '',
      displayName: row!.personId ? '' : 'Jan Korekta',
      contractType: 'employment',
      startOn: typedStart,
      atRiskCategory: 'none',
    };
    const tooMuch = await b.post(url, { ...values, fte: '1,2' });
    expect(tooMuch.status).toBe(400);
    expect(pageText(await tooMuch.text())).toContain(
      'Wymiar etatu musi być większy od 0 i nie większy niż 1',
    );
    const [unchanged] = await t.db
      .select({ position: enterpriseJobs.position })
      .from(enterpriseJobs)
      .where(eq(enterpriseJobs.id, row!.id));
    expect(unchanged!.position).toBe(row!.position);

    const saved = await b.post(url, { ...values, fte: '1' });
    expect(saved.status).toBe(302);
    expect(saved.headers.get('Location')).toBe(jobsUrl);
    const list = pageText(await (await b.get(jobsUrl)).text());
    expect(list).toContain('Zapisano zmiany miejsca pracy.');
    expect(list).toContain('Ogrodnik (korekta)');
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enterprise.job.update'), eq(auditLog.entityId, zp.id)));
    expect(entry!.details).toMatchObject({
      jobId: row!.id,
      was: { position: row!.position },
      now: { position: 'Ogrodnik (korekta)', fte: '1.00' },
    });
  });

  it('answers 404 for a job of another enterprise and 403 to a partner', async () => {
    const b = await signedIn();
    const [row] = await t.db
      .select({ id: enterpriseJobs.id })
      .from(enterpriseJobs)
      .where(eq(enterpriseJobs.enterpriseId, zp.id))
      .limit(1);
    expect((await b.get(`/app/wagrowiec/enterprises/${otherId}/jobs/${row!.id}/edit`)).status).toBe(404);
    const partner = await signedIn('partner.wagrowiec@splot.demo');
    expect([403, 404]).toContain(
      (await partner.get(`/app/wagrowiec/enterprises/${zp.id}/jobs/${row!.id}/edit`)).status,
    );
  });
});

describe('correcting a member', () => {
  it('opens from the profile, refuses a bad amount, saves share capital and the at-risk category, audited', async () => {
    const b = await signedIn();
    const [m] = await t.db
      .select({ id: enterpriseMembers.id, name: enterpriseMembers.displayName })
      .from(enterpriseMembers)
      .where(and(eq(enterpriseMembers.enterpriseId, zp.id), isNull(enterpriseMembers.leftOn)))
      .limit(1);
    const profileUrl = `/app/wagrowiec/enterprises/${zp.id}`;
    const url = `${profileUrl}/members/${m!.id}/edit`;
    expect(await (await b.get(profileUrl)).text()).toContain(`href="${url}"`);
    const form = pageText(await (await b.get(url)).text());
    expect(form).toContain(`Popraw dane członka: ${m!.name}`);
    const values = {
      atRiskCategory: 'long_term_unemployed',
      isFounder: 'on',
      joinedOn: typed(zp.registeredOn),
    };
    const bad = await b.post(url, { ...values, shareCapital: '12,345' });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz kwotę w złotych, na przykład 500,00');
    const ok = await b.post(url, { ...values, shareCapital: '1 250,50' });
    expect(ok.status).toBe(302);
    expect(pageText(await (await b.get(ok.headers.get('Location')!)).text())).toContain(
      'Zapisano zmiany danych członka.',
    );
    const [after] = await t.db
      .select({
        share: enterpriseMembers.shareCapitalPln,
        atRisk: enterpriseMembers.atRisk,
        category: enterpriseMembers.atRiskCategory,
      })
      .from(enterpriseMembers)
      .where(eq(enterpriseMembers.id, m!.id));
    expect(after).toEqual({ share: '1250.50', atRisk: true, category: 'long_term_unemployed' });
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enterprise.member.update'), eq(auditLog.entityId, zp.id)));
    expect(entry!.details).toMatchObject({ memberId: m!.id, now: { shareCapitalPln: '1250.50' } });
  });
});

describe('a member leaves', () => {
  it('refuses a last day before joining, then saves it: the member leaves the count, the status is checked again', async () => {
    const b = await signedIn();
    const url = `/app/wagrowiec/enterprises/${zp.id}/members`;
    const [m] = await t.db
      .select({
        id: enterpriseMembers.id,
        joinedOn: enterpriseMembers.joinedOn,
        name: enterpriseMembers.displayName,
      })
      .from(enterpriseMembers)
      .where(and(eq(enterpriseMembers.enterpriseId, zp.id), isNull(enterpriseMembers.leftOn)))
      .limit(1);
    const countOf = (html: string) => Number(/(\d+) członk/.exec(pageText(html))?.[1]);
    const form = await (await b.get(url)).text();
    const before = countOf(form);
    expect(pageText(form)).toContain('Odejście członka');
    const [{ checkedAt } = { checkedAt: null }] = await t.db
      .select({ checkedAt: enterprises.lastCheckAt })
      .from(enterprises)
      .where(eq(enterprises.id, zp.id));

    const early = await b.post(url, {
      intent: 'leave',
      memberId: m!.id,
      leftOn: typed(daysFrom(m!.joinedOn, -1)),
    });
    expect(early.status).toBe(400);
    expect(pageText(await early.text())).toContain(
      'Ostatni dzień członkostwa nie może być wcześniejszy niż dzień przystąpienia',
    );
    const unchanged = await t.db
      .select({ leftOn: enterpriseMembers.leftOn })
      .from(enterpriseMembers)
      .where(eq(enterpriseMembers.id, m!.id));
    expect(unchanged[0]!.leftOn).toBeNull();

    const ok = await b.post(url, { intent: 'leave', memberId: m!.id, leftOn: typed(today) });
    expect(ok.status).toBe(302);
    const profile = pageText(await (await b.get(ok.headers.get('Location')!)).text());
    expect(profile).toContain('Zapisano odejście członka.');
    expect(countOf(await (await b.get(url)).text())).toBe(before - 1);
    const [after] = await t.db
      .select({ checkedAt: enterprises.lastCheckAt })
      .from(enterprises)
      .where(eq(enterprises.id, zp.id));
    expect(after!.checkedAt!.getTime()).toBeGreaterThan(checkedAt?.getTime() ?? 0);
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enterprise.member.leave'), eq(auditLog.entityId, zp.id)))) as [
      { n: number },
    ];
    expect(n).toBe(1);

    // Leaving twice is refused in words.
    const again = await b.post(url, { intent: 'leave', memberId: m!.id, leftOn: typed(today) });
    expect(again.status).toBe(400);
    expect(pageText(await again.text())).toContain('Ten członek już odszedł');
  });

  it('is refused in English too', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo', 'en');
    const res = await b.post(`/app/wagrowiec/enterprises/${zp.id}/members`, {
      intent: 'leave',
      memberId: '',
      leftOn: '',
    });
    expect(res.status).toBe(400);
    expect(pageText(await res.text())).toContain('Enter the last day of membership');
  });
});

describe('a decision entered by mistake', () => {
  it('is removed with a reason (refused without one), kept in the audit log, and the status checked again', async () => {
    const b = await signedIn();
    const url = `/app/wagrowiec/enterprises/${zp.id}/members`;
    const added = await b.post(url, {
      intent: 'decision',
      kind: 'krs_registered',
      decidedOn: typed(daysFrom(today, -3)),
      number: 'KRS POMYŁKA',
    });
    expect(added.status).toBe(302);
    const [wrong] = await t.db
      .select({ id: enterpriseStatusDecisions.id })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.number, 'KRS POMYŁKA'));
    const form = pageText(await (await b.get(url)).text());
    expect(form).toContain('Usuń decyzję wpisaną przez pomyłkę');
    expect(form).toContain('KRS POMYŁKA');

    const noReason = await b.post(url, { intent: 'removeDecision', decisionId: wrong!.id, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(pageText(await noReason.text())).toContain('Wpisz powód usunięcia');
    const stillThere = await t.db
      .select({ id: enterpriseStatusDecisions.id })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.id, wrong!.id));
    expect(stillThere).toHaveLength(1);

    const removed = await b.post(url, {
      intent: 'removeDecision',
      decisionId: wrong!.id,
      reason: 'Zły numer KRS.',
    });
    expect(removed.status).toBe(302);
    expect(pageText(await (await b.get(removed.headers.get('Location')!)).text())).toContain(
      'Usunięto decyzję.',
    );
    const gone = await t.db
      .select({ id: enterpriseStatusDecisions.id })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.id, wrong!.id));
    expect(gone).toHaveLength(0);
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enterprise.decision.remove'), eq(auditLog.entityId, zp.id)));
    expect(entry!.details).toMatchObject({ number: 'KRS POMYŁKA', reason: 'Zły numer KRS.' });
  });

  it('cannot be removed by the enterprise’s own member', async () => {
    const b = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    const [decision] = await t.db
      .select({ id: enterpriseStatusDecisions.id })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.enterpriseId, zp.id))
      .limit(1);
    const res = await b.post(`/app/wagrowiec/enterprises/${zp.id}/members`, {
      intent: 'removeDecision',
      decisionId: decision!.id,
      reason: 'Bo tak.',
    });
    expect(res.status).toBe(403);
    const still = await t.db
      .select({ id: enterpriseStatusDecisions.id })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.id, decision!.id));
    expect(still).toHaveLength(1);
  });
});

describe('an enterprise member', () => {
  it('edits their own enterprise’s figures and gets 404 for another enterprise', async () => {
    const b = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    expect((await b.get(`/app/wagrowiec/enterprises/${zp.id}`)).status).toBe(200);
    const month = `${today.slice(5, 7)}.${today.slice(0, 4)}`;
    const bad = await b.post(`/app/wagrowiec/enterprises/${zp.id}/figures`, {
      month,
      ownRevenue: '12,345',
      grants: '0',
      costs: '1000',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wpisz kwotę w złotych, na przykład 12 500,50');
    const ok = await b.post(`/app/wagrowiec/enterprises/${zp.id}/figures`, {
      month,
      ownRevenue: '12 345,67',
      grants: '1 000',
      costs: '9 000,5',
      headcount: '6',
    });
    expect(ok.status).toBe(302);
    const [f] = await t.db
      .select({ own: enterpriseMonthlyFigures.ownRevenuePln, costs: enterpriseMonthlyFigures.costsPln })
      .from(enterpriseMonthlyFigures)
      .where(
        and(
          eq(enterpriseMonthlyFigures.enterpriseId, zp.id),
          eq(enterpriseMonthlyFigures.month, `${today.slice(0, 7)}-01`),
        ),
      );
    expect(f).toEqual({ own: '12345.67', costs: '9000.50' });
    expect((await b.get(`/app/wagrowiec/enterprises/${otherId}`)).status).toBe(404);
    expect((await b.post(`/app/wagrowiec/enterprises/${otherId}/jobs`, job())).status).toBe(404);
    const list = pageText(await (await b.get('/app/wagrowiec/enterprises')).text());
    expect(list).toContain('Zielona Pracownia');
    expect(list).not.toContain('Fundacja Wspólna Droga');
  });
});

describe('the jobs report for funders', () => {
  const q = `?from=${typed(daysFrom(today, -800))}&to=${typed(today)}`;
  it('shows initials only and at-risk as yes/no', async () => {
    const b = await signedIn();
    const text = pageText(await (await b.get(`/app/wagrowiec/jobs/report${q}`)).text());
    expect(text).toContain('Raport miejsc pracy dla grantodawców');
    expect(text).toContain('Ogrodnik');
    expect(text).toContain('A. K.');
    expect(text).not.toContain('Anna Kaczmarek');
    expect(text).not.toMatch(/Osoba (długotrwale )?bezrobotna/);
  });

  it('downloads a real XLSX and PDF with the jobs, audited as an export', async () => {
    const b = await signedIn();
    const x = await b.get(`/app/wagrowiec/jobs/report/xlsx${q}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await x.arrayBuffer()) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Stanowisko');
    const values = ws.getSheetValues().flat().map(String);
    expect(values).toContain('Ogrodnik');
    expect(values).toContain('A. K.');
    expect(values).toContain('Razem');
    expect(values).not.toContain('Anna Kaczmarek');
    const p = await b.get(`/app/wagrowiec/jobs/report/pdf${q}`);
    expect(p.status).toBe(200);
    const bytes = new Uint8Array(await p.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'export.jobs_report'));
    expect(a!.n).toBeGreaterThanOrEqual(2);
  });

  it('lists the locality’s jobs with retention figures', async () => {
    const b = await signedIn(undefined, 'en');
    const text = pageText(await (await b.get('/app/wagrowiec/jobs')).text());
    expect(text).toContain('Kept at 12 months');
    expect(text).toContain('Jobs held by people at risk (at hiring)');
    expect(text).toMatch(/Obligation ends within 60 days\s+[1-9]/);
  });
});
