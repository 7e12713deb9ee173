import { sql } from 'drizzle-orm';

/**
 * The Social Economy Centre's live figures as one JSON value, for the roadmap's single
 * evidence statement: advisors, participants registered (active), advice sessions and hours in
 * the last 12 months, support plans not closed.
 */
export function centreEvidenceJson(localityId: string) {
  return sql`(select json_build_object(
      'advisors', (select count(distinct m.user_id) from memberships m
         where m.locality_id = ${localityId} and m.role = 'advisor'),
      'participants', (select count(*) from participants p
         where p.locality_id = ${localityId} and p.status = 'active'),
      'adviceSessions', (select count(*) from advice_sessions a
         where a.locality_id = ${localityId} and a.given_on > current_date - 365),
      'adviceHours', (select coalesce(round(sum(a.minutes) / 60.0), 0) from advice_sessions a
         where a.locality_id = ${localityId} and a.given_on > current_date - 365),
      'openPlans', (select count(*) from support_plans s
         where s.locality_id = ${localityId} and s.step <> 'closed')))`;
}

/**
 * Enterprises founded (registered, not closed), of them social cooperatives and those holding the
 * social-enterprise status (the latest status decision is a grant), jobs held today and how many
 * by people at risk, and initiative groups under way — one JSON value.
 */
export function enterprisesEvidenceJson(localityId: string) {
  return sql`(with live as (
      select e.id, o.legal_form from enterprises e join organisations o on o.id = e.organisation_id
      where e.locality_id = ${localityId} and e.closed_on is null
    ), held as (
      select j.at_risk_category from enterprise_jobs j
      where j.locality_id = ${localityId} and j.start_on <= current_date
        and (j.end_on is null or j.end_on >= current_date)
    )
    select json_build_object(
      'enterprises', (select count(*) from live),
      'cooperatives', (select count(*) from live where legal_form = 'social_cooperative'),
      'withStatus', (select count(*) from live l where (
          select d.kind from enterprise_status_decisions d
          where d.enterprise_id = l.id and d.kind in ('ps_granted', 'ps_lost')
          order by d.decided_on desc limit 1) = 'ps_granted'),
      'jobs', (select count(*) from held),
      'jobsAtRisk', (select count(*) from held where at_risk_category is not null),
      'initiatives', (select count(*) from initiatives i
         where i.locality_id = ${localityId} and i.stage in ('idea', 'business_plan', 'founding'))))`;
}
