import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { initiativeStageHistory, initiatives, marketNiches } from '../../../db/schema/index.ts';
import { parseForm } from '../../lib/forms.ts';
import { initiativeSchema } from './initiative.schema.ts';
import {
  assertCreate,
  assertManage,
  auditInitiative,
  bumpVersion,
  type Ctx,
  invalid,
  loadInitiative,
  toForm,
  UUID,
} from './initiatives-core.server.ts';

async function assertNiche(db: Db, ctx: Ctx, nicheId: string | null) {
  if (!nicheId) return;
  const [n] = UUID.test(nicheId)
    ? await db
        .select({ id: marketNiches.id })
        .from(marketNiches)
        .where(and(eq(marketNiches.id, nicheId), eq(marketNiches.localityId, ctx.locality.localityId)))
        .limit(1)
    : [];
  if (!n) invalid({ nicheId: 'initiatives.form.niche.unknown' });
}

/** A new initiative group at the stage "idea", with its first history row; audited. */
export async function createInitiative(
  db: Db,
  ctx: Ctx & { values: Record<string, string> },
): Promise<string> {
  assertCreate(ctx);
  const parsed = parseForm(toForm(ctx.values), initiativeSchema);
  if (!parsed.ok) invalid(parsed.errors);
  const input = parsed.data;
  return db.transaction(async (tx) => {
    await assertNiche(tx, ctx, input.nicheId);
    const [row] = await tx
      .insert(initiatives)
      .values({
        localityId: ctx.locality.localityId,
        name: input.name,
        idea: input.idea,
        intendedLegalForm: input.intendedLegalForm,
        nicheId: input.nicheId,
        stage: 'idea',
        createdBy: ctx.actor.userId,
      })
      .returning({ id: initiatives.id });
    const id = row!.id;
    await tx.insert(initiativeStageHistory).values({
      localityId: ctx.locality.localityId,
      initiativeId: id,
      fromStage: null,
      toStage: 'idea',
      byUserId: ctx.actor.userId,
    });
    await auditInitiative(tx, ctx, 'initiative.create', id, { name: input.name });
    return id;
  });
}

/** Changes the name, idea, intended legal form and niche (optimistic concurrency on `version`). */
export async function updateInitiative(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string> },
): Promise<void> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), initiativeSchema);
  if (!parsed.ok) invalid(parsed.errors);
  const input = parsed.data;
  await db.transaction(async (tx) => {
    const row = await loadInitiative(tx, ctx.locality.localityId, ctx.id);
    await assertNiche(tx, ctx, input.nicheId);
    await bumpVersion(tx, row, ctx.values.version);
    await tx
      .update(initiatives)
      .set({
        name: input.name,
        idea: input.idea,
        intendedLegalForm: input.intendedLegalForm,
        nicheId: input.nicheId,
      })
      .where(eq(initiatives.id, row.id));
    await auditInitiative(tx, ctx, 'initiative.update', row.id, { name: input.name });
  });
}
