import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { marketNiches, nicheCriteria, nicheEvidence } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { canManageFinancing } from '../financing/financing.policy.ts';
import {
  audit,
  belongs,
  type Ctx,
  notFound,
  throwIfErrors,
  toForm,
  UUID,
} from '../financing/financing-common.server.ts';
import { criterionSchema, evidenceSchema, nicheSchema } from './niche.schema.ts';
import { criterionKey, DEFAULT_CRITERIA, validScore } from './niches.rules.ts';

function assertManage(ctx: Ctx) {
  if (!canManageFinancing(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

/** The locality's criteria; the default set is created (once) when it has none. */
export async function ensureCriteria(db: Db, localityId: string) {
  const rows = await db
    .select({
      id: nicheCriteria.id,
      key: nicheCriteria.key,
      label: nicheCriteria.label,
      weight: nicheCriteria.weight,
    })
    .from(nicheCriteria)
    .where(eq(nicheCriteria.localityId, localityId))
    .orderBy(asc(nicheCriteria.position), asc(nicheCriteria.key));
  if (rows.length > 0) return rows.map((r) => ({ ...r, weight: Number(r.weight) }));
  await db
    .insert(nicheCriteria)
    .values(
      DEFAULT_CRITERIA.map((c, i) => ({
        localityId,
        key: c.key,
        label: '',
        weight: String(c.weight),
        position: i,
      })),
    )
    .onConflictDoNothing();
  return ensureCriteria(db, localityId);
}

/** The scores typed on the form (`score_<key>`), only for known criteria and 1..5. */
function typedScores(values: Record<string, string>, keys: string[], errors: FieldErrors) {
  const scores: Record<string, number> = {};
  for (const key of keys) {
    const raw = (values[`score_${key}`] ?? '').trim();
    if (!raw) continue;
    const s = validScore(raw);
    if (s === null) errors[`score_${key}`] = 'financing.niche.score.invalid';
    else scores[key] = s;
  }
  return scores;
}

async function nicheInput(db: Db, ctx: Ctx, values: Record<string, string>) {
  const errors: FieldErrors = {};
  const parsed = parseForm(toForm(values), nicheSchema);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const criteria = await ensureCriteria(db, ctx.locality.localityId);
  const scores = typedScores(
    values,
    criteria.map((c) => c.key),
    errors,
  );
  throwIfErrors(errors);
  if (!parsed.ok) throw new Error('unreachable');
  return { ...parsed.data, scores };
}

/** Records a niche with its scores; one transaction with its audit row. */
export async function createNiche(db: Db, ctx: Ctx & { values: Record<string, string> }): Promise<string> {
  assertManage(ctx);
  const input = await nicheInput(db, ctx, ctx.values);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(marketNiches)
      .values({ localityId: ctx.locality.localityId, ...input, createdBy: ctx.actor.userId })
      .returning({ id: marketNiches.id });
    await audit(tx, ctx, 'niche.create', 'market_niche', row!.id, { name: input.name });
    return row!.id;
  });
}

export async function updateNiche(db: Db, ctx: Ctx & { id: string; values: Record<string, string> }) {
  assertManage(ctx);
  if (!UUID.test(ctx.id)) notFound();
  const input = await nicheInput(db, ctx, ctx.values);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(marketNiches)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(marketNiches.id, ctx.id), eq(marketNiches.localityId, ctx.locality.localityId)))
      .returning({ id: marketNiches.id });
    if (!row) notFound();
    await audit(tx, ctx, 'niche.update', 'market_niche', ctx.id, { status: input.status });
  });
}

