import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canCreateInitiatives, canManageInitiatives, canReadInitiatives } from './initiatives.policy.ts';

function who(roles: Role[], isPlatformAdmin = false): [Actor, ActorLocality] {
  const locality: ActorLocality = {
    localityId: 'l',
    slug: 's',
    name: 'n',
    kind: 'urban',
    roles,
    organisationIds: [],
  };
  return [
    {
      userId: 'u',
      name: 'n',
      email: 'e',
      isPlatformAdmin,
      locale: 'pl',
      memberships: [locality],
      requestId: 'r',
    },
    locality,
  ];
}

describe('initiative permissions', () => {
  it('coordinators, advisors and platform admins manage', () => {
    expect(canManageInitiatives(...who(['coordinator']))).toBe(true);
    expect(canManageInitiatives(...who(['advisor']))).toBe(true);
    expect(canManageInitiatives(...who([], true))).toBe(true);
    expect(canManageInitiatives(...who(['animator']))).toBe(false);
  });
  it('animators read and add, others nothing', () => {
    expect(canReadInitiatives(...who(['animator']))).toBe(true);
    expect(canCreateInitiatives(...who(['animator']))).toBe(true);
    for (const r of ['leader', 'partner_rep', 'enterprise_member', 'participant'] as Role[]) {
      expect(canReadInitiatives(...who([r]))).toBe(false);
      expect(canCreateInitiatives(...who([r]))).toBe(false);
    }
  });
});
