import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import { auditLog, supportPlanReviews, supportPlanSteps, supportPlans } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { closeParticipant, registerParticipant } from '../participants/participants.server.ts';
import { loadPlansForParticipant } from './participant-plan.server.ts';
import {
  addAction,
  holdReview,
  recordOutcome,
  scheduleReview,
  setActionStatus,
} from './plan-items.server.ts';
import { listCaseload, loadPlan } from './plans.queries.server.ts';
import { agreePlan, closePlan, createPlan, startPlan, updatePlan } from './plans.server.ts';

let t: TestDatabase;
type Loc = { id: string; slug: string; name: string };
let wg: Loc;
let pz: Loc;
let advisor: { id: string };
let pzAdvisor: { id: string };
let leader: { id: string };
let enterprise: { id: string };
let person: string;
let other: string;
let closedPerson: string;
let pzPerson: string;
const today = '2027-03-10';

const ctx = (user: { id: string }, roles: Role[], loc: Loc = wg) => ({
  actor: actorFor(user),
  locality: {
    localityId: loc.id,
    slug: loc.slug,
    name: loc.name,
    kind: 'urban',
    roles,
    organisationIds: [],
  } as ActorLocality,
});
const staff = () => ctx(advisor, ['advisor']);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const register = (c: ReturnType<typeof ctx>, givenName: string) =>
  registerParticipant(t.db, {
    ...c,
    today,
    values: {
      givenName,
      familyName: 'Testowa',
      legalBasis: 'public_task',
      noPesel: 'on',
      birthDate: '1980-01-01',
      sex: 'female',
      registeredOn: '2027-01-01',
    },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  advisor = await makeUser(t.db, { name: 'Piotr Doradca', roles: [{ localityId: wg.id, role: 'advisor' }] });
  pzAdvisor = await makeUser(t.db, { roles: [{ localityId: pz.id, role: 'advisor' }] });
  leader = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'leader' }] });
  enterprise = await makeOrganisation(t.db, {
    localityId: wg.id,
    name: 'Spółdzielnia Socjalna „Zielona Pracownia”',
    kind: 'social_coop',
  });
  person = await register(staff(), 'Anna');
  other = await register(staff(), 'Beata');
  closedPerson = await register(staff(), 'Celina');
  await closeParticipant(t.db, { ...staff(), id: closedPerson, today, values: { closedReason: 'Wyjazd' } });
  pzPerson = await register(ctx(pzAdvisor, ['advisor'], pz), 'Dorota');
});
afterAll(async () => {
  await t.dispose();
});

const audits = async (action: string) =>
  (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;

const planValues = (extra: Record<string, string> = {}) => ({
  needs: 'Chce wrócić do pracy po przerwie.',
  goals: 'Zatrudnienie w ciągu pół roku.',
  startsOn: '1.03.2027',
  responsibleUserId: advisor.id,
  ...extra,
});

describe('creating a plan', () => {
  let planId: string;

  it('starts in draft with its first step, a first review 90 days after the start, audited', async () => {
    planId = await createPlan(t.db, { ...staff(), personId: person, today, values: planValues() });
    const plan = await loadPlan(t.db, { localityId: wg.id, personId: person, planId });
    expect(plan).toMatchObject({ step: 'draft', startsOn: '2027-03-01', responsibleName: 'Piotr Doradca' });
    expect(plan!.reviews.map((r) => r.dueOn)).toEqual(['2027-05-30']);
    expect(plan!.steps.map((s) => [s.fromStep, s.toStep])).toEqual([['', 'draft']]);
    const [a] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'plan.create'));
    expect(a).toMatchObject({ entityType: 'support_plan', entityId: planId, localityId: wg.id });
    expect(a!.details).toMatchObject({ personId: person, firstReviewOn: '2027-05-30' });
  });

  it('refuses a second open plan in words, saving nothing', async () => {
    const [before] = await t.db.select({ n: count() }).from(supportPlans);
    const e = await refusal(createPlan(t.db, { ...staff(), personId: person, today, values: planValues() }));
    expect(e.code).toBe('CONFLICT');
    expect(e.fieldErrors._form).toBe('plans.create.openExists');
    const [after] = await t.db.select({ n: count() }).from(supportPlans);
    expect(after!.n).toBe(before!.n);
  });

  it('turns the database guard (partial unique index) into the same words when two race', async () => {
    const both = await Promise.allSettled([
      createPlan(t.db, { ...staff(), personId: other, today, values: planValues() }),
      createPlan(t.db, { ...staff(), personId: other, today, values: planValues() }),
    ]);
    const failed = both.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]!.reason as AppError).fieldErrors._form).toBe('plans.create.openExists');
  });

  it('refuses a first review before the start, a responsible who is not staff, and bad input', async () => {
    await t.db.delete(supportPlans).where(eq(supportPlans.personId, other));
    const early = await refusal(
      createPlan(t.db, {
        ...staff(),
        personId: other,
        today,
        values: planValues({ firstReviewOn: '28.02.2027' }),
      }),
    );
    expect(early.fieldErrors.firstReviewOn).toEqual({
      key: 'plans.review.beforeStart',
      values: { date: '1.03.2027' },
    });
    const notStaff = await refusal(
      createPlan(t.db, {
        ...staff(),
        personId: other,
        today,
        values: planValues({ responsibleUserId: leader.id }),
      }),
    );
    expect(notStaff.fieldErrors.responsibleUserId).toBe('plans.form.responsible.notStaff');
    const bad = await refusal(
      createPlan(t.db, { ...staff(), personId: other, today, values: { startsOn: '31.02.2027' } }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors).toMatchObject({
      startsOn: 'plans.date.invalid',
      responsibleUserId: 'plans.form.responsible.required',
    });
  });

  it('needs an active participant of this locality, and a staff role', async () => {
    const closed = await refusal(
      createPlan(t.db, { ...staff(), personId: closedPerson, today, values: planValues() }),
    );
    expect(closed.code).toBe('NOT_FOUND');
    const elsewhere = await refusal(
      createPlan(t.db, { ...staff(), personId: pzPerson, today, values: planValues() }),
    );
    expect(elsewhere.code).toBe('NOT_FOUND');
    const role = await refusal(
      createPlan(t.db, { ...ctx(leader, ['leader']), personId: other, today, values: planValues() }),
    );
    expect(role.code).toBe('FORBIDDEN');
  });

  it('lets the plan be edited while open; a start after a review is refused', async () => {
    await updatePlan(t.db, {
      ...staff(),
      personId: person,
      planId,
      today,
      values: planValues({ goals: 'Praca w spółdzielni socjalnej' }),
    });
    const plan = await loadPlan(t.db, { localityId: wg.id, personId: person, planId });
    expect(plan!.goals).toBe('Praca w spółdzielni socjalnej');
    const e = await refusal(
      updatePlan(t.db, {
        ...staff(),
        personId: person,
        planId,
        today,
        values: planValues({ startsOn: '1.06.2027' }),
      }),
    );
    expect(e.fieldErrors.startsOn).toEqual({
      key: 'plans.form.startsOn.afterReview',
      values: { date: '30.05.2027' },
    });
  });
});

