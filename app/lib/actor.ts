import type { LocalityKind } from '../../db/reference/teryt.ts';
import type { Locale } from './i18n/catalog.ts';
import type { Role } from './roles.ts';

export type ActorMembership = {
  localityId: string;
  slug: string;
  name: string;
  kind: LocalityKind;
  roles: Role[];
  /** Organisations the person speaks for here (partner representatives, enterprise members). */
  organisationIds: string[];
};

/** Who is making the request: the signed-in user, their roles per locality, and the request id. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  locale: Locale;
  memberships: ActorMembership[];
  requestId: string;
};

/** The locality a request is about, with the actor's roles there. */
export type ActorLocality = ActorMembership;

export function rolesIn(actor: Actor, localityId: string): Role[] {
  return actor.memberships.find((m) => m.localityId === localityId)?.roles ?? [];
}

export function hasRole(actor: Actor, localityId: string, ...roles: Role[]): boolean {
  const held = rolesIn(actor, localityId);
  return roles.some((r) => held.includes(r));
}
