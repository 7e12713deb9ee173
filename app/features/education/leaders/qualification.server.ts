import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../../lib/i18n/i18n.ts';
import { legalParameter } from '../../../lib/legal-parameters.server.ts';
import {
  assessQualification,
  type ProgrammeModule,
  percent,
  QUALIFICATION_PARAMETER,
  type QualificationAssessment,
  type QualificationRule,
  sessionsShort,
} from './qualification.rules.ts';

/** Rows of a raw query (node-postgres and PGlite both return `{ rows }`). */
export async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type Qualification = {
  id: string;
  personId: string;
  curriculumId: string;
  groupId: string;
  grantedOn: string;
  certificateNumber: string;
  attendanceShare: number;
  modulesShare: number;
};

/** The person's valid (not revoked) leader qualification in the locality, or null. */
export async function qualificationFor(
  db: Db,
  opts: { localityId: string; personId: string },
): Promise<Qualification | null> {
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select q.id, q.person_id, q.curriculum_id, q.group_id, q.granted_on::text as granted_on,
          q.certificate_number, q.attendance_share::float8 as attendance_share,
          q.modules_share::float8 as modules_share
        from leader_qualifications q
        join curricula c on c.id = q.curriculum_id and c.is_leaders_programme
        where q.locality_id = ${opts.localityId} and q.person_id = ${opts.personId} and q.revoked_at is null
        order by q.granted_on desc limit 1`,
  );
  if (!row) return null;
  return {
    id: String(row.id),
    personId: String(row.person_id),
    curriculumId: String(row.curriculum_id),
    groupId: String(row.group_id),
    grantedOn: String(row.granted_on),
    certificateNumber: String(row.certificate_number),
    attendanceShare: Number(row.attendance_share),
    modulesShare: Number(row.modules_share),
  };
}

export type RuleInForce = QualificationRule & { source: string; validFrom: string; verified: boolean };

export async function qualificationRule(db: Db, onDate: string = todayInWarsaw()): Promise<RuleInForce> {
  const p = await legalParameter<QualificationRule>(db, QUALIFICATION_PARAMETER, onDate);
  return {
    minAttendanceShare: Number(p.value.minAttendanceShare),
    minModulesShare: Number(p.value.minModulesShare),
    source: p.source,
    validFrom: p.validFrom,
    verified: p.verified,
  };
}

/** A member's progress through the leaders' programme in one group. */
export type MemberProgress = QualificationAssessment & {
  memberId: string;
  personId: string;
  personName: string;
  groupId: string;
  groupName: string;
  groupKind: string;
  groupStatus: string;
  groupEndsOn: string | null;
  curriculumId: string;
  curriculumName: string;
  /** The person's valid leader qualification id, if any (from any group). */
  qualificationId: string | null;
};

type ProgressRow = {
  member_id: string;
  person_id: string;
  person_name: string;
  group_id: string;
  group_name: string;
  group_kind: string;
  group_status: string;
  group_ends_on: string | null;
  curriculum_id: string;
  curriculum_name: string;
  held: number;
  attended: number;
  modules: { id: string; title: string; position: number; covered: boolean }[] | null;
  qualification_id: string | null;
};

/**
 * Progress through the leaders' programme of members of groups that follow it — one statement
 * for any number of members. Filter by person, by group, or both.
 */
export async function programmeProgress(
  db: Db,
  opts: {
    localityId: string;
    personId?: string;
    groupId?: string;
    groupIds?: string[];
    rule: QualificationRule;
  },
): Promise<MemberProgress[]> {
  const personFilter = opts.personId ? sql`and gm.person_id = ${opts.personId}` : sql``;
  const groupFilter = opts.groupId ? sql`and g.id = ${opts.groupId}` : sql``;
  const groupsFilter =
    opts.groupIds && opts.groupIds.length > 0
      ? sql`and g.id in (${sql.join(
          opts.groupIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : opts.groupIds
        ? sql`and false`
        : sql``;
  const rows = await rowsOf<ProgressRow>(
    db,
    sql`select gm.id as member_id, gm.person_id,
          trim(p.given_name || ' ' || p.family_name) as person_name,
          g.id as group_id, g.name as group_name, g.kind as group_kind, g.status as group_status,
          g.ends_on::text as group_ends_on, c.id as curriculum_id, c.name as curriculum_name,
          (select count(*)::int from study_sessions s
             where s.group_id = g.id and not s.cancelled and s.starts_at <= now()) as held,
          (select count(*)::int from study_attendance a join study_sessions s on s.id = a.session_id
             where a.member_id = gm.id and a.status = 'present' and not s.cancelled and s.starts_at <= now()) as attended,
          (select json_agg(json_build_object('id', cm.id, 'title', cm.title, 'position', cm.position,
              'covered', exists (
                select 1 from study_session_modules sm
                join study_sessions s on s.id = sm.session_id and not s.cancelled and s.starts_at <= now()
                join study_attendance a on a.session_id = s.id and a.member_id = gm.id and a.status = 'present'
                where sm.module_id = cm.id)) order by cm.position)
             from curriculum_modules cm where cm.curriculum_id = c.id) as modules,
          (select q.id from leader_qualifications q
             where q.person_id = gm.person_id and q.curriculum_id = c.id and q.revoked_at is null
             limit 1) as qualification_id
        from study_group_members gm
        join study_groups g on g.id = gm.group_id and g.locality_id = ${opts.localityId}
        join curricula c on c.id = g.curriculum_id and c.is_leaders_programme
        join people p on p.id = gm.person_id
        where gm.locality_id = ${opts.localityId} and g.kind in ('leaders_course', 'self_education')
          ${personFilter} ${groupFilter} ${groupsFilter}
        order by g.starts_on desc, p.family_name, p.given_name`,
  );
  return rows.map((r) => {
    const modules: ProgrammeModule[] = (r.modules ?? []).map((m) => ({
      id: m.id,
      title: m.title,
      position: Number(m.position),
    }));
    const covered = (r.modules ?? []).filter((m) => m.covered).map((m) => m.id);
    return {
      ...assessQualification({
        sessionsHeld: Number(r.held),
        sessionsAttended: Number(r.attended),
        modules,
        coveredModuleIds: covered,
        rule: opts.rule,
      }),
      memberId: r.member_id,
      personId: r.person_id,
      personName: r.person_name,
      groupId: r.group_id,
      groupName: r.group_name,
      groupKind: r.group_kind,
      groupStatus: r.group_status,
      groupEndsOn: r.group_ends_on,
      curriculumId: r.curriculum_id,
      curriculumName: r.curriculum_name,
      qualificationId: r.qualification_id,
    };
  });
}

export type QualificationExplanation = {
  personId: string;
  personName: string;
  qualification: Qualification | null;
  rule: RuleInForce;
  /** Progress in each group following the leaders' programme (only `groupId` when given). */
  groups: MemberProgress[];
  /** The group where the person is closest to qualifying. */
  best: MemberProgress | null;
  eligible: boolean;
  /** A sentence for the user: what the person has and what is missing, in figures. */
  message: { key: MessageKey; values: Record<string, string | number> };
};

function closeness(p: MemberProgress): number {
  return (p.eligible ? 10 : 0) + p.modulesShare + p.attendanceShare;
}

/**
 * What the person has and what is missing for the leader qualification, in figures (attendance
 * share vs the parameter's minimum, modules covered vs the minimum share, which modules are
 * missing), with a message usable as an error: `new AppError('DOMAIN_RULE', m.key, m.values)`.
 */
export async function explainQualification(
  db: Db,
  opts: { localityId: string; personId: string; groupId?: string },
): Promise<QualificationExplanation> {
  const rule = await qualificationRule(db);
  const [qualification, groups, nameRows] = await Promise.all([
    qualificationFor(db, opts),
    programmeProgress(db, {
      localityId: opts.localityId,
      personId: opts.personId,
      groupId: opts.groupId,
      rule,
    }),
    rowsOf<{ name: string }>(
      db,
      sql`select trim(given_name || ' ' || family_name) as name from people
          where id = ${opts.personId} and locality_id = ${opts.localityId}`,
    ),
  ]);
  const personName = nameRows[0]?.name ?? '';
  const best = [...groups].sort((a, b) => closeness(b) - closeness(a))[0] ?? null;
  const base = {
    name: personName,
    minAttendance: percent(rule.minAttendanceShare),
    minModules: percent(rule.minModulesShare),
    source: rule.source,
  };
  let message: QualificationExplanation['message'];
  if (qualification) {
    message = {
      key: 'education.leaders.explain.qualified',
      values: { ...base, number: qualification.certificateNumber, date: qualification.grantedOn },
    };
  } else if (!best) {
    message = { key: 'education.leaders.explain.notInProgramme', values: base };
  } else {
    const figures = {
      ...base,
      group: best.groupName,
      attended: best.sessionsAttended,
      held: best.sessionsHeld,
      attendance: percent(best.attendanceShare),
      covered: best.modulesCovered,
      total: best.modulesTotal,
      modules: percent(best.modulesShare),
      short: sessionsShort(best, rule),
      missing: best.missingModules.map((m) => m.title).join('; ') || '—',
    };
    message = best.eligible
      ? { key: 'education.leaders.explain.eligible', values: figures }
      : { key: 'education.leaders.explain.missing', values: figures };
  }
  return {
    personId: opts.personId,
    personName,
    qualification,
    rule,
    groups,
    best,
    eligible: !!best?.eligible,
    message,
  };
}

/**
 * Whether a new lineage edge would close a cycle. The cascade's edges: a group → the people who
 * qualified in it; a person → the groups they facilitate.
 * - `as: 'facilitator'` (default; adding `personId` as a facilitator of `groupId`): a cycle when
 *   the group already is among the person's ancestors (it produced their qualification, directly
 *   or through the leaders who trained their trainers).
 * - `as: 'qualification'` (granting `personId` a qualification earned in `groupId`): a cycle when
 *   the person already is among the group's ancestors (facilitates it, or trained one of its
 *   facilitators, directly or indirectly).
 */
export async function wouldCreateCycle(
  db: Db,
  opts: { localityId: string; personId: string; groupId: string; as?: 'facilitator' | 'qualification' },
): Promise<boolean> {
  if ((opts.as ?? 'facilitator') === 'facilitator') {
    const [row] = await rowsOf<{ cycle: boolean }>(
      db,
      sql`with recursive up(group_id) as (
            select q.group_id from leader_qualifications q
              where q.person_id = ${opts.personId} and q.locality_id = ${opts.localityId} and q.revoked_at is null
            union
            select q.group_id from up
              join study_group_facilitators f on f.group_id = up.group_id
              join leader_qualifications q on q.person_id = f.person_id and q.revoked_at is null
          )
          select (exists (select 1 from up where group_id = ${opts.groupId})
            or exists (select 1 from leader_qualifications q
                 where q.person_id = ${opts.personId} and q.group_id = ${opts.groupId} and q.revoked_at is null)
          ) as cycle`,
    );
    return !!row?.cycle;
  }
  const [row] = await rowsOf<{ cycle: boolean }>(
    db,
    sql`with recursive up(person_id) as (
          select f.person_id from study_group_facilitators f
            where f.group_id = ${opts.groupId} and f.locality_id = ${opts.localityId}
          union
          select f.person_id from up
            join leader_qualifications q on q.person_id = up.person_id and q.revoked_at is null
            join study_group_facilitators f on f.group_id = q.group_id
        )
        select exists (select 1 from up where person_id = ${opts.personId}) as cycle`,
  );
  return !!row?.cycle;
}

/**
 * The explanation as one sentence in the given language, or null when the person is qualified —
 * for a refusal such as "only a qualified leader can facilitate a self-education group".
 */
export async function explainQualificationText(
  db: Db,
  opts: { localityId: string; personId: string; groupId?: string; locale: string },
): Promise<string | null> {
  const e = await explainQualification(db, opts);
  if (e.qualification) return null;
  const { getI18n } = await import('../../../lib/i18n/i18n.ts');
  return getI18n(opts.locale === 'en' ? 'en' : 'pl').t(e.message.key, e.message.values);
}
