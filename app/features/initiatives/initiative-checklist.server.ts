import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { initiativeChecklist } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { tickSchema } from './initiative.schema.ts';
import { CHECKLIST } from './initiative-stages.rules.ts';
import {
  assertManage,
  auditInitiative,
  type Ctx,
  invalid,
  loadInitiative,
  toForm,
} from './initiatives-core.server.ts';

async function currentStageItem(db: Db, ctx: Ctx, initiativeId: string, item: string) {
  const initiative = await loadInitiative(db, ctx.locality.localityId, initiativeId);
  if (initiative.stage === 'closed') throw new AppError('DOMAIN_RULE', 'initiatives.closedNoChanges');
  const stage = initiative.stage as keyof typeof CHECKLIST;
  if (!CHECKLIST[stage]?.includes(item)) throw new AppError('BAD_REQUEST', 'initiatives.checklist.unknown');
  return { initiative, stage };
}

/** Ticks an item of the current stage's checklist with the day it was done (ticking again updates it). */
export async function tickChecklistItem(
  db: Db,
  ctx: Ctx & { initiativeId: string; values: Record<string, string>; today: string },
): Promise<void> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), tickSchema);
  if (!parsed.ok) invalid(parsed.errors);
  if (parsed.data.doneOn > ctx.today) invalid({ doneOn: 'initiatives.checklist.doneOn.future' });
  await db.transaction(async (tx) => {
    const { initiative, stage } = await currentStageItem(tx, ctx, ctx.initiativeId, parsed.data.item);
    await tx
      .insert(initiativeChecklist)
      .values({
        localityId: ctx.locality.localityId,
        initiativeId: initiative.id,
        stage,
        itemKey: parsed.data.item,
        note: parsed.data.note,
        doneOn: parsed.data.doneOn,
        doneBy: ctx.actor.userId,
      })
      .onConflictDoUpdate({
        target: [initiativeChecklist.initiativeId, initiativeChecklist.stage, initiativeChecklist.itemKey],
        set: { doneOn: parsed.data.doneOn, note: parsed.data.note, doneBy: ctx.actor.userId },
      });
    await auditInitiative(tx, ctx, 'initiative.checklist.tick', initiative.id, {
      stage,
      item: parsed.data.item,
    });
  });
}

export async function untickChecklistItem(
  db: Db,
  ctx: Ctx & { initiativeId: string; item: string },
): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const { initiative, stage } = await currentStageItem(tx, ctx, ctx.initiativeId, ctx.item);
    await tx
      .delete(initiativeChecklist)
      .where(
        and(
          eq(initiativeChecklist.initiativeId, initiative.id),
          eq(initiativeChecklist.stage, stage),
          eq(initiativeChecklist.itemKey, ctx.item),
        ),
      );
    await auditInitiative(tx, ctx, 'initiative.checklist.untick', initiative.id, { stage, item: ctx.item });
  });
}
