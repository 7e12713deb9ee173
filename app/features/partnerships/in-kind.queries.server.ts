import { and, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { inKindEntries, organisations } from '../../../db/schema/index.ts';

/** The in-kind ledger of a locality: totals by kind and one page of entries. */
export async function inKindLedger(
  db: Db,
  opts: { localityId: string; offset: number; limit: number; kind?: string | null },
) {
  const inLocality = eq(inKindEntries.localityId, opts.localityId);
  // The totals always cover the whole ledger; the entries may show one kind only.
  const where = opts.kind ? and(inLocality, eq(inKindEntries.kind, opts.kind)) : inLocality;
  const [totals, rows, [total], overlaps] = await Promise.all([
    db
      .select({
        kind: inKindEntries.kind,
        value: sql<number>`sum(${inKindEntries.valuePln})`.mapWith(Number),
        entries: count(),
      })
      .from(inKindEntries)
      .where(inLocality)
      .groupBy(inKindEntries.kind),
    db
      .select({
        id: inKindEntries.id,
        kind: inKindEntries.kind,
        description: inKindEntries.description,
        valuePln: inKindEntries.valuePln,
        occurredFrom: inKindEntries.occurredFrom,
        occurredTo: inKindEntries.occurredTo,
        organisationName: organisations.name,
        source: inKindEntries.source,
      })
      .from(inKindEntries)
      .leftJoin(organisations, eq(organisations.id, inKindEntries.organisationId))
      .where(where)
      .orderBy(desc(inKindEntries.occurredFrom), desc(inKindEntries.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(inKindEntries).where(where),
    premisesCountedTwice(db, opts.localityId),
  ]);
  return { totals, rows, total: total?.n ?? 0, overlaps };
}

/**
 * Premises that may be counted twice: a partner's delivered premises commitment and the club's
 * lent-premises months from the same organisation over overlapping periods. The ledger keeps
 * both (they may be different rooms); the page asks a person to check.
 */
async function premisesCountedTwice(
  db: Db,
  localityId: string,
): Promise<{ organisationName: string; commitment: string; months: number }[]> {
  const c = alias(inKindEntries, 'c');
  const m = alias(inKindEntries, 'm');
  return db
    .select({
      organisationName: organisations.name,
      commitment: c.description,
      months: sql<number>`count(${m.id})::int`.mapWith(Number),
    })
    .from(c)
    .innerJoin(
      m,
      and(
        eq(m.localityId, c.localityId),
        eq(m.organisationId, c.organisationId),
        eq(m.source, 'club_premises'),
        eq(m.kind, 'premises'),
        sql`${m.occurredFrom} <= coalesce(${c.occurredTo}, ${c.occurredFrom})`,
        sql`coalesce(${m.occurredTo}, ${m.occurredFrom}) >= ${c.occurredFrom}`,
      ),
    )
    .innerJoin(organisations, eq(organisations.id, c.organisationId))
    .where(and(eq(c.localityId, localityId), eq(c.source, 'commitment'), eq(c.kind, 'premises')))
    .groupBy(organisations.name, c.id, c.description)
    .orderBy(organisations.name);
}
