import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { businessOffers, enterprises, initiatives, organisations } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { canEditOffer, canManageFinancing, offerOrganisations } from './financing.policy.ts';
import {
  audit,
  belongs,
  type Ctx,
  notFound,
  throwIfErrors,
  toForm,
  UUID,
} from './financing-common.server.ts';
import { offerSchema } from './offer.schema.ts';

async function offerInput(db: Db, ctx: Ctx, values: Record<string, string>) {
  const parsed = parseForm(toForm(values), offerSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok) {
    const d = parsed.data;
    const localityId = ctx.locality.localityId;
    if (!d.organisationId) errors.organisationId = 'financing.offer.organisation.required';
    else if (
      !(await belongs(db, 'organisations', localityId, d.organisationId)) ||
      (!canManageFinancing(ctx.actor, ctx.locality) &&
        !offerOrganisations(ctx.locality).includes(d.organisationId))
    )
      errors.organisationId = 'financing.form.unknown';
    if (d.validTo && d.validTo < d.validFrom) errors.validTo = 'financing.offer.validTo.beforeFrom';
    if (!(await belongs(db, 'enterprises', localityId, d.enterpriseId)))
      errors.enterpriseId = 'financing.form.unknown';
    if (!(await belongs(db, 'initiatives', localityId, d.initiativeId)))
      errors.initiativeId = 'financing.form.unknown';
    if (d.status === 'taken' && !d.enterpriseId && !d.initiativeId)
      errors.enterpriseId = 'financing.offer.takenBy.required';
  }
  throwIfErrors(errors);
  if (!parsed.ok) throw new Error('unreachable');
  const d = parsed.data;
  return { ...d, organisationId: d.organisationId as string };
}

/** A business partner's offer: staff for any organisation, a partner representative for their own. */
export async function createOffer(db: Db, ctx: Ctx & { values: Record<string, string> }): Promise<string> {
  if (!canManageFinancing(ctx.actor, ctx.locality) && offerOrganisations(ctx.locality).length === 0)
    throw new AppError('FORBIDDEN', 'errors.403.body');
  const input = await offerInput(db, ctx, ctx.values);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(businessOffers)
      .values({ localityId: ctx.locality.localityId, ...input, createdBy: ctx.actor.userId })
      .returning({ id: businessOffers.id });
    await audit(tx, ctx, 'offer.create', 'business_offer', row!.id, { title: input.title });
    return row!.id;
  });
}

/** Changes an offer: staff any, a partner representative only their organisation's (others: 403). */
export async function updateOffer(db: Db, ctx: Ctx & { id: string; values: Record<string, string> }) {
  const current = await offerRow(db, ctx.locality.localityId, ctx.id);
  if (!current) notFound();
  if (!canEditOffer(ctx.actor, ctx.locality, current)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const input = await offerInput(db, ctx, ctx.values);
  await db.transaction(async (tx) => {
    await tx
      .update(businessOffers)
      .set(input)
      .where(and(eq(businessOffers.id, ctx.id), eq(businessOffers.localityId, ctx.locality.localityId)));
    await audit(tx, ctx, 'offer.update', 'business_offer', ctx.id, { status: input.status });
  });
}

export async function offerRow(db: Db, localityId: string, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(businessOffers)
    .where(and(eq(businessOffers.id, id), eq(businessOffers.localityId, localityId)));
  return row ?? null;
}

/** The offers an actor may see: all (staff), their organisation's and the open ones (partners), open ones. */
export async function listOffers(
  db: Db,
  opts: { localityId: string; access: 'all' | 'own+open' | 'open'; own: string[]; status: string },
) {
  const where = [eq(businessOffers.localityId, opts.localityId)];
  if (opts.access === 'open') where.push(eq(businessOffers.status, 'open'));
  if (opts.access === 'own+open') {
    const visible = or(eq(businessOffers.status, 'open'), inArray(businessOffers.organisationId, opts.own));
    if (visible) where.push(visible);
  }
  if (opts.status) where.push(eq(businessOffers.status, opts.status));
  const takenBy = sql<string | null>`coalesce(
    (select o2.name from enterprises e join organisations o2 on o2.id = e.organisation_id where e.id = ${businessOffers.enterpriseId}),
    (select i.name from initiatives i where i.id = ${businessOffers.initiativeId}))`;
  return db
    .select({
      id: businessOffers.id,
      organisationId: businessOffers.organisationId,
      organisationName: organisations.name,
      kind: businessOffers.kind,
      title: businessOffers.title,
      description: businessOffers.description,
      valuePln: businessOffers.valuePln,
      validFrom: businessOffers.validFrom,
      validTo: businessOffers.validTo,
      status: businessOffers.status,
      takenBy,
    })
    .from(businessOffers)
    .innerJoin(organisations, eq(organisations.id, businessOffers.organisationId))
    .where(and(...where))
    .orderBy(asc(businessOffers.status), desc(businessOffers.validFrom))
    .limit(300);
}

/** The enterprise and initiative names (used by the offer form's "taken by" selects). */
export async function takerOptions(db: Db, localityId: string) {
  const [ents, inits] = await Promise.all([
    db
      .select({ id: enterprises.id, name: organisations.name })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(eq(enterprises.localityId, localityId))
      .orderBy(organisations.nameFolded),
    db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(eq(initiatives.localityId, localityId))
      .orderBy(initiatives.name)
      .limit(500),
  ]);
  return { enterprises: ents, initiatives: inits };
}
