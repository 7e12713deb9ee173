import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { supportOutcomes, supportPlanActions, supportPlanReviews } from '../../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import {
  assertCanManage,
  assertOpen,
  audit,
  checkOrganisation,
  checkResponsibleUser,
  lockPlan,
  type PlanCtx,
  parseValues,
  refuseIf,
  touch,
} from './plan-context.server.ts';
import {
  actionDueProblem,
  actionStatusProblem,
  holdProblems,
  outcomeDateProblem,
  reviewDateProblem,
} from './plans.rules.ts';
import {
  actionSchema,
  actionStatusSchema,
  editActionSchema,
  holdReviewSchema,
  outcomeSchema,
  reviewSchema,
} from './plans.schema.ts';

/**
 * The parts of a plan: planned actions, reviews and outcomes. A closed plan takes no more
 * actions or reviews; an outcome (found work, joined an enterprise...) may be recorded after
 * closing, since it often comes later, and belongs to the person as much as to the plan.
 */

type PlanArgs = PlanCtx & { personId: string; planId: string; values: Record<string, string>; today: string };

/** Adds a planned action: kind, description, a responsible staff member or organisation, due date. */
export async function addAction(db: Db, ctx: PlanArgs): Promise<string> {
  assertCanManage(ctx);
  const input = parseValues(actionSchema, ctx.values);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    refuseIf(actionDueProblem(input.actionDueOn, plan.startsOn));
    await checkResponsibleUser(tx, ctx, input.actionResponsibleUserId, 'actionResponsibleUserId');
    await checkOrganisation(tx, ctx, input.actionOrganisationId, 'actionOrganisationId');
    const [row] = await tx
      .insert(supportPlanActions)
      .values({
        planId: plan.id,
        localityId: ctx.locality.localityId,
        kind: input.actionKind,
        description: input.actionDescription,
        responsibleUserId: input.actionResponsibleUserId,
        responsibleOrganisationId: input.actionOrganisationId,
        dueOn: input.actionDueOn,
        position: sql`(select coalesce(max(position), 0) + 1 from support_plan_actions where plan_id = ${plan.id})`,
      })
      .returning({ id: supportPlanActions.id });
    await touch(tx, plan.id);
    await audit(tx, ctx, 'plan.action.add', plan.id, {
      personId: ctx.personId,
      actionId: row!.id,
      kind: input.actionKind,
    });
    return row!.id;
  });
}

async function lockAction(tx: Db, planId: string, actionId: string) {
  const [a] = await tx
    .select()
    .from(supportPlanActions)
    .where(and(eq(supportPlanActions.id, actionId), eq(supportPlanActions.planId, planId)))
    .limit(1);
  if (!a) throw notFound();
  return a;
}

/** Changes an action's kind, description, responsible and due date. */
export async function editAction(db: Db, ctx: PlanArgs): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(editActionSchema, ctx.values);
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    const action = await lockAction(tx, plan.id, input.actionId);
    refuseIf(actionDueProblem(input.actionDueOn, plan.startsOn));
    await checkResponsibleUser(tx, ctx, input.actionResponsibleUserId, 'actionResponsibleUserId');
    await checkOrganisation(tx, ctx, input.actionOrganisationId, 'actionOrganisationId');
    await tx
      .update(supportPlanActions)
      .set({
        kind: input.actionKind,
        description: input.actionDescription,
        responsibleUserId: input.actionResponsibleUserId,
        responsibleOrganisationId: input.actionOrganisationId,
        dueOn: input.actionDueOn,
      })
      .where(eq(supportPlanActions.id, action.id));
    await touch(tx, plan.id);
    await audit(tx, ctx, 'plan.action.update', plan.id, { personId: ctx.personId, actionId: action.id });
  });
}

