import { type SQL, sql } from 'drizzle-orm';

/**
 * The cascade generation of every group of a locality, as a SQL CTE named `group_generation`
 * (group_id, generation): a leaders' course is generation 1; a group facilitated by a leader
 * whose qualification was earned in a generation-g group is g + 1 (the edge is
 * study_group_facilitators.qualification_id → leader_qualifications.group_id). A group reached
 * by two paths takes the smaller generation; a cycle in bad data stops at the repeated group.
 * Only self-education groups continue the cascade, and only through a qualification that is not
 * revoked – the same rule as the cascade page (app/features/education/cascade/cascade.server.ts,
 * whose CTE is not exported; keep the two in step). Groups outside the cascade (club activities,
 * groups without a qualified facilitator) have no row.
 *
 * Use it as the start of a `with recursive` query: `sql\`with recursive ${groupGenerationCte(id)} select …\``.
 */
export function groupGenerationCte(localityId: string): SQL {
  return sql`
    gen_walk(group_id, generation, path) as (
      select g.id, 1, array[g.id]
      from study_groups g
      where g.locality_id = ${localityId} and g.kind = 'leaders_course'
      union all
      select f.group_id, w.generation + 1, w.path || f.group_id
      from gen_walk w
      join leader_qualifications q
        on q.group_id = w.group_id and q.locality_id = ${localityId} and q.revoked_at is null
      join study_group_facilitators f on f.qualification_id = q.id and f.locality_id = ${localityId}
      join study_groups g2 on g2.id = f.group_id and g2.kind = 'self_education'
      where not (f.group_id = any(w.path)) and w.generation < 50
    ),
    group_generation(group_id, generation) as (
      select group_id, min(generation)::int from gen_walk group by group_id
    )`;
}
