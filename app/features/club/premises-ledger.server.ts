import { and, eq, isNotNull, like, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubs, inKindEntries } from '../../../db/schema/index.ts';
import { type PremisesTerms, premisesLedgerMonths } from './club.rules.ts';

export const PREMISES_SOURCE = 'club_premises';

type ClubTerms = PremisesTerms & { id: string; localityId: string; name: string };

/** The ledger's line for a month of lending (kept in Polish, like the rest of the ledger's text). */
function description(club: ClubTerms, month: string): string {
  const [y, m] = month.split('-');
  const where = club.premisesAddress ? `: ${club.premisesAddress}` : '';
  return `Lokal klubu „${club.name}”${where}, użyczenie za ${m}.${y}`;
}

/**
 * Keeps the in-kind ledger in step with a club's lent premises: one entry per month of lending
 * (source `club_premises`, source id `<clubId>:<YYYY-MM>`, the monthly value, the provider),
 * from the first month up to the current one and never past the end of lending. Months no
 * longer covered are removed. Call it in the transaction that changes the premises.
 * Returns how many months were added.
 */
export async function syncPremisesLedger(db: Db, club: ClubTerms, today: string): Promise<number> {
  const months = premisesLedgerMonths(club, today);
  const ids = months.map((m) => `${club.id}:${m.month}`);
  const ofClub = and(eq(inKindEntries.source, PREMISES_SOURCE), like(inKindEntries.sourceId, `${club.id}:%`));
  await db
    .delete(inKindEntries)
    .where(ids.length ? and(ofClub, notInArray(inKindEntries.sourceId, ids)) : ofClub);
  if (months.length === 0) return 0;
  const rows = await db
    .insert(inKindEntries)
    .values(
      months.map((m) => ({
        localityId: club.localityId,
        kind: 'premises',
        description: description(club, m.month),
        valuePln: club.premisesMonthlyValuePln!,
        organisationId: club.premisesProviderId,
        occurredFrom: m.from,
        occurredTo: m.to,
        source: PREMISES_SOURCE,
        sourceId: `${club.id}:${m.month}`,
      })),
    )
    .onConflictDoUpdate({
      target: [inKindEntries.source, inKindEntries.sourceId],
      set: {
        description: sql`excluded.description`,
        valuePln: sql`excluded.value_pln`,
        organisationId: sql`excluded.organisation_id`,
        occurredFrom: sql`excluded.occurred_from`,
        occurredTo: sql`excluded.occurred_to`,
      },
    })
    // xmax = 0 only for rows this statement inserted (not for the ones it updated).
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return rows.filter((r) => r.inserted).length;
}

/**
 * The daily task: every club with lent premises gets the new month's entry (and any month it
 * missed). Returns how many entries were added across all localities.
 */
export async function clubPremisesLedger(db: Db, opts: { today: string }): Promise<number> {
  const rows = await db
    .select({
      id: clubs.id,
      localityId: clubs.localityId,
      name: clubs.name,
      premisesAddress: clubs.premisesAddress,
      premisesProviderId: clubs.premisesProviderId,
      premisesLent: clubs.premisesLent,
      premisesMonthlyValuePln: clubs.premisesMonthlyValuePln,
      premisesFrom: clubs.premisesFrom,
      premisesTo: clubs.premisesTo,
    })
    .from(clubs)
    .where(and(eq(clubs.premisesLent, true), isNotNull(clubs.premisesFrom)));
  let added = 0;
  for (const club of rows) {
    added += await db.transaction((tx) => syncPremisesLedger(tx, club, opts.today));
  }
  return added;
}
