import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canReadRoadmap, canUpdateRoadmapStep } from './roadmap.policy.ts';

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
  slug: 'kwilcz',
  name: 'Kwilcz',
  kind: 'rural',
  roles,
  organisationIds: [],
});
const step = (responsibleUserId: string | null = null) => ({ responsibleUserId });

describe('canUpdateRoadmapStep', () => {
  it('allows the coordinator and a platform admin', () => {
    expect(canUpdateRoadmapStep(actor(), locality(['coordinator']), step())).toBe(true);
    expect(canUpdateRoadmapStep(actor({ isPlatformAdmin: true }), locality([]), step())).toBe(true);
  });

  it('allows a staff member only on the step they are responsible for', () => {
    expect(canUpdateRoadmapStep(actor(), locality(['animator']), step('u1'))).toBe(true);
    expect(canUpdateRoadmapStep(actor(), locality(['animator']), step('u2'))).toBe(false);
  });

  it('never allows partner representatives, participants or enterprise members', () => {
    for (const role of ['partner_rep', 'participant', 'enterprise_member'] as const) {
      expect(canUpdateRoadmapStep(actor(), locality([role]), step('u1')), role).toBe(false);
    }
  });
});

describe('canReadRoadmap', () => {
  it('allows anyone with a role there and platform admins, nobody else', () => {
    expect(canReadRoadmap(actor(), locality(['partner_rep']))).toBe(true);
    expect(canReadRoadmap(actor({ isPlatformAdmin: true }), locality([]))).toBe(true);
    expect(canReadRoadmap(actor(), locality([]))).toBe(false);
  });
});
