import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { ROLES, type Role } from '../../lib/roles.ts';
import { canManageMeetings, canSeeInviteeEmails, canViewMeetings } from './meetings.policy.ts';

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

describe('who runs the meetings', () => {
  it('is the coordinator or a platform admin', () => {
    expect(canManageMeetings(actor(), locality(['coordinator']))).toBe(true);
    expect(canManageMeetings(actor({ isPlatformAdmin: true }), locality([]))).toBe(true);
  });

  it('is nobody else, whatever other roles they hold', () => {
    for (const role of ROLES.filter((r) => r !== 'coordinator')) {
      expect(canManageMeetings(actor(), locality([role])), role).toBe(false);
    }
  });
});

describe('who follows the meetings', () => {
  it('is every role but participants, partner representatives included', () => {
    for (const role of ['advisor', 'animator', 'leader', 'partner_rep', 'enterprise_member'] as const) {
      expect(canViewMeetings(actor(), locality([role])), role).toBe(true);
    }
    expect(canViewMeetings(actor(), locality(['participant']))).toBe(false);
    expect(canViewMeetings(actor(), locality([]))).toBe(false);
  });

  it('shows invitees’ e-mail addresses only to whoever sends the invitations', () => {
    expect(canSeeInviteeEmails(actor(), locality(['coordinator']))).toBe(true);
    expect(canSeeInviteeEmails(actor(), locality(['partner_rep']))).toBe(false);
    expect(canSeeInviteeEmails(actor(), locality(['advisor']))).toBe(false);
  });
});
