import { and, asc, count, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { memberships, organisations, people, supportPlans, users } from '../../../db/schema/index.ts';
import { RESPONSIBLE_ROLES } from './plans.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PlanAction = {
  id: string;
  kind: string;
  description: string;
  responsibleUserId: string | null;
  responsibleUserName: string | null;
  responsibleOrganisationId: string | null;
  responsibleOrganisationName: string | null;
  dueOn: string | null;
  status: string;
  doneOn: string | null;
};
export type PlanReview = {
  id: string;
  dueOn: string;
  heldOn: string | null;
  note: string;
  createdByName: string | null;
};
export type PlanOutcome = {
  id: string;
  kind: string;
  achievedOn: string;
  organisationName: string | null;
  note: string;
  recordedByName: string | null;
};
export type PlanStepEvent = {
  id: string;
  fromStep: string;
  toStep: string;
  note: string;
  byName: string | null;
  at: string;
};

/**
 * One plan of one person in this locality with its actions, reviews, outcomes and step history,
 * in one SQL statement (JSON sub-selects); null when unknown here.
 */
export async function loadPlan(db: Db, opts: { localityId: string; personId: string; planId: string }) {
  if (!UUID.test(opts.planId) || !UUID.test(opts.personId)) return null;
  const [row] = await db
    .select({
      id: supportPlans.id,
      step: supportPlans.step,
      needs: supportPlans.needs,
      goals: supportPlans.goals,
      startsOn: supportPlans.startsOn,
      agreedOn: supportPlans.agreedOn,
      closedOn: supportPlans.closedOn,
      closingReason: supportPlans.closingReason,
      closingNote: supportPlans.closingNote,
      responsibleUserId: supportPlans.responsibleUserId,
      responsibleName: users.name,
      actions: sql<PlanAction[]>`coalesce((
        select json_agg(json_build_object(
          'id', a.id, 'kind', a.kind, 'description', a.description,
          'responsibleUserId', a.responsible_user_id, 'responsibleUserName', au.name,
          'responsibleOrganisationId', a.responsible_organisation_id, 'responsibleOrganisationName', ao.name,
          'dueOn', a.due_on, 'status', a.status, 'doneOn', a.done_on
        ) order by a.position, a.created_at)
        from support_plan_actions a
        left join users au on au.id = a.responsible_user_id
        left join organisations ao on ao.id = a.responsible_organisation_id
        where a.plan_id = support_plans.id
      ), '[]'::json)`,
      reviews: sql<PlanReview[]>`coalesce((
        select json_agg(json_build_object(
          'id', r.id, 'dueOn', r.due_on, 'heldOn', r.held_on, 'note', r.note, 'createdByName', ru.name
        ) order by r.due_on, r.created_at)
        from support_plan_reviews r
        left join users ru on ru.id = r.created_by
        where r.plan_id = support_plans.id
      ), '[]'::json)`,
      outcomes: sql<PlanOutcome[]>`coalesce((
        select json_agg(json_build_object(
          'id', o.id, 'kind', o.kind, 'achievedOn', o.achieved_on, 'organisationName', oo.name,
          'note', o.note, 'recordedByName', ou.name
        ) order by o.achieved_on, o.created_at)
        from support_outcomes o
        left join organisations oo on oo.id = o.organisation_id
        left join users ou on ou.id = o.recorded_by
        where o.plan_id = support_plans.id
      ), '[]'::json)`,
      steps: sql<PlanStepEvent[]>`coalesce((
        select json_agg(json_build_object(
          'id', s.id, 'fromStep', s.from_step, 'toStep', s.to_step, 'note', s.note,
          'byName', su.name, 'at', s.at
        ) order by s.at, s.id)
        from support_plan_steps s
        left join users su on su.id = s.by_user_id
        where s.plan_id = support_plans.id
      ), '[]'::json)`,
    })
    .from(supportPlans)
    .leftJoin(users, eq(users.id, supportPlans.responsibleUserId))
    .where(
      and(
        eq(supportPlans.id, opts.planId),
        eq(supportPlans.personId, opts.personId),
        eq(supportPlans.localityId, opts.localityId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type PlanDetail = NonNullable<Awaited<ReturnType<typeof loadPlan>>>;

/** Staff who may lead a plan or an action here, and the locality's directory: two statements. */
export async function planFormOptions(db: Db, opts: { localityId: string; withOrganisations: boolean }) {
  const [staff, orgs] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.localityId, opts.localityId),
          inArray(memberships.role, [...RESPONSIBLE_ROLES]),
          eq(users.active, true),
        ),
      )
      .orderBy(asc(users.name), asc(users.id)),
    opts.withOrganisations
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.localityId, opts.localityId))
          .orderBy(asc(organisations.name))
      : Promise.resolve([]),
  ]);
  return { staff, organisations: orgs };
}

export type CaseloadFilter = { mine: boolean };

export function caseloadFilter(url: URL): CaseloadFilter {
  return { mine: url.searchParams.get('mine') === '1' };
}

/**
 * The caseload: open plans of the locality with the next review not yet held, overdue first,
 * then by the next review's date (plans without one last), then by name. Two statements.
 */
export async function listCaseload(
  db: Db,
  opts: {
    localityId: string;
    userId: string;
    filter: CaseloadFilter;
    today: string;
    offset: number;
    limit: number;
  },
) {
  const nextReview = sql<string | null>`(select min(r.due_on) from support_plan_reviews r
    where r.plan_id = support_plans.id and r.held_on is null)`;
  const parts: SQL[] = [
    eq(supportPlans.localityId, opts.localityId),
    ne(supportPlans.step, 'closed'),
    isNull(people.erasedAt),
  ];
  if (opts.filter.mine) parts.push(eq(supportPlans.responsibleUserId, opts.userId));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: supportPlans.id,
        personId: supportPlans.personId,
        givenName: people.givenName,
        familyName: people.familyName,
        step: supportPlans.step,
        startsOn: supportPlans.startsOn,
        responsibleName: users.name,
        nextReviewOn: nextReview,
      })
      .from(supportPlans)
      .innerJoin(people, eq(people.id, supportPlans.personId))
      .leftJoin(users, eq(users.id, supportPlans.responsibleUserId))
      .where(where)
      .orderBy(
        sql`case when ${nextReview} < ${opts.today} then 0 else 1 end`,
        sql`${nextReview} asc nulls last`,
        asc(people.familyName),
        asc(people.givenName),
        asc(supportPlans.id),
      )
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: count() })
      .from(supportPlans)
      .innerJoin(people, eq(people.id, supportPlans.personId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
