import { and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { donations, inKindEntries, organisations, supportCosts } from '../../../db/schema/index.ts';
import { type CostLine, computeCostReport, type LedgerLine } from './costs.rules.ts';

/** One page of a locality's donations, newest first, with the total value. */
export async function listDonations(db: Db, opts: { localityId: string; offset: number; limit: number }) {
  const where = eq(donations.localityId, opts.localityId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: donations.id,
        kind: donations.kind,
        donorName: donations.donorName,
        organisationName: organisations.name,
        description: donations.description,
        valuePln: donations.valuePln,
        receivedOn: donations.receivedOn,
      })
      .from(donations)
      .leftJoin(organisations, eq(organisations.id, donations.donorOrganisationId))
      .where(where)
      .orderBy(desc(donations.receivedOn), desc(donations.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: count(), value: sql<number>`coalesce(sum(${donations.valuePln}), 0)`.mapWith(Number) })
      .from(donations)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, valuePln: Number(r.valuePln) })),
    total: total?.n ?? 0,
    value: total?.value ?? 0,
  };
}

/** Organisations of the locality a donor may be picked from. */
export async function donorOptions(db: Db, opts: { localityId: string }) {
  return db
    .select({ value: organisations.id, label: organisations.name })
    .from(organisations)
    .where(eq(organisations.localityId, opts.localityId))
    .orderBy(asc(organisations.name))
    .limit(500);
}

/** One page of the support system's costs, newest month first, with the total. */
export async function listSupportCosts(db: Db, opts: { localityId: string; offset: number; limit: number }) {
  const where = eq(supportCosts.localityId, opts.localityId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: supportCosts.id,
        month: supportCosts.month,
        category: supportCosts.category,
        description: supportCosts.description,
        amountPln: supportCosts.amountPln,
      })
      .from(supportCosts)
      .where(where)
      .orderBy(desc(supportCosts.month), asc(supportCosts.category), desc(supportCosts.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: count(), value: sql<number>`coalesce(sum(${supportCosts.amountPln}), 0)`.mapWith(Number) })
      .from(supportCosts)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, amountPln: Number(r.amountPln) })),
    total: total?.n ?? 0,
    value: total?.value ?? 0,
  };
}

/**
 * The cost-reduction report of a locality for a period: ledger entries that began in the period
 * (a month's premises, a day's hours, a donation, a delivered commitment) and cost lines whose
 * month falls in it. Two statements.
 */
export async function costReport(db: Db, opts: { localityId: string; from: string; to: string }) {
  const fromMonth = `${opts.from.slice(0, 7)}-01`;
  const [ledger, costs] = await Promise.all([
    db
      .select({
        kind: inKindEntries.kind,
        source: inKindEntries.source,
        valuePln: inKindEntries.valuePln,
        occurredFrom: inKindEntries.occurredFrom,
        organisationKind: organisations.kind,
      })
      .from(inKindEntries)
      .leftJoin(organisations, eq(organisations.id, inKindEntries.organisationId))
      .where(
        and(
          eq(inKindEntries.localityId, opts.localityId),
          gte(inKindEntries.occurredFrom, opts.from),
          lte(inKindEntries.occurredFrom, opts.to),
        ),
      ),
    db
      .select({
        month: supportCosts.month,
        category: supportCosts.category,
        amountPln: supportCosts.amountPln,
      })
      .from(supportCosts)
      .where(
        and(
          eq(supportCosts.localityId, opts.localityId),
          gte(supportCosts.month, fromMonth),
          lte(supportCosts.month, opts.to),
        ),
      ),
  ]);
  return computeCostReport({
    from: opts.from,
    to: opts.to,
    ledger: ledger.map((l): LedgerLine => ({ ...l, valuePln: Number(l.valuePln) })),
    costs: costs.map((c): CostLine => ({ ...c, amountPln: Number(c.amountPln) })),
  });
}
