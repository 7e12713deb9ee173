import { and, count, eq, isNull } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  programmeProgress,
  qualificationRule,
} from '../../app/features/education/leaders/qualification.server.ts';
import { auditLog, leaderQualifications, localities, people } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
}, 120_000);
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'koordynator.poznan@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
async function localityId(slug: string) {
  const [row] = await t.db.select({ id: localities.id }).from(localities).where(eq(localities.slug, slug));
  return row!.id;
}
async function audits(action: string, entityId?: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), ...(entityId ? [eq(auditLog.entityId, entityId)] : [])));
  return row!.n;
}
async function pdfText(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

async function candidates(slug: string) {
  const id = await localityId(slug);
  const rule = await qualificationRule(t.db);
  return (await programmeProgress(t.db, { localityId: id, rule })).filter((p) => !p.qualificationId);
}

describe('leader qualification', () => {
  it('lists qualified leaders with their certificates and who can be granted now', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/education/leaders');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Liderzy z kwalifikacją');
    expect(text).toMatch(/POZ\/\d{4}\/001/);
    expect(text).toContain('Można przyznać kwalifikację');
    expect(text).toContain('Przyznaj kwalifikację');
    expect(text).toContain('obecność na co najmniej 80% odbytych spotkań');
    expect(text).toContain('Jeszcze bez kwalifikacji (zakończone grupy)');
  });

  it('grants the qualification without JavaScript, with a numbered certificate and an audit row', async () => {
    const eligible = (await candidates('poznan')).find((p) => p.eligible)!;
    expect(eligible).toBeTruthy();
    const b = await signedIn();
    await b.get('/app/poznan/education/leaders');
    const before = await audits('education.leader_qualification.grant');
    const res = await b.post('/app/poznan/education/leaders', {
      intent: 'grant',
      groupId: eligible.groupId,
      personId: eligible.personId,
    });
    expect(res.status).toBe(302);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toMatch(/Przyznano kwalifikację lidera \(świadectwo nr POZ\/\d{4}\/\d{3}\)/);
    expect(await audits('education.leader_qualification.grant')).toBe(before + 1);
  });

  it('refuses a member who does not meet the rule and says what is missing, in Polish and English', async () => {
    const notYet = (await candidates('poznan')).find((p) => !p.eligible && p.missingModules.length > 0)!;
    const b = await signedIn();
    await b.get('/app/poznan/education/leaders');
    const fields = { intent: 'grant', groupId: notYet.groupId, personId: notYet.personId };
    const res = await b.post('/app/poznan/education/leaders', fields);
    expect(res.status).toBe(422);
    const text = pageText(await res.text());
    expect(text).toContain(`${notYet.personName} nie ma jeszcze kwalifikacji lidera`);
    expect(text).toContain('wymagane co najmniej 80%');
    expect(text).toContain(`Brakujące moduły: ${notYet.missingModules[0]!.title}`);
    const en = await signedIn('koordynator.poznan@splot.demo', 'en');
    await en.get('/app/poznan/education/leaders');
    const enText = pageText(await (await en.post('/app/poznan/education/leaders', fields)).text());
    expect(enText).toContain('is not yet a qualified leader');
    expect(enText).toContain('Missing modules:');
    const rows = await t.db
      .select({ n: count() })
      .from(leaderQualifications)
      .where(eq(leaderQualifications.personId, notYet.personId));
    expect(rows[0]!.n).toBe(0);
  });

  it('revokes a qualification with a reason (refused without one), and grants it again later', async () => {
    const pz = await localityId('poznan');
    const [q] = await t.db
      .select({
        id: leaderQualifications.id,
        personId: leaderQualifications.personId,
        groupId: leaderQualifications.groupId,
      })
      .from(leaderQualifications)
      .where(and(eq(leaderQualifications.localityId, pz), isNull(leaderQualifications.revokedAt)))
      .limit(1);
    const b = await signedIn();
    await b.get('/app/poznan/education/leaders');
    const missing = await b.post('/app/poznan/education/leaders', {
      intent: 'revoke',
      qualificationId: q!.id,
      reason: ' ',
    });
    expect(missing.status).toBe(400);
    expect(pageText(await missing.text())).toContain('Podaj powód cofnięcia kwalifikacji.');
    const [still] = await t.db
      .select({ at: leaderQualifications.revokedAt })
      .from(leaderQualifications)
      .where(eq(leaderQualifications.id, q!.id));
    expect(still!.at).toBeNull();

    const res = await b.post('/app/poznan/education/leaders', {
      intent: 'revoke',
      qualificationId: q!.id,
      reason: 'Przeprowadzka do innego województwa.',
    });
    expect(res.status).toBe(302);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toMatch(/Cofnięto kwalifikację lidera: .+ \(zaświadczenie [A-Z]+\/\d{4}\/\d{3}\)/);
    expect(await audits('education.leader_qualification.revoke', q!.id)).toBe(1);
    // Not a leader any more: offered again among those who meet the rule, and granted anew.
    const again = (await candidates('poznan')).find((p) => p.personId === q!.personId && p.eligible);
    expect(again).toBeTruthy();
    const regrant = await b.post('/app/poznan/education/leaders', {
      intent: 'grant',
      groupId: again!.groupId,
      personId: q!.personId,
    });
    expect(regrant.status).toBe(302);
    const [after] = await t.db
      .select({ at: leaderQualifications.revokedAt })
      .from(leaderQualifications)
      .where(eq(leaderQualifications.id, q!.id));
    expect(after!.at).toBeNull();
  });

  it('gives the certificate as a PDF in Polish and, on request, English; audited as an export', async () => {
    const [q] = await t.db
      .select({
        id: leaderQualifications.id,
        number: leaderQualifications.certificateNumber,
        given: people.givenName,
        family: people.familyName,
      })
      .from(leaderQualifications)
      .innerJoin(people, eq(people.id, leaderQualifications.personId))
      .where(
        and(
          eq(leaderQualifications.localityId, await localityId('poznan')),
          isNull(leaderQualifications.revokedAt),
        ),
      )
      .orderBy(leaderQualifications.certificateNumber)
      .limit(1);
    const b = await signedIn();
    const before = await audits('education.certificate.export', q!.id);
    const res = await b.get(`/app/poznan/education/leaders/${q!.id}/certificate.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/pdf');
    const pl = await pdfText(res);
    expect(pl).toContain('Świadectwo ukończenia programu dla liderów');
    expect(pl).toContain(`${q!.given} ${q!.family}`);
    expect(pl).toContain(q!.number);
    expect(pl).toContain('Budowanie lokalnych partnerstw');
    expect(pl).toContain('Godziny w programie');
    const en = await pdfText(await b.get(`/app/poznan/education/leaders/${q!.id}/certificate.pdf?lang=en`));
    expect(en).toContain("Certificate of completion of the leaders' programme");
    expect(en).toContain('Planned hours');
    expect(await audits('education.certificate.export', q!.id)).toBe(before + 2);
    // Another locality's coordinator: 404; a participant: 403.
    const wg = await signedIn('koordynator.wagrowiec@splot.demo');
    expect((await wg.get(`/app/wagrowiec/education/leaders/${q!.id}/certificate.pdf`)).status).toBe(404);
    const participant = await signedIn('uczestnik.poznan@splot.demo');
    expect((await participant.get(`/app/poznan/education/leaders/${q!.id}/certificate.pdf`)).status).toBe(
      403,
    );
    expect((await participant.get('/app/poznan/education/cascade')).status).toBe(403);
  });
});

describe('the cascade', () => {
  it('draws Poznań three generations as an accessible picture with the same data as tables', async () => {
    const b = await signedIn();
    const res = await b.get('/app/poznan/education/cascade');
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeLessThanOrEqual(6);
    const html = await res.text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="cascade-svg-title cascade-svg-desc"/);
    expect(html).toContain('<title id="cascade-svg-title">Kaskada liderów</title>');
    const text = pageText(html);
    for (const g of ['Pokolenie 1', 'Pokolenie 2', 'Pokolenie 3']) expect(text).toContain(g);
    expect(text).toContain('Wierność programowi');
    expect(text).toContain('Zasięg liderów');
    expect(text).toContain('Centrum');
  });

  it('shows one generation in Kwilcz and two in Wągrowiec, in English too', async () => {
    const kw = await signedIn('koordynator.kwilcz@splot.demo', 'en');
    const text = pageText(await (await kw.get('/app/kwilcz/education/cascade')).text());
    expect(text).toContain('Generation 1');
    expect(text).not.toContain('Generation 2');
    expect(text).toContain('Fidelity to the programme');
    expect(text).toContain("Leaders' reach");
    const wg = await signedIn('koordynator.wagrowiec@splot.demo');
    const wText = pageText(await (await wg.get('/app/wagrowiec/education/cascade')).text());
    expect(wText).toContain('Pokolenie 2');
    expect(wText).not.toContain('Pokolenie 3');
  });
});

describe('the roadmap learns from the data', () => {
  it('shows live counts of qualified leaders and self-education groups started', async () => {
    const b = await signedIn();
    const leaders = pageText(await (await b.get('/app/poznan/roadmap/leaders_trained')).text());
    expect(leaders).toMatch(/Z danych systemu: \d+ os(ób|oby|oba) z kwalifikacją lidera/);
    const groups = pageText(await (await b.get('/app/poznan/roadmap/study_groups_started')).text());
    expect(groups).toMatch(/Z danych systemu: \d+ grup(y)? samokształceniow/);
    const en = await signedIn('koordynator.kwilcz@splot.demo', 'en');
    const kText = pageText(await (await en.get('/app/kwilcz/roadmap/study_groups_started')).text());
    expect(kText).toContain("From the system's data: no self-education group has started yet");
    const kLeaders = pageText(await (await en.get('/app/kwilcz/roadmap/leaders_trained')).text());
    expect(kLeaders).toContain("From the system's data: 4 qualified leaders");
  });
});

describe('the locality dashboard', () => {
  it('shows the cascade by generation in figures, to every role of the locality', async () => {
    const text = pageText(await (await (await signedIn()).get('/app/poznan')).text());
    expect(text).toContain('Kaskada edukacji');
    expect(text).toMatch(/Pokolenie 1: \d+ lider(ów|a)?, \d+ grup/);
    expect(text).toMatch(/Pokolenie 3: /);
    expect(text).toContain('Zobacz kaskadę');
    const partner = pageText(
      await (await (await signedIn('partner.wagrowiec@splot.demo')).get('/app/wagrowiec')).text(),
    );
    expect(partner).toMatch(/Pokolenie 2: /);
    expect(partner).not.toContain('Zobacz kaskadę');
    const kwilcz = pageText(
      await (await (await signedIn('koordynator.kwilcz@splot.demo', 'en')).get('/app/kwilcz')).text(),
    );
    expect(kwilcz).toContain('The education cascade');
    expect(kwilcz).toMatch(/Generation 1: \d+ leaders?/);
  });
});
