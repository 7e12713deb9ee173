import type { Db } from '../../../db/client.ts';
import { dateInputValue } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { partnershipEvidence } from '../partnerships/partnerships.queries.server.ts';
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
  return out;
}
