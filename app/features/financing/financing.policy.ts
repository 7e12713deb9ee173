import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';

const MANAGERS: readonly Role[] = ['coordinator', 'advisor'];
const READERS: readonly Role[] = [...MANAGERS, 'animator'];

/** Who manages niches, criteria, funding sources, applications and grants (and all offers). */
export function canManageFinancing(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => MANAGERS.includes(r));
}

/** Who reads niches: the managers and animators. */
export function canReadNiches(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => READERS.includes(r));
}

/** The organisations a partner representative adds offers for (none for other roles). */
export function offerOrganisations(locality: ActorLocality): string[] {
  return locality.roles.includes('partner_rep') ? locality.organisationIds : [];
}

/**
 * What an actor sees of the offers: 'all' (staff read every offer), 'own+open' (a partner
 * representative: their organisation's offers and the open ones), 'open' (enterprise members:
 * open offers only), or null (no access).
 */
export function offerAccess(actor: Actor, locality: ActorLocality): 'all' | 'own+open' | 'open' | null {
  if (canReadNiches(actor, locality)) return 'all';
  if (offerOrganisations(locality).length > 0) return 'own+open';
  if (locality.roles.includes('enterprise_member') || locality.roles.includes('partner_rep')) return 'open';
  return null;
}

/** Who may edit an offer: the managers, or a partner representative of the offer's organisation. */
export function canEditOffer(
  actor: Actor,
  locality: ActorLocality,
  offer: { organisationId: string },
): boolean {
  return canManageFinancing(actor, locality) || offerOrganisations(locality).includes(offer.organisationId);
}

/** Enterprise members read their own enterprise's grants (the organisations they speak for). */
export function grantReaderOrganisations(actor: Actor, locality: ActorLocality): string[] | null {
  if (canManageFinancing(actor, locality)) return null;
  return locality.roles.includes('enterprise_member') ? locality.organisationIds : [];
}
