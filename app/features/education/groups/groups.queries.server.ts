import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { todayInWarsaw } from '../../../lib/i18n/i18n.ts';
import { legalParameter } from '../../../lib/legal-parameters.server.ts';
import type { PageRequest } from '../../../lib/pagination.ts';
import { foldForSearch } from '../../../lib/text.ts';
import { rowsOf } from '../leaders/qualification.server.ts';
import { isEducationStaff } from './groups.policy.ts';
import type { GroupKind, GroupStatus } from './groups.schema.ts';

export { GROUP_STATUSES } from './groups.schema.ts';

import type { Ctx } from './groups.server.ts';

export const VALID_GROUP_PARAMETER = 'education.validGroup';
export type ValidGroupRule = { minMembers: number; minMeetings: number; minHours: number };
export type RuleInForce = ValidGroupRule & { source: string; verified: boolean; validFrom: string };

export type Validity = {
  members: number;
  meetings: number;
  hours: number;
  valid: boolean;
  rule: RuleInForce;
};

export async function validGroupRule(db: Db, onDate: string = todayInWarsaw()): Promise<RuleInForce> {
  const p = await legalParameter<ValidGroupRule>(db, VALID_GROUP_PARAMETER, onDate);
  return {
    minMembers: Number(p.value.minMembers),
    minMeetings: Number(p.value.minMeetings),
    minHours: Number(p.value.minHours),
    source: p.source,
    verified: p.verified,
    validFrom: p.validFrom,
  };
}

/** Hours to one decimal place, never rounded up past the real figure. */
export function hoursOf(minutes: number): number {
  return Math.floor((minutes / 60) * 10 + 1e-9) / 10;
}

export function judge(
  figures: { members: number; meetings: number; minutes: number },
  rule: RuleInForce,
): Validity {
  const hours = hoursOf(figures.minutes);
  return {
    members: figures.members,
    meetings: figures.meetings,
    hours,
    valid:
      figures.members >= rule.minMembers &&
      figures.meetings >= rule.minMeetings &&
      figures.minutes >= rule.minHours * 60,
    rule,
  };
}

/** SQL for a group's figures: current members, sessions held (not cancelled, started by `now`), their minutes. */
function figuresSql(now: Date) {
  const at = now.toISOString();
  return sql`(select count(*)::int from study_group_members m where m.group_id = g.id and m.left_on is null) as "fMembers",
    (select count(*)::int from study_sessions s where s.group_id = g.id and not s.cancelled and s.starts_at <= ${at}::timestamptz) as "fMeetings",
    (select coalesce(sum(s.minutes), 0)::int from study_sessions s where s.group_id = g.id and not s.cancelled and s.starts_at <= ${at}::timestamptz) as "fMinutes"`;
}

function idList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** Whether each group meets the funder's rule in force (`education.validGroup`): two statements. */
export async function groupValidity(
  db: Db,
  opts: { localityId: string; groupIds: string[]; now?: Date },
): Promise<Map<string, Validity>> {
  const out = new Map<string, Validity>();
  if (!opts.groupIds.length) return out;
  const now = opts.now ?? new Date();
  const rule = await validGroupRule(db, todayInWarsaw(now));
  const rows = await rowsOf<{ id: string; fMembers: number; fMeetings: number; fMinutes: number }>(
    db,
    sql`select g.id, ${figuresSql(now)} from study_groups g
        where g.locality_id = ${opts.localityId} and g.id in (${idList(opts.groupIds)})`,
  );
  for (const r of rows)
    out.set(
      r.id,
      judge(
        { members: Number(r.fMembers), meetings: Number(r.fMeetings), minutes: Number(r.fMinutes) },
        rule,
      ),
    );
  return out;
}

function statusSql(today: string) {
  return sql`case when g.status = 'finished' or (g.ends_on is not null and g.ends_on < ${today}::date) then 'finished'
    when g.starts_on > ${today}::date then 'planned' else 'running' end`;
}

