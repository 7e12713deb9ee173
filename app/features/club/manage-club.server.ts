import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { OpeningHours } from '../../../db/schema/club.ts';
import { clubs, inKindEntries } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { checkOpeningHours, checkPremises, checkRegister } from './club.rules.ts';
import type { ClubSettingsFormInput } from './club.schema.ts';
import {
  assertDelete,
  assertManage,
  audit,
  type Ctx,
  requireClub,
  requireOrganisation,
  throwIfErrors,
} from './club-access.server.ts';
import { PREMISES_SOURCE, syncPremisesLedger } from './premises-ledger.server.ts';

export type ClubSettingsInput = Omit<ClubSettingsFormInput, 'version'> & {
  openingHours: OpeningHours;
  version?: number | undefined;
};

/** Creates a club with its name; the rest is set on the settings page. */
export async function createClub(db: Db, ctx: Ctx & { input: { name: string } }): Promise<string> {
  assertManage(ctx);
  const name = ctx.input.name.trim();
  if (!name) throwIfErrors({ name: 'club.form.name.required' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clubs)
      .values({ localityId: ctx.locality.localityId, name })
      .returning({ id: clubs.id });
    await audit(tx, ctx, 'club.create', row!.id, { name });
    return row!.id;
  });
}

/**
 * Saves the club's settings: who runs it, premises, opening hours, the register entry. Lent
 * premises are mirrored in the in-kind ledger in the same transaction (months no longer
 * covered are removed).
 */
export async function updateClubSettings(
  db: Db,
  ctx: Ctx & { clubId: string; input: ClubSettingsInput; today: string },
): Promise<void> {
  assertManage(ctx);
  const i = ctx.input;
  throwIfErrors({ ...checkPremises(i), ...checkOpeningHours(i.openingHours), ...checkRegister(i) });
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    if (i.version !== undefined && i.version !== club.version)
      throw new AppError('CONFLICT', 'club.errors.stale');
    if (i.runByOrganisationId)
      await requireOrganisation(tx, ctx, i.runByOrganisationId, 'runByOrganisationId');
    if (i.premisesProviderId) await requireOrganisation(tx, ctx, i.premisesProviderId, 'premisesProviderId');
    const values = {
      name: i.name,
      runByOrganisationId: i.runByOrganisationId,
      premisesAddress: i.premisesAddress,
      premisesProviderId: i.premisesProviderId,
      premisesLent: i.premisesLent,
      premisesMonthlyValuePln: i.premisesMonthlyValuePln,
      premisesFrom: i.premisesFrom,
      premisesTo: i.premisesTo,
      openingHours: [...i.openingHours].sort((a, b) => a.weekday - b.weekday),
      openingNotes: i.openingNotes,
      registerNotifiedOn: i.registerNotifiedOn,
      registerEnteredOn: i.registerEnteredOn,
      registerNumber: i.registerNumber,
      openedOn: i.openedOn,
    };
    await tx
      .update(clubs)
      .set({ ...values, version: club.version + 1, updatedAt: new Date() })
      .where(eq(clubs.id, club.id));
    const added = await syncPremisesLedger(
      tx,
      { ...values, id: club.id, localityId: club.localityId },
      ctx.today,
    );
    await audit(tx, ctx, 'club.update', club.id, {
      name: i.name,
      premisesLent: i.premisesLent,
      premisesFrom: i.premisesFrom,
      premisesTo: i.premisesTo,
      ledgerMonthsAdded: added,
    });
  });
}

/**
 * Deletes a club with its members' participation, activities, attendance, visits and grants,
 * and its months in the in-kind ledger (people records stay). The coordinator's decision,
 * confirmed in the form.
 */
export async function deleteClub(db: Db, ctx: Ctx & { clubId: string; confirmed: boolean }): Promise<void> {
  assertDelete(ctx);
  if (!ctx.confirmed) throwIfErrors({ confirm: 'club.delete.confirmRequired' });
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    await tx
      .delete(inKindEntries)
      .where(and(eq(inKindEntries.source, PREMISES_SOURCE), like(inKindEntries.sourceId, `${club.id}:%`)));
    await tx.delete(clubs).where(eq(clubs.id, club.id));
    await audit(tx, ctx, 'club.delete', club.id, { name: club.name });
  });
}
