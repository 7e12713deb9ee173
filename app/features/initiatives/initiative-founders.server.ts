import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  initiativeFounders,
  organisations,
  participantCategories,
  people,
} from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { founderSchema } from './initiative.schema.ts';
import {
  assertManage,
  auditInitiative,
  type Ctx,
  invalid,
  loadInitiative,
  toForm,
  UUID,
} from './initiatives-core.server.ts';

/**
 * Adds a founder: a natural person of the locality (their at-risk status taken from the
 * participant's recorded categories unless staff set it) or an organisation of the directory.
 * A person or organisation is an active founder of one initiative once.
 */
export async function addFounder(
  db: Db,
  ctx: Ctx & { initiativeId: string; values: Record<string, string> },
): Promise<string> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), founderSchema);
  if (!parsed.ok) invalid(parsed.errors);
  const v = parsed.data;
  const localityId = ctx.locality.localityId;
  return db.transaction(async (tx) => {
    const initiative = await loadInitiative(tx, localityId, ctx.initiativeId);
    if (initiative.stage === 'closed') throw new AppError('DOMAIN_RULE', 'initiatives.closedNoChanges');
    let displayName = '';
    let atRisk = v.atRisk === 'yes';
    let atRiskCategory: string | null = null;
    if (v.kind === 'natural') {
      const id = v.personId ?? '';
      const [p] = UUID.test(id)
        ? await tx
            .select({ givenName: people.givenName, familyName: people.familyName })
            .from(people)
            .where(and(eq(people.id, id), eq(people.localityId, localityId), isNull(people.erasedAt)))
            .limit(1)
        : [];
      if (!p) invalid({ personId: 'initiatives.founders.person.unknown' });
      displayName = `${p.givenName} ${p.familyName}`;
      const cats = await tx
        .select({ category: participantCategories.category })
        .from(participantCategories)
        .where(and(eq(participantCategories.personId, id), eq(participantCategories.localityId, localityId)))
        .orderBy(asc(participantCategories.notedOn));
      if (v.atRisk === 'auto') atRisk = cats.length > 0;
      if (atRisk) atRiskCategory = cats[0]?.category ?? null;
    } else {
      const id = v.organisationId ?? '';
      const [o] = UUID.test(id)
        ? await tx
            .select({ name: organisations.name })
            .from(organisations)
            .where(and(eq(organisations.id, id), eq(organisations.localityId, localityId)))
            .limit(1)
        : [];
      if (!o) invalid({ organisationId: 'initiatives.founders.organisation.unknown' });
      displayName = o.name;
      if (v.atRisk === 'auto') atRisk = false;
    }
    const [dup] = await tx
      .select({ id: initiativeFounders.id })
      .from(initiativeFounders)
      .where(
        and(
          eq(initiativeFounders.initiativeId, initiative.id),
          isNull(initiativeFounders.leftOn),
          v.kind === 'natural'
            ? eq(initiativeFounders.personId, v.personId!)
            : eq(initiativeFounders.organisationId, v.organisationId!),
        ),
      )
      .limit(1);
    if (dup)
      invalid({
        [v.kind === 'natural' ? 'personId' : 'organisationId']: 'initiatives.founders.duplicate',
      });
    const [row] = await tx
      .insert(initiativeFounders)
      .values({
        localityId,
        initiativeId: initiative.id,
        kind: v.kind,
        personId: v.kind === 'natural' ? v.personId : null,
        organisationId: v.kind === 'legal' ? v.organisationId : null,
        displayName,
        atRisk,
        atRiskCategory,
        role: v.role,
        joinedOn: v.joinedOn,
      })
      .returning({ id: initiativeFounders.id });
    await auditInitiative(tx, ctx, 'initiative.founder.add', initiative.id, {
      founderId: row!.id,
      kind: v.kind,
    });
    return row!.id;
  });
}

async function loadFounder(db: Db, ctx: Ctx, initiativeId: string, founderId: string) {
  const initiative = await loadInitiative(db, ctx.locality.localityId, initiativeId);
  const [f] = UUID.test(founderId)
    ? await db
        .select()
        .from(initiativeFounders)
        .where(and(eq(initiativeFounders.id, founderId), eq(initiativeFounders.initiativeId, initiative.id)))
        .limit(1)
    : [];
  if (!f) throw new AppError('NOT_FOUND', 'errors.404.body');
  return { initiative, founder: f };
}

/** A founder leaves the group (kept in the record with the day they left). */
export async function removeFounder(
  db: Db,
  ctx: Ctx & { initiativeId: string; founderId: string; today: string },
): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const { initiative, founder } = await loadFounder(tx, ctx, ctx.initiativeId, ctx.founderId);
    if (founder.leftOn) return;
    await tx
      .update(initiativeFounders)
      .set({ leftOn: ctx.today })
      .where(eq(initiativeFounders.id, founder.id));
    await auditInitiative(tx, ctx, 'initiative.founder.remove', initiative.id, { founderId: founder.id });
  });
}

/** Staff correct whether a founder belongs to a group at risk (u.s.s. art. 4 ust. 1). */
export async function setFounderAtRisk(
  db: Db,
  ctx: Ctx & { initiativeId: string; founderId: string; atRisk: boolean },
): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const { initiative, founder } = await loadFounder(tx, ctx, ctx.initiativeId, ctx.founderId);
    await tx
      .update(initiativeFounders)
      .set({ atRisk: ctx.atRisk, atRiskCategory: ctx.atRisk ? founder.atRiskCategory : null })
      .where(eq(initiativeFounders.id, founder.id));
    await auditInitiative(tx, ctx, 'initiative.founder.atRisk', initiative.id, {
      founderId: founder.id,
      atRisk: ctx.atRisk,
    });
  });
}
