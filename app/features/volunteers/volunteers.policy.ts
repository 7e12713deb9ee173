import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';

/** Staff who keep the volunteer register (a platform admin too). */
const STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

/** Who reads the register and a volunteer's page, registers volunteers and records their hours. */
export function canManageVolunteers(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => STAFF.includes(r));
}

/**
 * Who may record hours for a volunteer: the register's staff, or a partner representative for
 * a volunteer of the organisation they speak for (only what is theirs).
 */
export function canLogHours(
  actor: Actor,
  locality: ActorLocality,
  volunteer: { organisationId: string | null },
): boolean {
  if (canManageVolunteers(actor, locality)) return true;
  return (
    locality.roles.includes('partner_rep') &&
    volunteer.organisationId !== null &&
    locality.organisationIds.includes(volunteer.organisationId)
  );
}

/** The organisations a partner representative logs volunteers' hours for (none for other roles). */
export function hostOrganisations(locality: ActorLocality): string[] {
  return locality.roles.includes('partner_rep') ? locality.organisationIds : [];
}
