import { and, count, eq, ne, notExists, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlansForParticipant } from '../../app/features/plans/participant-plan.server.ts';
import { sendPlanReviewReminders } from '../../app/features/plans/plan-reminders.server.ts';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import {
  auditLog,
  localities,
  participants,
  people,
  supportOutcomes,
  supportPlans,
  users,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const loc: Record<string, string> = {};
let createdPlanUrl = '';

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db));
  for (const l of await t.db.select({ id: localities.id, slug: localities.slug }).from(localities))
    loc[l.slug] = l.id;
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email = 'doradca@splot.demo', lang?: 'en') {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, DEMO_PASSWORD);
  return b;
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

/** Active participants of a place with no plan at all, by name. */
async function withoutPlan(slug: string) {
  return t.db
    .select({
      id: participants.personId,
      name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.localityId, loc[slug]!),
        eq(participants.status, 'active'),
        notExists(
          t.db
            .select({ one: sql`1` })
            .from(supportPlans)
            .where(eq(supportPlans.personId, participants.personId)),
        ),
      ),
    )
    .orderBy(people.familyName);
}
async function openPlanOf(slug: string) {
  const [p] = await t.db
    .select({ id: supportPlans.id, personId: supportPlans.personId })
    .from(supportPlans)
    .where(and(eq(supportPlans.localityId, loc[slug]!), ne(supportPlans.step, 'closed')))
    .limit(1);
  return p!;
}

describe('the demo plans', () => {
  it('cover about half the participants, every step, overdue reviews and outcomes', async () => {
    const rows = await t.db
      .select({ slug: localities.slug, step: supportPlans.step, n: count() })
      .from(supportPlans)
      .innerJoin(localities, eq(localities.id, supportPlans.localityId))
      .groupBy(localities.slug, supportPlans.step);
    const total = (slug: string) => rows.filter((r) => r.slug === slug).reduce((s, r) => s + r.n, 0);
    expect(total('kwilcz')).toBe(2);
    expect(total('wagrowiec')).toBeGreaterThanOrEqual(6);
    expect(total('poznan')).toBeGreaterThanOrEqual(15);
    expect(new Set(rows.filter((r) => r.slug === 'poznan').map((r) => r.step))).toEqual(
      new Set(['draft', 'agreed', 'in_progress', 'closed']),
    );
    const [zielona] = await t.db
      .select({ n: count() })
      .from(supportOutcomes)
      .where(
        and(eq(supportOutcomes.localityId, loc.wagrowiec!), eq(supportOutcomes.kind, 'joined_enterprise')),
      );
    expect(zielona!.n).toBeGreaterThanOrEqual(1);
  });

  it('gives the demo participant an in-progress plan with three actions and a review next month', async () => {
    const [me] = await t.db
      .select({ id: people.id })
      .from(people)
      .innerJoin(users, eq(users.id, people.userId))
      .where(eq(users.email, 'uczestnik.poznan@splot.demo'));
    const plans = await loadPlansForParticipant(t.db, { localityId: loc.poznan!, personId: me!.id });
    expect(plans.open?.step).toBe('in_progress');
    expect(plans.open?.actions).toHaveLength(3);
    const today = todayInWarsaw();
    expect(plans.open!.nextReviewOn! > today).toBe(true);
  });
});

