import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { participants, people } from '../../../db/schema/index.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { retentionEnd } from './erasure.rules.ts';
import { RETENTION_PARAMETER, type RetentionParameter } from './person-data.server.ts';

export type PastRetentionRow = {
  personId: string;
  givenName: string;
  familyName: string;
  closedOn: string;
  retentionEndedOn: string;
  hasOpenPlan: boolean;
};

/**
 * Closed participants whose retention period has ended and who are not erased yet, oldest
 * closing first: the period (parameter participants.retentionYears) runs `years` from
 * 31 December of the year the participation closed, so it is over once today's year is past
 * closing year + years. Three SQL statements: the parameter, the page and the count.
 */
export async function participantsPastRetention(
  db: Db,
  opts: { localityId: string; today: string; limit: number; offset: number },
): Promise<{ rows: PastRetentionRow[]; total: number; years: number; source: string; verified: boolean }> {
  const param = await legalParameter<RetentionParameter>(db, RETENTION_PARAMETER, opts.today);
  const years = param.value.years;
  const where = and(
    eq(participants.localityId, opts.localityId),
    eq(participants.status, 'closed'),
    isNull(people.erasedAt),
    sql`${participants.closedOn} is not null`,
    sql`extract(year from ${participants.closedOn})::int + ${years}::int < ${Number(opts.today.slice(0, 4))}::int`,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        personId: participants.personId,
        givenName: people.givenName,
        familyName: people.familyName,
        closedOn: sql<string>`${participants.closedOn}`,
        hasOpenPlan: sql<boolean>`exists (select 1 from support_plans sp
          where sp.person_id = ${participants.personId} and sp.locality_id = ${participants.localityId}
          and sp.step <> 'closed')`,
      })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .where(where)
      .orderBy(participants.closedOn, participants.personId)
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      retentionEndedOn: retentionEnd(r.closedOn, years) ?? '',
    })),
    total: count?.n ?? 0,
    years,
    source: param.source,
    verified: param.verified,
  };
}
