import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enterpriseJobs,
  enterpriseMembers,
  enterpriseMonthlyFigures,
  enterpriseStatusDecisions,
  enterprises,
  grants,
  organisations,
  participantCategories,
  people,
} from '../../../db/schema/index.ts';
import { addMonths } from './enterprises.rules.ts';

/** The PS status as the latest decision of a status kind says: granted, lost, legacy, or none. */
const psStatus = sql<string | null>`(
  select d.kind from enterprise_status_decisions d
  where d.enterprise_id = ${enterprises.id} and d.kind in ('ps_granted', 'ps_lost', 'ps_legacy_ct9')
  order by d.decided_on desc, d.created_at desc limit 1)`;

export type EnterpriseFilter = { legalForm: string };

export function enterpriseFilter(url: URL): EnterpriseFilter {
  return { legalForm: (url.searchParams.get('form') ?? '').slice(0, 60) };
}

/** The locality's enterprises (or only the actor's own) with their headline figures, one page. */
export async function listEnterprises(
  db: Db,
  opts: {
    localityId: string;
    organisationIds: string[] | null;
    filter: EnterpriseFilter;
    today: string;
    offset: number;
    limit: number;
  },
) {
  const from3 = addMonths(`${opts.today.slice(0, 7)}-01`, -3);
  const where = and(
    eq(enterprises.localityId, opts.localityId),
    opts.organisationIds
      ? inArray(
          enterprises.organisationId,
          opts.organisationIds.length ? opts.organisationIds : ['00000000-0000-0000-0000-000000000000'],
        )
      : undefined,
    opts.filter.legalForm ? eq(organisations.legalForm, opts.filter.legalForm) : undefined,
  );
  const held = sql`j.start_on <= ${opts.today} and (j.end_on is null or j.end_on >= ${opts.today})`;
  const [rows, [total], forms] = await Promise.all([
    db
      .select({
        id: enterprises.id,
        name: organisations.name,
        legalForm: organisations.legalForm,
        psStatus,
        lastCheckPassed: enterprises.lastCheckPassed,
        closedOn: enterprises.closedOn,
        jobsNow: sql<number>`(select count(*)::int from enterprise_jobs j where j.enterprise_id = ${enterprises.id} and ${held})`,
        jobsAtRisk: sql<number>`(select count(*)::int from enterprise_jobs j where j.enterprise_id = ${enterprises.id} and ${held} and j.at_risk_category is not null)`,
        own3: sql<number>`(select coalesce(sum(f.own_revenue_pln), 0)::float8 from enterprise_monthly_figures f where f.enterprise_id = ${enterprises.id} and f.month >= ${from3})`,
        grants3: sql<number>`(select coalesce(sum(f.grants_pln), 0)::float8 from enterprise_monthly_figures f where f.enterprise_id = ${enterprises.id} and f.month >= ${from3})`,
      })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(where)
      .orderBy(asc(organisations.name))
      .offset(opts.offset)
      .limit(opts.limit),
    db
      .select({ n: count() })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(where),
    db
      .selectDistinct({ legalForm: organisations.legalForm })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(eq(enterprises.localityId, opts.localityId))
      .orderBy(organisations.legalForm),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      atRiskShare: r.jobsNow ? r.jobsAtRisk / r.jobsNow : null,
      ownShare3: r.own3 + r.grants3 > 0 ? r.own3 / (r.own3 + r.grants3) : null,
    })),
    total: total?.n ?? 0,
    legalForms: forms.map((f) => f.legalForm),
  };
}

export type JobRow = {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  position: string;
  personId: string | null;
  displayName: string;
  contractType: string;
  fte: number;
  startOn: string;
  endOn: string | null;
  atRiskCategory: string | null;
  grantId: string | null;
  grantTitle: string | null;
  fundingNote: string;
  keepUntil: string | null;
};

const jobColumns = {
  id: enterpriseJobs.id,
  enterpriseId: enterpriseJobs.enterpriseId,
  enterpriseName: organisations.name,
  position: enterpriseJobs.position,
  personId: enterpriseJobs.personId,
  displayName: enterpriseJobs.displayName,
  contractType: enterpriseJobs.contractType,
  fte: sql<number>`${enterpriseJobs.fte}::float8`,
  startOn: enterpriseJobs.startOn,
  endOn: enterpriseJobs.endOn,
  atRiskCategory: enterpriseJobs.atRiskCategory,
  grantId: enterpriseJobs.grantId,
  grantTitle: grants.title,
  fundingNote: enterpriseJobs.fundingNote,
  keepUntil: enterpriseJobs.keepUntil,
};

/** Jobs of the locality (optionally of one enterprise, or of the actor's own enterprises). */
export async function listJobs(
  db: Db,
  opts: {
    localityId: string;
    enterpriseId?: string;
    organisationIds: string[] | null;
    period?: { from: string; to: string };
    grantId?: string | null;
  },
): Promise<JobRow[]> {
  const conds: (SQL | undefined)[] = [
    eq(enterpriseJobs.localityId, opts.localityId),
    opts.enterpriseId ? eq(enterpriseJobs.enterpriseId, opts.enterpriseId) : undefined,
    opts.organisationIds
      ? inArray(
          enterprises.organisationId,
          opts.organisationIds.length ? opts.organisationIds : ['00000000-0000-0000-0000-000000000000'],
        )
      : undefined,
    opts.period ? lte(enterpriseJobs.startOn, opts.period.to) : undefined,
    opts.period ? or(isNull(enterpriseJobs.endOn), gte(enterpriseJobs.endOn, opts.period.from)) : undefined,
    opts.grantId ? eq(enterpriseJobs.grantId, opts.grantId) : undefined,
  ];
  return db
    .select(jobColumns)
    .from(enterpriseJobs)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseJobs.enterpriseId))
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .leftJoin(grants, eq(grants.id, enterpriseJobs.grantId))
    .where(and(...conds))
    .orderBy(asc(organisations.name), asc(enterpriseJobs.startOn), asc(enterpriseJobs.position));
}

