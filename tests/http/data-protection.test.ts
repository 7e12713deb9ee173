import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  erasureRequests,
  localities,
  participants,
  people,
  supportPlans,
  users,
} from '../../db/schema/index.ts';
import { seedDataProtection } from '../../db/seed/data-protection.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let poznanId: string;
let pzPerson: string;
let wgPerson: string;
/** Poznań participants without an open plan, to erase and to refuse. */
let free: { id: string; givenName: string; familyName: string }[];
let seeded: { personId: string }[];

beforeAll(async () => {
  t = await createDemoDatabase();
  const [pz] = await t.db
    .select({ id: localities.id, slug: localities.slug, name: localities.name })
    .from(localities)
    .where(eq(localities.slug, 'poznan'));
  poznanId = pz!.id;
  // Idempotent: a second run finds the request already pending.
  const coordinator = await t.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, 'koordynator.poznan@splot.demo'));
  await seedDataProtection(t.db, { poznan: { locality: pz!, coordinator: coordinator[0]! } });
  seeded = await t.db
    .select({ personId: erasureRequests.personId })
    .from(erasureRequests)
    .where(eq(erasureRequests.status, 'pending'));
  app = await createTestApp(testServices(t.db));
  const [self] = await t.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, 'uczestnik.poznan@splot.demo'));
  pzPerson = self!.id;
  const [wg] = await t.db
    .select({ id: participants.personId })
    .from(participants)
    .innerJoin(localities, eq(localities.id, participants.localityId))
    .where(eq(localities.slug, 'wagrowiec'))
    .limit(1);
  wgPerson = wg!.id;
  const open = await t.db
    .select({ personId: supportPlans.personId })
    .from(supportPlans)
    .where(and(eq(supportPlans.localityId, poznanId), ne(supportPlans.step, 'closed')));
  const withPlan = new Set(open.map((o) => o.personId));
  const rows = await t.db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(and(eq(participants.localityId, poznanId), isNull(people.erasedAt), isNull(people.userId)))
    .orderBy(people.familyName, people.givenName);
  const waiting = new Set(seeded.map((r) => r.personId));
  free = rows.filter((r) => !withPlan.has(r.id) && !waiting.has(r.id));
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
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);
async function audits(action: string, entityId: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return row!.n;
}

describe('a subject access request: staff download of a person’s data', () => {
  it('gives the coordinator all the data as JSON and as a real PDF, each download audited', async () => {
    const b = await signedIn();
    const before = await audits('participant.export', pzPerson);
    const res = await b.get(`/app/poznan/participants/${pzPerson}/data.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    expect(res.headers.get('Content-Disposition')).toContain('attachment');
    const json = JSON.parse(await res.text());
    expect(json).toMatchObject({ format: 'splot.person-data', version: 1, person: { id: pzPerson } });
    expect(json.participant).not.toBeNull();
    const pdf = await b.get(`/app/poznan/participants/${pzPerson}/data.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect(await audits('participant.export', pzPerson)).toBe(before + 2);
    const formats = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'participant.export'), eq(auditLog.entityId, pzPerson)));
    expect(formats.map((f) => f.details?.format).sort()).toEqual(['json', 'pdf']);
    // The exports are listed for the coordinator.
    const page = pageText(await (await b.get('/app/poznan/data-protection')).text());
    expect(page).toContain('Ostatnie pobrania danych osobowych');
    expect(page).toContain('PDF');
  });

  it('is refused to an advisor and an animator (audited), and knows nobody of another locality', async () => {
    for (const email of ['doradca@splot.demo', 'animator.poznan@splot.demo']) {
      const b = await signedIn(email);
      expect((await b.get(`/app/poznan/participants/${pzPerson}/data.json`)).status).toBe(403);
    }
    expect(await audits('participant.read_refused', pzPerson)).toBeGreaterThanOrEqual(2);
    const b = await signedIn();
    expect((await b.get(`/app/poznan/participants/${wgPerson}/data.pdf`)).status).toBe(404);
    expect((await b.get('/app/poznan/participants/not-a-uuid/data.json')).status).toBe(404);
  });
});

