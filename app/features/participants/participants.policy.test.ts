import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canManageParticipants, canReadParticipants, canSeeAccessLog } from './participants.policy.ts';

const actor = (admin = false): Actor => ({
  userId: 'u',
  name: 'U',
  email: 'u@example.pl',
  isPlatformAdmin: admin,
  locale: 'pl',
  memberships: [],
  requestId: 'r',
});
const loc = (...roles: Role[]): ActorLocality => ({
  localityId: 'l',
  slug: 'x',
  name: 'X',
  kind: 'urban',
  roles,
  organisationIds: [],
});

describe('participants policy', () => {
  it('lets the coordinator, advisor and animator (and a platform admin) register and read', () => {
    for (const r of ['coordinator', 'advisor', 'animator'] as const) {
      expect(canReadParticipants(actor(), loc(r))).toBe(true);
      expect(canManageParticipants(actor(), loc(r))).toBe(true);
    }
    expect(canReadParticipants(actor(true), loc())).toBe(true);
  });
  it('keeps leaders, partner representatives, enterprise members and participants out', () => {
    for (const r of ['leader', 'partner_rep', 'enterprise_member', 'participant'] as const) {
      expect(canReadParticipants(actor(), loc(r))).toBe(false);
      expect(canManageParticipants(actor(), loc(r))).toBe(false);
    }
    expect(canReadParticipants(actor(), loc())).toBe(false);
  });
  it('shows who looked at whom to the coordinator only', () => {
    expect(canSeeAccessLog(actor(), loc('coordinator'))).toBe(true);
    expect(canSeeAccessLog(actor(), loc('advisor', 'animator'))).toBe(false);
    expect(canSeeAccessLog(actor(true), loc())).toBe(true);
  });
});
