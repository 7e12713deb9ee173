import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  enterpriseJobs,
  enterprises,
  legalParameters,
  localities,
  memberships,
  users,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeOrganisation } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();
let poznanEnterprise: string;
let memberEnterprise: string;

async function signedIn(email: string, lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
async function localityId(slug: string) {
  const [row] = await t.db.select({ id: localities.id }).from(localities).where(eq(localities.slug, slug));
  return row!.id;
}
async function audits(action: string) {
  const [row] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
  return row!.n;
}

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
  // A foundation in Poznań with 2 employees on employment contracts (one short of 3).
  const poznan = await localityId('poznan');
  const org = await makeOrganisation(t.db, {
    localityId: poznan,
    name: 'Fundacja Testowa Kuchnia',
    kind: 'foundation',
    legalForm: 'foundation',
  });
  const [e] = await t.db
    .insert(enterprises)
    .values({
      localityId: poznan,
      organisationId: org.id,
      psAims: ['reintegration'],
      registeredOn: '2024-01-10',
    })
    .returning({ id: enterprises.id });
  poznanEnterprise = e!.id;
  const job = (displayName: string, atRisk: boolean) => ({
    localityId: poznan,
    enterpriseId: poznanEnterprise,
    position: 'Kucharz',
    displayName,
    contractType: 'employment',
    fte: '1.00',
    startOn: '2024-02-01',
    atRiskCategory: atRisk ? 'long_term_unemployed' : null,
  });
  await t.db.insert(enterpriseJobs).values([job('A', true), job('B', false)]);
  // The enterprise the Wągrowiec enterprise member speaks for (seeded by the enterprises part, or made here).
  const [m] = await t.db
    .select({ organisationId: memberships.organisationId, localityId: memberships.localityId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(users.email, 'przedsiebiorstwo.wagrowiec@splot.demo'),
        eq(memberships.role, 'enterprise_member'),
      ),
    );
  const [existing] = await t.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.organisationId, m!.organisationId!));
  memberEnterprise =
    existing?.id ??
    (
      await t.db
        .insert(enterprises)
        .values({ localityId: m!.localityId, organisationId: m!.organisationId!, foundedBy: 'natural' })
        .returning({ id: enterprises.id })
    )[0]!.id;
});
afterAll(async () => {
  await t.dispose();
});

describe('the enterprise status page', () => {
  it('checks again on a plain POST and explains each criterion in Polish, with the source', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const url = `/app/poznan/enterprises/${poznanEnterprise}/status`;
    const before = pageText(await (await b.get(url)).text());
    expect(before).toContain('Warunki prawne: Fundacja Testowa Kuchnia');
    const res = await b.post(url, { intent: 'recheck' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(url);
    const text = pageText(await (await b.get(url)).text());
    expect(text).toContain('Sprawdzono ponownie: nie wszystkie warunki są spełnione.');
    expect(text).toContain('Niespełnione Zatrudnienie co najmniej 3 osób');
    expect(text).toContain(
      '2 z 3 wymaganych pracowników (umowa o pracę lub spółdzielcza umowa o pracę, co najmniej ½ etatu); brakuje 1.',
    );
    expect(text).toContain('Spełnione Forma prawna uprawniona do statusu przedsiębiorstwa społecznego');
    expect(text).toContain('art. 5 ust. 1');
    // ps.eligibleForms is not verified: the page says so.
    expect(text).toContain('Jeszcze niezweryfikowane w tekście ustawy.');
    expect(await audits('enterprise.status.recheck')).toBeGreaterThan(0);
    // The coordinators were told once, without personal data.
    const told = mail.sent.filter((s) => s.subject.includes('Fundacja Testowa Kuchnia'));
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((s) => !s.text.includes('Kucharz'))).toBe(true);
    const n = mail.sent.length;
    await b.post(url, { intent: 'recheck' });
    expect(mail.sent.length).toBe(n);
  });

  it('speaks English', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo', 'en');
    const text = pageText(await (await b.get(`/app/poznan/enterprises/${poznanEnterprise}/status`)).text());
    expect(text).toContain('Legal conditions: Fundacja Testowa Kuchnia');
    expect(text).toContain('Not met At least 3 employees');
    expect(text).toContain('2 of 3 required employees');
    expect(text).toContain('Check again');
  });

  it('is 404 for another locality and 403 for a role without access', async () => {
    const other = await signedIn('koordynator.wagrowiec@splot.demo');
    expect((await other.get(`/app/poznan/enterprises/${poznanEnterprise}/status`)).status).toBe(404);
    expect((await other.get(`/app/wagrowiec/enterprises/${poznanEnterprise}/status`)).status).toBe(404);
    expect(
      (await other.post(`/app/wagrowiec/enterprises/${poznanEnterprise}/status`, { intent: 'recheck' }))
        .status,
    ).toBe(404);
  });

  it('lets the enterprise member read their own check, without the button, and not re-check', async () => {
    const b = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    const url = `/app/wagrowiec/enterprises/${memberEnterprise}/status`;
    const res = await b.get(url);
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Warunki prawne');
    expect(text).not.toContain('Sprawdź ponownie');
    expect((await b.post(url, { intent: 'recheck' })).status).toBe(403);
  });
});

