import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getI18n } from '../../app/lib/i18n/i18n.ts';
import {
  localities,
  localProblems,
  memberships,
  organisations,
  partnershipMembers,
  partnerships,
  programmeItems,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeOrganisation, makeUser } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const ids = { wagrowiec: '', poznan: '', wagrowiecLocality: '', kwilczLocality: '' };
const REP = 'razem.wagrowiec@example.test';

async function localityId(slug: string) {
  const [row] = await t.db.select({ id: localities.id }).from(localities).where(eq(localities.slug, slug));
  return row!.id;
}
async function partnershipOf(slug: string) {
  const [row] = await t.db
    .select({ id: partnerships.id })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.localityId))
    .where(eq(localities.slug, slug));
  return row!.id;
}
async function itemId(title: string) {
  const [row] = await t.db
    .select({ id: programmeItems.id })
    .from(programmeItems)
    .where(eq(programmeItems.title, title));
  if (!row) throw new Error(`No item ${title}`);
  return row.id;
}
async function item(id: string) {
  const [row] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, id));
  return row!;
}
async function orgId(name: string, slug: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.name, name), eq(organisations.localityId, await localityId(slug))));
  return row!.id;
}
/** Wągrowiec's tasks now (the meetings seed may add some from decisions), as the page counts them. */
async function wagrowiecTasks() {
  const rows = await t.db
    .select({ status: programmeItems.status })
    .from(programmeItems)
    .where(and(eq(programmeItems.partnershipId, ids.wagrowiec), eq(programmeItems.level, 'task')));
  const live = rows.filter((r) => r.status !== 'cancelled');
  return { tasks: live.length, done: live.filter((r) => r.status === 'done').length };
}
async function itemCount() {
  return (await t.db.select({ n: count() }).from(programmeItems))[0]!.n;
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

/** A form post with repeated fields (ticked checkboxes), as a browser sends it. */
async function postPairs(b: TestBrowser, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams(pairs);
  body.set('_csrf', b.cookie('splot_csrf') ?? '');
  const cookie = ['splot_session', 'splot_csrf', 'splot_lang']
    .filter((n) => b.cookie(n))
    .map((n) => `${n}=${encodeURIComponent(b.cookie(n)!)}`)
    .join('; ');
  return b.fetch(
    new Request(`http://localhost${url}`, {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost',
      },
      body,
    }),
  );
}

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  ids.wagrowiec = await partnershipOf('wagrowiec');
  ids.poznan = await partnershipOf('poznan');
  ids.wagrowiecLocality = await localityId('wagrowiec');
  ids.kwilczLocality = await localityId('kwilcz');
  // A partner representative speaking for the association "Razem" in Wągrowiec.
  const rep = await makeUser(t.db, {
    email: REP,
    name: 'Renata Razem',
    password: DEMO_PASSWORD,
    roles: [{ localityId: ids.wagrowiecLocality, role: 'partner_rep' }],
  });
  await t.db
    .update(memberships)
    .set({
      organisationId: await orgId('Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”', 'wagrowiec'),
    })
    .where(eq(memberships.userId, rep.id));
});
afterAll(async () => {
  await t.dispose();
});

const coordinator = async (slug = 'wagrowiec', lang?: 'en') => {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(`koordynator.${slug}@splot.demo`, DEMO_PASSWORD);
  return b;
};
const programmeUrl = (slug = 'wagrowiec', id = ids.wagrowiec) => `/app/${slug}/partnerships/${id}/programme`;

