import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';

/** Staff who work with participants directly. Leaders, partners, enterprise members and participants do not. */
const READERS: readonly Role[] = ['coordinator', 'advisor', 'animator'];

/** Who registers, reads and corrects participants of a locality (a platform admin too). */
export function canReadParticipants(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => READERS.includes(r));
}

export function canManageParticipants(actor: Actor, locality: ActorLocality): boolean {
  return canReadParticipants(actor, locality);
}

/** "Who looked at whom" is for the coordinator (and a platform admin). */
export function canSeeAccessLog(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}
