import { describe, expect, it } from 'vitest';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import type { Role } from '../../../lib/roles.ts';
import { canReadEnterpriseStatus, canRecheckEnterprise } from './legal.policy.ts';

const actor = (isPlatformAdmin = false) => ({ isPlatformAdmin }) as Actor;
const at = (roles: Role[], organisationIds: string[] = []) =>
  ({ roles, organisationIds }) as unknown as ActorLocality;

describe('legal policy', () => {
  it('lets coordinators, advisors and admins re-check', () => {
    expect(canRecheckEnterprise(actor(), at(['coordinator']))).toBe(true);
    expect(canRecheckEnterprise(actor(), at(['advisor']))).toBe(true);
    expect(canRecheckEnterprise(actor(true), at([]))).toBe(true);
    expect(canRecheckEnterprise(actor(), at(['animator']))).toBe(false);
    expect(canRecheckEnterprise(actor(), at(['enterprise_member'], ['o1']))).toBe(false);
  });

  it('lets an enterprise member read only their own enterprise', () => {
    expect(
      canReadEnterpriseStatus(actor(), at(['enterprise_member'], ['o1']), { organisationId: 'o1' }),
    ).toBe(true);
    expect(
      canReadEnterpriseStatus(actor(), at(['enterprise_member'], ['o1']), { organisationId: 'o2' }),
    ).toBe(false);
    expect(canReadEnterpriseStatus(actor(), at(['partner_rep'], ['o1']), { organisationId: 'o1' })).toBe(
      false,
    );
  });
});
