import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  localProblems,
  meetingDecisions,
  memberships,
  partnershipMembers,
  partnerships,
  programmeItemProblems,
  programmeItems,
  users,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { canManageProgramme } from './programme.policy.ts';
import {
  checkDates,
  checkIndicator,
  checkParent,
  checkTransition,
  completedOnFor,
  normaliseProgress,
  type ProgrammeStatus,
} from './programme.rules.ts';
import type { ProgrammeItemInput } from './programme.schema.ts';

export type ProgrammeCtx = { actor: Actor; locality: ActorLocality };

/** Problems that may be linked: accepted ones (not waiting for moderation, not rejected). */
export const LINKABLE_PROBLEM_STATUSES = ['open', 'in_progress', 'solved'] as const;

function rule(key: MessageKey, field: string): AppError {
  return new AppError('DOMAIN_RULE', key, {}, { [field]: key });
}

export function assertManage(ctx: ProgrammeCtx) {
  if (!canManageProgramme(ctx.actor, ctx.locality))
    throw new AppError('FORBIDDEN', 'programme.errors.cannotManage');
}

export async function auditProgramme(
  db: Db,
  ctx: ProgrammeCtx,
  action: string,
  entityId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'programme_item',
    entityId,
    details,
  });
}

/** The partnership, in this locality; another locality's id is unknown. */
export async function requireProgrammePartnership(db: Db, ctx: ProgrammeCtx, partnershipId: string) {
  const [p] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!p) throw new AppError('NOT_FOUND', 'errors.404.body');
  return p;
}

/** Checks that need no database: dates in order, an indicator with a name. */
function checkInput(input: ProgrammeItemInput) {
  const dates = checkDates(input.startsOn, input.dueOn);
  if (dates) throw rule(dates, 'dueOn');
  const indicator = checkIndicator(input);
  if (indicator) throw rule(indicator, 'indicatorName');
}

/**
 * Everything the item points at must belong here: the parent to this partnership (at the right
 * level), the organisation to the partnership's members, the person to this locality's users,
 * the problems to this locality's accepted register. Anything else is refused with a message.
 */
async function checkReferences(
  tx: Db,
  ctx: ProgrammeCtx,
  partnershipId: string,
  input: ProgrammeItemInput,
  selfId: string | null,
) {
  const localityId = ctx.locality.localityId;
  let parent: { id: string; level: string; status: string; parentId: string | null } | null = null;
  if (input.parentId) {
    const [row] = await tx
      .select({
        id: programmeItems.id,
        level: programmeItems.level,
        status: programmeItems.status,
        parentId: programmeItems.parentId,
      })
      .from(programmeItems)
      .where(
        and(
          eq(programmeItems.id, input.parentId),
          eq(programmeItems.partnershipId, partnershipId),
          eq(programmeItems.localityId, localityId),
        ),
      )
      .limit(1);
    if (!row) throw rule(checkParent(input.level, null) ?? 'programme.form.parent.invalid', 'parentId');
    if (selfId && (row.id === selfId || row.parentId === selfId))
      throw rule('programme.errors.hasChildrenParent', 'parentId');
    parent = row;
  }
  const parentProblem = checkParent(input.level, parent);
  if (parentProblem) throw rule(parentProblem, 'parentId');
  if (parent?.status === 'cancelled' && !selfId) throw rule('programme.errors.parentCancelled', 'parentId');

  if (input.responsibleOrganisationId) {
    const [m] = await tx
      .select({ id: partnershipMembers.id })
      .from(partnershipMembers)
      .where(
        and(
          eq(partnershipMembers.partnershipId, partnershipId),
          eq(partnershipMembers.organisationId, input.responsibleOrganisationId),
          eq(partnershipMembers.localityId, localityId),
        ),
      )
      .limit(1);
    if (!m) throw rule('programme.errors.organisationNotMember', 'responsibleOrganisationId');
  }
  if (input.responsibleUserId) {
    const [u] = await tx
      .select({ id: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.userId, input.responsibleUserId),
          eq(memberships.localityId, localityId),
          eq(users.active, true),
        ),
      )
      .limit(1);
    if (!u) throw rule('programme.errors.userNotInLocality', 'responsibleUserId');
  }
  if (input.problemIds.length > 0) {
    const found = await tx
      .select({ id: localProblems.id })
      .from(localProblems)
      .where(
        and(
          inArray(localProblems.id, input.problemIds),
          eq(localProblems.localityId, localityId),
          inArray(localProblems.status, [...LINKABLE_PROBLEM_STATUSES]),
        ),
      );
    if (found.length !== input.problemIds.length) throw rule('programme.errors.problemUnknown', 'problemIds');
  }
}

async function linkProblems(tx: Db, ctx: ProgrammeCtx, itemId: string, problemIds: readonly string[]) {
  if (problemIds.length === 0) return;
  await tx
    .insert(programmeItemProblems)
    .values(problemIds.map((problemId) => ({ itemId, problemId, localityId: ctx.locality.localityId })));
}

function columnsOf(input: ProgrammeItemInput) {
  return {
    parentId: input.parentId,
    title: input.title,
    description: input.description,
    responsibleOrganisationId: input.responsibleOrganisationId,
    responsibleUserId: input.responsibleUserId,
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    indicatorName: input.indicatorName,
    indicatorUnit: input.indicatorUnit,
    indicatorTarget: input.indicatorTarget,
    indicatorActual: input.indicatorActual,
  };
}

/**
 * Adds a goal, an action or a task to a partnership's programme (the coordinator; or a meeting
 * decision recorded by them, with `decisionId`). Checks the policy, the input and everything it
 * points at, then writes the item, its problem links and the audit row in one transaction.
 */
