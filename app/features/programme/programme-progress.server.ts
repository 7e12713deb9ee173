import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { programmeItems } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { canManageProgramme, canUpdateProgress } from './programme.policy.ts';
import {
  checkTransition,
  completedOnFor,
  normaliseProgress,
  type ProgrammeStatus,
} from './programme.rules.ts';
import type { ProgressUpdateInput } from './programme.schema.ts';
import {
  assertManage,
  auditProgramme,
  cancelDescendants,
  type ProgrammeCtx,
  requireProgrammeItem,
} from './programme.server.ts';

/**
 * A status move, progress and the indicator's actual value, reported by whoever is responsible
 * (or the coordinator). Cancelling and restoring are the coordinator's own commands.
 */
export async function updateProgrammeProgress(
  db: Db,
  ctx: ProgrammeCtx & { partnershipId: string; itemId: string; input: ProgressUpdateInput; today?: string },
): Promise<void> {
  const today = ctx.today ?? todayInWarsaw();
  const input = ctx.input;
  await db.transaction(async (tx) => {
    const item = await requireProgrammeItem(tx, ctx, ctx.partnershipId, ctx.itemId);
    if (!canUpdateProgress(ctx.actor, ctx.locality, item))
      throw new AppError('FORBIDDEN', 'programme.errors.notResponsible');
    if (input.version && input.version !== item.version)
      throw new AppError('CONFLICT', 'programme.errors.stale');
    const from = item.status as ProgrammeStatus;
    if ((input.status === 'cancelled' || from === 'cancelled') && input.status !== from)
      throw new AppError(
        'FORBIDDEN',
        'programme.errors.onlyManagerCancels',
        {},
        {
          status: 'programme.errors.onlyManagerCancels',
        },
      );
    const move = checkTransition(from, input.status);
    if (move) throw new AppError('DOMAIN_RULE', move, {}, { status: move });
    await tx
      .update(programmeItems)
      .set({
        status: input.status,
        progress: normaliseProgress(input.status, input.progress),
        completedOn: completedOnFor(input.status, item, today),
        indicatorActual: input.indicatorActual,
        version: item.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(programmeItems.id, item.id));
    await auditProgramme(tx, ctx, 'programme_item.progress', item.id, {
      partnershipId: ctx.partnershipId,
      from: item.status,
      to: input.status,
      progress: normaliseProgress(input.status, input.progress),
      indicatorActual: input.indicatorActual,
    });
  });
}

/** Cancels an item (the coordinator, after confirming); what is under it and not done is cancelled too. */
export async function cancelProgrammeItem(
  db: Db,
  ctx: ProgrammeCtx & { partnershipId: string; itemId: string },
): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const item = await requireProgrammeItem(tx, ctx, ctx.partnershipId, ctx.itemId);
    const move = checkTransition(item.status as ProgrammeStatus, 'cancelled');
    if (move || item.status === 'cancelled') throw new AppError('DOMAIN_RULE', 'programme.errors.transition');
    await tx
      .update(programmeItems)
      .set({ status: 'cancelled', completedOn: null, version: item.version + 1, updatedAt: new Date() })
      .where(eq(programmeItems.id, item.id));
    await cancelDescendants(tx, ctx.partnershipId, item.id);
    await auditProgramme(tx, ctx, 'programme_item.cancel', item.id, {
      partnershipId: ctx.partnershipId,
      from: item.status,
    });
  });
}

/** Brings a cancelled item back as planned (the coordinator); what was under it stays as it is. */
export async function restoreProgrammeItem(
  db: Db,
  ctx: ProgrammeCtx & { partnershipId: string; itemId: string },
): Promise<void> {
  if (!canManageProgramme(ctx.actor, ctx.locality))
    throw new AppError('FORBIDDEN', 'programme.errors.onlyManagerCancels');
  await db.transaction(async (tx) => {
    const item = await requireProgrammeItem(tx, ctx, ctx.partnershipId, ctx.itemId);
    if (item.status !== 'cancelled') throw new AppError('DOMAIN_RULE', 'programme.errors.transition');
    await tx
      .update(programmeItems)
      .set({ status: 'planned', version: item.version + 1, updatedAt: new Date() })
      .where(eq(programmeItems.id, item.id));
    await auditProgramme(tx, ctx, 'programme_item.restore', item.id, { partnershipId: ctx.partnershipId });
  });
}
