import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import type { Role } from '../../../lib/roles.ts';

/** Staff who run the status check of an enterprise (a platform admin too). */
const CHECKERS: readonly Role[] = ['coordinator', 'advisor'];

export function canRecheckEnterprise(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => CHECKERS.includes(r));
}

/** The checkers, and the enterprise's own members (read-only). */
export function canReadEnterpriseStatus(
  actor: Actor,
  locality: ActorLocality,
  enterprise: { organisationId: string },
): boolean {
  if (canRecheckEnterprise(actor, locality)) return true;
  return (
    locality.roles.includes('enterprise_member') &&
    locality.organisationIds.includes(enterprise.organisationId)
  );
}
