import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { initiativeStageHistory, initiatives } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { closeSchema } from './initiative.schema.ts';
import { moveChecks } from './initiative-stages.rules.ts';
import {
  assertManage,
  auditInitiative,
  bumpVersion,
  type Ctx,
  invalid,
  loadInitiative,
  toForm,
} from './initiatives-core.server.ts';
import { loadMoveFacts } from './stage-move-facts.server.ts';

/** Closes an initiative from any stage; the reason is required and kept in the history. */
export async function closeInitiative(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; today: string },
): Promise<void> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), closeSchema);
  if (!parsed.ok) invalid(parsed.errors);
  await db.transaction(async (tx) => {
    const initiative = await loadInitiative(tx, ctx.locality.localityId, ctx.id);
    if (initiative.stage === 'closed') throw new AppError('DOMAIN_RULE', 'initiatives.closedNoChanges');
    const checks = moveChecks(await loadMoveFacts(tx, initiative, ctx.today));
    await bumpVersion(tx, initiative, ctx.values.version);
    const at = new Date();
    await tx
      .update(initiatives)
      .set({ stage: 'closed', stageChangedAt: at, closedReason: parsed.data.reason })
      .where(eq(initiatives.id, initiative.id));
    await tx.insert(initiativeStageHistory).values({
      localityId: ctx.locality.localityId,
      initiativeId: initiative.id,
      fromStage: initiative.stage,
      toStage: 'closed',
      reason: parsed.data.reason,
      checks,
      byUserId: ctx.actor.userId,
      at,
    });
    await auditInitiative(tx, ctx, 'initiative.stage.close', initiative.id, { from: initiative.stage });
  });
}
