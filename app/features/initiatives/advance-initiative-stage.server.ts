import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { initiativeStageHistory, initiatives } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import type { MailQueue } from '../../lib/services.ts';
import { recheckEnterprise } from '../enterprises/legal/legal.server.ts';
import { foundEnterprise } from './found-enterprise.server.ts';
import { advanceSchema, foundingSchema } from './initiative.schema.ts';
import { type Missing, moveChecks, nextStage, PS_AIMS } from './initiative-stages.rules.ts';
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

/** A refused move: what is missing, in words (message ids with their figures). Nothing was saved. */
export class MoveRefused extends Error {
  readonly missing: Missing[];
  constructor(missing: Missing[]) {
    super('move refused');
    this.missing = missing;
  }
}

export type AdvanceResult = { from: string; to: string; enterpriseId: string | null };

/**
 * Moves an initiative to the next stage of the pipeline when the current stage's checklist and
 * rules hold; otherwise refuses with the list of what is missing. The move from founding to
 * incubation founds the entity (organisation, enterprise, members) in the same transaction.
 * The history keeps the checks as they stood.
 */
export async function advanceInitiativeStage(
  db: Db,
  ctx: Ctx & {
    id: string;
    values: Record<string, string>;
    psAims?: string[];
    today: string;
    /** When given, the new enterprise's legal status is checked right after founding. */
    recheck?: { mail: MailQueue; baseUrl: string };
  },
): Promise<AdvanceResult> {
  assertManage(ctx);
  const result = await db.transaction(async (tx): Promise<AdvanceResult | { refused: Missing[] }> => {
    const initiative = await loadInitiative(tx, ctx.locality.localityId, ctx.id);
    const to = nextStage(initiative.stage as never);
    if (!to) throw new AppError('DOMAIN_RULE', 'initiatives.move.noNext');
    const founding = initiative.stage === 'founding';
    const form = toForm(ctx.values);
    const psAims = (ctx.psAims ?? []).filter((a) => (PS_AIMS as readonly string[]).includes(a));
    const facts = await loadMoveFacts(tx, initiative, ctx.today);
    const checks = moveChecks(facts);
    const missing: Missing[] = checks.filter((c) => !c.passed).map((c) => ({ key: c.key, values: c.values }));
    if (missing.length > 0) return { refused: missing };
    let reason = '';
    let enterpriseId: string | null = null;
    if (founding) {
      const parsed = parseForm(form, foundingSchema);
      if (!parsed.ok) invalid(parsed.errors);
      if (parsed.data.registeredOn > ctx.today)
        invalid({ registeredOn: 'initiatives.founding.registeredOn.future' });
      await bumpVersion(tx, initiative, ctx.values.version);
      const founded = await foundEnterprise(tx, {
        ...ctx,
        initiative,
        input: parsed.data,
        psAims,
        today: ctx.today,
      });
      enterpriseId = founded.enterpriseId;
      reason = parsed.data.reason;
    } else {
      const parsed = parseForm(form, advanceSchema);
      if (!parsed.ok) invalid(parsed.errors);
      await bumpVersion(tx, initiative, ctx.values.version);
      reason = parsed.data.reason;
    }
    const at = new Date();
    await tx
      .update(initiatives)
      .set({ stage: to, stageChangedAt: at })
      .where(eq(initiatives.id, initiative.id));
    await tx.insert(initiativeStageHistory).values({
      localityId: ctx.locality.localityId,
      initiativeId: initiative.id,
      fromStage: initiative.stage,
      toStage: to,
      reason,
      checks,
      byUserId: ctx.actor.userId,
      at,
    });
    await auditInitiative(tx, ctx, 'initiative.stage.advance', initiative.id, {
      from: initiative.stage,
      to,
      enterpriseId,
    });
    return { from: initiative.stage, to, enterpriseId };
  });
  if ('refused' in result) throw new MoveRefused(result.refused);
  if (result.enterpriseId && ctx.recheck)
    await recheckEnterprise(db, {
      ...ctx.recheck,
      today: ctx.today,
      enterpriseId: result.enterpriseId,
      localityId: ctx.locality.localityId,
    });
  return result;
}
