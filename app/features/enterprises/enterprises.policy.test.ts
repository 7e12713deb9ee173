import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import {
  canEditEnterprise,
  canManageEnterprises,
  canReadAllEnterprises,
  canSeeEnterprise,
} from './enterprises.policy.ts';

const loc = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
  localityId: 'l',
  slug: 'x',
  name: 'X',
  kind: 'urban',
  roles,
  organisationIds,
});
const actor = (l: ActorLocality): Actor => ({
  userId: 'u',
  name: 'U',
  email: 'u@x',
  isPlatformAdmin: false,
  locale: 'pl',
  memberships: [l],
  requestId: 'r',
});

describe('enterprises policy', () => {
  it('lets coordinators and advisors manage, animators read', () => {
    for (const r of ['coordinator', 'advisor'] as Role[])
      expect(canManageEnterprises(actor(loc([r])), loc([r]))).toBe(true);
    const a = loc(['animator']);
    expect(canManageEnterprises(actor(a), a)).toBe(false);
    expect(canReadAllEnterprises(actor(a), a)).toBe(true);
    expect(canEditEnterprise(actor(a), a, { organisationId: 'o' })).toBe(false);
  });
  it('lets an enterprise member edit and see only their own enterprise', () => {
    const m = loc(['enterprise_member'], ['own']);
    expect(canEditEnterprise(actor(m), m, { organisationId: 'own' })).toBe(true);
    expect(canSeeEnterprise(actor(m), m, { organisationId: 'other' })).toBe(false);
    expect(canReadAllEnterprises(actor(m), m)).toBe(false);
  });
  it('gives a partner representative speaking for the organisation nothing', () => {
    const p = loc(['partner_rep'], ['own']);
    expect(canSeeEnterprise(actor(p), p, { organisationId: 'own' })).toBe(false);
  });
});
