import type { Actor, ActorLocality } from '../../lib/actor.ts';

/**
 * Who may change a roadmap step: the locality's coordinator, a platform admin, or the
 * staff member named responsible for that step. Partner representatives, participants
 * and others can only read it.
 */
export function canUpdateRoadmapStep(
  actor: Actor,
  locality: ActorLocality,
  step: { responsibleUserId: string | null },
): boolean {
  if (actor.isPlatformAdmin) return true;
  if (locality.roles.includes('coordinator')) return true;
  const isStaff = locality.roles.some((r) => r === 'advisor' || r === 'animator' || r === 'leader');
  return isStaff && step.responsibleUserId === actor.userId;
}

/** Anyone with a role in the locality (and platform admins) may read its roadmap. */
export function canReadRoadmap(actor: Actor, locality: ActorLocality): boolean {
  return actor.isPlatformAdmin || locality.roles.length > 0;
}