describe('the parameters page', () => {
  it('is for the platform admin only', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    expect((await b.get('/admin/parameters')).status).toBe(403);
    expect((await b.post('/admin/parameters', { intent: 'add', key: 'ps.minEmployees' })).status).toBe(403);
  });

  it('lists the dated parameters with source and verification', async () => {
    const b = await signedIn('admin@splot.demo');
    const text = pageText(await (await b.get('/admin/parameters')).text());
    expect(text).toContain('Parametry prawne');
    expect(text).toContain('ps.minEmployees');
    expect(text).toContain('coop.addMembersDeadline');
    expect(text).toContain('art. 5 ust. 1a');
    expect(text).toContain('nie – do sprawdzenia');
  });

  it('refuses bad JSON, a different shape and an earlier date with field errors, saving nothing', async () => {
    const b = await signedIn('admin@splot.demo');
    const rows = async () => (await t.db.select({ n: count() }).from(legalParameters))[0]!.n;
    const n = await rows();
    const bad = await b.post('/admin/parameters', {
      intent: 'add',
      key: 'ps.minEmployees',
      validFrom: '1.01.2027',
      value: '{min: 4}',
      source: 'Ustawa o ekonomii społecznej, art. 5 ust. 1',
    });
    expect(bad.status).toBe(400);
    const text = pageText(await bad.text());
    expect(text).toContain('To nie jest poprawny JSON');
    expect(text).toContain('Ustawa o ekonomii społecznej, art. 5 ust. 1');
    const shape = pageText(
      await (
        await b.post('/admin/parameters', {
          intent: 'add',
          key: 'ps.minEmployees',
          validFrom: '1.01.2020',
          value: '{"min": "4", "contractTypes": ["employment"], "minFte": 0.5}',
          source: '',
        })
      ).text(),
    );
    expect(shape).toContain('Wartość ma inny układ niż obecna: w miejscu „min” oczekiwano typu number.');
    expect(shape).toContain('Data musi być późniejsza niż początek obecnej wartości (30.10.2022).');
    expect(shape).toContain('Podaj źródło: akt prawny i artykuł.');
    expect(await rows()).toBe(n);
  });

  it('shows the field errors in English', async () => {
    const b = await signedIn('admin@splot.demo', 'en');
    const text = pageText(
      await (await b.post('/admin/parameters', { intent: 'add', key: '', validFrom: 'x', value: '' })).text(),
    );
    expect(text).toContain('Choose a parameter.');
    expect(text).toContain('Enter the date as day.month.year');
    expect(text).toContain('Enter the value as JSON.');
  });

  it('adds a dated value, closes the previous one, re-checks and says how many fail', async () => {
    const b = await signedIn('admin@splot.demo');
    const res = await b.post('/admin/parameters', {
      intent: 'add',
      key: 'ps.annualReport',
      validFrom: '1.01.2026',
      value: '{"dueMonth": 3, "dueDay": 31, "remindMonth": 2, "remindDay": 15}',
      source: 'Ustawa o ekonomii społecznej, art. 10 ust. 1',
      verified: 'on',
    });
    expect(res.status).toBe(302);
    const text = pageText(await (await b.get('/admin/parameters')).text());
    expect(text).toMatch(
      /Dodano nową wartość parametru ps\.annualReport\. Sprawdzono ponownie \d+ przedsiębiorstw\w*; warunków nie spełnia teraz \d+\./,
    );
    const rows = await t.db
      .select()
      .from(legalParameters)
      .where(eq(legalParameters.key, 'ps.annualReport'))
      .orderBy(desc(legalParameters.validFrom));
    expect(rows[0]).toMatchObject({ validFrom: '2026-01-01', validTo: null, verified: true });
    expect(rows[1]).toMatchObject({ validFrom: '2022-10-30', validTo: '2025-12-31' });
    expect(await audits('legal_parameter.add')).toBe(1);
  });
});
