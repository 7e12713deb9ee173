import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  businessOffers,
  fundingApplicationDocuments,
  fundingApplications,
  fundingSources,
  grantInstalments,
  grants,
  localities,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  process.env.DATA_DIR = `/tmp/splot-fin-http-${process.pid}`;
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
async function wagrowiec() {
  const [row] = await t.db
    .select({ id: localities.id })
    .from(localities)
    .where(eq(localities.slug, 'wagrowiec'));
  return row!.id;
}
async function upload(
  b: TestBrowser,
  url: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array },
) {
  const body = new FormData();
  body.set('_csrf', b.cookie('splot_csrf') ?? '');
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.set('file', new File([Buffer.from(file.bytes)], file.name));
  const jar = b as unknown as { header(): string; remember(res: Response): void };
  const res = await b.fetch(
    new Request(`http://localhost${url}`, {
      method: 'POST',
      headers: { Cookie: jar.header(), Origin: 'http://localhost' },
      body,
    }),
  );
  jar.remember(res);
  return res;
}

describe('the financing overview and grants', () => {
  it('shows applications, grants and sources in Polish and English', async () => {
    const text = pageText(await (await (await signedIn()).get('/app/wagrowiec/financing')).text());
    expect(text).toContain('Finansowanie');
    expect(text).toContain('Nabór OWES: dotacje na miejsca pracy (runda 3)');
    expect(text).toContain('planowany');
    expect(text).toContain('Dotacja OWES na utworzenie 2 miejsc pracy');
    expect(text).toContain('Fundusze Europejskie dla Wielkopolski (EFS+) — przez OWES');
    const en = pageText(
      await (await (await signedIn(undefined, 'en')).get('/app/wagrowiec/financing')).text(),
    );
    expect(en).toContain('Grants received');
    expect(en).toContain('bridging support (monthly)');
  });

  it('shows a job-creation grant with its jobs against the obligation, and a bridging schedule', async () => {
    const b = await signedIn();
    const [g] = await t.db
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.localityId, await wagrowiec()), eq(grants.kind, 'job_creation')));
    const text = pageText(await (await b.get(`/app/wagrowiec/financing/grants/${g!.id}`)).text());
    expect(text).toContain('Utrzymanie 2 miejsc pracy');
    expect(text).toMatch(/2 miejsca pracy, razem [\d,]+ etatu/);
    const [br] = await t.db
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.localityId, await wagrowiec()), eq(grants.kind, 'bridging')));
    const bridging = pageText(await (await b.get(`/app/wagrowiec/financing/grants/${br!.id}`)).text());
    expect(bridging).toContain('6 rat');
    expect(bridging).toContain('2500,00 zł');
  });

  it('marks an instalment paid; a payment date in the future is refused', async () => {
    const b = await signedIn();
    const [br] = await t.db
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.localityId, await wagrowiec()), eq(grants.kind, 'bridging')));
    const url = `/app/wagrowiec/financing/grants/${br!.id}`;
    const [unpaid] = await t.db
      .select({ id: grantInstalments.id })
      .from(grantInstalments)
      .where(and(eq(grantInstalments.grantId, br!.id), isNull(grantInstalments.paidOn)))
      .orderBy(grantInstalments.dueOn)
      .limit(1);
    const future = await b.post(url, { instalmentId: unpaid!.id, paidOn: '1.1.2099' });
    expect(future.status).toBe(400);
    expect(pageText(await future.text())).toContain('Data wypłaty nie może być z przyszłości.');
    const ok = await b.post(url, { instalmentId: unpaid!.id, paidOn: '1.11.2026' });
    expect(ok.status).toBe(302);
    expect(pageText(await (await b.get(url)).text())).toContain('Wypłacono 7500,00 zł z 15 000,00 zł.');
  });

  it('changes the unpaid part of a schedule: a sum short of what remains is refused in words, paid instalments stay', async () => {
    const b = await signedIn();
    const [br] = await t.db
      .select({ id: grants.id, amountPln: grants.amountPln })
      .from(grants)
      .where(and(eq(grants.localityId, await wagrowiec()), eq(grants.kind, 'bridging')));
    const url = `/app/wagrowiec/financing/grants/${br!.id}`;
    const rows = () =>
      t.db
        .select({
          dueOn: grantInstalments.dueOn,
          amountPln: grantInstalments.amountPln,
          paidOn: grantInstalments.paidOn,
        })
        .from(grantInstalments)
        .where(eq(grantInstalments.grantId, br!.id))
        .orderBy(grantInstalments.dueOn);
    const before = await rows();
    const paid = before.filter((r) => r.paidOn);
    const remaining = Number(br!.amountPln) - paid.reduce((s, r) => s + Number(r.amountPln), 0);
    expect(remaining).toBeGreaterThan(1000);
    const page = pageText(await (await b.get(url)).text());
    expect(page).toContain('Zmień harmonogram rat niewypłaconych');

    const short = await b.post(url, {
      intent: 'reschedule',
      dueOn_0: '15.01.2027',
      amount_0: '1000,00',
    });
    expect(short.status).toBe(400);
    expect(pageText(await short.text()).replace(/\u00a0/g, ' ')).toContain(
      'Raty sumują się do 1000,00 zł, a do wypłaty pozostaje',
    );
    expect(await rows()).toEqual(before);

    const ok = await b.post(url, { intent: 'reschedule', months: '3', firstDueOn: '15.01.2027' });
    expect(ok.status).toBe(302);
    const after = await rows();
    expect(after.filter((r) => r.paidOn)).toEqual(paid);
    const fresh = after.filter((r) => !r.paidOn);
    expect(fresh.map((r) => r.dueOn)).toEqual(['2027-01-15', '2027-02-15', '2027-03-15']);
    expect(fresh.reduce((s, r) => s + Math.round(Number(r.amountPln) * 100), 0)).toBe(
      Math.round(remaining * 100),
    );
    expect(pageText(await (await b.get(url)).text())).toContain('Zapisano nowy harmonogram rat.');
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'grant.schedule.change'), eq(auditLog.entityId, br!.id)));
    expect((entry!.details as { after: unknown[] }).after).toHaveLength(3);
  });

  it('refuses a schedule that does not add up, with the amounts in words; accepts one that does (decimal comma)', async () => {
    const b = await signedIn();
    const loc = await wagrowiec();
    const [src] = await t.db
      .select({ id: fundingSources.id })
      .from(fundingSources)
      .where(eq(fundingSources.localityId, loc))
      .limit(1);
    const form = await (await b.get('/app/wagrowiec/financing/grants/new')).text();
    const enterpriseId = /name="enterpriseId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(form)![1]!;
    const fields = {
      sourceId: src!.id,
      enterpriseId,
      kind: 'other',
      title: 'Grant testowy',
      amountPln: '15 000,00',
      awardedOn: '1.10.2026',
      dueOn_0: '1.11.2026',
      amount_0: '12 000,00',
    };
    const bad = await b.post('/app/wagrowiec/financing/grants/new', fields);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Grant testowy"');
    const text = pageText(html);
    expect(text).toContain(
      'Raty sumują się do 12 000,00 zł, a dotacja wynosi 15 000,00 zł: brakuje 3000,00 zł.',
    );
    const en = await signedIn(undefined, 'en');
    const badEn = pageText(await (await en.post('/app/wagrowiec/financing/grants/new', fields)).text());
    expect(badEn).toContain(
      'The instalments add up to PLN 12,000.00, the grant is PLN 15,000.00: PLN 3,000.00 missing.',
    );
    const ok = await b.post('/app/wagrowiec/financing/grants/new', {
      ...fields,
      dueOn_1: '1.12.2026',
      amount_1: '3000',
    });
    expect(ok.status).toBe(302);
    const page = pageText(await (await b.get(ok.headers.get('location')!)).text());
    expect(page).toContain('Grant testowy');
    expect(page).toContain('2 raty');
  });

  it('lets an enterprise member read their enterprise grants only; another locality gets 404', async () => {
    const member = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    const res = await member.get('/app/wagrowiec/financing');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Dotacja OWES na utworzenie 2 miejsc pracy');
    expect(text).not.toContain('Nabór OWES');
    expect((await member.get('/app/wagrowiec/financing/applications/new')).status).toBe(403);
    const other = await signedIn('koordynator.poznan@splot.demo');
    expect((await other.get('/app/wagrowiec/financing')).status).toBe(404);
    const [g] = await t.db
      .select({ id: grants.id })
      .from(grants)
      .where(eq(grants.localityId, await wagrowiec()))
      .limit(1);
    expect((await other.get(`/app/poznan/financing/grants/${g!.id}`)).status).toBe(404);
  });
});

