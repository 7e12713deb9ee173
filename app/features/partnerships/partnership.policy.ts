import type { Actor, ActorLocality } from '../../lib/actor.ts';

/** The coordinator (and a platform admin) runs the partnership: members, leader, agreement. */
export function canManagePartnership(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}

/** Staff, partner representatives and enterprise members see the partnership. */
export function canViewPartnership(actor: Actor, locality: ActorLocality): boolean {
  return canManagePartnership(actor, locality) || locality.roles.some((r) => r !== 'participant');
}

/**
 * A commitment can be changed by whoever manages the partnership, or by a partner
 * representative speaking for the organisation that made it ("only what is theirs").
 */
export function canEditCommitment(
  actor: Actor,
  locality: ActorLocality,
  commitment: { organisationId: string },
): boolean {
  if (canManagePartnership(actor, locality)) return true;
  return (
    locality.roles.includes('partner_rep') && locality.organisationIds.includes(commitment.organisationId)
  );
}
