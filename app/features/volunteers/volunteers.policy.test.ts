import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canLogHours, canManageVolunteers } from './volunteers.policy.ts';

const loc = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
  localityId: 'l',
  slug: 'x',
  name: 'X',
  kind: 'urban',
  roles,
  organisationIds,
});
const actor = (isPlatformAdmin = false) => ({ isPlatformAdmin }) as Actor;

describe('who keeps the volunteer register', () => {
  it('is the coordinator, advisor, animator and a platform admin', () => {
    for (const r of ['coordinator', 'advisor', 'animator'] as Role[])
      expect(canManageVolunteers(actor(), loc([r]))).toBe(true);
    expect(canManageVolunteers(actor(true), loc([]))).toBe(true);
    for (const r of ['leader', 'partner_rep', 'enterprise_member', 'participant'] as Role[])
      expect(canManageVolunteers(actor(), loc([r]))).toBe(false);
  });

  it("lets a partner representative log hours only for their own organisation's volunteers", () => {
    expect(canLogHours(actor(), loc(['partner_rep'], ['org-a']), { organisationId: 'org-a' })).toBe(true);
    expect(canLogHours(actor(), loc(['partner_rep'], ['org-a']), { organisationId: 'org-b' })).toBe(false);
    expect(canLogHours(actor(), loc(['partner_rep'], ['org-a']), { organisationId: null })).toBe(false);
    expect(canLogHours(actor(), loc(['leader']), { organisationId: 'org-a' })).toBe(false);
    expect(canLogHours(actor(), loc(['animator']), { organisationId: null })).toBe(true);
  });
});