describe('the programme page', () => {
  it('shows the tree in Polish: progress, overdue in words, responsible, indicators and problems', async () => {
    const b = await coordinator();
    const res = await b.get(programmeUrl());
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Program działania');
    expect(text).toContain('Cel 1: Osoby długotrwale bezrobotne wracają do pracy');
    expect(text).toContain('Działanie 1.1 Klub samopomocowy w domu kultury');
    expect(text).toContain('Zadanie 1.1.3 Nabór uczestników przez pracowników socjalnych');
    const { tasks, done } = await wagrowiecTasks();
    expect(tasks).toBeGreaterThanOrEqual(20);
    expect(text).toContain(getI18n('pl').t('programme.counts', { goals: 3, tasks, done }));
    expect(getI18n('pl').t('programme.counts', { goals: 3, tasks: 20, done: 6 })).toBe(
      '3 cele · 20 zadań, w tym 6 wykonanych.',
    );
    expect(text).toContain('4 zadania po terminie');
    expect(text).toContain('Po terminie');
    expect(text).toContain('Tomasz Wiśniewski');
    expect(text).toContain('Osoby, które podjęły pracę: osiągnięto 4 z 15 osób');
    expect(text).toContain('Długotrwałe bezrobocie kobiet po 50. roku życia');
    expect(text).toContain('(wyliczone z zadań)');
    expect(sqlStatements(res)).toBeLessThanOrEqual(10);
  });

  it('speaks English when asked', async () => {
    const b = await coordinator('wagrowiec', 'en');
    const text = pageText(await (await b.get(programmeUrl())).text());
    expect(text).toContain('Programme of action');
    expect(text).toContain('Goal 1: Osoby długotrwale bezrobotne wracają do pracy');
    const { tasks, done } = await wagrowiecTasks();
    expect(text).toContain(getI18n('en').t('programme.counts', { goals: 3, tasks, done }));
    expect(text).toContain('4 tasks overdue');
    expect(text).toContain('Overdue');
    expect(text).toContain('4 of 15 osób achieved');
  });

  it('filters: overdue only, by status, by responsible organisation', async () => {
    const b = await coordinator();
    const overdue = pageText(await (await b.get(`${programmeUrl()}?overdue=1`)).text());
    expect(overdue).toContain('Nabór uczestników przez pracowników socjalnych');
    expect(overdue).toContain('Sześć spotkań kursu liderów');
    expect(overdue).not.toContain('Podpisać umowę użyczenia sali w domu kultury');
    expect(overdue).not.toContain('Staże u partnerów dla pięciu uczestników');
    const done = pageText(await (await b.get(`${programmeUrl()}?status=done`)).text());
    expect(done).toContain('Podpisać umowę użyczenia sali w domu kultury');
    expect(done).not.toContain('Sześć spotkań kursu liderów');
    const pup = await orgId('Powiatowy Urząd Pracy w Wągrowcu', 'wagrowiec');
    const byOrg = pageText(await (await b.get(`${programmeUrl()}?organisation=${pup}`)).text());
    expect(byOrg).toContain('Warsztaty pisania CV i rozmowy kwalifikacyjnej');
    expect(byOrg).not.toContain('Sześć spotkań kursu liderów');
  });

  it('summarises the programme on the partnership page, with a link to it and to the public page', async () => {
    const b = await coordinator();
    const res = await b.get(`/app/wagrowiec/partnerships/${ids.wagrowiec}`);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain('Program działania');
    const { tasks, done } = await wagrowiecTasks();
    expect(text).toContain(getI18n('pl').t('programme.summary.tasks', { tasks, done }));
    expect(text).toContain('4 zadania po terminie');
    expect(text).toContain('Lokalni liderzy prowadzą grupy samokształceniowe');
    expect(html).toContain(`href="${programmeUrl()}"`);
    expect(html).toContain(`href="/p/wagrowiec/partnerships/${ids.wagrowiec}/progress"`);
  });
});

