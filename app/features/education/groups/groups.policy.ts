import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import type { Role } from '../../../lib/roles.ts';

/** Centre staff manage every group of the locality (a platform admin too). */
const STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

export function isEducationStaff(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => STAFF.includes(r));
}

/** A leader sees and runs the groups they facilitate (their person is linked by people.user_id). */
export function isLeader(locality: ActorLocality): boolean {
  return locality.roles.includes('leader');
}

/** Who may open the groups list at all. */
export function canSeeGroups(actor: Actor, locality: ActorLocality): boolean {
  return isEducationStaff(actor, locality) || isLeader(locality);
}

/** Who may run one group (sessions, attendance, members' data): staff, or a leader who facilitates it. */
export function canRunGroup(actor: Actor, locality: ActorLocality, facilitates: boolean): boolean {
  return isEducationStaff(actor, locality) || (isLeader(locality) && facilitates);
}
