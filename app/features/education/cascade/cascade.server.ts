import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { rowsOf } from '../leaders/qualification.server.ts';
import {
  type Cascade,
  type CascadeInput,
  type CascadeLeader,
  type CascadeSummary,
  computeCascade,
} from './cascade.rules.ts';

export type { Cascade, CascadeLeader, CascadeSummary, GenerationFigures } from './cascade.rules.ts';

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * The locality's lineage in ONE statement (groups with the leaders' programme modules covered,
 * facilitator edges, valid qualifications, members — as compact JSON arrays); the generations and
 * the reach are then walked in memory (cascade.rules.ts), which stays fast for thousands of people.
 */
export async function loadCascade(db: Db, opts: { localityId: string }): Promise<CascadeInput> {
  const L = opts.localityId;
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`with lp as (
          select id from curricula where locality_id = ${L} and is_leaders_programme order by created_at limit 1
        ),
        grp as (
          select g.id, g.kind, coalesce(case when c.is_leaders_programme then c.id end, (select id from lp)) as programme_id
          from study_groups g left join curricula c on c.id = g.curriculum_id
          where g.locality_id = ${L} and g.kind in ('leaders_course', 'self_education')
        ),
        covered as (
          select s.group_id, count(distinct sm.module_id)::int as n
          from study_sessions s
          join grp on grp.id = s.group_id
          join study_session_modules sm on sm.session_id = s.id
          join curriculum_modules cm on cm.id = sm.module_id and cm.curriculum_id = grp.programme_id
          where s.locality_id = ${L} and not s.cancelled and s.starts_at <= now()
          group by s.group_id
        ),
        totals as (
          select curriculum_id, count(*)::int as n from curriculum_modules where locality_id = ${L} group by curriculum_id
        )
        select
          (select coalesce(json_agg(json_build_array(grp.id, grp.kind, coalesce(cv.n, 0), coalesce(t.n, 0))), '[]'::json)
             from grp left join covered cv on cv.group_id = grp.id left join totals t on t.curriculum_id = grp.programme_id) as groups,
          (select coalesce(json_agg(json_build_array(f.group_id, f.qualification_id, f.role = 'lead')), '[]'::json)
             from study_group_facilitators f where f.locality_id = ${L} and f.qualification_id is not null) as edges,
          (select coalesce(json_agg(json_build_array(q.id, q.person_id, q.group_id,
                    trim(p.given_name || ' ' || p.family_name), q.certificate_number, g.name)), '[]'::json)
             from leader_qualifications q join people p on p.id = q.person_id join study_groups g on g.id = q.group_id
             where q.locality_id = ${L} and q.revoked_at is null) as qualifications,
          (select coalesce(json_agg(json_build_array(m.group_id, m.person_id)), '[]'::json)
             from study_group_members m join grp on grp.id = m.group_id where m.locality_id = ${L}) as members`,
  );
  const groups = parse<[string, string, number, number][]>(row?.groups ?? '[]');
  const edges = parse<[string, string, boolean][]>(row?.edges ?? '[]');
  const qualifications = parse<[string, string, string, string, string, string][]>(
    row?.qualifications ?? '[]',
  );
  const members = parse<[string, string][]>(row?.members ?? '[]');
  return {
    groups: groups.map(([id, kind, covered, total]) => ({
      id,
      kind,
      covered: Number(covered),
      total: Number(total),
    })),
    edges: edges.map(([groupId, qualificationId, lead]) => ({ groupId, qualificationId, lead: !!lead })),
    qualifications: qualifications.map(([id, personId, groupId, name, certificateNumber, groupName]) => ({
      id,
      personId,
      groupId,
      name,
      certificateNumber,
      groupName,
    })),
    members: members.map(([groupId, personId]) => ({ groupId, personId })),
  };
}

/** The whole cascade of a locality: per generation, in total, and per leader (one statement). */
export async function cascadeOf(db: Db, opts: { localityId: string }): Promise<Cascade> {
  return computeCascade(await loadCascade(db, opts));
}

/** Per generation: leaders, groups, people reached (unique), fidelity — for the locality dashboard. */
export async function cascadeSummary(db: Db, opts: { localityId: string }): Promise<CascadeSummary> {
  const { generations, reachedTotal, leadersTotal } = await cascadeOf(db, opts);
  return { generations, reachedTotal, leadersTotal };
}

/** Every leader of the cascade with their reach, largest first. */
export async function cascadeLeaders(db: Db, opts: { localityId: string }): Promise<CascadeLeader[]> {
  return (await cascadeOf(db, opts)).leaders;
}
