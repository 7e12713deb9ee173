import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { organisations, participantConsents, referrals } from '../../../db/schema/index.ts';
import type { ReferralStatus } from './referral.rules.ts';

export type ParticipantReferral = {
  id: string;
  fromName: string | null;
  toName: string;
  status: ReferralStatus;
  sentOn: string;
  doneOn: string | null;
  /** The consent the referral rests on was withdrawn since. */
  consentWithdrawn: boolean;
};

const fromOrg = alias(organisations, 'from_org');
const toOrg = alias(organisations, 'to_org');

/**
 * A participant's referrals for the staff's participant page, newest first, with the two
 * organisations' names and the status: one SQL statement. The caller has checked the reader.
 */
export async function loadReferralsForParticipant(
  db: Db,
  opts: { localityId: string; personId: string },
): Promise<ParticipantReferral[]> {
  const rows = await db
    .select({
      id: referrals.id,
      fromName: fromOrg.name,
      toName: toOrg.name,
      status: referrals.status,
      sentOn: referrals.sentOn,
      doneOn: referrals.doneOn,
      withdrawnOn: participantConsents.withdrawnOn,
      consentId: participantConsents.id,
    })
    .from(referrals)
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .leftJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .leftJoin(participantConsents, eq(participantConsents.id, referrals.consentId))
    .where(and(eq(referrals.personId, opts.personId), eq(referrals.localityId, opts.localityId)))
    .orderBy(desc(referrals.sentOn), desc(referrals.createdAt));
  return rows.map((r) => ({
    id: r.id,
    fromName: r.fromName,
    toName: r.toName,
    status: r.status as ReferralStatus,
    sentOn: r.sentOn,
    doneOn: r.doneOn,
    consentWithdrawn: !r.consentId || Boolean(r.withdrawnOn),
  }));
}
