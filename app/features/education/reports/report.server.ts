import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { parseDateInput } from '../../../lib/dates.ts';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { Role } from '../../../lib/roles.ts';
import { groupGenerationCte } from './generation.server.ts';

const REPORT_READERS: readonly Role[] = ['coordinator', 'advisor', 'animator'];

/** Centre staff (the programme's authors) read education reports and feedback summaries. */
export function canReadEducationReports(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => REPORT_READERS.includes(r));
}

export type ReportPeriod =
  | { ok: true; from: string; to: string; values: { from: string; to: string } }
  | { ok: false; errors: FieldErrors; values: { from: string; to: string } };

/**
 * The period from the query string, dates typed the Polish way (`1.01.2026`) or ISO. With
 * neither date given: the current calendar year up to today. A missing, impossible or reversed
 * date is reported in words on the fields.
 */
export function reportPeriod(url: URL, today: string): ReportPeriod {
  const rawFrom = url.searchParams.get('from');
  const rawTo = url.searchParams.get('to');
  if (rawFrom === null && rawTo === null) {
    const from = `${today.slice(0, 4)}-01-01`;
    return { ok: true, from, to: today, values: { from, to: today } };
  }
  const values = { from: (rawFrom ?? '').slice(0, 40), to: (rawTo ?? '').slice(0, 40) };
  const errors: FieldErrors = {};
  const from = parseDateInput(values.from);
  const to = parseDateInput(values.to);
  if (!values.from.trim()) errors.from = 'education.reports.period.fromMissing';
  else if (!from) errors.from = 'education.reports.period.fromInvalid';
  if (!values.to.trim()) errors.to = 'education.reports.period.toMissing';
  else if (!to) errors.to = 'education.reports.period.toInvalid';
  if (from && to && from > to) errors.to = 'education.reports.period.toBeforeFrom';
  if (Object.keys(errors).length || !from || !to) return { ok: false, errors, values };
  return { ok: true, from, to, values };
}

export type ReportFigures = { sessions: number; people: number; personHours: number };
export type EducationReport = {
  from: string;
  to: string;
  totals: ReportFigures & { groups: number };
  byGroup: (ReportFigures & { groupId: string; name: string; kind: string; generation: number | null })[];
  byModule: (ReportFigures & {
    moduleId: string | null;
    title: string | null;
    programme: string | null;
  })[];
  byGeneration: (ReportFigures & { generation: number | null; groups: number })[];
};

type Row = Record<string, unknown>;
async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
const num = (v: unknown) => Number(v ?? 0);
const hours = (v: unknown) => Math.round(num(v) * 100) / 100;

/**
 * Unique persons and hours of the locality's study groups in a period (sessions not cancelled,
 * their start date in Warsaw within [from, to]). A person is counted once per line however
 * many groups or sessions they attended ("present" only); person-hours are the minutes of the
 * sessions each person attended / 60. By module, a session covering k modules gives each 1/k of
 * its time. Four SQL statements whatever the size. Counts only, no personal data.
 */
export async function educationReport(
  db: Db,
  opts: { localityId: string; from: string; to: string },
): Promise<EducationReport> {
  const { localityId, from, to } = opts;
  const base = sql`
    with recursive ${groupGenerationCte(localityId)},
    sess as (
      select s.id, s.group_id, s.minutes
      from study_sessions s
      where s.locality_id = ${localityId} and not s.cancelled
        and (s.starts_at at time zone 'Europe/Warsaw')::date between ${from}::date and ${to}::date
    ),
    pres as (
      select a.session_id, m.person_id, s.group_id, s.minutes
      from study_attendance a
      join sess s on s.id = a.session_id
      join study_group_members m on m.id = a.member_id
      where a.locality_id = ${localityId} and a.status = 'present'
    )`;

  const [totals] = await rows(
    db,
    sql`${base}
    select (select count(distinct person_id) from pres)::int as people,
           (select coalesce(sum(minutes), 0) from pres)::float8 / 60 as hours,
           (select count(*) from sess)::int as sessions,
           (select count(distinct group_id) from sess)::int as groups`,
  );

  const groupRows = await rows(
    db,
    sql`${base}
    select g.id, g.name, g.kind, gg.generation,
           count(distinct s.id)::int as sessions,
           count(distinct p.person_id)::int as people,
           coalesce(sum(p.minutes), 0)::float8 / 60 as hours
    from sess s
    join study_groups g on g.id = s.group_id
    left join group_generation gg on gg.group_id = s.group_id
    left join pres p on p.session_id = s.id
    group by g.id, g.name, g.kind, gg.generation
    order by gg.generation nulls last, g.name`,
  );

  const moduleRows = await rows(
    db,
    sql`${base},
    sm as (
      select x.session_id, x.module_id, count(*) over (partition by x.session_id) as k
      from study_session_modules x join sess on sess.id = x.session_id
    )
    select * from (
      select cm.id, cm.title, c.name as programme, c.name as sort1, cm.position as sort2,
             count(distinct sm.session_id)::int as sessions,
             count(distinct p.person_id)::int as people,
             coalesce(sum(p.minutes::float8 / sm.k), 0) / 60 as hours
      from sm
      join curriculum_modules cm on cm.id = sm.module_id
      join curricula c on c.id = cm.curriculum_id
      left join pres p on p.session_id = sm.session_id
      group by cm.id, cm.title, c.name, cm.position
      union all
      select null, null, null, null, null,
             count(distinct s.id)::int, count(distinct p.person_id)::int,
             coalesce(sum(p.minutes), 0)::float8 / 60
      from sess s
      left join pres p on p.session_id = s.id
      where not exists (select 1 from study_session_modules x where x.session_id = s.id)
      having count(distinct s.id) > 0
    ) t
    order by sort1 nulls last, sort2`,
  );

  const generationRows = await rows(
    db,
    sql`${base}
    select gg.generation,
           count(distinct s.group_id)::int as groups,
           count(distinct s.id)::int as sessions,
           count(distinct p.person_id)::int as people,
           coalesce(sum(p.minutes), 0)::float8 / 60 as hours
    from sess s
    left join group_generation gg on gg.group_id = s.group_id
    left join pres p on p.session_id = s.id
    group by gg.generation
    order by gg.generation nulls last`,
  );

  return {
    from,
    to,
    totals: {
      people: num(totals?.people),
      personHours: hours(totals?.hours),
      sessions: num(totals?.sessions),
      groups: num(totals?.groups),
    },
    byGroup: groupRows.map((r) => ({
      groupId: String(r.id),
      name: String(r.name),
      kind: String(r.kind),
      generation: r.generation === null ? null : num(r.generation),
      sessions: num(r.sessions),
      people: num(r.people),
      personHours: hours(r.hours),
    })),
    byModule: moduleRows.map((r) => ({
      moduleId: r.id === null ? null : String(r.id),
      title: r.title === null ? null : String(r.title),
      programme: r.programme === null ? null : String(r.programme),
      sessions: num(r.sessions),
      people: num(r.people),
      personHours: hours(r.hours),
    })),
    byGeneration: generationRows.map((r) => ({
      generation: r.generation === null ? null : num(r.generation),
      groups: num(r.groups),
      sessions: num(r.sessions),
      people: num(r.people),
      personHours: hours(r.hours),
    })),
  };
}

/** Records a download of the report (an export, counts only). */
export async function auditReportExport(
  db: Db,
  ctx: { actor: Actor; locality: ActorLocality },
  details: { format: string; from: string; to: string },
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action: 'education.report.export',
    entityType: 'education_report',
    details,
  });
}