describe('moving a plan through its steps', () => {
  let planId: string;
  const args = () => ({ ...staff(), personId: person, planId, today });

  beforeAll(async () => {
    const [p] = await t.db
      .select({ id: supportPlans.id })
      .from(supportPlans)
      .where(eq(supportPlans.personId, person));
    planId = p!.id;
  });

  it('cannot be agreed without a planned action and the agreed date', async () => {
    const e = await refusal(agreePlan(t.db, { ...args(), values: {} }));
    expect(e.code).toBe('DOMAIN_RULE');
    expect(e.fieldErrors).toEqual({
      actionKind: 'plans.agree.noPlannedAction',
      agreedOn: 'plans.agree.dateMissing',
    });
    const e2 = await refusal(startPlan(t.db, { ...args(), values: {} }));
    expect(e2.fieldErrors._form).toBe('plans.start.notAgreed');
  });

  it('is agreed once it has an action, then started; each move is history and audit', async () => {
    const actionId = await addAction(t.db, {
      ...args(),
      values: {
        actionKind: 'training',
        actionDescription: 'Kurs obsługi kasy fiskalnej',
        actionDueOn: '30.04.2027',
      },
    });
    await agreePlan(t.db, { ...args(), values: { agreedOn: '5.03.2027' } });
    await startPlan(t.db, { ...args(), values: { stepNote: 'Zaczynamy od kursu' } });
    await setActionStatus(t.db, {
      ...args(),
      values: { actionId, actionStatus: 'done', doneOn: '9.03.2027' },
    });
    const plan = await loadPlan(t.db, { localityId: wg.id, personId: person, planId });
    expect(plan).toMatchObject({ step: 'in_progress', agreedOn: '2027-03-05' });
    expect(plan!.actions[0]).toMatchObject({ status: 'done', doneOn: '2027-03-09', kind: 'training' });
    expect(plan!.steps.map((s) => s.toStep)).toEqual(['draft', 'agreed', 'in_progress']);
    expect(plan!.steps[2]!.note).toBe('Zaczynamy od kursu');
    expect(await audits('plan.step')).toBe(2);
    expect(await audits('plan.action.status')).toBe(1);
  });

  it('refuses a review before the start with the start date in words', async () => {
    const e = await refusal(scheduleReview(t.db, { ...args(), values: { reviewDueOn: '20.02.2027' } }));
    expect(e.code).toBe('DOMAIN_RULE');
    expect(e.fieldErrors.reviewDueOn).toEqual({
      key: 'plans.review.beforeStart',
      values: { date: '1.03.2027' },
    });
    const [n] = await t.db
      .select({ n: count() })
      .from(supportPlanReviews)
      .where(eq(supportPlanReviews.planId, planId));
    expect(n!.n).toBe(1);
  });

  it('holds a review with a note and schedules the next', async () => {
    const plan = await loadPlan(t.db, { localityId: wg.id, personId: person, planId });
    const reviewId = plan!.reviews[0]!.id;
    const e = await refusal(holdReview(t.db, { ...args(), values: { reviewId, heldOn: '9.03.2027' } }));
    expect(e.fieldErrors.reviewNote).toBe('plans.review.noteRequired');
    await holdReview(t.db, {
      ...args(),
      values: { reviewId, heldOn: '9.03.2027', reviewNote: 'Kurs ukończony', nextDueOn: '9.06.2027' },
    });
    const after = await loadPlan(t.db, { localityId: wg.id, personId: person, planId });
    expect(after!.reviews.map((r) => [r.dueOn, r.heldOn])).toEqual([
      ['2027-05-30', '2027-03-09'],
      ['2027-06-09', null],
    ]);
  });

  it('closes with a reason; "other" needs a note; then it is read-only but outcomes may follow', async () => {
    const e = await refusal(
      closePlan(t.db, { ...args(), values: { closingReason: 'other', closedOn: '10.03.2027' } }),
    );
    expect(e.fieldErrors).toEqual({ closingNote: 'plans.close.noteRequired' });
    const early = await refusal(
      closePlan(t.db, { ...args(), values: { closingReason: 'found_work', closedOn: '1.01.2027' } }),
    );
    expect(early.fieldErrors.closedOn).toEqual({
      key: 'plans.close.beforeStart',
      values: { date: '1.03.2027' },
    });
    await closePlan(t.db, { ...args(), values: { closingReason: 'found_work', closedOn: '10.03.2027' } });
    // One attempt at a time: each is started only when the previous one has been refused.
    for (const attempt of [
      () => updatePlan(t.db, { ...args(), values: planValues() }),
      () => addAction(t.db, { ...args(), values: { actionKind: 'advice', actionDescription: 'x' } }),
      () => scheduleReview(t.db, { ...args(), values: { reviewDueOn: '1.07.2027' } }),
      () => closePlan(t.db, { ...args(), values: { closingReason: 'found_work', closedOn: '10.03.2027' } }),
      () => startPlan(t.db, { ...args(), values: {} }),
    ]) {
      const r = await refusal(attempt());
      expect(r.code).toBe('CONFLICT');
      expect(r.messageKey).toBe('plans.closed.readOnly');
    }
    await recordOutcome(t.db, {
      ...args(),
      values: {
        outcomeKind: 'joined_enterprise',
        achievedOn: '10.03.2027',
        outcomeOrganisationId: enterprise.id,
      },
    });
    const steps = await t.db.select().from(supportPlanSteps).where(eq(supportPlanSteps.planId, planId));
    expect(steps.map((s) => s.toStep).sort()).toEqual(['agreed', 'closed', 'draft', 'in_progress']);
    // A new plan may start once the old one is closed.
    await createPlan(t.db, {
      ...staff(),
      personId: person,
      today,
      values: planValues({ startsOn: '10.03.2027' }),
    });
  });

  it("answers another locality's staff with 404 for this plan", async () => {
    const e = await refusal(
      scheduleReview(t.db, {
        ...ctx(pzAdvisor, ['advisor'], pz),
        personId: person,
        planId,
        today,
        values: { reviewDueOn: '1.07.2027' },
      }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(await loadPlan(t.db, { localityId: pz.id, personId: person, planId })).toBeNull();
  });
});

describe('what other pages read', () => {
  it('gives the participant page the open plan, closed plans and outcomes in ONE statement', async () => {
    const counter = { count: 0 };
    const plans = await sqlCounter.run(counter, () =>
      loadPlansForParticipant(t.db, { localityId: wg.id, personId: person }),
    );
    expect(counter.count).toBe(1);
    expect(plans.open).toMatchObject({
      step: 'draft',
      startsOn: '2027-03-10',
      responsibleName: 'Piotr Doradca',
    });
    expect(plans.closed).toHaveLength(1);
    expect(plans.closed[0]).toMatchObject({ closingReason: 'found_work', closedOn: '2027-03-10' });
    expect(plans.outcomes).toEqual([
      expect.objectContaining({
        kind: 'joined_enterprise',
        organisationName: 'Spółdzielnia Socjalna „Zielona Pracownia”',
      }),
    ]);
    expect(await loadPlansForParticipant(t.db, { localityId: pz.id, personId: person })).toEqual({
      open: null,
      closed: [],
      outcomes: [],
    });
  });

  it('lists the caseload overdue first, and "mine"', async () => {
    // Beata's plan: a review long overdue.
    const id = await createPlan(t.db, {
      ...staff(),
      personId: other,
      today,
      values: planValues({ startsOn: '1.01.2027', firstReviewOn: '1.02.2027' }),
    });
    const page = await listCaseload(t.db, {
      localityId: wg.id,
      userId: advisor.id,
      filter: { mine: false },
      today,
      offset: 0,
      limit: 20,
    });
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({ id, givenName: 'Beata', nextReviewOn: '2027-02-01' });
    const mine = await listCaseload(t.db, {
      localityId: wg.id,
      userId: leader.id,
      filter: { mine: true },
      today,
      offset: 0,
      limit: 20,
    });
    expect(mine.total).toBe(0);
    const [audited] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.create'), eq(auditLog.entityId, id)));
    expect(audited!.n).toBe(1);
  });
});