export type GroupListRow = {
  id: string;
  kind: GroupKind;
  name: string;
  startsOn: string;
  endsOn: string | null;
  status: GroupStatus;
  scheduleWeekday: number | null;
  scheduleTime: string;
  facilitators: string[];
  curriculumName: string | null;
  validity: Validity;
};

/**
 * The groups of a locality by kind and status (a leader: only those they facilitate), one page,
 * with the figures for the funder's rule: two statements.
 */
export async function listGroups(
  db: Db,
  ctx: Ctx,
  opts: { kind?: string; status?: string; page: PageRequest; now?: Date },
): Promise<{ rows: GroupListRow[]; total: number; rule: RuleInForce }> {
  const now = opts.now ?? new Date();
  const today = todayInWarsaw(now);
  const rule = await validGroupRule(db, today);
  const parts: SQL[] = [sql`g.locality_id = ${ctx.locality.localityId}`];
  if (!isEducationStaff(ctx.actor, ctx.locality))
    parts.push(sql`exists (select 1 from study_group_facilitators f join people p on p.id = f.person_id
      where f.group_id = g.id and p.user_id = ${ctx.actor.userId})`);
  if (opts.kind) parts.push(sql`g.kind = ${opts.kind}`);
  if (opts.status) parts.push(sql`${statusSql(today)} = ${opts.status}`);
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select g.id, g.kind, g.name, g.starts_on::text as "startsOn", g.ends_on::text as "endsOn",
          ${statusSql(today)} as "status", g.schedule_weekday as "scheduleWeekday", g.schedule_time as "scheduleTime",
          c.name as "curriculumName",
          coalesce((select json_agg(trim(p.given_name || ' ' || p.family_name) order by p.family_name)
            from study_group_facilitators f join people p on p.id = f.person_id where f.group_id = g.id), '[]'::json) as "facilitators",
          ${figuresSql(now)},
          count(*) over()::int as "total"
        from study_groups g left join curricula c on c.id = g.curriculum_id
        where ${sql.join(parts, sql` and `)}
        order by g.starts_on desc, g.name
        limit ${opts.page.pageSize} offset ${opts.page.offset}`,
  );
  return {
    rows: rows.map((r) => ({
      id: String(r.id),
      kind: r.kind as GroupKind,
      name: String(r.name),
      startsOn: String(r.startsOn),
      endsOn: (r.endsOn as string | null) ?? null,
      status: r.status as GroupStatus,
      scheduleWeekday: r.scheduleWeekday === null ? null : Number(r.scheduleWeekday),
      scheduleTime: String(r.scheduleTime ?? ''),
      curriculumName: (r.curriculumName as string | null) ?? null,
      facilitators: json<string[]>(r.facilitators),
      validity: judge(
        { members: Number(r.fMembers), meetings: Number(r.fMeetings), minutes: Number(r.fMinutes) },
        rule,
      ),
    })),
    total: rows.length ? Number(rows[0]!.total) : 0,
    rule,
  };
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export type GroupMember = {
  id: string;
  personId: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
};
export type GroupSession = {
  id: string;
  startsAt: string;
  minutes: number;
  place: string;
  cancelled: boolean;
  modules: string[];
  present: number;
  marked: number;
};
export type GroupDetail = {
  id: string;
  kind: GroupKind;
  name: string;
  status: GroupStatus;
  curriculumId: string | null;
  curriculumName: string | null;
  clubName: string | null;
  startsOn: string;
  endsOn: string | null;
  scheduleWeekday: number | null;
  scheduleTime: string;
  scheduleMinutes: number;
  scheduleEveryWeeks: number;
  place: string;
  facilitators: { personId: string; name: string; role: string; qualified: boolean }[];
  members: GroupMember[];
  sessions: GroupSession[];
  modules: { id: string; title: string; position: number }[];
  validity: Validity;
};

/** One group with facilitators, members, sessions (with modules covered) and its figures: two statements. */
export async function groupDetail(
  db: Db,
  ctx: Ctx,
  groupId: string,
  now: Date = new Date(),
): Promise<GroupDetail> {
  const today = todayInWarsaw(now);
  const rule = await validGroupRule(db, today);
  const [r] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select g.id, g.kind, g.name, ${statusSql(today)} as "status", g.curriculum_id as "curriculumId",
          c.name as "curriculumName", cl.name as "clubName",
          g.starts_on::text as "startsOn", g.ends_on::text as "endsOn", g.schedule_weekday as "scheduleWeekday",
          g.schedule_time as "scheduleTime", g.schedule_minutes as "scheduleMinutes",
          g.schedule_every_weeks as "scheduleEveryWeeks", g.place,
          coalesce((select json_agg(json_build_object('personId', p.id, 'name', trim(p.given_name || ' ' || p.family_name),
              'role', f.role, 'qualified', f.qualification_id is not null) order by f.role desc, p.family_name)
            from study_group_facilitators f join people p on p.id = f.person_id where f.group_id = g.id), '[]'::json) as "facilitators",
          coalesce((select json_agg(json_build_object('id', m.id, 'personId', p.id,
              'name', trim(p.given_name || ' ' || p.family_name), 'joinedOn', m.joined_on::text, 'leftOn', m.left_on::text)
              order by m.left_on nulls first, p.family_name, p.given_name)
            from study_group_members m join people p on p.id = m.person_id where m.group_id = g.id and p.erased_at is null), '[]'::json) as "members",
          coalesce((select json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'minutes', s.minutes,
              'place', s.place, 'cancelled', s.cancelled,
              'modules', coalesce((select json_agg(cm.title order by cm.position) from study_session_modules sm
                 join curriculum_modules cm on cm.id = sm.module_id where sm.session_id = s.id), '[]'::json),
              'present', (select count(*) from study_attendance a where a.session_id = s.id and a.status = 'present'),
              'marked', (select count(*) from study_attendance a where a.session_id = s.id)) order by s.starts_at)
            from study_sessions s where s.group_id = g.id), '[]'::json) as "sessions",
          coalesce((select json_agg(json_build_object('id', cm.id, 'title', cm.title, 'position', cm.position) order by cm.position)
            from curriculum_modules cm where cm.curriculum_id = g.curriculum_id), '[]'::json) as "modules",
          ${figuresSql(now)}
        from study_groups g left join curricula c on c.id = g.curriculum_id left join clubs cl on cl.id = g.club_id
        where g.id = ${groupId} and g.locality_id = ${ctx.locality.localityId}`,
  );
  if (!r) throw new Error('groupDetail: call requireGroup first');
  return {
    id: String(r.id),
    kind: r.kind as GroupKind,
    name: String(r.name),
    status: r.status as GroupStatus,
    curriculumId: (r.curriculumId as string | null) ?? null,
    curriculumName: (r.curriculumName as string | null) ?? null,
    clubName: (r.clubName as string | null) ?? null,
    startsOn: String(r.startsOn),
    endsOn: (r.endsOn as string | null) ?? null,
    scheduleWeekday: r.scheduleWeekday === null ? null : Number(r.scheduleWeekday),
    scheduleTime: String(r.scheduleTime ?? ''),
    scheduleMinutes: Number(r.scheduleMinutes),
    scheduleEveryWeeks: Number(r.scheduleEveryWeeks),
    place: String(r.place ?? ''),
    facilitators: json(r.facilitators),
    members: json(r.members),
    sessions: json<GroupSession[]>(r.sessions).map((s) => ({
      ...s,
      startsAt: new Date(s.startsAt).toISOString(),
      present: Number(s.present),
      marked: Number(s.marked),
    })),
    modules: json(r.modules),
    validity: judge(
      { members: Number(r.fMembers), meetings: Number(r.fMeetings), minutes: Number(r.fMinutes) },
      rule,
    ),
  };
}

