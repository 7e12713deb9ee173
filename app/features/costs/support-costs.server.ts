import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { supportCosts } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { supportCostSchema } from './costs.schema.ts';
import { assertManageCosts, auditCosts, type CostsCtx, toForm } from './donations.server.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records what the support system's work cost in a month and category, audited. */
export async function addSupportCost(
  db: Db,
  ctx: CostsCtx & { values: Record<string, string> },
): Promise<string> {
  assertManageCosts(ctx);
  const parsed = parseForm(toForm(ctx.values), supportCostSchema);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', 'common.form.invalid', {}, parsed.errors);
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportCosts)
      .values({ ...input, localityId: ctx.locality.localityId, createdBy: ctx.actor.userId })
      .returning({ id: supportCosts.id });
    await auditCosts(tx, ctx, 'support_cost.create', 'support_cost', row!.id, {
      month: input.month,
      category: input.category,
      amountPln: input.amountPln,
    });
    return row!.id;
  });
}

/** Deletes one cost line of this locality, audited. */
export async function deleteSupportCost(db: Db, ctx: CostsCtx & { id: string }): Promise<void> {
  assertManageCosts(ctx);
  if (!UUID.test(ctx.id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(supportCosts)
      .where(and(eq(supportCosts.id, ctx.id), eq(supportCosts.localityId, ctx.locality.localityId)))
      .returning({ id: supportCosts.id, amountPln: supportCosts.amountPln });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    await auditCosts(tx, ctx, 'support_cost.delete', 'support_cost', row.id, { amountPln: row.amountPln });
  });
}