export async function createProgrammeItem(
  db: Db,
  ctx: ProgrammeCtx & {
    partnershipId: string;
    input: ProgrammeItemInput;
    decisionId?: string;
    today?: string;
  },
): Promise<string> {
  assertManage(ctx);
  const input = ctx.input;
  checkInput(input);
  const today = ctx.today ?? todayInWarsaw();
  return db.transaction(async (tx) => {
    await requireProgrammePartnership(tx, ctx, ctx.partnershipId);
    await checkReferences(tx, ctx, ctx.partnershipId, input, null);
    if (ctx.decisionId) {
      const [d] = await tx
        .select({ id: meetingDecisions.id })
        .from(meetingDecisions)
        .where(
          and(
            eq(meetingDecisions.id, ctx.decisionId),
            eq(meetingDecisions.localityId, ctx.locality.localityId),
          ),
        )
        .limit(1);
      if (!d) throw new AppError('NOT_FOUND', 'errors.404.body');
    }
    const [last] = await tx
      .select({ position: max(programmeItems.position) })
      .from(programmeItems)
      .where(
        and(
          eq(programmeItems.partnershipId, ctx.partnershipId),
          eq(programmeItems.level, input.level),
          input.parentId
            ? eq(programmeItems.parentId, input.parentId)
            : sql`${programmeItems.parentId} is null`,
        ),
      );
    const [row] = await tx
      .insert(programmeItems)
      .values({
        ...columnsOf(input),
        localityId: ctx.locality.localityId,
        partnershipId: ctx.partnershipId,
        level: input.level,
        position: (last?.position ?? -1) + 1,
        status: input.status,
        progress: normaliseProgress(input.status, input.progress),
        completedOn: completedOnFor(input.status, null, today),
        decisionId: ctx.decisionId ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: programmeItems.id });
    const id = row!.id;
    await linkProblems(tx, ctx, id, input.problemIds);
    await auditProgramme(tx, ctx, 'programme_item.create', id, {
      partnershipId: ctx.partnershipId,
      level: input.level,
      title: input.title,
      ...(ctx.decisionId ? { decisionId: ctx.decisionId } : {}),
    });
    return id;
  });
}

/** Loads one item of this partnership and locality for a change; unknown otherwise. */
export async function requireProgrammeItem(db: Db, ctx: ProgrammeCtx, partnershipId: string, itemId: string) {
  const [row] = await db
    .select({
      id: programmeItems.id,
      level: programmeItems.level,
      parentId: programmeItems.parentId,
      status: programmeItems.status,
      progress: programmeItems.progress,
      completedOn: programmeItems.completedOn,
      responsibleOrganisationId: programmeItems.responsibleOrganisationId,
      responsibleUserId: programmeItems.responsibleUserId,
      version: programmeItems.version,
    })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.id, itemId),
        eq(programmeItems.partnershipId, partnershipId),
        eq(programmeItems.localityId, ctx.locality.localityId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/** Cancels the not-yet-done items under a cancelled goal or action (their own status stays otherwise). */
export async function cancelDescendants(tx: Db, partnershipId: string, itemId: string) {
  await tx.execute(sql`
    with recursive sub as (
      select id from ${programmeItems} where parent_id = ${itemId} and partnership_id = ${partnershipId}
      union all
      select c.id from ${programmeItems} c join sub on c.parent_id = sub.id
    )
    update ${programmeItems} set status = 'cancelled', version = version + 1, updated_at = now()
    where id in (select id from sub) and status <> 'done' and status <> 'cancelled'`);
}

/**
 * The coordinator's full edit of an item (everything but its level). A status change follows
 * the named moves; cancelling here cancels what is under it, as the cancel command does.
 */
export async function updateProgrammeItem(
  db: Db,
  ctx: ProgrammeCtx & {
    partnershipId: string;
    itemId: string;
    version: number;
    input: ProgrammeItemInput;
    today?: string;
  },
): Promise<void> {
  assertManage(ctx);
  const input = ctx.input;
  checkInput(input);
  const today = ctx.today ?? todayInWarsaw();
  await db.transaction(async (tx) => {
    const item = await requireProgrammeItem(tx, ctx, ctx.partnershipId, ctx.itemId);
    if (item.level !== input.level) throw rule('programme.errors.levelChange', 'level');
    if (ctx.version && ctx.version !== item.version) throw new AppError('CONFLICT', 'programme.errors.stale');
    const move = checkTransition(item.status as ProgrammeStatus, input.status);
    if (move) throw rule(move, 'status');
    await checkReferences(tx, ctx, ctx.partnershipId, input, item.id);
    await tx
      .update(programmeItems)
      .set({
        ...columnsOf(input),
        status: input.status,
        progress: normaliseProgress(input.status, input.progress),
        completedOn: completedOnFor(input.status, item, today),
        remindedOn: input.dueOn && input.dueOn >= today ? null : undefined,
        version: item.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(programmeItems.id, item.id));
    await tx.delete(programmeItemProblems).where(eq(programmeItemProblems.itemId, item.id));
    await linkProblems(tx, ctx, item.id, input.problemIds);
    if (input.status === 'cancelled' && item.status !== 'cancelled')
      await cancelDescendants(tx, ctx.partnershipId, item.id);
    await auditProgramme(tx, ctx, 'programme_item.update', item.id, {
      partnershipId: ctx.partnershipId,
      title: input.title,
      ...(item.status !== input.status ? { from: item.status, to: input.status } : {}),
    });
  });
}