export type SessionSheet = {
  id: string;
  groupId: string;
  groupName: string;
  groupKind: GroupKind;
  startsAt: string;
  minutes: number;
  place: string;
  cancelled: boolean;
  version: number;
  members: { id: string; name: string; status: string | null }[];
  modules: { id: string; title: string; covered: boolean }[];
};

/**
 * The attendance sheet of one session: the members of the group on that day with their marks,
 * the programme's modules with those covered — one statement (after requireGroup).
 */
export async function sessionSheet(
  db: Db,
  ctx: Ctx,
  groupId: string,
  sessionId: string,
): Promise<SessionSheet | null> {
  const [r] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select s.id, s.group_id as "groupId", g.name as "groupName", g.kind as "groupKind", s.starts_at as "startsAt",
          s.minutes, s.place, s.cancelled, s.version,
          coalesce((select json_agg(json_build_object('id', m.id, 'name', trim(p.family_name || ' ' || p.given_name),
              'status', a.status) order by p.family_name, p.given_name)
            from study_group_members m join people p on p.id = m.person_id
            left join study_attendance a on a.session_id = s.id and a.member_id = m.id
            where m.group_id = g.id and p.erased_at is null
              and (a.status is not null or ((m.left_on is null or m.left_on >= (s.starts_at at time zone 'Europe/Warsaw')::date)
                and m.joined_on <= (s.starts_at at time zone 'Europe/Warsaw')::date))), '[]'::json) as "members",
          coalesce((select json_agg(json_build_object('id', cm.id, 'title', cm.title,
              'covered', exists (select 1 from study_session_modules sm where sm.session_id = s.id and sm.module_id = cm.id))
              order by cm.position)
            from curriculum_modules cm where cm.curriculum_id = g.curriculum_id), '[]'::json) as "modules"
        from study_sessions s join study_groups g on g.id = s.group_id
        where s.id = ${sessionId} and s.group_id = ${groupId} and s.locality_id = ${ctx.locality.localityId}`,
  );
  if (!r) return null;
  return {
    id: String(r.id),
    groupId: String(r.groupId),
    groupName: String(r.groupName),
    groupKind: r.groupKind as GroupKind,
    startsAt: new Date(r.startsAt as string).toISOString(),
    minutes: Number(r.minutes),
    place: String(r.place ?? ''),
    cancelled: Boolean(r.cancelled),
    version: Number(r.version),
    members: json(r.members),
    modules: json(r.modules),
  };
}

export type AttendanceMatrix = {
  members: { id: string; name: string }[];
  sessions: { id: string; startsAt: string; minutes: number; cancelled: boolean }[];
  /** memberId → sessionId → status */
  marks: Record<string, Record<string, string>>;
};

/** Members × sessions with every mark, for the XLSX register: one statement. */
export async function attendanceMatrix(db: Db, ctx: Ctx, groupId: string): Promise<AttendanceMatrix> {
  const [r] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select
          coalesce((select json_agg(json_build_object('id', m.id, 'name', trim(p.family_name || ' ' || p.given_name))
              order by p.family_name, p.given_name)
            from study_group_members m join people p on p.id = m.person_id
            where m.group_id = ${groupId} and p.erased_at is null), '[]'::json) as "members",
          coalesce((select json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'minutes', s.minutes,
              'cancelled', s.cancelled) order by s.starts_at)
            from study_sessions s where s.group_id = ${groupId}), '[]'::json) as "sessions",
          coalesce((select json_agg(json_build_array(a.member_id, a.session_id, a.status))
            from study_attendance a join study_sessions s on s.id = a.session_id
            where s.group_id = ${groupId} and a.locality_id = ${ctx.locality.localityId}), '[]'::json) as "marks"`,
  );
  const marks: AttendanceMatrix['marks'] = {};
  for (const [m, s, status] of json<[string, string, string][]>(r!.marks)) {
    marks[m] = { ...(marks[m] ?? {}), [s]: status };
  }
  return {
    members: json(r!.members),
    sessions: json<AttendanceMatrix['sessions']>(r!.sessions).map((s) => ({
      ...s,
      startsAt: new Date(s.startsAt).toISOString(),
    })),
    marks,
  };
}

