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
