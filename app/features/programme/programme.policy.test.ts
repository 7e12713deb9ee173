import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { canManageProgramme, canUpdateProgress, canViewProgramme } from './programme.policy.ts';

const ORG = 'org-parish';
const OTHER_ORG = 'org-school';
const locality = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
  localityId: 'loc',
  slug: 'wagrowiec',
  name: 'Wągrowiec',
  kind: 'urban',
  roles,
  organisationIds,
});
const actor = (userId = 'u1', isPlatformAdmin = false): Actor => ({
  userId,
  name: 'X',
  email: 'x@example.test',
  isPlatformAdmin,
  locale: 'pl',
  memberships: [],
  requestId: 'r',
});
const item = (responsibleOrganisationId: string | null, responsibleUserId: string | null = null) => ({
  responsibleOrganisationId,
  responsibleUserId,
});

describe('who manages the programme', () => {
  it('is the coordinator or a platform admin, nobody else', () => {
    expect(canManageProgramme(actor(), locality(['coordinator']))).toBe(true);
    expect(canManageProgramme(actor('a', true), locality([]))).toBe(true);
    for (const role of [
      'advisor',
      'animator',
      'leader',
      'partner_rep',
      'enterprise_member',
      'participant',
    ] as Role[])
      expect(canManageProgramme(actor(), locality([role])), role).toBe(false);
  });
});

describe('who sees the programme', () => {
  it('is every role but participants', () => {
    for (const role of [
      'coordinator',
      'advisor',
      'animator',
      'leader',
      'partner_rep',
      'enterprise_member',
    ] as Role[])
      expect(canViewProgramme(actor(), locality([role])), role).toBe(true);
    expect(canViewProgramme(actor(), locality(['participant']))).toBe(false);
    expect(canViewProgramme(actor(), locality([]))).toBe(false);
  });
});

describe('who reports progress on an item', () => {
  it('lets a partner representative change only what their organisation is responsible for', () => {
    const rep = locality(['partner_rep'], [ORG]);
    expect(canUpdateProgress(actor(), rep, item(ORG))).toBe(true);
    expect(canUpdateProgress(actor(), rep, item(OTHER_ORG))).toBe(false);
    expect(canUpdateProgress(actor(), rep, item(null))).toBe(false);
  });

  it('does not let an enterprise member speak for an organisation as a partner would', () => {
    expect(canUpdateProgress(actor(), locality(['enterprise_member'], [ORG]), item(ORG))).toBe(false);
  });

  it('lets a person change the items they are personally responsible for', () => {
    expect(canUpdateProgress(actor('u7'), locality(['advisor']), item(null, 'u7'))).toBe(true);
    expect(canUpdateProgress(actor('u7'), locality(['advisor']), item(null, 'u8'))).toBe(false);
  });

  it('lets the coordinator change everything', () => {
    expect(canUpdateProgress(actor(), locality(['coordinator']), item(OTHER_ORG, 'u9'))).toBe(true);
  });
});