/** Marks an action planned, done (on a day, today by default) or dropped. */
export async function setActionStatus(db: Db, ctx: PlanArgs): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(actionStatusSchema, ctx.values);
  const doneOn = input.actionStatus === 'done' ? (input.doneOn ?? ctx.today) : null;
  refuseIf(actionStatusProblem(input.actionStatus, doneOn, ctx.today));
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    const action = await lockAction(tx, plan.id, input.actionId);
    await tx
      .update(supportPlanActions)
      .set({ status: input.actionStatus, doneOn })
      .where(eq(supportPlanActions.id, action.id));
    await touch(tx, plan.id);
    await audit(tx, ctx, 'plan.action.status', plan.id, {
      personId: ctx.personId,
      actionId: action.id,
      from: action.status,
      to: input.actionStatus,
      doneOn,
    });
  });
}

/** Schedules a review; it cannot come before the plan starts. */
export async function scheduleReview(db: Db, ctx: PlanArgs): Promise<string> {
  assertCanManage(ctx);
  const input = parseValues(reviewSchema, ctx.values);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    refuseIf(reviewDateProblem(input.reviewDueOn, plan.startsOn));
    const [row] = await tx
      .insert(supportPlanReviews)
      .values({
        planId: plan.id,
        localityId: ctx.locality.localityId,
        dueOn: input.reviewDueOn,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: supportPlanReviews.id });
    await touch(tx, plan.id);
    await audit(tx, ctx, 'plan.review.schedule', plan.id, {
      personId: ctx.personId,
      reviewId: row!.id,
      dueOn: input.reviewDueOn,
    });
    return row!.id;
  });
}

/** Records a review as held, with what was found, and optionally schedules the next one. */
export async function holdReview(db: Db, ctx: PlanArgs): Promise<void> {
  assertCanManage(ctx);
  const input = parseValues(holdReviewSchema, ctx.values);
  await db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    assertOpen(plan);
    const [review] = await tx
      .select()
      .from(supportPlanReviews)
      .where(and(eq(supportPlanReviews.id, input.reviewId), eq(supportPlanReviews.planId, plan.id)))
      .limit(1);
    if (!review) throw notFound();
    if (review.heldOn) refuseIf({ reviewId: 'plans.review.alreadyHeld' }, 'CONFLICT');
    refuseIf(holdProblems(input, plan.startsOn, ctx.today));
    await tx
      .update(supportPlanReviews)
      .set({ heldOn: input.heldOn, note: input.reviewNote })
      .where(eq(supportPlanReviews.id, review.id));
    let nextId: string | null = null;
    if (input.nextDueOn) {
      const [next] = await tx
        .insert(supportPlanReviews)
        .values({
          planId: plan.id,
          localityId: ctx.locality.localityId,
          dueOn: input.nextDueOn,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: supportPlanReviews.id });
      nextId = next!.id;
    }
    await touch(tx, plan.id);
    await audit(tx, ctx, 'plan.review.hold', plan.id, {
      personId: ctx.personId,
      reviewId: review.id,
      heldOn: input.heldOn,
      nextReviewId: nextId,
      nextDueOn: input.nextDueOn,
    });
  });
}

/** Records an outcome of the support, with an optional organisation from the directory. */
export async function recordOutcome(db: Db, ctx: PlanArgs): Promise<string> {
  assertCanManage(ctx);
  const input = parseValues(outcomeSchema, ctx.values);
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, ctx, ctx.personId, ctx.planId);
    refuseIf(outcomeDateProblem(input.achievedOn, plan.startsOn, ctx.today));
    await checkOrganisation(tx, ctx, input.outcomeOrganisationId, 'outcomeOrganisationId');
    const [row] = await tx
      .insert(supportOutcomes)
      .values({
        localityId: ctx.locality.localityId,
        personId: ctx.personId,
        planId: plan.id,
        kind: input.outcomeKind,
        achievedOn: input.achievedOn,
        organisationId: input.outcomeOrganisationId,
        note: input.outcomeNote,
        recordedBy: ctx.actor.userId,
      })
      .returning({ id: supportOutcomes.id });
    await audit(tx, ctx, 'plan.outcome.record', plan.id, {
      personId: ctx.personId,
      outcomeId: row!.id,
      kind: input.outcomeKind,
      achievedOn: input.achievedOn,
      organisationId: input.outcomeOrganisationId,
    });
    return row!.id;
  });
}
