import type { Actor, ActorLocality } from '../../lib/actor.ts';

/** Coordinators and advisors (and platform admins) manage initiatives: founders, checklist, moves, plans. */
export function canManageInitiatives(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => r === 'coordinator' || r === 'advisor');
}

/** Animators read the board and pages and add new initiatives; they do not move or edit them. */
export function canReadInitiatives(actor: Actor, locality: ActorLocality): boolean {
  return canManageInitiatives(actor, locality) || locality.roles.includes('animator');
}

export function canCreateInitiatives(actor: Actor, locality: ActorLocality): boolean {
  return canReadInitiatives(actor, locality);
}
