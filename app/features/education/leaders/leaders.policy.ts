import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import type { Role } from '../../../lib/roles.ts';

/** Centre staff grant qualifications and see the leaders and the cascade (a platform admin too). */
const STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

export function canManageLeaders(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => STAFF.includes(r));
}

/** The cascade names leaders: the same staff see it. */
export function canSeeCascade(actor: Actor, locality: ActorLocality): boolean {
  return canManageLeaders(actor, locality);
}
