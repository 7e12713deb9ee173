import type { Actor, ActorLocality } from '../../lib/actor.ts';

/** Staff who keep the directory of local actors. */
export function canManageDirectory(actor: Actor, locality: ActorLocality): boolean {
  return (
    actor.isPlatformAdmin ||
    locality.roles.some((r) => r === 'coordinator' || r === 'advisor' || r === 'animator' || r === 'leader')
  );
}

/** Staff, partner representatives and enterprise members read the directory; participants do not. */
export function canViewDirectory(actor: Actor, locality: ActorLocality): boolean {
  return (
    canManageDirectory(actor, locality) ||
    locality.roles.some((r) => r === 'partner_rep' || r === 'enterprise_member')
  );
}

/**
 * Who speaks for an organisation (its partner representatives and enterprise members with an
 * account) decides what they may change elsewhere, so only the coordinator sets it.
 */
export function canManageRepresentatives(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}