describe('an application', () => {
  it('refuses a forbidden upload and submitting without documents; submits once a PDF is attached', async () => {
    const b = await signedIn();
    const [app] = await t.db
      .select({ id: fundingApplications.id })
      .from(fundingApplications)
      .where(
        and(eq(fundingApplications.localityId, await wagrowiec()), eq(fundingApplications.status, 'planned')),
      )
      .limit(1);
    const url = `/app/wagrowiec/financing/applications/${app!.id}`;
    const noDoc = await b.post(url, { intent: 'submit', submittedOn: '1.11.2026' });
    expect(noDoc.status).toBe(422);
    expect(pageText(await noDoc.text())).toContain('Brakuje dokumentu: dołącz co najmniej jeden dokument');
    const exe = await upload(
      b,
      url,
      { intent: 'upload' },
      { name: 'makro.exe', bytes: new Uint8Array([77, 90, 0]) },
    );
    expect(exe.status).toBe(400);
    expect(pageText(await exe.text())).toContain(
      'Tego rodzaju pliku nie można dołączyć. Dozwolone: PDF, DOC, DOCX',
    );
    const pdf = await upload(
      b,
      url,
      { intent: 'upload' },
      { name: 'wniosek.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
    );
    expect(pdf.status).toBe(302);
    const ok = await b.post(url, { intent: 'submit', submittedOn: '1.11.2026' });
    expect(ok.status).toBe(302);
    const page = pageText(await (await b.get(url)).text());
    expect(page).toContain('złożony');
    expect(page).toContain('wniosek.pdf');
  });

  it('removes a document added by mistake only when confirmed; the file is gone and the removal audited', async () => {
    const b = await signedIn();
    const [app] = await t.db
      .select({ id: fundingApplications.id })
      .from(fundingApplications)
      .where(eq(fundingApplications.localityId, await wagrowiec()))
      .limit(1);
    const url = `/app/wagrowiec/financing/applications/${app!.id}`;
    const added = await upload(
      b,
      url,
      { intent: 'upload' },
      { name: 'pomylka.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') },
    );
    expect(added.status).toBe(302);
    const [doc] = await t.db
      .select({ id: fundingApplicationDocuments.id })
      .from(fundingApplicationDocuments)
      .where(eq(fundingApplicationDocuments.fileName, 'pomylka.pdf'));
    const fileUrl = `${url}/documents/${doc!.id}`;
    expect((await b.get(fileUrl)).status).toBe(200);

    const unconfirmed = await b.post(url, { intent: 'removeDocument', documentId: doc!.id });
    expect(unconfirmed.status).toBe(400);
    expect(pageText(await unconfirmed.text())).toContain('Zaznacz potwierdzenie, aby usunąć plik');
    expect((await b.get(fileUrl)).status).toBe(200);

    const removed = await b.post(url, { intent: 'removeDocument', documentId: doc!.id, confirm: 'on' });
    expect(removed.status).toBe(302);
    const after = pageText(await (await b.get(url)).text());
    expect(after).toContain('Usunięto dokument.');
    expect(after).not.toContain('pomylka.pdf');
    expect((await b.get(fileUrl)).status).toBe(404);
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'funding.document.remove'), eq(auditLog.entityId, app!.id)));
    expect(entry!.details).toMatchObject({ fileName: 'pomylka.pdf' });
  });
});