describe('the data-protection page', () => {
  it('is for the coordinator only', async () => {
    expect(
      (await (await signedIn('animator.poznan@splot.demo')).get('/app/poznan/data-protection')).status,
    ).toBe(403);
    expect((await (await signedIn('doradca@splot.demo')).get('/app/poznan/data-protection')).status).toBe(
      403,
    );
    const res = await (await signedIn()).get('/app/poznan/data-protection');
    expect(res.status).toBe(200);
    // A fixed handful of statements whatever the number of rows (session and actor included).
    expect(sqlStatements(res)).toBeLessThanOrEqual(12);
    const text = pageText(await res.text());
    expect(text).toContain('Ochrona danych osobowych');
    expect(text).toContain('Dane po okresie przechowywania');
    // The demo's request (db/seed/data-protection.ts) waits for a decision.
    expect(seeded).toHaveLength(1);
    expect(text).toContain('1 prośba czeka na decyzję');
    expect(text).toContain('Okres przechowywania: 5 lat');
    const en = pageText(
      await (await signedIn('koordynator.poznan@splot.demo', 'en'))
        .get('/app/poznan/data-protection')
        .then((r) => r.text()),
    );
    expect(en).toContain('Personal data protection');
    expect(en).toContain('Records past retention');
  });

  it('erases a person on request: a missing tick is explained, then the person is gone but counted', async () => {
    const target = free[0]!;
    const [req] = await t.db
      .insert(erasureRequests)
      .values({ localityId: poznanId, personId: target.id })
      .returning({ id: erasureRequests.id });
    const b = await signedIn();
    const page = pageText(await (await b.get('/app/poznan/data-protection')).text());
    expect(page).toContain(`${seeded.length + 1} prośb`);
    expect(page).toContain(`${target.familyName} ${target.givenName}`);
    const [{ n: participantsBefore }] = (await t.db
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.localityId, poznanId))) as [{ n: number }];

    const bad = await b.post('/app/poznan/data-protection', {
      intent: 'erase',
      personId: target.id,
      requestId: req!.id,
      note: '',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Potwierdź, że rozumiesz, że usunięcia nie można cofnąć');
    expect((await t.db.select().from(people).where(eq(people.id, target.id)))[0]?.erasedAt).toBeNull();

    const ok = await b.post('/app/poznan/data-protection', {
      intent: 'erase',
      personId: target.id,
      requestId: req!.id,
      note: 'Na prośbę osoby',
      confirm: 'yes',
    });
    expect(ok.status).toBe(302);
    const after = pageText(await (await b.get(ok.headers.get('Location')!)).text());
    expect(after).toContain('Dane osoby zostały usunięte');
    expect(after).toContain(
      seeded.length === 0 ? 'Żadna prośba nie czeka na decyzję' : `${seeded.length} prośb`,
    );
    expect(after).not.toContain(`${target.familyName} ${target.givenName}`);
    expect((await b.get(`/app/poznan/participants/${target.id}`)).status).toBe(404);
    const list = pageText(await (await b.get('/app/poznan/participants')).text());
    expect(list).not.toContain(`${target.familyName} ${target.givenName}`);
    const [{ n: participantsAfter }] = (await t.db
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.localityId, poznanId))) as [{ n: number }];
    expect(participantsAfter).toBe(participantsBefore);
    expect(await audits('participant.erased', target.id)).toBe(1);
    const [r] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, req!.id));
    expect(r?.status).toBe('done');
  });

  it('refuses a request with a reason, and never erases someone with an open plan', async () => {
    const target = free[1]!;
    const [req] = await t.db
      .insert(erasureRequests)
      .values({ localityId: poznanId, personId: target.id })
      .returning({ id: erasureRequests.id });
    const b = await signedIn();
    await b.get('/app/poznan/data-protection');
    const blank = await b.post('/app/poznan/data-protection', {
      intent: 'refuse',
      requestId: req!.id,
      reason: ' ',
    });
    expect(blank.status).toBe(400);
    expect(pageText(await blank.text())).toContain('Wpisz powód odmowy');
    const ok = await b.post('/app/poznan/data-protection', {
      intent: 'refuse',
      requestId: req!.id,
      reason: 'Dane są potrzebne do rozliczenia projektu do 2031 r.',
    });
    expect(ok.status).toBe(302);
    const [r] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, req!.id));
    expect(r).toMatchObject({
      status: 'refused',
      decisionNote: 'Dane są potrzebne do rozliczenia projektu do 2031 r.',
    });

    await t.db
      .insert(supportPlans)
      .values({ localityId: poznanId, personId: target.id, step: 'in_progress', startsOn: '2026-10-01' });
    const [req2] = await t.db
      .insert(erasureRequests)
      .values({ localityId: poznanId, personId: target.id })
      .returning({ id: erasureRequests.id });
    const page = pageText(await (await b.get('/app/poznan/data-protection')).text());
    expect(page).toContain('Tej osoby nie można usunąć, dopóki ma otwarty plan wsparcia');
    const refused = await b.post('/app/poznan/data-protection', {
      intent: 'erase',
      personId: target.id,
      requestId: req2!.id,
      confirm: 'yes',
    });
    expect(refused.status).toBe(422);
    expect(pageText(await refused.text())).toContain(
      'Tej osoby nie można usunąć, dopóki ma otwarty plan wsparcia',
    );
    expect((await t.db.select().from(people).where(eq(people.id, target.id)))[0]?.erasedAt).toBeNull();
    expect(await audits('erasure.refused', target.id)).toBeGreaterThanOrEqual(2);
  });

  it('does not let a coordinator of another locality erase here', async () => {
    const b = await signedIn('koordynator.wagrowiec@splot.demo');
    expect((await b.get('/app/poznan/data-protection')).status).toBe(404);
    await b.get('/app/wagrowiec/data-protection');
    const res = await b.post('/app/wagrowiec/data-protection', {
      intent: 'erase',
      personId: free[2]!.id,
      confirm: 'yes',
    });
    expect(res.status).toBe(404);
    expect((await t.db.select().from(people).where(eq(people.id, free[2]!.id)))[0]?.erasedAt).toBeNull();
  });
});