/** Adds evidence of demand to a niche of this locality (an organisation of the directory optional). */
export async function addEvidence(db: Db, ctx: Ctx & { nicheId: string; values: Record<string, string> }) {
  assertManage(ctx);
  if (!UUID.test(ctx.nicheId)) notFound();
  const parsed = parseForm(toForm(ctx.values), evidenceSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && !(await belongs(db, 'organisations', ctx.locality.localityId, parsed.data.organisationId)))
    errors.organisationId = 'financing.form.unknown';
  throwIfErrors(errors);
  if (!parsed.ok) return;
  await db.transaction(async (tx) => {
    const [niche] = await tx
      .select({ id: marketNiches.id })
      .from(marketNiches)
      .where(and(eq(marketNiches.id, ctx.nicheId), eq(marketNiches.localityId, ctx.locality.localityId)));
    if (!niche) notFound();
    const [row] = await tx
      .insert(nicheEvidence)
      .values({ localityId: ctx.locality.localityId, nicheId: ctx.nicheId, ...parsed.data })
      .returning({ id: nicheEvidence.id });
    await audit(tx, ctx, 'niche.evidence.add', 'market_niche', ctx.nicheId, { evidenceId: row!.id });
  });
}

export async function removeEvidence(db: Db, ctx: Ctx & { nicheId: string; evidenceId: string }) {
  assertManage(ctx);
  if (!UUID.test(ctx.evidenceId)) notFound();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(nicheEvidence)
      .where(
        and(
          eq(nicheEvidence.id, ctx.evidenceId),
          eq(nicheEvidence.nicheId, ctx.nicheId),
          eq(nicheEvidence.localityId, ctx.locality.localityId),
        ),
      )
      .returning({ id: nicheEvidence.id });
    if (!row) notFound();
    await audit(tx, ctx, 'niche.evidence.remove', 'market_niche', ctx.nicheId, { evidenceId: row.id });
  });
}

/** Adds a criterion (its key from the label) or, with `id`, changes one's label and weight. */
export async function saveCriterion(
  db: Db,
  ctx: Ctx & { id: string | null; values: Record<string, string> },
) {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), criterionSchema);
  if (!parsed.ok) throwIfErrors(parsed.errors);
  if (!parsed.ok) return;
  const { label, weight } = parsed.data;
  const localityId = ctx.locality.localityId;
  await db.transaction(async (tx) => {
    if (ctx.id) {
      if (!UUID.test(ctx.id)) notFound();
      const [row] = await tx
        .update(nicheCriteria)
        .set({ label, weight: String(weight) })
        .where(and(eq(nicheCriteria.id, ctx.id), eq(nicheCriteria.localityId, localityId)))
        .returning({ id: nicheCriteria.id });
      if (!row) notFound();
      await audit(tx, ctx, 'niche.criterion.update', 'niche_criterion', ctx.id, { label, weight });
      return;
    }
    const key = criterionKey(label) || 'criterion';
    const [clash] = await tx
      .select({ id: nicheCriteria.id })
      .from(nicheCriteria)
      .where(and(eq(nicheCriteria.localityId, localityId), eq(nicheCriteria.key, key)));
    if (clash) throwIfErrors({ label: 'financing.criteria.label.taken' });
    const [{ max }] = (await tx
      .select({ max: sql<number>`coalesce(max(${nicheCriteria.position}), -1)::int` })
      .from(nicheCriteria)
      .where(eq(nicheCriteria.localityId, localityId))) as [{ max: number }];
    const [row] = await tx
      .insert(nicheCriteria)
      .values({ localityId, key, label, weight: String(weight), position: max + 1 })
      .returning({ id: nicheCriteria.id });
    await audit(tx, ctx, 'niche.criterion.create', 'niche_criterion', row!.id, { label, weight });
  });
}

/** Removes a criterion (niches keep their old score for it, unused); the last one stays. */
export async function removeCriterion(db: Db, ctx: Ctx & { id: string }) {
  assertManage(ctx);
  if (!UUID.test(ctx.id)) notFound();
  await db.transaction(async (tx) => {
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(nicheCriteria)
      .where(eq(nicheCriteria.localityId, ctx.locality.localityId))) as [{ n: number }];
    if (n <= 1) throw new AppError('DOMAIN_RULE', 'financing.criteria.lastOne');
    const [row] = await tx
      .delete(nicheCriteria)
      .where(and(eq(nicheCriteria.id, ctx.id), eq(nicheCriteria.localityId, ctx.locality.localityId)))
      .returning({ id: nicheCriteria.id, key: nicheCriteria.key });
    if (!row) notFound();
    await audit(tx, ctx, 'niche.criterion.remove', 'niche_criterion', ctx.id, { key: row.key });
  });
}
