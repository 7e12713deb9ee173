import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseJobs, enterprises } from '../../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/db.ts';
import { recordingMail } from '../../../../tests/setup/services.ts';
import { loadEnterpriseParameters, recheckAllEnterprises, recheckEnterprise } from './legal.server.ts';

let t: TestDatabase;
const BASE = 'https://splot.example';
const TODAY = '2026-06-01';
let localityId: string;
let otherLocalityId: string;
let enterpriseId: string;
let emptyId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const loc = await makeLocality(t.db, { terytCode: '3028011' });
  const other = await makeLocality(t.db, { terytCode: '3064011' });
  localityId = loc.id;
  otherLocalityId = other.id;
  await makeUser(t.db, { email: 'koordynator@example.test', roles: [{ localityId, role: 'coordinator' }] });
  await makeUser(t.db, {
    email: 'inny@example.test',
    roles: [{ localityId: other.id, role: 'coordinator' }],
  });
  const org = await makeOrganisation(t.db, {
    localityId,
    name: 'Fundacja Pracownia',
    kind: 'foundation',
    legalForm: 'foundation',
  });
  const [e] = await t.db
    .insert(enterprises)
    .values({ localityId, organisationId: org.id, psAims: ['reintegration'], registeredOn: '2024-01-10' })
    .returning({ id: enterprises.id });
  enterpriseId = e!.id;
  const job = (displayName: string, atRisk: boolean) => ({
    localityId,
    enterpriseId,
    position: 'Kucharz',
    displayName,
    contractType: 'employment',
    fte: '1.00',
    startOn: '2025-01-01',
    atRiskCategory: atRisk ? 'long_term_unemployed' : null,
  });
  await t.db.insert(enterpriseJobs).values([job('A', true), job('B', false), job('C', false)]);
  const emptyOrg = await makeOrganisation(t.db, {
    localityId,
    name: 'Spółdzielnia Socjalna Pusta',
    kind: 'social_coop',
    legalForm: 'social_cooperative',
  });
  const [empty] = await t.db
    .insert(enterprises)
    .values({ localityId, organisationId: emptyOrg.id, foundedBy: 'natural', psAims: ['social_services'] })
    .returning({ id: enterprises.id });
  emptyId = empty!.id;
});

afterAll(async () => {
  await t.dispose();
});

describe('loadEnterpriseParameters', () => {
  it('loads every parameter of the checks from the migration', async () => {
    const p = await loadEnterpriseParameters(t.db, TODAY);
    expect(p.minEmployees.value).toEqual({
      min: 3,
      contractTypes: ['employment', 'cooperative_employment'],
      minFte: 0.5,
    });
    expect(p.minAtRiskShare.value.minShare).toBe(0.3);
    expect(p.annualReport.verified).toBe(false);
    expect(p.coopFounders.source).toContain('art. 5 ust. 1');
  });
});

describe('recheckEnterprise', () => {
  it('stores a passing check and sends no e-mail', async () => {
    const mail = recordingMail();
    const check = await recheckEnterprise(t.db, {
      enterpriseId,
      localityId,
      today: TODAY,
      mail,
      baseUrl: BASE,
    });
    expect(check?.passed).toBe(true);
    const [row] = await t.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(row?.lastCheckPassed).toBe(true);
    expect(row?.lastCheckAt).not.toBeNull();
    expect((row!.lastCheck as { results: { rule: string }[] }).results.map((r) => r.rule)).toContain(
      'ps.minEmployees',
    );
    expect(mail.sent).toHaveLength(0);
  });

  it('e-mails the coordinators once when it newly fails, not again on repeat, and again after passing', async () => {
    await t.db.update(enterpriseJobs).set({ endOn: '2026-05-31' }).where(eq(enterpriseJobs.displayName, 'C'));
    const mail = recordingMail();
    const check = await recheckEnterprise(t.db, {
      enterpriseId,
      localityId,
      today: TODAY,
      mail,
      baseUrl: BASE,
    });
    expect(check?.passed).toBe(false);
    expect(mail.sent).toHaveLength(1);
    const [sent] = mail.sent;
    expect(sent?.to).toBe('koordynator@example.test');
    expect(sent?.subject).toContain('Fundacja Pracownia');
    expect(sent?.text).toContain('2 z 3 wymaganych pracowników');
    expect(sent?.text).toContain(`${BASE}/app/`);
    expect(sent?.text).not.toContain('Kucharz');
    const [row] = await t.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(row?.lastCheckPassed).toBe(false);
    expect(row?.failureNotifiedAt).not.toBeNull();

    await recheckEnterprise(t.db, { enterpriseId, localityId, today: TODAY, mail, baseUrl: BASE });
    expect(mail.sent).toHaveLength(1);

    await t.db.update(enterpriseJobs).set({ endOn: null }).where(eq(enterpriseJobs.displayName, 'C'));
    await recheckEnterprise(t.db, { enterpriseId, localityId, today: TODAY, mail, baseUrl: BASE });
    const [passing] = await t.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(passing?.failureNotifiedAt).toBeNull();
    await t.db.update(enterpriseJobs).set({ endOn: '2026-05-31' }).where(eq(enterpriseJobs.displayName, 'C'));
    await recheckEnterprise(t.db, { enterpriseId, localityId, today: TODAY, mail, baseUrl: BASE });
    expect(mail.sent).toHaveLength(2);
    await t.db.update(enterpriseJobs).set({ endOn: null }).where(eq(enterpriseJobs.displayName, 'C'));
  });

  it('tolerates an enterprise without members or jobs, and another locality gets null', async () => {
    const mail = recordingMail();
    const check = await recheckEnterprise(t.db, {
      enterpriseId: emptyId,
      localityId,
      today: TODAY,
      mail,
      baseUrl: BASE,
    });
    expect(check?.passed).toBe(false);
    expect(
      await recheckEnterprise(t.db, {
        enterpriseId: emptyId,
        localityId: otherLocalityId,
        today: TODAY,
        mail,
        baseUrl: BASE,
      }),
    ).toBeNull();
  });
});

describe('recheckAllEnterprises', () => {
  it('checks every enterprise of the locality and counts the failing ones', async () => {
    const mail = recordingMail();
    const summary = await recheckAllEnterprises(t.db, { today: TODAY, mail, baseUrl: BASE, localityId });
    expect(summary.checked).toBe(2);
    expect(summary.failing).toBe(1);
    // The empty cooperative was already reported above.
    expect(summary.newlyFailing).toBe(0);
    expect(mail.sent).toHaveLength(0);
  });
});
