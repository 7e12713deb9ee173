import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canErasePeople, canManagePeople } from '../people/people.policy.ts';
import { canDeleteClub, canManageClub, canSeeMembers, canViewClub, clubAbilities } from './club.policy.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  name: 'X',
  email: 'x@example.test',
  isPlatformAdmin: false,
  locale: 'pl',
  memberships: [],
  requestId: 'r',
  ...over,
});
const locality = (roles: Role[]): ActorLocality => ({
  localityId: 'l1',
  slug: 'wagrowiec',
  name: 'Wągrowiec',
  kind: 'urban',
  roles,
  organisationIds: [],
});

describe('who runs the integration club', () => {
  it('lets the coordinator do everything, and the animator everything but deleting the club', () => {
    expect(clubAbilities(actor(), locality(['coordinator']))).toEqual({
      view: true,
      manage: true,
      delete: true,
      seeMembers: true,
    });
    expect(clubAbilities(actor(), locality(['animator']))).toEqual({
      view: true,
      manage: true,
      delete: false,
      seeMembers: true,
    });
  });

  it('lets other roles except participants see the club without members’ personal data', () => {
    for (const role of ['advisor', 'leader', 'partner_rep', 'enterprise_member'] as const) {
      const l = locality([role]);
      expect(canViewClub(actor(), l), role).toBe(true);
      expect(canManageClub(actor(), l), role).toBe(false);
      expect(canSeeMembers(actor(), l), role).toBe(false);
      expect(canManagePeople(actor(), l), role).toBe(false);
    }
  });

  it('keeps participants and people without a role out', () => {
    expect(canViewClub(actor(), locality(['participant']))).toBe(false);
    expect(canViewClub(actor(), locality([]))).toBe(false);
  });

  it('lets a platform admin without a role run the club but not read members’ personal data', () => {
    const admin = actor({ isPlatformAdmin: true });
    expect(canManageClub(admin, locality([]))).toBe(true);
    expect(canDeleteClub(admin, locality([]))).toBe(true);
    expect(canSeeMembers(admin, locality([]))).toBe(false);
    expect(canManagePeople(admin, locality([]))).toBe(false);
  });

  it('leaves erasing a person to the coordinator', () => {
    expect(canErasePeople(actor(), locality(['coordinator']))).toBe(true);
    expect(canErasePeople(actor(), locality(['animator']))).toBe(false);
  });
});
