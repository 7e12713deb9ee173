import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { canManageParticipants } from '../participants/participants.policy.ts';

/**
 * Erasing a person, deciding erasure requests, reviewing records past retention and
 * downloading a person's data for a subject access request: the coordinator (or a platform
 * admin) only, because each is a decision of the controller, not of day-to-day support.
 */
export function canManageDataProtection(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}

/**
 * Recording an erasure request: the person themselves (their account is linked to the record)
 * or staff who work with participants, on the person's behalf.
 */
export function canRequestErasure(
  actor: Actor,
  locality: ActorLocality,
  person: { userId: string | null },
): boolean {
  return (person.userId !== null && person.userId === actor.userId) || canManageParticipants(actor, locality);
}
