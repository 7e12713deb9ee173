import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  clubActivities,
  clubAttendance,
  clubGrants,
  clubMembers,
  clubStaff,
  clubVisits,
} from '../../../db/schema/index.ts';
import { ACTIVITY_KINDS, annualReportDue, OUTCOMES, STAFF_BASES } from './club.rules.ts';
import { annualReportParameter, targetGroups } from './club-parameters.server.ts';
import { warsawInstant } from './club-time.ts';

type Scope = { localityId: string; clubId: string };

/**
 * The KIS annual report to the voivode (art. 18a ust. 3) for a year, computed from the data:
 * 1. staff: number, working time (FTE) and basis of employment;
 * 2. participants by art. 1 ust. 2 group: number, number with a reintegration effect, number
 *    who found a job (effects counted for members who left during the year);
 * 3. activities by kind with their attendance, and the effects;
 * 4. grants granted and spent in the year.
 * Nothing here reads names: erasing a person changes no figure.
 */
export async function annualReport(db: Db, opts: Scope & { year: number }) {
  const { year } = opts;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const inYear = (from: string, to: string | null) => from <= last && (!to || to >= first);
  const [param, groupsParam, staff, members, activities, outcomes, visits, grants] = await Promise.all([
    annualReportParameter(db, year),
    targetGroups(db, last < '2022-02-15' ? '2022-02-15' : last),
    db
      .select({
        name: clubStaff.name,
        role: clubStaff.role,
        basis: clubStaff.basis,
        fte: clubStaff.fte,
        fromDate: clubStaff.fromDate,
        toDate: clubStaff.toDate,
      })
      .from(clubStaff)
      .where(
        and(
          eq(clubStaff.clubId, opts.clubId),
          eq(clubStaff.localityId, opts.localityId),
          sql`${clubStaff.fromDate} <= ${last} and (${clubStaff.toDate} is null or ${clubStaff.toDate} >= ${first})`,
        ),
      )
      .orderBy(asc(clubStaff.fromDate)),
    db
      .select({
        group: clubMembers.atRiskGroup,
        members: sql<number>`count(*)`.mapWith(Number),
        withEffect:
          sql<number>`count(*) filter (where ${clubMembers.leftOn} between ${first} and ${last} and ${clubMembers.outcome} in ('job_found', 'education', 'enterprise', 'other_effect'))`.mapWith(
            Number,
          ),
        foundJob:
          sql<number>`count(*) filter (where ${clubMembers.leftOn} between ${first} and ${last} and ${clubMembers.outcome} = 'job_found')`.mapWith(
            Number,
          ),
        socialContract: sql<number>`count(*) filter (where ${clubMembers.socialContract})`.mapWith(Number),
      })
      .from(clubMembers)
      .where(
        and(
          eq(clubMembers.clubId, opts.clubId),
          eq(clubMembers.localityId, opts.localityId),
          sql`${clubMembers.joinedOn} <= ${last} and (${clubMembers.leftOn} is null or ${clubMembers.leftOn} >= ${first})`,
        ),
      )
      .groupBy(clubMembers.atRiskGroup),
    db
      .select({
        kind: clubActivities.kind,
        count: sql<number>`count(distinct ${clubActivities.id})`.mapWith(Number),
        present:
          sql<number>`count(${clubAttendance.memberId}) filter (where ${clubAttendance.status} = 'present')`.mapWith(
            Number,
          ),
        participants:
          sql<number>`count(distinct ${clubAttendance.memberId}) filter (where ${clubAttendance.status} = 'present')`.mapWith(
            Number,
          ),
      })
      .from(clubActivities)
      .leftJoin(clubAttendance, eq(clubAttendance.activityId, clubActivities.id))
      .where(
        and(
          eq(clubActivities.clubId, opts.clubId),
          eq(clubActivities.localityId, opts.localityId),
          eq(clubActivities.cancelled, false),
          gte(clubActivities.startsAt, warsawInstant(first)),
          lt(clubActivities.startsAt, warsawInstant(`${year + 1}-01-01`)),
        ),
      )
      .groupBy(clubActivities.kind),
    db
      .select({ outcome: clubMembers.outcome, n: sql<number>`count(*)`.mapWith(Number) })
      .from(clubMembers)
      .where(
        and(
          eq(clubMembers.clubId, opts.clubId),
          eq(clubMembers.localityId, opts.localityId),
          sql`${clubMembers.leftOn} between ${first} and ${last}`,
        ),
      )
      .groupBy(clubMembers.outcome),
    db
      .select({
        memberVisits: sql<number>`count(*) filter (where ${clubVisits.memberId} is not null)`.mapWith(Number),
        otherVisitors:
          sql<number>`coalesce(sum(${clubVisits.visitors}) filter (where ${clubVisits.memberId} is null), 0)`.mapWith(
            Number,
          ),
      })
      .from(clubVisits)
      .where(
        and(
          eq(clubVisits.clubId, opts.clubId),
          eq(clubVisits.localityId, opts.localityId),
          sql`${clubVisits.visitedOn} between ${first} and ${last}`,
        ),
      ),
    db
      .select({
        id: clubGrants.id,
        source: clubGrants.source,
        granted: clubGrants.grantedPln,
        spent: clubGrants.spentPln,
      })
      .from(clubGrants)
      .where(
        and(
          eq(clubGrants.clubId, opts.clubId),
          eq(clubGrants.localityId, opts.localityId),
          eq(clubGrants.year, year),
        ),
      )
      .orderBy(asc(clubGrants.createdAt)),
  ]);

  const staffRows = staff.filter((s) => inYear(s.fromDate, s.toDate));
  const byBasis = STAFF_BASES.map((basis) => {
    const of = staffRows.filter((s) => s.basis === basis);
    return { basis, count: of.length, fte: sum(of.map((s) => Number(s.fte ?? 0))) };
  }).filter((r) => r.count > 0);

  const groupKeys = [
    ...groupsParam.groups,
    ...members.map((m) => m.group).filter((g) => g && !groupsParam.groups.includes(g)),
  ];
  const groupRow = (group: string) => {
    const m = members.find((r) => r.group === group);
    return {
      group,
      members: m?.members ?? 0,
      withEffect: m?.withEffect ?? 0,
      foundJob: m?.foundJob ?? 0,
    };
  };
  const groups = [...groupKeys.map(groupRow), groupRow('')];

  const activityRows = ACTIVITY_KINDS.map((kind) => {
    const a = activities.find((r) => r.kind === kind);
    return { kind, count: a?.count ?? 0, present: a?.present ?? 0, participants: a?.participants ?? 0 };
  });

  const grantRows = grants.map((g) => ({
    id: g.id,
    source: g.source,
    granted: Number(g.granted),
    spent: g.spent === null ? null : Number(g.spent),
  }));

  return {
    year,
    due: param ? annualReportDue(year, param.value) : null,
    parameter: param ? { verified: param.verified, source: param.source } : null,
    groupsParameter: { verified: groupsParam.verified, source: groupsParam.source },
    staff: {
      people: staffRows.map((s) => ({ ...s, fte: s.fte === null ? null : Number(s.fte) })),
      byBasis,
      total: { count: staffRows.length, fte: sum(byBasis.map((r) => r.fte)) },
    },
    groups,
    membersTotal: {
      members: sum(groups.map((g) => g.members)),
      withEffect: sum(groups.map((g) => g.withEffect)),
      foundJob: sum(groups.map((g) => g.foundJob)),
      socialContract: sum(members.map((m) => m.socialContract)),
    },
    activities: activityRows,
    activitiesTotal: {
      count: sum(activityRows.map((r) => r.count)),
      present: sum(activityRows.map((r) => r.present)),
    },
    outcomes: OUTCOMES.map((outcome) => ({
      outcome,
      count: outcomes.find((o) => o.outcome === outcome)?.n ?? 0,
    })),
    visits: visits[0] ?? { memberVisits: 0, otherVisitors: 0 },
    grants: grantRows,
    grantsTotal: {
      granted: sum(grantRows.map((g) => g.granted)),
      spent: sum(grantRows.map((g) => g.spent ?? 0)),
    },
  };
}
export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;

function sum(ns: number[]): number {
  return Math.round(ns.reduce((a, b) => a + b, 0) * 100) / 100;
}
