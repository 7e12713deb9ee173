import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { rowsOf } from '../leaders/qualification.server.ts';

/**
 * The live counts as one JSON value ({leaders, groupsStarted, members}), for a caller that
 * reads several features' evidence in a single statement (the roadmap page).
 */
export function educationEvidenceJson(localityId: string) {
  return sql`(with started as (
      select g.id from study_groups g
      where g.locality_id = ${localityId} and g.kind = 'self_education'
        and (g.status in ('running', 'finished')
          or exists (select 1 from study_sessions s
                     where s.group_id = g.id and not s.cancelled and s.starts_at <= now()))
    )
    select json_build_object(
      'leaders', (select count(distinct q.person_id) from leader_qualifications q
         where q.locality_id = ${localityId} and q.revoked_at is null),
      'groupsStarted', (select count(*) from started),
      'members', (select count(distinct m.person_id) from study_group_members m
         where m.group_id in (select id from started))))`;
}

/**
 * Live counts for the roadmap (issue 5, item 7), in one statement: qualified leaders (not
 * revoked) and self-education groups started (running or finished, or with a session held).
 */
export async function educationEvidence(
  db: Db,
  opts: { localityId: string },
): Promise<{ leaders: number; groupsStarted: number; members: number }> {
  const [row] = await rowsOf<{ leaders: number; groups_started: number; members: number }>(
    db,
    sql`with started as (
          select g.id from study_groups g
          where g.locality_id = ${opts.localityId} and g.kind = 'self_education'
            and (g.status in ('running', 'finished')
              or exists (select 1 from study_sessions s
                         where s.group_id = g.id and not s.cancelled and s.starts_at <= now()))
        )
        select
          (select count(distinct q.person_id) from leader_qualifications q
             where q.locality_id = ${opts.localityId} and q.revoked_at is null)::int as leaders,
          (select count(*) from started)::int as groups_started,
          (select count(distinct m.person_id) from study_group_members m
             where m.group_id in (select id from started))::int as members`,
  );
  return {
    leaders: Number(row?.leaders ?? 0),
    groupsStarted: Number(row?.groups_started ?? 0),
    members: Number(row?.members ?? 0),
  };
}
