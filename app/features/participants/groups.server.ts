import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../../db/schema/index.ts';

export type PersonClubMembership = {
  clubId: string;
  clubName: string;
  joinedOn: string;
  leftOn: string | null;
  socialContract: boolean;
};
export type PersonClubActivity = {
  clubId: string;
  activityId: string;
  title: string;
  startsAt: string;
  status: string;
};
export type PersonStudyGroup = {
  groupId: string;
  name: string;
  kind: string;
  joinedOn: string;
  leftOn: string | null;
  /** Sessions attended (present). */
  present: number;
};
export type PersonGroups = {
  /** Education groups (the leaders' course, self-education groups, club activity groups). */
  studyGroups: PersonStudyGroup[];
  memberships: PersonClubMembership[];
  /** The latest activities the person was marked at (newest first, at most 10). */
  attended: PersonClubActivity[];
  /** Activities attended, all time (present). */
  presentCount: number;
};

/**
 * The person's groups as the participant page shows them: club (KIS) memberships and the
 * latest activities with their attendance, in one SQL statement. Self-education groups join
 * here when the education part arrives.
 */
export async function loadGroupsForPerson(
  db: Db,
  opts: { localityId: string; personId: string },
): Promise<PersonGroups> {
  const [row] = await db
    .select({
      memberships: sql<PersonClubMembership[]>`coalesce((
        select json_agg(json_build_object('clubId', c.id, 'clubName', c.name, 'joinedOn', m.joined_on,
          'leftOn', m.left_on, 'socialContract', m.social_contract) order by m.joined_on desc)
        from club_members m join clubs c on c.id = m.club_id
        where m.person_id = people.id and m.locality_id = people.locality_id
      ), '[]'::json)`,
      attended: sql<PersonClubActivity[]>`coalesce((
        select json_agg(x order by x."startsAt" desc) from (
          select a.club_id as "clubId", a.id as "activityId", a.title, a.starts_at as "startsAt", ca.status
          from club_attendance ca
          join club_members m on m.id = ca.member_id
          join club_activities a on a.id = ca.activity_id
          where m.person_id = people.id and ca.locality_id = people.locality_id
          order by a.starts_at desc
          limit 10
        ) x
      ), '[]'::json)`,
      studyGroups: sql<PersonStudyGroup[]>`coalesce((
        select json_agg(json_build_object('groupId', g.id, 'name', g.name, 'kind', g.kind,
          'joinedOn', m.joined_on, 'leftOn', m.left_on,
          'present', (select count(*) from study_attendance a where a.member_id = m.id and a.status = 'present'))
          order by m.joined_on desc)
        from study_group_members m join study_groups g on g.id = m.group_id
        where m.person_id = people.id and m.locality_id = people.locality_id
      ), '[]'::json)`,
      present: sql<number>`(
        select count(*)::int from club_attendance ca join club_members m on m.id = ca.member_id
        where m.person_id = people.id and ca.locality_id = people.locality_id and ca.status = 'present'
      )`,
    })
    .from(people)
    .where(and(eq(people.id, opts.personId), eq(people.localityId, opts.localityId)))
    .limit(1);
  if (!row) return { studyGroups: [], memberships: [], attended: [], presentCount: 0 };
  return {
    studyGroups: row.studyGroups,
    memberships: row.memberships,
    attended: row.attended,
    presentCount: Number(row.present),
  };
}
