import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dateInputValue } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { clubEvidence } from '../club/club.queries.server.ts';
import { educationEvidenceJson } from '../education/cascade/cascade.evidence.server.ts';
import { partnershipEvidence } from '../partnerships/partnerships.queries.server.ts';
import { programmeEvidenceJson } from '../programme/programme.queries.server.ts';
import { centreEvidenceJson, enterprisesEvidenceJson } from './centre-enterprises.evidence.server.ts';
import type { StepKey } from './roadmap.rules.ts';

export type LiveEvidence = Partial<
  Record<StepKey, { key: MessageKey; values: Record<string, string | number> }>
>;

/**
 * What the system's own data says about the implementation steps ("leader organisation
 * chosen" once designated, "partners gathered" with the count, ...). Shown beside the
 * coordinator's notes; it never changes a step's status by itself.
 */
export async function liveEvidence(db: Db, opts: { localityId: string }): Promise<LiveEvidence> {
  const p = await partnershipEvidence(db, opts);
  const out: LiveEvidence = {};
  if (p.leader) {
    out.leader_organisation = {
      key: 'roadmap.evidence.leader',
      values: { name: p.leader.name, decision: p.leader.decision, date: dateInputValue(p.leader.decidedOn) },
    };
  }
  out.local_partners = { key: 'roadmap.evidence.partners', values: { count: p.partnerCount } };
  // The programme's, education's, the Centre's and the enterprises' counts in one statement
  // (the page keeps to six).
  const [counts] = await db
    .select({
      programme: sql<{
        goals: number;
        tasks: number;
        done: number;
      }>`${programmeEvidenceJson(opts.localityId)}`,
      education: sql<{
        leaders: number;
        groupsStarted: number;
        members: number;
      }>`${educationEvidenceJson(opts.localityId)}`,
      centre: sql<Record<string, number>>`${centreEvidenceJson(opts.localityId)}`,
      enterprises: sql<Record<string, number>>`${enterprisesEvidenceJson(opts.localityId)}`,
    })
    .from(sql`(select 1) as one`);
  const programme = {
    goals: Number(counts?.programme.goals ?? 0),
    tasks: Number(counts?.programme.tasks ?? 0),
    done: Number(counts?.programme.done ?? 0),
  };
  const education = {
    leaders: Number(counts?.education.leaders ?? 0),
    groupsStarted: Number(counts?.education.groupsStarted ?? 0),
    members: Number(counts?.education.members ?? 0),
  };
  if (programme.goals > 0)
    out.programmes_and_funding = { key: 'roadmap.evidence.programme', values: programme };
  const club = await clubEvidence(db, { ...opts, today: todayInWarsaw() });
  if (club.premises) {
    const { address, providerName, from, lent } = club.premises;
    out.club_premises =
      lent && providerName && from
        ? {
            key: 'roadmap.evidence.clubPremises',
            values: { address, provider: providerName, date: dateInputValue(from) },
          }
        : { key: 'roadmap.evidence.clubPremisesAddress', values: { address } };
  }
  if (club.animators > 0)
    out.animator_employed = {
      key: 'roadmap.evidence.animators',
      values: { count: club.animators, fte: club.fte },
    };
  out.leaders_trained = { key: 'roadmap.evidence.leadersTrained', values: { count: education.leaders } };
  out.study_groups_started = {
    key: 'roadmap.evidence.studyGroupsStarted',
    values: { count: education.groupsStarted, members: education.members },
  };
  const n = (v: unknown) => Number(v ?? 0);
  const centre = counts?.centre ?? {};
  if (n(centre.advisors) + n(centre.participants) + n(centre.adviceSessions) > 0)
    out.centre_created = {
      key: 'roadmap.evidence.centre',
      values: {
        advisors: n(centre.advisors),
        participants: n(centre.participants),
        sessions: n(centre.adviceSessions),
        hours: n(centre.adviceHours),
        plans: n(centre.openPlans),
      },
    };
  const ent = counts?.enterprises ?? {};
  out.enterprises_founded = {
    key: 'roadmap.evidence.enterprises',
    values: {
      count: n(ent.enterprises),
      cooperatives: n(ent.cooperatives),
      withStatus: n(ent.withStatus),
      jobs: n(ent.jobs),
      atRisk: n(ent.jobsAtRisk),
      initiatives: n(ent.initiatives),
    },
  };
  return out;
}