describe("business partners' offers", () => {
  it('lets a partner representative edit their own organisation offer, not another one (403), nor another place (404)', async () => {
    const partner = await signedIn('partner.wagrowiec@splot.demo');
    const loc = await wagrowiec();
    const [own] = await t.db
      .select()
      .from(businessOffers)
      .where(and(eq(businessOffers.localityId, loc), eq(businessOffers.kind, 'premises')));
    const [other] = await t.db
      .select({ id: businessOffers.id })
      .from(businessOffers)
      .where(and(eq(businessOffers.localityId, loc), eq(businessOffers.kind, 'mentoring')));
    expect((await partner.get(`/app/wagrowiec/offers/${own!.id}`)).status).toBe(200);
    const saved = await partner.post(`/app/wagrowiec/offers/${own!.id}`, {
      organisationId: own!.organisationId,
      kind: 'premises',
      title: 'Sala parafialna (3 dni w tygodniu)',
      valuePln: '1 500,50',
      validFrom: own!.validFrom,
      status: 'open',
    });
    expect(saved.status).toBe(302);
    const list = pageText(await (await partner.get('/app/wagrowiec/offers')).text());
    expect(list).toContain('Sala parafialna (3 dni w tygodniu)');
    expect(list).toContain('1500,50 zł');
    expect((await partner.get(`/app/wagrowiec/offers/${other!.id}`)).status).toBe(403);
    expect((await partner.post(`/app/wagrowiec/offers/${other!.id}`, { title: 'x' })).status).toBe(403);
    expect((await partner.get(`/app/poznan/offers/${own!.id}`)).status).toBe(404);
  });

  it('shows enterprise members the open offers only', async () => {
    const member = await signedIn('przedsiebiorstwo.wagrowiec@splot.demo');
    const text = pageText(await (await member.get('/app/wagrowiec/offers')).text());
    expect(text).toContain('Mentoring księgowy');
    expect(text).not.toContain('Przekazanie używanego sprzętu biurowego');
  });
});