/** Everything the enterprise page shows, in a handful of statements. */
export async function getEnterprise(db: Db, opts: { localityId: string; id: string }) {
  const [profile] = await db
    .select({
      id: enterprises.id,
      organisationId: enterprises.organisationId,
      name: organisations.name,
      legalForm: organisations.legalForm,
      nip: organisations.nip,
      regon: organisations.regon,
      krs: organisations.krs,
      initiativeId: enterprises.initiativeId,
      registeredOn: enterprises.registeredOn,
      foundedBy: enterprises.foundedBy,
      psAims: enterprises.psAims,
      publicControl: enterprises.publicControl,
      servicesToLocality: enterprises.servicesToLocality,
      beneficiaries: enterprises.beneficiaries,
      offerSummary: enterprises.offerSummary,
      openingCash: sql<number>`${enterprises.openingCashPln}::float8`,
      openingCashText: enterprises.openingCashPln,
      closedOn: enterprises.closedOn,
      lastCheckPassed: enterprises.lastCheckPassed,
      lastCheckAt: enterprises.lastCheckAt,
      lastCheck: enterprises.lastCheck,
    })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(and(eq(enterprises.id, opts.id), eq(enterprises.localityId, opts.localityId)));
  if (!profile) return null;
  const [members, decisions, figures, grantRows] = await Promise.all([
    db
      .select({
        id: enterpriseMembers.id,
        kind: enterpriseMembers.kind,
        displayName: enterpriseMembers.displayName,
        atRisk: enterpriseMembers.atRisk,
        isFounder: enterpriseMembers.isFounder,
        shareCapital: sql<number>`${enterpriseMembers.shareCapitalPln}::float8`,
        joinedOn: enterpriseMembers.joinedOn,
        leftOn: enterpriseMembers.leftOn,
      })
      .from(enterpriseMembers)
      .where(eq(enterpriseMembers.enterpriseId, profile.id))
      .orderBy(asc(enterpriseMembers.joinedOn), asc(enterpriseMembers.displayName)),
    db
      .select({
        id: enterpriseStatusDecisions.id,
        kind: enterpriseStatusDecisions.kind,
        decidedOn: enterpriseStatusDecisions.decidedOn,
        finalOn: enterpriseStatusDecisions.finalOn,
        validUntil: enterpriseStatusDecisions.validUntil,
        number: enterpriseStatusDecisions.number,
        authority: enterpriseStatusDecisions.authority,
        note: enterpriseStatusDecisions.note,
      })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.enterpriseId, profile.id))
      .orderBy(desc(enterpriseStatusDecisions.decidedOn)),
    db
      .select({
        month: enterpriseMonthlyFigures.month,
        ownRevenue: sql<number>`${enterpriseMonthlyFigures.ownRevenuePln}::float8`,
        grants: sql<number>`${enterpriseMonthlyFigures.grantsPln}::float8`,
        costs: sql<number>`${enterpriseMonthlyFigures.costsPln}::float8`,
        headcount: enterpriseMonthlyFigures.headcount,
        customers: enterpriseMonthlyFigures.customers,
      })
      .from(enterpriseMonthlyFigures)
      .where(eq(enterpriseMonthlyFigures.enterpriseId, profile.id))
      .orderBy(asc(enterpriseMonthlyFigures.month)),
    db
      .select({ id: grants.id, title: grants.title, obligationUntil: grants.obligationUntil })
      .from(grants)
      .where(and(eq(grants.enterpriseId, profile.id), eq(grants.localityId, opts.localityId)))
      .orderBy(desc(grants.awardedOn)),
  ]);
  return { profile, members, decisions, figures, grants: grantRows };
}

/** People of the locality to pick for a job or a membership, with their recorded at-risk categories. */
export async function peopleOptions(db: Db, localityId: string) {
  const rows = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      categories: sql<
        string[]
      >`coalesce(array_agg(${participantCategories.category}) filter (where ${participantCategories.category} is not null), '{}')`,
    })
    .from(people)
    .leftJoin(participantCategories, eq(participantCategories.personId, people.id))
    .where(and(eq(people.localityId, localityId), isNull(people.erasedAt)))
    .groupBy(people.id)
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(400);
  return rows;
}

/** Grants of the locality that funded jobs (for the report's filter). */
export async function jobGrantOptions(db: Db, localityId: string) {
  return db
    .selectDistinct({ id: grants.id, title: grants.title })
    .from(grants)
    .innerJoin(enterpriseJobs, eq(enterpriseJobs.grantId, grants.id))
    .where(eq(grants.localityId, localityId))
    .orderBy(grants.title);
}
