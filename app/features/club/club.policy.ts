import type { Actor, ActorLocality } from '../../lib/actor.ts';

/**
 * Who may do what with the integration club:
 * - the coordinator and the animator run it (the animator everything but deleting the club);
 * - every other role except participants sees the overview, the calendar, the register entry
 *   and the annual report, which carry no member's personal data;
 * - members' personal data (names, contact, attendance and visits by name) are for the
 *   coordinator and the animator only; a platform admin without a role there sees counts.
 */
export type ClubAbilities = {
  view: boolean;
  manage: boolean;
  delete: boolean;
  seeMembers: boolean;
};

const runsClub = (locality: ActorLocality) =>
  locality.roles.includes('coordinator') || locality.roles.includes('animator');

export function canManageClub(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || runsClub(locality);
}

export function canDeleteClub(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}

export function canViewClub(actor: Actor, locality: ActorLocality): boolean {
  return canManageClub(actor, locality) || locality.roles.some((r) => r !== 'participant');
}

/** Members' personal data: the coordinator and the animator of this locality only. */
export function canSeeMembers(_actor: Actor, locality: ActorLocality): boolean {
  return runsClub(locality);
}

export function clubAbilities(actor: Actor, locality: ActorLocality): ClubAbilities {
  return {
    view: canViewClub(actor, locality),
    manage: canManageClub(actor, locality),
    delete: canDeleteClub(actor, locality),
    seeMembers: canSeeMembers(actor, locality),
  };
}
