import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { type MemberProgress, programmeProgress, type RuleInForce, rowsOf } from './qualification.server.ts';

export type LeaderRow = {
  id: string;
  personId: string;
  name: string;
  certificateNumber: string;
  grantedOn: string;
  earnedIn: string;
  attendanceShare: number;
  modulesShare: number;
  groups: { id: string; name: string; status: string }[];
};

/** Qualified leaders (not revoked) with the groups they facilitate, newest first; one statement. */
export async function listLeaders(
  db: Db,
  opts: { localityId: string; offset: number; limit: number },
): Promise<{ rows: LeaderRow[]; total: number }> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select q.id, q.person_id, trim(p.given_name || ' ' || p.family_name) as name, q.certificate_number,
          q.granted_on::text as granted_on, g.name as earned_in,
          q.attendance_share::float8 as attendance_share, q.modules_share::float8 as modules_share,
          coalesce((select json_agg(json_build_object('id', g2.id, 'name', g2.name, 'status', g2.status)
                      order by g2.starts_on desc)
                    from study_group_facilitators f join study_groups g2 on g2.id = f.group_id
                    where f.person_id = q.person_id and f.locality_id = q.locality_id), '[]'::json) as groups,
          count(*) over ()::int as total
        from leader_qualifications q
        join people p on p.id = q.person_id
        join study_groups g on g.id = q.group_id
        where q.locality_id = ${opts.localityId} and q.revoked_at is null
        order by q.granted_on desc, q.certificate_number desc
        limit ${opts.limit} offset ${opts.offset}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: String(r.id),
      personId: String(r.person_id),
      name: String(r.name),
      certificateNumber: String(r.certificate_number),
      grantedOn: String(r.granted_on),
      earnedIn: String(r.earned_in),
      attendanceShare: Number(r.attendance_share),
      modulesShare: Number(r.modules_share),
      groups: (typeof r.groups === 'string' ? JSON.parse(r.groups) : r.groups) as LeaderRow['groups'],
    })),
  };
}

/**
 * Members of groups following the leaders' programme who are not qualified yet: those who meet
 * the rule (to be granted now, from any group), and those of finished groups who do not (with
 * what is missing). One statement.
 */
export async function qualificationCandidates(
  db: Db,
  opts: { localityId: string; rule: RuleInForce; today: string; limit?: number },
): Promise<{ eligible: MemberProgress[]; notYet: MemberProgress[] }> {
  const all = await programmeProgress(db, { localityId: opts.localityId, rule: opts.rule });
  const open = all.filter((p) => !p.qualificationId);
  const finished = (p: MemberProgress) =>
    p.groupStatus === 'finished' || (!!p.groupEndsOn && p.groupEndsOn < opts.today);
  const limit = opts.limit ?? 100;
  // A person eligible in two groups is offered once (the first group listed).
  const seen = new Set<string>();
  const eligible = open.filter((p) => {
    if (!p.eligible || seen.has(p.personId)) return false;
    seen.add(p.personId);
    return true;
  });
  return {
    eligible: eligible.slice(0, limit),
    notYet: open.filter((p) => !p.eligible && finished(p) && !seen.has(p.personId)).slice(0, limit),
  };
}

export type CertificateData = {
  id: string;
  personName: string;
  certificateNumber: string;
  grantedOn: string;
  grantedByName: string | null;
  attendanceShare: number;
  modulesShare: number;
  programmeName: string;
  groupName: string;
  groupKind: string;
  firstSession: string | null;
  lastSession: string | null;
  startsOn: string;
  endsOn: string | null;
  modules: { position: number; title: string; plannedHours: number; attendedHours: number }[];
};

/** Everything the certificate prints, in one statement; null when not in this locality or revoked. */
export async function certificateData(
  db: Db,
  opts: { localityId: string; qualificationId: string },
): Promise<CertificateData | null> {
  const [r] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select q.id, trim(p.given_name || ' ' || p.family_name) as person_name, q.certificate_number,
          q.granted_on::text as granted_on, u.name as granted_by_name,
          q.attendance_share::float8 as attendance_share, q.modules_share::float8 as modules_share,
          c.name as programme_name, g.name as group_name, g.kind as group_kind,
          g.starts_on::text as starts_on, g.ends_on::text as ends_on,
          (select min(s.starts_at)::text from study_sessions s where s.group_id = g.id and not s.cancelled) as first_session,
          (select max(s.starts_at)::text from study_sessions s
             where s.group_id = g.id and not s.cancelled and s.starts_at <= now()) as last_session,
          coalesce((select json_agg(json_build_object('position', cm.position, 'title', cm.title,
              'plannedHours', cm.planned_hours::float8,
              'attendedHours', coalesce((select sum(s.minutes) / 60.0 from study_sessions s
                 join study_session_modules sm on sm.session_id = s.id and sm.module_id = cm.id
                 join study_attendance a on a.session_id = s.id and a.status = 'present'
                 join study_group_members m on m.id = a.member_id and m.person_id = q.person_id
                 where s.group_id = g.id and not s.cancelled), 0)::float8) order by cm.position)
            from curriculum_modules cm where cm.curriculum_id = c.id), '[]'::json) as modules
        from leader_qualifications q
        join people p on p.id = q.person_id
        join curricula c on c.id = q.curriculum_id
        join study_groups g on g.id = q.group_id
        left join users u on u.id = q.granted_by
        where q.id = ${opts.qualificationId} and q.locality_id = ${opts.localityId} and q.revoked_at is null`,
  );
  if (!r) return null;
  return {
    id: String(r.id),
    personName: String(r.person_name),
    certificateNumber: String(r.certificate_number),
    grantedOn: String(r.granted_on),
    grantedByName: r.granted_by_name ? String(r.granted_by_name) : null,
    attendanceShare: Number(r.attendance_share),
    modulesShare: Number(r.modules_share),
    programmeName: String(r.programme_name),
    groupName: String(r.group_name),
    groupKind: String(r.group_kind),
    startsOn: String(r.starts_on),
    endsOn: r.ends_on ? String(r.ends_on) : null,
    firstSession: r.first_session ? String(r.first_session) : null,
    lastSession: r.last_session ? String(r.last_session) : null,
    modules: (typeof r.modules === 'string'
      ? JSON.parse(r.modules)
      : r.modules) as CertificateData['modules'],
  };
}
