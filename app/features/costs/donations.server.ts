import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { donations, inKindEntries, organisations } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { canManageCosts } from './costs.policy.ts';
import { DONATION_LEDGER_KIND, DONATION_SOURCE } from './costs.rules.ts';
import { donationSchema } from './costs.schema.ts';

export type CostsCtx = { actor: Actor; locality: ActorLocality };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertManageCosts(ctx: CostsCtx) {
  if (!canManageCosts(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

export async function auditCosts(
  db: Db,
  ctx: CostsCtx,
  action: string,
  entityType: string,
  id: string | null,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType,
    entityId: id,
    details,
  });
}

export function toForm(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

function invalid(errors: FieldErrors): never {
  throw new AppError('BAD_REQUEST', 'common.form.invalid', {}, errors);
}

/** The ledger line of a donation: "Darowizna (pieniądze): …" is left to the page; the description is the donor's words. */
function ledgerDescription(d: { kind: string; description: string; donorName: string }) {
  const donor = d.donorName ? ` — ${d.donorName}` : '';
  return `${d.description}${donor}`.slice(0, 500);
}

/**
 * Records a donation (money or goods, from an organisation in the directory or a named donor) and
 * enters its value into the locality's in-kind ledger (kind `donation`, source `donation`, the
 * donation's id), with the audit row, in one transaction.
 */
export async function recordDonation(
  db: Db,
  ctx: CostsCtx & { values: Record<string, string> },
): Promise<string> {
  assertManageCosts(ctx);
  const parsed = parseForm(toForm(ctx.values), donationSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const input = parsed.ok ? parsed.data : null;
  let organisationName: string | null = null;
  const orgId = ctx.values.donorOrganisationId?.trim() || null;
  if (orgId) {
    const [org] = UUID.test(orgId)
      ? await db
          .select({ name: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.id, orgId), eq(organisations.localityId, ctx.locality.localityId)))
          .limit(1)
      : [];
    if (!org) errors.donorOrganisationId = 'costs.donations.donor.unknown';
    else organisationName = org.name;
  }
  if (!orgId && !ctx.values.donorName?.trim()) errors.donorName = 'costs.donations.donor.required';
  if (!input || Object.keys(errors).length > 0) invalid(errors);
  const donorName = input.donorName || organisationName || '';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(donations)
      .values({
        localityId: ctx.locality.localityId,
        kind: input.kind,
        donorOrganisationId: input.donorOrganisationId,
        donorName: input.donorName,
        description: input.description,
        valuePln: input.valuePln,
        receivedOn: input.receivedOn,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: donations.id });
    const id = row!.id;
    await tx.insert(inKindEntries).values({
      localityId: ctx.locality.localityId,
      kind: DONATION_LEDGER_KIND,
      description: ledgerDescription({ ...input, donorName }),
      valuePln: input.valuePln,
      organisationId: input.donorOrganisationId,
      occurredFrom: input.receivedOn,
      occurredTo: null,
      source: DONATION_SOURCE,
      sourceId: id,
    });
    await auditCosts(tx, ctx, 'donation.create', 'donation', id, {
      kind: input.kind,
      valuePln: input.valuePln,
      receivedOn: input.receivedOn,
    });
    return id;
  });
}

/** Deletes a donation of this locality and its ledger entry, audited, in one transaction. */
export async function deleteDonation(db: Db, ctx: CostsCtx & { id: string }): Promise<void> {
  assertManageCosts(ctx);
  if (!UUID.test(ctx.id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(donations)
      .where(and(eq(donations.id, ctx.id), eq(donations.localityId, ctx.locality.localityId)))
      .returning({ id: donations.id, valuePln: donations.valuePln });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    await tx
      .delete(inKindEntries)
      .where(and(eq(inKindEntries.source, DONATION_SOURCE), eq(inKindEntries.sourceId, row.id)));
    await auditCosts(tx, ctx, 'donation.delete', 'donation', row.id, { valuePln: row.valuePln });
  });
}