describe('forms without JavaScript', () => {
  it('adds a task with two linked problems, after explaining bad dates and another locality’s organisation', async () => {
    const b = await coordinator();
    const action = await itemId('Giełda pracy partnerstwa');
    const form = await b.get(`${programmeUrl()}/new?level=task&parent=${action}`);
    expect(form.status).toBe(200);
    const formText = pageText(await form.text());
    expect(formText).toContain('Dodaj zadanie');
    expect(formText).toContain('Długotrwałe bezrobocie kobiet po 50. roku życia');
    // Residents' reports waiting for moderation are not offered.
    expect(formText).not.toContain('Zaniedbane podwórko przy ul. Kcyńskiej');
    const before = await itemCount();
    const url = `${programmeUrl()}/new`;
    const base = { level: 'task', parentId: action, title: 'Plakaty o giełdzie w sklepach' };
    const dates = await b.post(url, { ...base, startsOn: '10.03.2027', dueOn: '1.03.2027' });
    expect(dates.status).toBe(422);
    const datesHtml = await dates.text();
    expect(pageText(datesHtml)).toContain(
      'Termin zakończenia nie może być wcześniejszy niż data rozpoczęcia.',
    );
    expect(datesHtml).toContain('value="Plakaty o giełdzie w sklepach"');
    const poznanOrg = await orgId('Fundacja Wspólna Droga', 'poznan');
    const foreign = await b.post(url, { ...base, responsibleOrganisationId: poznanOrg });
    expect(foreign.status).toBe(422);
    expect(pageText(await foreign.text())).toContain(
      'Odpowiedzialna organizacja musi być członkiem tego partnerstwa',
    );
    expect(await itemCount()).toBe(before);

    const problems = await t.db
      .select({ id: localProblems.id })
      .from(localProblems)
      .where(and(eq(localProblems.localityId, ids.wagrowiecLocality), eq(localProblems.status, 'open')));
    const cis = await orgId('Centrum Integracji Społecznej w Wągrowcu', 'wagrowiec');
    const ok = await postPairs(b, url, [
      ['level', 'task'],
      ['parentId', action],
      ['title', 'Plakaty o giełdzie w sklepach'],
      ['responsibleOrganisationId', cis],
      ['startsOn', '1.03.2027'],
      ['dueOn', '10.03.2027'],
      ['problemIds', problems[0]!.id],
      ['problemIds', problems[1]!.id],
    ]);
    expect(ok.status).toBe(302);
    const id = await itemId('Plakaty o giełdzie w sklepach');
    expect(ok.headers.get('Location')).toBe(`${programmeUrl()}#item-${id}`);
    expect(await itemCount()).toBe(before + 1);
    const detail = pageText(await (await b.get(`${programmeUrl()}/${id}`)).text());
    expect(detail).toContain('Centrum Integracji Społecznej w Wągrowcu');
    expect(detail).toContain('1.03.2027');
  });

  it('explains bad input in English too', async () => {
    const b = await coordinator('wagrowiec', 'en');
    const res = await b.post(`${programmeUrl()}/new`, {
      level: 'task',
      parentId: await itemId('Giełda pracy partnerstwa'),
      title: 'X',
      startsOn: '10.03.2027',
      dueOn: '1.03.2027',
    });
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain('The due date cannot be earlier than the start date.');
    const empty = await b.post(`${programmeUrl()}/new`, { level: 'goal', title: '' });
    expect(empty.status).toBe(400);
    expect(pageText(await empty.text())).toContain('Enter a title');
  });

  it('edits an item and cancels it only after confirming', async () => {
    const b = await coordinator();
    const id = await itemId('Podsumować giełdę i przekazać wyniki do PUP');
    const edit = await (await b.get(`${programmeUrl()}/${id}/edit`)).text();
    const version = /name="version" value="(\d+)"/.exec(edit)![1]!;
    const saved = await b.post(`${programmeUrl()}/${id}/edit`, {
      level: 'task',
      parentId: await itemId('Giełda pracy partnerstwa'),
      title: 'Podsumować giełdę i wysłać wyniki do PUP',
      responsibleOrganisationId: await orgId('Centrum Integracji Społecznej w Wągrowcu', 'wagrowiec'),
      status: 'planned',
      progress: '0',
      version,
    });
    expect(saved.status).toBe(302);
    expect((await item(id)).title).toBe('Podsumować giełdę i wysłać wyniki do PUP');

    const confirm = pageText(await (await b.get(`${programmeUrl()}/${id}?confirm=cancel`)).text());
    expect(confirm).toContain('Czy na pewno anulować „Podsumować giełdę i wysłać wyniki do PUP”?');
    const cancelled = await b.post(`${programmeUrl()}/${id}`, { intent: 'cancel' });
    expect(cancelled.status).toBe(302);
    expect((await item(id)).status).toBe('cancelled');
    expect(pageText(await (await b.get(cancelled.headers.get('Location')!)).text())).toContain(
      'Pozycja została anulowana.',
    );
  });
});

