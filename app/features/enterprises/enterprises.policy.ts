import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';

const MANAGERS: readonly Role[] = ['coordinator', 'advisor'];

/** Coordinators and advisors (and a platform admin) manage every enterprise of the locality. */
export function canManageEnterprises(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => MANAGERS.includes(r));
}

/** Staff who read every enterprise: the managers and animators. */
export function canReadAllEnterprises(actor: Actor, locality: ActorLocality): boolean {
  return canManageEnterprises(actor, locality) || locality.roles.includes('animator');
}

/** The organisations an enterprise member speaks for (none for other roles). */
export function memberOrganisations(locality: ActorLocality): string[] {
  return locality.roles.includes('enterprise_member') ? locality.organisationIds : [];
}

/**
 * Who may edit an enterprise's profile, members, monthly figures and jobs: the managers, or an
 * enterprise member whose membership speaks for the enterprise's organisation.
 */
export function canEditEnterprise(
  actor: Actor,
  locality: ActorLocality,
  enterprise: { organisationId: string },
): boolean {
  return (
    canManageEnterprises(actor, locality) || memberOrganisations(locality).includes(enterprise.organisationId)
  );
}

/** Who may see an enterprise at all (anyone else gets 404, not a hint that it exists). */
export function canSeeEnterprise(
  actor: Actor,
  locality: ActorLocality,
  enterprise: { organisationId: string },
): boolean {
  return canReadAllEnterprises(actor, locality) || canEditEnterprise(actor, locality, enterprise);
}
