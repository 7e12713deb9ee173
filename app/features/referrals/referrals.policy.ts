import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canManageParticipants } from '../participants/participants.policy.ts';
import type { ReferralSide } from './referral.rules.ts';

/** Roles that speak for an organisation and may receive referrals addressed to it. */
const ORGANISATION_ROLES: readonly Role[] = ['partner_rep', 'enterprise_member'];

/** Staff who work with participants send referrals (and may record the other side's answer for it). */
export function canSendReferrals(actor: Actor, locality: ActorLocality): boolean {
  return canManageParticipants(actor, locality);
}

/** The organisations this actor speaks for here (only as a representative or enterprise member). */
export function speaksFor(locality: ActorLocality): string[] {
  return locality.roles.some((r) => ORGANISATION_ROLES.includes(r)) ? locality.organisationIds : [];
}

/** Who has a referrals page here: the staff, and representatives linked to an organisation. */
export function canSeeReferralsInbox(actor: Actor, locality: ActorLocality): boolean {
  return canSendReferrals(actor, locality) || speaksFor(locality).length > 0;
}

/** The side the actor takes on one referral, or null when it is none of theirs. */
export function referralSide(
  actor: Actor,
  locality: ActorLocality,
  r: { fromOrganisationId: string | null; toOrganisationId: string },
): ReferralSide | null {
  if (canSendReferrals(actor, locality)) return 'staff';
  const orgs = speaksFor(locality);
  if (orgs.includes(r.toOrganisationId)) return 'receiving';
  if (r.fromOrganisationId && orgs.includes(r.fromOrganisationId)) return 'sending';
  return null;
}

/** Accepting, declining and marking done belong to the receiving side; staff may record it for them. */
export function canAnswerReferral(side: ReferralSide | null): boolean {
  return side === 'staff' || side === 'receiving';
}
