import type { Actor, ActorLocality } from '../../lib/actor.ts';

/**
 * The coordinator (and a platform admin) runs the partnership's meetings: plans them, invites,
 * takes attendance, keeps minutes and decisions, prints the attendance list.
 */
export function canManageMeetings(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}

/** Staff, partner representatives and enterprise members follow the meetings; participants do not. */
export function canViewMeetings(actor: Actor, locality: ActorLocality): boolean {
  return canManageMeetings(actor, locality) || locality.roles.some((r) => r !== 'participant');
}

/**
 * Invitees' e-mail addresses are personal data: only whoever sends the invitations sees them.
 * Others see names and organisations, as on the signed attendance list.
 */
export function canSeeInviteeEmails(actor: Actor, locality: ActorLocality): boolean {
  return canManageMeetings(actor, locality);
}