describe('creating a plan through plain forms', () => {
  it('explains mistakes in Polish, saves nothing, then creates a draft and audits it', async () => {
    const [person] = await withoutPlan('poznan');
    const b = await signedIn();
    const newUrl = `/app/poznan/participants/${person!.id}/plans/new`;
    const form = await b.get(newUrl);
    expect(form.status).toBe(200);
    expect(pageText(await form.text())).toContain('Nowy plan wsparcia');
    const bad = await b.post(newUrl, {
      needs: 'Szuka pracy',
      startsOn: '10.01.2026',
      responsibleUserId: '',
      firstReviewOn: '5.01.2026',
    });
    expect(bad.status).toBe(400);
    const badText = pageText(await bad.text());
    expect(badText).toContain('Wybierz osobę prowadzącą plan');
    const [doradca] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'doradca@splot.demo'));
    const early = await b.post(newUrl, {
      needs: 'Szuka pracy',
      startsOn: '10.01.2026',
      responsibleUserId: doradca!.id,
      firstReviewOn: '5.01.2026',
    });
    expect(early.status).toBe(422);
    expect(pageText(await early.text())).toContain(
      'Przegląd planu nie może być wcześniej niż jego początek (10.01.2026)',
    );
    expect(
      (await t.db.select({ n: count() }).from(supportPlans).where(eq(supportPlans.personId, person!.id)))[0]!
        .n,
    ).toBe(0);
    const ok = await b.post(newUrl, {
      needs: 'Szuka pracy',
      goals: 'Praca w handlu',
      startsOn: '10.01.2026',
      responsibleUserId: doradca!.id,
    });
    expect(ok.status).toBe(302);
    const planUrl = ok.headers.get('Location')!;
    createdPlanUrl = planUrl;
    const page = await b.get(planUrl);
    expect(sqlStatements(page)).toBeLessThanOrEqual(12);
    const text = pageText(await page.text());
    expect(text).toContain('Plan wsparcia został utworzony.');
    expect(text).toContain(`Plan wsparcia: ${person!.name}`);
    expect(text).toMatch(/szkic \(obecny etap\)/);
    expect(text).toContain('Następny krok: uzgodnij plan');
    const [created] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'plan.create'), eq(auditLog.requestId, ok.headers.get('X-Request-Id')!)),
      );
    expect(created!.n).toBe(1);
    const [read] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'participant.read'), eq(auditLog.entityId, person!.id)));
    expect(read!.n).toBeGreaterThanOrEqual(2);

    // Agreeing needs a planned action; once added, the plan is agreed and the step shown.
    const noAction = await b.post(planUrl, { intent: 'agree', agreedOn: '12.01.2026' });
    expect(noAction.status).toBe(422);
    expect(pageText(await noAction.text())).toContain(
      'Zanim plan zostanie uzgodniony, dodaj co najmniej jedno zaplanowane działanie',
    );
    const added = await b.post(planUrl, {
      intent: 'addAction',
      actionKind: 'advice',
      actionDescription: 'Rozmowa z doradcą zawodowym',
      actionResponsibleUserId: doradca!.id,
    });
    expect(added.status).toBe(302);
    expect((await b.post(planUrl, { intent: 'agree', agreedOn: '12.01.2026' })).status).toBe(302);
    const agreed = pageText(await (await b.get(planUrl)).text());
    expect(agreed).toMatch(/uzgodniony \(obecny etap\)/);
    expect(agreed).toContain('Rozmowa z doradcą zawodowym');
    expect(agreed).toContain('Rozpocznij realizację');
    const review = await b.post(planUrl, { intent: 'scheduleReview', reviewDueOn: '1.01.2026' });
    expect(review.status).toBe(422);
    expect(pageText(await review.text())).toContain(
      'Przegląd planu nie może być wcześniej niż jego początek (10.01.2026)',
    );
    const second = await b.post(newUrl, {
      startsOn: '10.02.2026',
      responsibleUserId: doradca!.id,
    });
    expect(second.status).toBe(409);
    expect(pageText(await second.text())).toContain('Ta osoba ma już otwarty plan wsparcia');
  });

  it('starts the plan, marks an action done and records a review held, without JavaScript', async () => {
    const b = await signedIn();
    const page = await (await b.get(createdPlanUrl)).text();
    expect((await b.post(createdPlanUrl, { intent: 'start' })).status).toBe(302);
    const actionId = /name="actionId" value="([0-9a-f-]{36})"/.exec(page)![1]!;
    const done = await b.post(createdPlanUrl, { intent: 'actionStatus', actionId, actionStatus: 'done' });
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toMatch(/#actions$/);
    const reviewId = /name="reviewId" value="([0-9a-f-]{36})"/.exec(page)![1]!;
    const noNote = await b.post(createdPlanUrl, { intent: 'holdReview', reviewId, heldOn: '20.01.2026' });
    expect(noNote.status).toBe(422);
    expect(pageText(await noNote.text())).toContain('Zapisz, co ustalono na przeglądzie');
    const held = await b.post(createdPlanUrl, {
      intent: 'holdReview',
      reviewId,
      heldOn: '20.01.2026',
      reviewNote: 'Dobra współpraca, kurs zaliczony',
      nextDueOn: '20.04.2026',
    });
    expect(held.status).toBe(302);
    const text = pageText(await (await b.get(createdPlanUrl)).text());
    expect(text).toMatch(/w realizacji \(obecny etap\)/);
    expect(text).toContain('odbył się 20.01.2026');
    expect(text).toContain('Dobra współpraca, kurs zaliczony');
    expect(text).toMatch(/zrobione \d+\.\d{2}\.\d{4}/);
    expect(text).toContain('uzgodniony → w realizacji');
  });

  it('explains the same mistakes in English', async () => {
    const [, person] = await withoutPlan('poznan');
    const b = await signedIn('doradca@splot.demo', 'en');
    const [doradca] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'doradca@splot.demo'));
    const url = `/app/poznan/participants/${person!.id}/plans/new`;
    await b.get(url);
    const res = await b.post(url, {
      startsOn: '10.01.2026',
      responsibleUserId: doradca!.id,
      firstReviewOn: '1.01.2026',
    });
    expect(res.status).toBe(422);
    expect(pageText(await res.text())).toContain(
      'A review of the plan cannot be before its start (10.01.2026)',
    );
    const bad = await b.post(url, { startsOn: '31.02.2026' });
    const text = pageText(await bad.text());
    expect(text).toContain('Enter a real date, e.g. 27.03.2027');
    expect(text).toContain('Choose who leads the plan');
  });

  it('closes a plan with a reason; "other" needs a note; then the plan is read-only', async () => {
    const b = await signedIn();
    const plan = await openPlanOf('wagrowiec');
    const url = `/app/wagrowiec/participants/${plan.personId}/plans/${plan.id}`;
    await b.get(url);
    const other = await b.post(url, { intent: 'close', closingReason: 'other', closedOn: todayInWarsaw() });
    expect(other.status).toBe(422);
    expect(pageText(await other.text())).toContain('Przy powodzie „inny powód” opisz go w uwagach');
    expect(
      (await b.post(url, { intent: 'close', closingReason: 'no_contact', closedOn: todayInWarsaw() })).status,
    ).toBe(302);
    const closed = pageText(await (await b.get(url)).text());
    expect(closed).toContain('Plan jest zamknięty.');
    expect(closed).toContain('brak kontaktu');
    expect(closed).not.toContain('Dodaj działanie');
    const change = await b.post(url, { intent: 'scheduleReview', reviewDueOn: todayInWarsaw() });
    expect(change.status).toBe(409);
    expect(pageText(await change.text())).toContain('Ten plan jest zamknięty i nie można go już zmieniać.');
  });
});