/** People of the locality matching a name (folded search), not yet members of the group: one statement. */
export async function searchPeopleForGroup(db: Db, ctx: Ctx, groupId: string, q: string) {
  const folded = foldForSearch(q).replace(/\s+/g, ' ');
  if (folded.length < 2) return [];
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return rowsOf<{ id: string; name: string; email: string }>(
    db,
    sql`select p.id, trim(p.given_name || ' ' || p.family_name) as name, p.email
        from people p
        where p.locality_id = ${ctx.locality.localityId} and p.erased_at is null and p.search_folded like ${pattern}
          and not exists (select 1 from study_group_members m where m.group_id = ${groupId} and m.person_id = p.id)
        order by p.family_name, p.given_name limit 20`,
  );
}

/** Choices for a new group: programmes, clubs, qualified leaders (not revoked) — one statement. */
export async function newGroupOptions(db: Db, ctx: Ctx) {
  const [r] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.is_leaders_programme desc, c.name)
        from curricula c where c.locality_id = ${ctx.locality.localityId}), '[]'::json) as "curricula",
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.name)
        from clubs c where c.locality_id = ${ctx.locality.localityId}), '[]'::json) as "clubs",
      coalesce((select json_agg(json_build_object('id', p.id, 'name', trim(p.given_name || ' ' || p.family_name))
          order by p.family_name, p.given_name)
        from people p where p.locality_id = ${ctx.locality.localityId} and p.erased_at is null
          and exists (select 1 from leader_qualifications q where q.person_id = p.id and q.revoked_at is null)), '[]'::json) as "leaders"`,
  );
  return {
    curricula: json<{ id: string; name: string }[]>(r!.curricula),
    clubs: json<{ id: string; name: string }[]>(r!.clubs),
    leaders: json<{ id: string; name: string }[]>(r!.leaders),
  };
}

/** A group's sessions for its calendar: one statement. */
export async function sessionsOfGroup(db: Db, groupId: string) {
  return rowsOf<{
    id: string;
    startsAt: string;
    minutes: number;
    place: string;
    cancelled: boolean;
    version: number;
  }>(
    db,
    sql`select id, starts_at as "startsAt", minutes, place, cancelled, version from study_sessions
        where group_id = ${groupId} order by starts_at limit 1000`,
  );
}

/**
 * The sessions of the groups a person belongs to (a current member) or facilitates, for their
 * calendar feed: one statement.
 */
export async function sessionsOfPerson(db: Db, localityId: string, personId: string) {
  return rowsOf<{
    id: string;
    startsAt: string;
    minutes: number;
    place: string;
    cancelled: boolean;
    version: number;
    groupName: string;
  }>(
    db,
    sql`select s.id, s.starts_at as "startsAt", s.minutes, s.place, s.cancelled, s.version, g.name as "groupName"
        from study_sessions s join study_groups g on g.id = s.group_id
        where s.locality_id = ${localityId}
          and (exists (select 1 from study_group_members m where m.group_id = g.id and m.person_id = ${personId} and m.left_on is null)
            or exists (select 1 from study_group_facilitators f where f.group_id = g.id and f.person_id = ${personId}))
        order by s.starts_at limit 1000`,
  );
}

/** The names of a group's facilitators: one statement. */
export async function groupFacilitatorNames(db: Db, groupId: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`select trim(p.given_name || ' ' || p.family_name) as name from study_group_facilitators f
        join people p on p.id = f.person_id where f.group_id = ${groupId} order by f.role desc, p.family_name`,
  );
  return rows.map((r) => r.name);
}
