import type { Actor, ActorLocality } from '../../lib/actor.ts';

/** Who reads donations, costs and the cost-reduction report: coordinators and advisors. */
export function canReadCosts(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => r === 'coordinator' || r === 'advisor');
}

/** Who records and deletes donations and the support system's costs: coordinators. */
export function canManageCosts(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}