describe('a partner representative', () => {
  it('updates the status and progress of their organisation’s task, and nothing else', async () => {
    const b = new TestBrowser(app);
    await b.signIn(REP, DEMO_PASSWORD);
    const own = await itemId('Uruchomić grupę „Cyfrowy senior”');
    const page = await b.get(`${programmeUrl()}/${own}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(pageText(html)).toContain('Zgłoś postęp');
    expect(pageText(html)).not.toContain('Anuluj zadanie');
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const bad = await b.post(`${programmeUrl()}/${own}`, {
      intent: 'progress',
      status: 'in_progress',
      progress: '130',
      version,
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Postęp to liczba od 0 do 100');
    const res = await b.post(`${programmeUrl()}/${own}`, {
      intent: 'progress',
      status: 'in_progress',
      progress: '30',
      indicatorActual: '',
      version,
    });
    expect(res.status).toBe(302);
    expect(await item(own)).toMatchObject({ status: 'in_progress', progress: 30 });

    const other = await itemId('Warsztaty pisania CV i rozmowy kwalifikacyjnej');
    const otherPage = pageText(await (await b.get(`${programmeUrl()}/${other}`)).text());
    expect(otherPage).not.toContain('Zgłoś postęp');
    const before = await item(other);
    const refused = await b.post(`${programmeUrl()}/${other}`, {
      intent: 'progress',
      status: 'done',
      progress: '100',
      version: String(before.version),
    });
    expect(refused.status).toBe(403);
    expect(pageText(await refused.text())).toContain(
      'Możesz zmieniać tylko pozycje, za które odpowiada Twoja organizacja',
    );
    expect(await item(other)).toMatchObject({ status: before.status, progress: before.progress });
    expect((await b.post(`${programmeUrl()}/${own}`, { intent: 'cancel' })).status).toBe(403);
    expect((await b.get(`${programmeUrl()}/new`)).status).toBe(403);
    expect((await b.post(`${programmeUrl()}/new`, { level: 'goal', title: 'Cel partnera' })).status).toBe(
      403,
    );
  });
});

describe('tenancy', () => {
  it('answers another locality’s partnership and items with 404, even by a matching id', async () => {
    const b = await coordinator();
    expect((await b.get(programmeUrl('wagrowiec', ids.poznan))).status).toBe(404);
    const poznanTask = await itemId('Rejestracja spółdzielni w KRS');
    expect((await b.get(`${programmeUrl()}/${poznanTask}`)).status).toBe(404);
    expect((await b.get(`${programmeUrl()}/${poznanTask}/edit`)).status).toBe(404);
    const post = await b.post(`${programmeUrl()}/${poznanTask}`, { intent: 'cancel' });
    expect(post.status).toBe(404);
    expect((await item(poznanTask)).status).toBe('in_progress');
    const newInPoznan = await b.post(`${programmeUrl('wagrowiec', ids.poznan)}/new`, {
      level: 'goal',
      title: 'X',
    });
    expect(newInPoznan.status).toBe(404);
    const poznan = await coordinator('poznan');
    expect((await poznan.get(programmeUrl())).status).toBe(404);
  });
});

describe('the public progress page', () => {
  it('is there when the coordinator turned it on, with goals and progress and no personal data', async () => {
    const res = await new TestBrowser(app).get(`/p/wagrowiec/partnerships/${ids.wagrowiec}/progress`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain('Postępy: Wągrowieckie Partnerstwo na rzecz Ekonomii Społecznej');
    expect(text).toContain('Cel 1: Osoby długotrwale bezrobotne wracają do pracy');
    expect(text).toContain('Klub samopomocowy w domu kultury');
    expect(text).toContain('Osoby, które podjęły pracę: osiągnięto 4 z 15 osób');
    expect(text).toMatch(/Program ma \d+ zadań, wykonano \d+\./);
    // Nobody's name or e-mail: not the coordinator, not the adviser responsible for a task.
    expect(text).not.toContain('Tomasz Wiśniewski');
    expect(text).not.toContain('Piotr Zieliński');
    expect(html).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
    expect(html).not.toContain('<script');
  });

  it('is a 404 when off, unknown, or asked for under another locality', async () => {
    const b = new TestBrowser(app);
    expect((await b.get(`/p/poznan/partnerships/${ids.poznan}/progress`)).status).toBe(404);
    expect((await b.get(`/p/poznan/partnerships/${ids.wagrowiec}/progress`)).status).toBe(404);
    expect((await b.get('/p/wagrowiec/partnerships/not-an-id/progress')).status).toBe(404);
    const poznan = await coordinator('poznan');
    expect((await poznan.post(`/app/poznan/partnerships/${ids.poznan}`, { intent: 'publish' })).status).toBe(
      302,
    );
    expect((await b.get(`/p/poznan/partnerships/${ids.poznan}/progress`)).status).toBe(200);
  });
});

describe('a big programme', () => {
  it('keeps the partnership page and the programme page within 10 SQL statements with 60 members and 300 tasks', async () => {
    const kwilcz = ids.kwilczLocality;
    const [p] = await t.db
      .insert(partnerships)
      .values({ localityId: kwilcz, name: 'Duże partnerstwo' })
      .returning({ id: partnerships.id });
    const orgs: string[] = [];
    for (let i = 0; i < 60; i++)
      orgs.push(
        (
          await makeOrganisation(t.db, {
            localityId: kwilcz,
            name: `Organizacja ${i + 1}`,
            kind: 'association',
          })
        ).id,
      );
    await t.db.insert(partnershipMembers).values(
      orgs.map((organisationId) => ({
        localityId: kwilcz,
        partnershipId: p!.id,
        organisationId,
        role: 'partner',
      })),
    );
    const goals = await t.db
      .insert(programmeItems)
      .values(
        [0, 1, 2, 3, 4].map((i) => ({
          localityId: kwilcz,
          partnershipId: p!.id,
          level: 'goal',
          title: `Cel ${i}`,
          position: i,
        })),
      )
      .returning({ id: programmeItems.id });
    const actions = await t.db
      .insert(programmeItems)
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          localityId: kwilcz,
          partnershipId: p!.id,
          parentId: goals[i % 5]!.id,
          level: 'action',
          title: `Działanie ${i}`,
          position: i,
        })),
      )
      .returning({ id: programmeItems.id });
    await t.db.insert(programmeItems).values(
      Array.from({ length: 300 }, (_, i) => ({
        localityId: kwilcz,
        partnershipId: p!.id,
        parentId: actions[i % 20]!.id,
        level: 'task',
        title: `Zadanie ${i}`,
        position: i,
        responsibleOrganisationId: orgs[i % 60]!,
        dueOn: i % 3 === 0 ? '2020-01-01' : '2099-01-01',
        status: i % 4 === 0 ? 'done' : 'in_progress',
        progress: i % 100,
      })),
    );
    const b = new TestBrowser(app);
    await b.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const page = await b.get(`/app/kwilcz/partnerships/${p!.id}`);
    expect(page.status).toBe(200);
    expect(sqlStatements(page)).toBeGreaterThan(0);
    expect(sqlStatements(page)).toBeLessThanOrEqual(10);
    expect(pageText(await page.text())).toContain('300 zadań, w tym 75 wykonanych.');
    const programme = await b.get(`/app/kwilcz/partnerships/${p!.id}/programme`);
    expect(programme.status).toBe(200);
    expect(sqlStatements(programme)).toBeLessThanOrEqual(10);
    expect(pageText(await programme.text())).toContain('Zadanie 299');
  });
});
