import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  supportPlanActions,
  supportPlanReviews,
  supportPlanSteps,
  supportPlans,
} from '../../../db/schema/index.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import {
  assertCanManage,
  assertOpen,
  audit,
  checkResponsibleUser,
  isUniqueViolation,
  lockPlan,
  type PlanCtx,
  parseValues,
  refuseIf,
  requirePerson,
} from './plan-context.server.ts';
import {
  agreeProblems,
  closeProblems,
  defaultFirstReview,
  editProblems,
  REVIEW_PARAMETER,
  type ReviewParameter,
  reviewDateProblem,
  startProblems,
} from './plans.rules.ts';
import { agreeSchema, closeSchema, planSchema, startSchema } from './plans.schema.ts';

/**
 * Support plans: create, edit and move through the named steps. Every use case checks the
 * role, scopes the person and the plan to the locality (404 otherwise), applies the rules
 * (explained in words) and writes the change, its step history and the audit row in one
 * transaction.
 */

type Values = { values: Record<string, string>; today: string };

const openExists = () =>
  new AppError('CONFLICT', 'plans.form.invalid', {}, { _form: 'plans.create.openExists' });

/**
 * Creates a plan in the draft step for an active participant of this locality, with its first
 * review (by default the start plus the parameter's interval). A person has one open plan at a
 * time: a second is refused in words (also when two staff press the button at once).
 */
export async function createPlan(db: Db, ctx: PlanCtx & Values & { personId: string }): Promise<string> {
  assertCanManage(ctx);
  const input = parseValues(planSchema, ctx.values);
  const param = await legalParameter<ReviewParameter>(db, REVIEW_PARAMETER, ctx.today);
  const firstReviewOn = input.firstReviewOn ?? defaultFirstReview(input.startsOn, param.value);
  refuseIf(reviewDateProblem(firstReviewOn, input.startsOn, 'firstReviewOn'));
  try {
    return await db.transaction(async (tx) => {
      await requirePerson(tx, ctx, ctx.personId, { active: true });
      const [open] = await tx
        .select({ id: supportPlans.id })
        .from(supportPlans)
        .where(
          and(
            eq(supportPlans.personId, ctx.personId),
            eq(supportPlans.localityId, ctx.locality.localityId),
            ne(supportPlans.step, 'closed'),
          ),
        )
        .limit(1);
      if (open) throw openExists();
      await checkResponsibleUser(tx, ctx, input.responsibleUserId, 'responsibleUserId');
      const [plan] = await tx
        .insert(supportPlans)
        .values({
          localityId: ctx.locality.localityId,
          personId: ctx.personId,
          step: 'draft',
          needs: input.needs,
          goals: input.goals,
          startsOn: input.startsOn,
          responsibleUserId: input.responsibleUserId,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: supportPlans.id });
      const planId = plan!.id;
      await tx.insert(supportPlanSteps).values({
        planId,
        localityId: ctx.locality.localityId,
        fromStep: '',
        toStep: 'draft',
        byUserId: ctx.actor.userId,
      });
      await tx.insert(supportPlanReviews).values({
        planId,
        localityId: ctx.locality.localityId,
        dueOn: firstReviewOn,
        createdBy: ctx.actor.userId,
      });
      await audit(tx, ctx, 'plan.create', planId, {
        personId: ctx.personId,
        startsOn: input.startsOn,
        responsibleUserId: input.responsibleUserId,
        firstReviewOn,
      });
      return planId;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw openExists();
    throw error;
  }
}

/** Edits needs, goals, start and the responsible person of an open plan. */
export async function updatePlan(
  db: Db,
  ctx: PlanCtx & Values & { personId: string; planId: string },
): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(planSchema, ctx.values);
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    refuseIf(editProblems(plan, input));
    await checkResponsibleUser(tx, ctx, input.responsibleUserId, 'responsibleUserId');
    if (input.startsOn !== plan.startsOn) {
      const [early] = await tx
        .select({ dueOn: supportPlanReviews.dueOn })
        .from(supportPlanReviews)
        .where(and(eq(supportPlanReviews.planId, plan.id), lt(supportPlanReviews.dueOn, input.startsOn)))
        .orderBy(supportPlanReviews.dueOn)
        .limit(1);
      if (early)
        refuseIf({
          startsOn: { key: 'plans.form.startsOn.afterReview', values: { date: dateInputValue(early.dueOn) } },
        });
      if (plan.agreedOn && plan.agreedOn < input.startsOn)
        refuseIf({
          startsOn: {
            key: 'plans.form.startsOn.afterAgreed',
            values: { date: dateInputValue(plan.agreedOn) },
          },
        });
    }
    await tx
      .update(supportPlans)
      .set({
        needs: input.needs,
        goals: input.goals,
        startsOn: input.startsOn,
        responsibleUserId: input.responsibleUserId,
        updatedAt: new Date(),
      })
      .where(eq(supportPlans.id, plan.id));
    const changed = (['needs', 'goals', 'startsOn', 'responsibleUserId'] as const).filter(
      (k) => input[k] !== plan[k],
    );
    await audit(tx, ctx, 'plan.update', plan.id, { personId: ctx.personId, changed });
  });
}

