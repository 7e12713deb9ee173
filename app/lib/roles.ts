/** Roles a user can hold in a locality (DOMAIN.md); platform admin is a user flag. */
export const ROLES = [
  'coordinator',
  'advisor',
  'animator',
  'leader',
  'partner_rep',
  'enterprise_member',
  'participant',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that work for the locality's support system (not participants or outside partners). */
export const STAFF_ROLES: readonly Role[] = ['coordinator', 'advisor', 'animator', 'leader'];
