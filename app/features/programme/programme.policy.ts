import type { Actor, ActorLocality } from '../../lib/actor.ts';

export type ResponsibleOf = {
  responsibleOrganisationId: string | null;
  responsibleUserId: string | null;
};

/** The coordinator (and a platform admin) manages the whole programme: goals, actions, tasks, cancelling. */
export function canManageProgramme(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.includes('coordinator');
}

/** Everyone with a role here except participants sees the programme (as they see the partnership). */
export function canViewProgramme(actor: Actor, locality: ActorLocality): boolean {
  return canManageProgramme(actor, locality) || locality.roles.some((r) => r !== 'participant');
}

/**
 * Who may report status, progress and the indicator's actual value of an item: whoever manages
 * the programme; a partner representative for items of the organisation they speak for; a
 * person for the items they are personally responsible for.
 */
export function canUpdateProgress(actor: Actor, locality: ActorLocality, item: ResponsibleOf): boolean {
  if (canManageProgramme(actor, locality)) return true;
  if (item.responsibleUserId && item.responsibleUserId === actor.userId) return true;
  return Boolean(
    item.responsibleOrganisationId &&
      locality.roles.includes('partner_rep') &&
      locality.organisationIds.includes(item.responsibleOrganisationId),
  );
}