describe('who may see and change plans', () => {
  it('refuses a partner representative and a leader with 403', async () => {
    const plan = await openPlanOf('wagrowiec');
    const partner = await signedIn('partner.wagrowiec@splot.demo');
    expect((await partner.get('/app/wagrowiec/plans')).status).toBe(403);
    expect((await partner.get(`/app/wagrowiec/participants/${plan.personId}/plans/${plan.id}`)).status).toBe(
      403,
    );
    const pz = await openPlanOf('poznan');
    const leader = await signedIn('lider.poznan@splot.demo');
    expect((await leader.get('/app/poznan/plans')).status).toBe(403);
    const url = `/app/poznan/participants/${pz.personId}/plans/${pz.id}`;
    expect((await leader.get(url)).status).toBe(403);
    await leader.get('/app/poznan');
    const post = await leader.post(url, { intent: 'scheduleReview', reviewDueOn: '1.01.2099' });
    expect(post.status).toBe(403);
  });

  it("answers another locality's plan with 404", async () => {
    const pz = await openPlanOf('poznan');
    const b = await signedIn();
    expect((await b.get(`/app/wagrowiec/participants/${pz.personId}/plans/${pz.id}`)).status).toBe(404);
    const kw = await signedIn('animator.kwilcz@splot.demo');
    expect((await kw.get(`/app/poznan/participants/${pz.personId}/plans/${pz.id}`)).status).toBe(404);
    const kwPlan = await openPlanOf('kwilcz');
    expect((await kw.get(`/app/kwilcz/participants/${kwPlan.personId}/plans/${pz.id}`)).status).toBe(404);
  });
});

describe('the caseload', () => {
  it('lists open plans with overdue reviews first, in words, and filters "mine"', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const res = await b.get('/app/poznan/plans');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Plany wsparcia');
    expect(text).toMatch(/\d+ otwart(y plan|e plany|ych planów)/);
    const first = text.indexOf('po terminie');
    const upcoming = text.search(/za \d+ dn/);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(upcoming);
    const mine = pageText(await (await b.get('/app/poznan/plans?mine=1')).text());
    expect(mine).toContain('Nie prowadzisz żadnego otwartego planu.');
    const advisor = pageText(await (await (await signedIn()).get('/app/poznan/plans?mine=1')).text());
    expect(advisor).toContain('Piotr Zieliński');
  });

  it('speaks English', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo', 'en');
    const text = pageText(await (await b.get('/app/poznan/plans')).text());
    expect(text).toContain('Support plans');
    expect(text).toMatch(/\d+ open plans?/);
  });
});

describe('review reminders', () => {
  it('e-mail the advisor once a day about due and overdue reviews', async () => {
    const today = todayInWarsaw();
    const mail = recordingMail();
    const n = await sendPlanReviewReminders(t.db, { mail, today, baseUrl: 'https://splot.example' });
    expect(n).toBeGreaterThan(0);
    const toAdvisor = mail.sent.filter((m) => m.to === 'doradca@splot.demo');
    expect(toAdvisor).toHaveLength(1);
    expect(toAdvisor[0]!.subject).toMatch(/^Przypomnienie: \d+ przegląd/);
    expect(toAdvisor[0]!.text).toContain('po terminie');
    expect(toAdvisor[0]!.text).toContain('https://splot.example/app/');
    const again = recordingMail();
    expect(
      await sendPlanReviewReminders(t.db, { mail: again, today, baseUrl: 'https://splot.example' }),
    ).toBe(0);
    expect(again.sent).toEqual([]);
  });
});