async function moveStep(
  tx: Db,
  ctx: PlanCtx & { personId: string },
  plan: { id: string; step: string },
  to: 'agreed' | 'in_progress' | 'closed',
  set: Partial<typeof supportPlans.$inferInsert>,
  note: string,
  details: Record<string, unknown>,
) {
  await tx
    .update(supportPlans)
    .set({ ...set, step: to, updatedAt: new Date() })
    .where(eq(supportPlans.id, plan.id));
  await tx.insert(supportPlanSteps).values({
    planId: plan.id,
    localityId: ctx.locality.localityId,
    fromStep: plan.step,
    toStep: to,
    note,
    byUserId: ctx.actor.userId,
  });
  await audit(tx, ctx, 'plan.step', plan.id, { personId: ctx.personId, from: plan.step, to, ...details });
}

/**
 * draft → agreed: the needs and goals written down, at least one planned action, and the day the
 * person and the responsible staff member agreed the plan.
 */
export async function agreePlan(
  db: Db,
  ctx: PlanCtx & Values & { personId: string; planId: string },
): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(agreeSchema, ctx.values);
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    const actions = await tx
      .select({ status: supportPlanActions.status })
      .from(supportPlanActions)
      .where(eq(supportPlanActions.planId, plan.id));
    refuseIf(agreeProblems(plan, actions, input.agreedOn, ctx.today));
    await moveStep(tx, ctx, plan, 'agreed', { agreedOn: input.agreedOn }, input.stepNote, {
      agreedOn: input.agreedOn,
    });
  });
}

/** agreed → in_progress: the plan is being carried out. */
export async function startPlan(
  db: Db,
  ctx: PlanCtx & Values & { personId: string; planId: string },
): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(startSchema, ctx.values);
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    refuseIf(startProblems(plan));
    await moveStep(tx, ctx, plan, 'in_progress', {}, input.stepNote, {});
  });
}

/**
 * Any open step → closed, with a reason from the list, the date (not before the start, not in
 * the future) and a note when the reason is "other". A closed plan is kept as it was.
 */
export async function closePlan(
  db: Db,
  ctx: PlanCtx & Values & { personId: string; planId: string },
): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(closeSchema, ctx.values);
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    refuseIf(
      closeProblems(
        plan,
        { reason: input.closingReason, closedOn: input.closedOn, note: input.closingNote },
        ctx.today,
      ),
    );
    await moveStep(
      tx,
      ctx,
      plan,
      'closed',
      { closedOn: input.closedOn, closingReason: input.closingReason, closingNote: input.closingNote },
      input.closingNote,
      { closedOn: input.closedOn, reason: input.closingReason },
    );
  });
}
