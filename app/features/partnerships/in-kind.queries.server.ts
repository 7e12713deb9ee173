import { count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { inKindEntries, organisations } from '../../../db/schema/index.ts';

/** The in-kind ledger of a locality: totals by kind and one page of entries. */
export async function inKindLedger(db: Db, opts: { localityId: string; offset: number; limit: number }) {
  const where = eq(inKindEntries.localityId, opts.localityId);
  const [totals, rows, [total]] = await Promise.all([
    db
      .select({
        kind: inKindEntries.kind,
        value: sql<number>`sum(${inKindEntries.valuePln})`.mapWith(Number),
        entries: count(),
      })
      .from(inKindEntries)
      .where(where)
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
  ]);
  return { totals, rows, total: total?.n ?? 0 };
}
