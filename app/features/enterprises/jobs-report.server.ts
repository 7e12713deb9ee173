import type { Db } from '../../../db/client.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { parseDateInput } from '../../lib/dates.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { type JobRow, listJobs } from './enterprises.queries.server.ts';
import { HORIZONS, initials, keptAt } from './enterprises.rules.ts';
import { UUID } from './enterprises.server.ts';

export type ReportQuery =
  | { ok: true; from: string; to: string; grantId: string | null }
  | { ok: false; errors: FieldErrors; from: string; to: string; grantId: string | null };

/** The report's period (default: the year so far) and grant filter from the query string. */
export function reportQuery(url: URL, today: string): ReportQuery {
  const rawFrom = url.searchParams.get('from') ?? '';
  const rawTo = url.searchParams.get('to') ?? '';
  const grantRaw = url.searchParams.get('grant') ?? '';
  const grantId = UUID.test(grantRaw) ? grantRaw : null;
  const from = rawFrom.trim() ? parseDateInput(rawFrom) : `${today.slice(0, 4)}-01-01`;
  const to = rawTo.trim() ? parseDateInput(rawTo) : today;
  const errors: FieldErrors = {};
  if (!from) errors.from = 'enterprises.report.from.invalid';
  if (!to) errors.to = 'enterprises.report.to.invalid';
  if (from && to && to < from) errors.to = 'enterprises.report.to.beforeFrom';
  if (Object.keys(errors).length) return { ok: false, errors, from: rawFrom, to: rawTo, grantId };
  return { ok: true, from: from!, to: to!, grantId };
}

export type ReportJob = {
  id: string;
  position: string;
  initials: string;
  contractType: string;
  fte: number;
  startOn: string;
  endOn: string | null;
  atRisk: boolean;
  funding: string;
  keepUntil: string | null;
  kept: (boolean | null)[];
};

export type JobsReport = {
  from: string;
  to: string;
  enterprises: { name: string; jobs: ReportJob[]; fte: number }[];
  totals: { jobs: number; fte: number; atRisk: number; kept: { eligible: number; kept: number }[] };
};

function reportJob(j: JobRow, today: string): ReportJob {
  return {
    id: j.id,
    position: j.position,
    initials: initials(j.displayName),
    contractType: j.contractType,
    fte: j.fte,
    startOn: j.startOn,
    endOn: j.endOn,
    atRisk: Boolean(j.atRiskCategory),
    funding: j.grantTitle ?? j.fundingNote,
    keepUntil: j.keepUntil,
    kept: HORIZONS.map((h) => keptAt(j, h, today)),
  };
}

/** The jobs held during a period, per enterprise, with initials only and at-risk as yes/no. */
export async function jobsReport(
  db: Db,
  opts: {
    localityId: string;
    organisationIds: string[] | null;
    from: string;
    to: string;
    grantId: string | null;
    today: string;
  },
): Promise<JobsReport> {
  const rows = await listJobs(db, {
    localityId: opts.localityId,
    organisationIds: opts.organisationIds,
    period: { from: opts.from, to: opts.to },
    grantId: opts.grantId,
  });
  const byEnterprise = new Map<string, { name: string; jobs: ReportJob[]; fte: number }>();
  for (const r of rows) {
    const e = byEnterprise.get(r.enterpriseId) ?? { name: r.enterpriseName, jobs: [], fte: 0 };
    e.jobs.push(reportJob(r, opts.today));
    e.fte = Math.round((e.fte + r.fte) * 100) / 100;
    byEnterprise.set(r.enterpriseId, e);
  }
  const all = [...byEnterprise.values()].flatMap((e) => e.jobs);
  return {
    from: opts.from,
    to: opts.to,
    enterprises: [...byEnterprise.values()],
    totals: {
      jobs: all.length,
      fte: Math.round(all.reduce((s, j) => s + j.fte * 100, 0)) / 100,
      atRisk: all.filter((j) => j.atRisk).length,
      kept: HORIZONS.map((_, i) => ({
        eligible: all.filter((j) => j.kept[i] !== null).length,
        kept: all.filter((j) => j.kept[i] === true).length,
      })),
    },
  };
}

/** The download of the report is an export of (pseudonymised) personal data: audited. */
export async function auditJobsReportExport(
  db: Db,
  ctx: { actor: Actor; locality: ActorLocality },
  details: { format: string; from: string; to: string; grantId: string | null; jobs: number },
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action: 'export.jobs_report',
    entityType: 'enterprise_jobs',
    entityId: null,
    details,
  });
}
