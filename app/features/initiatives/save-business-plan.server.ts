import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { businessPlans } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePlanForm } from './business-plan.schema.ts';
import {
  assertManage,
  auditInitiative,
  type Ctx,
  invalid,
  loadInitiative,
} from './initiatives-core.server.ts';

/**
 * Saves the business plan from its form. Every field error is reported at once and nothing is
 * saved; a form made from an older version of the plan (someone saved meanwhile) is refused.
 */
export async function saveBusinessPlan(
  db: Db,
  ctx: Ctx & { initiativeId: string; values: Record<string, string> },
): Promise<void> {
  assertManage(ctx);
  const { plan, errors } = parsePlanForm(ctx.values);
  if (Object.keys(errors).length > 0) invalid(errors);
  await db.transaction(async (tx) => {
    const initiative = await loadInitiative(tx, ctx.locality.localityId, ctx.initiativeId);
    if (initiative.stage === 'closed') throw new AppError('DOMAIN_RULE', 'initiatives.closedNoChanges');
    const [existing] = await tx
      .select({ id: businessPlans.id, version: businessPlans.version })
      .from(businessPlans)
      .where(eq(businessPlans.initiativeId, initiative.id))
      .limit(1);
    const typed = Number(ctx.values.version ?? '0');
    if ((existing?.version ?? 0) !== typed) throw new AppError('CONFLICT', 'initiatives.plan.conflict');
    const values = { ...plan, updatedBy: ctx.actor.userId, updatedAt: new Date() };
    if (existing) {
      await tx
        .update(businessPlans)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(businessPlans.id, existing.id));
    } else {
      await tx
        .insert(businessPlans)
        .values({ ...values, localityId: ctx.locality.localityId, initiativeId: initiative.id });
    }
    await auditInitiative(tx, ctx, 'initiative.plan.save', initiative.id, {
      version: (existing?.version ?? 0) + 1,
    });
  });
}
