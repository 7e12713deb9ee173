import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { canManageParticipants } from '../participants/participants.policy.ts';

/**
 * Who builds and moves support plans: the staff who work with participants (coordinator,
 * advisor, animator) and a platform admin. Leaders, partners, enterprise members and
 * participants do not (a participant sees their own plan on the self-service page).
 */
export function canManagePlans(actor: Actor, locality: ActorLocality): boolean {
  return canManageParticipants(actor, locality);
}
