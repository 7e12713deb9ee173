import type { Actor, ActorLocality } from '../../lib/actor.ts';

/**
 * People's personal data (names, contact) are for the staff who work with them directly: the
 * coordinator and the animator. Nobody else reads or writes them, not even a platform admin
 * without a role in the locality.
 */
export function canManagePeople(_actor: Actor, locality: ActorLocality): boolean {
  return locality.roles.includes('coordinator') || locality.roles.includes('animator');
}

/** Erasure (blanking a person's data, keeping the statistics) is the coordinator's decision. */
export function canErasePeople(_actor: Actor, locality: ActorLocality): boolean {
  return locality.roles.includes('coordinator');
}
