import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';

export const ADVICE_KINDS = ['legal', 'financial', 'accounting', 'vocational', 'business'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

export function isAdviceKind(value: unknown): value is AdviceKind {
  return typeof value === 'string' && (ADVICE_KINDS as readonly string[]).includes(value);
}

/** Staff who work with participants and book appointments for them. */
const STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

/** Advisors record and edit sessions, manage their slots and read confidential notes. */
export function isAdvisor(locality: ActorLocality): boolean {
  return locality.roles.includes('advisor');
}

export function canRecordAdvice(_actor: Actor, locality: ActorLocality): boolean {
  return isAdvisor(locality);
}

/** Who reads the list of sessions: staff of the locality and a platform admin. */
export function canReadAdvice(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => STAFF.includes(r));
}

/**
 * Confidential notes are for the advisors of the locality only: not coordinators, animators or
 * a platform admin (who reads non-confidential sessions only).
 */
export function canReadConfidentialAdvice(_actor: Actor, locality: ActorLocality): boolean {
  return isAdvisor(locality);
}

/** Staff who see the whole calendar, book for anyone and answer requests. */
export function isAdviceStaff(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.some((r) => STAFF.includes(r));
}

/** Partner representatives and enterprise members book for the organisations they speak for. */
export function representedOrganisations(locality: ActorLocality): string[] {
  return locality.roles.includes('partner_rep') || locality.roles.includes('enterprise_member')
    ? locality.organisationIds
    : [];
}

/** Who may open the calendar: staff, and partners speaking for an organisation (participants use self-service). */
export function canUseCalendar(actor: Actor, locality: ActorLocality): boolean {
  return (
    isAdviceStaff(actor, locality) ||
    locality.roles.includes('partner_rep') ||
    locality.roles.includes('enterprise_member')
  );
}
