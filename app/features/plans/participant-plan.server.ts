import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../../db/schema/index.ts';

/** An action of the open plan as the participant page shows it (no internal notes). */
export type ParticipantPlanAction = {
  id: string;
  kind: string;
  description: string;
  status: string;
  dueOn: string | null;
  doneOn: string | null;
  /** The staff member or organisation responsible, by name. */
  responsibleName: string | null;
};

export type ParticipantOpenPlan = {
  id: string;
  step: 'draft' | 'agreed' | 'in_progress';
  needs: string;
  goals: string;
  startsOn: string;
  agreedOn: string | null;
  responsibleName: string | null;
  /** The earliest review not held yet. */
  nextReviewOn: string | null;
  actions: ParticipantPlanAction[];
};

export type ParticipantClosedPlan = {
  id: string;
  startsOn: string;
  closedOn: string | null;
  closingReason: string;
};

export type ParticipantOutcome = {
  id: string;
  kind: string;
  achievedOn: string;
  organisationName: string | null;
};

export type ParticipantPlans = {
  open: ParticipantOpenPlan | null;
  /** Newest first. */
  closed: ParticipantClosedPlan[];
  /** Oldest first. */
  outcomes: ParticipantOutcome[];
};

/**
 * A person's plans for the participant page and the self-service page, in exactly ONE SQL
 * statement (JSON sub-selects): the open plan with its actions and next review, the closed
 * plans, and the outcomes. Scoped to the locality; an unknown person has no plans.
 * Review notes and closing notes are not included (they are read on the plan's own page).
 */
export async function loadPlansForParticipant(
  db: Db,
  opts: { localityId: string; personId: string },
): Promise<ParticipantPlans> {
  if (!/^[0-9a-f-]{36}$/i.test(opts.personId)) return { open: null, closed: [], outcomes: [] };
  const [row] = await db
    .select({
      open: sql<ParticipantOpenPlan | null>`(
        select json_build_object(
          'id', p.id, 'step', p.step, 'needs', p.needs, 'goals', p.goals, 'startsOn', p.starts_on,
          'agreedOn', p.agreed_on, 'responsibleName', pu.name,
          'nextReviewOn', (select min(r.due_on) from support_plan_reviews r
            where r.plan_id = p.id and r.held_on is null),
          'actions', coalesce((
            select json_agg(json_build_object(
              'id', a.id, 'kind', a.kind, 'description', a.description, 'status', a.status,
              'dueOn', a.due_on, 'doneOn', a.done_on, 'responsibleName', coalesce(au.name, ao.name)
            ) order by a.position, a.created_at)
            from support_plan_actions a
            left join users au on au.id = a.responsible_user_id
            left join organisations ao on ao.id = a.responsible_organisation_id
            where a.plan_id = p.id
          ), '[]'::json)
        )
        from support_plans p
        left join users pu on pu.id = p.responsible_user_id
        where p.person_id = people.id and p.locality_id = people.locality_id and p.step <> 'closed'
        limit 1
      )`,
      closed: sql<ParticipantClosedPlan[]>`coalesce((
        select json_agg(json_build_object(
          'id', p.id, 'startsOn', p.starts_on, 'closedOn', p.closed_on, 'closingReason', p.closing_reason
        ) order by p.closed_on desc nulls last, p.starts_on desc)
        from support_plans p
        where p.person_id = people.id and p.locality_id = people.locality_id and p.step = 'closed'
      ), '[]'::json)`,
      outcomes: sql<ParticipantOutcome[]>`coalesce((
        select json_agg(json_build_object(
          'id', o.id, 'kind', o.kind, 'achievedOn', o.achieved_on, 'organisationName', oo.name
        ) order by o.achieved_on, o.created_at)
        from support_outcomes o
        left join organisations oo on oo.id = o.organisation_id
        where o.person_id = people.id and o.locality_id = people.locality_id
      ), '[]'::json)`,
    })
    .from(people)
    .where(and(eq(people.id, opts.personId), eq(people.localityId, opts.localityId)))
    .limit(1);
  if (!row) return { open: null, closed: [], outcomes: [] };
  return { open: row.open ?? null, closed: row.closed, outcomes: row.outcomes };
}
