import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import type { Role } from '../../../lib/roles.ts';

/** The Centre's staff run education: programmes, materials, groups. */
const CENTRE_STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

export function canManageEducation(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => CENTRE_STAFF.includes(r));
}

/** Programmes are read by the staff and by leaders (who run groups along them). */
export function canReadProgrammes(actor: Actor, locality: ActorLocality): boolean {
  return canManageEducation(actor, locality) || locality.roles.includes('leader');
}
