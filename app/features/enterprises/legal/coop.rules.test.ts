import { describe, expect, it } from 'vitest';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import { checkMessageText } from './check-message.ts';
import { type CoopMember, checkCoopFounding, checkCoopMembership } from './coop.rules.ts';
import { testParameters } from './legal.fixture.ts';
import type { CheckResult } from './legal.types.ts';
import { addMonths } from './legal-dates.ts';

const params = testParameters();
const pl = getI18n('pl');
const en = getI18n('en');
const byRule = (results: CheckResult[], rule: string) => {
  const r = results.find((x) => x.rule === rule);
  if (!r) throw new Error(`no result for ${rule}`);
  return r;
};
const natural = (atRisk: boolean) => ({ kind: 'natural' as const, atRisk });

describe('addMonths', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('checkCoopFounding', () => {
  it('needs 3 natural persons: 2 fail with one missing, 3 pass', () => {
    const two = byRule(
      checkCoopFounding({ founders: [natural(true), natural(true)] }, params),
      'coop.founders.count',
    );
    expect(two.passed).toBe(false);
    expect(checkMessageText(pl, two.message)).toBe(
      'Założyciele – osoby fizyczne: 2 z 3 wymaganych; brakuje 1 osoby.',
    );
    expect(checkMessageText(en, two.message)).toBe(
      'Founders who are natural persons: 2 of 3 required; 1 missing.',
    );
    const three = checkCoopFounding({ founders: [natural(true), natural(true), natural(true)] }, params);
    expect(byRule(three, 'coop.founders.count').passed).toBe(true);
    expect(checkMessageText(pl, byRule(three, 'coop.founders.count').message)).toBe(
      'Założyciele – osoby fizyczne: 3 z 3 wymaganych.',
    );
  });

  it('needs 2 legal persons: 1 fails, 2 pass', () => {
    const legal = { kind: 'legal' as const, atRisk: false };
    expect(byRule(checkCoopFounding({ founders: [legal] }, params), 'coop.founders.count').passed).toBe(
      false,
    );
    const two = checkCoopFounding({ founders: [legal, legal] }, params);
    expect(byRule(two, 'coop.founders.count').passed).toBe(true);
    expect(byRule(two, 'coop.founders.notAtRiskShare').passed).toBeNull();
  });

  it('allows exactly 50% of founders not at risk, not more', () => {
    const half = checkCoopFounding(
      { founders: [natural(true), natural(true), natural(false), natural(false)] },
      params,
    );
    const share = byRule(half, 'coop.founders.notAtRiskShare');
    expect(share.passed).toBe(true);
    expect(checkMessageText(pl, share.message)).toBe(
      'Spoza grup zagrożonych wykluczeniem: 2 z 4 założycieli (50%); dopuszczalne najwyżej 50%.',
    );
    const over = byRule(
      checkCoopFounding({ founders: [natural(true), natural(false), natural(false)] }, params),
      'coop.founders.notAtRiskShare',
    );
    expect(over.passed).toBe(false);
    expect(checkMessageText(pl, over.message)).toBe(
      'Spoza grup zagrożonych wykluczeniem: 2 z 3 założycieli (66,7%); dopuszczalne najwyżej 50%; o 1 osobę za dużo.',
    );
  });

  it('names the parameter with its source and verification', () => {
    const [r] = checkCoopFounding({ founders: [] }, params);
    expect(r?.passed).toBe(false);
    expect(r?.parameters).toEqual([
      { key: 'coop.founders', source: 'Źródło coop.founders', verified: true, validFrom: '2018-03-31' },
    ]);
  });
});

const member = (over: Partial<CoopMember> = {}): CoopMember => ({
  kind: 'natural',
  atRisk: true,
  joinedOn: '2025-03-15',
  leftOn: null,
  isFounder: true,
  personKey: null,
  ...over,
});
const founders = [member({ personKey: 'a' }), member({ personKey: 'b' }), member({ personKey: 'c' })];
const job = (personKey: string) => ({
  personKey,
  contractType: 'cooperative_employment',
  fte: 1,
  atRisk: true,
  startOn: '2025-06-01',
  endOn: null,
});

describe('checkCoopMembership: the 12-month duty (art. 5 ust. 1a)', () => {
  const input = {
    foundedBy: 'natural' as const,
    registeredOn: '2025-03-15',
    members: founders,
    employees: [],
  };

  it('is pending up to 12 months to the day, with the deadline in words', () => {
    const r = byRule(checkCoopMembership(input, params, '2026-03-15'), 'coop.addMembers');
    expect(r.passed).toBeNull();
    expect(r.pending).toBe(true);
    expect(checkMessageText(pl, r.message)).toBe(
      'Przyjęto i zatrudniono 0 z 2 wymaganych kolejnych osób zagrożonych wykluczeniem; brakuje 2 osób, termin: 15 marca 2026 r.',
    );
    const min = byRule(checkCoopMembership(input, params, '2026-03-15'), 'coop.members.min');
    expect(min.pending).toBe(true);
  });

  it('fails the day after the deadline', () => {
    const r = byRule(checkCoopMembership(input, params, '2026-03-16'), 'coop.addMembers');
    expect(r.passed).toBe(false);
    expect(checkMessageText(en, r.message)).toContain('the deadline passed on 15 March 2026');
  });

  it('passes with 2 new at-risk members who are also employed', () => {
    const members = [
      ...founders,
      member({ personKey: 'd', isFounder: false, joinedOn: '2025-06-01' }),
      member({ personKey: 'e', isFounder: false, joinedOn: '2025-06-01' }),
    ];
    const onlyOneEmployed = checkCoopMembership(
      { ...input, members, employees: [job('d')] },
      params,
      '2026-04-01',
    );
    expect(byRule(onlyOneEmployed, 'coop.addMembers').passed).toBe(false);
    const both = checkCoopMembership(
      { ...input, members, employees: [job('d'), job('e')] },
      params,
      '2026-04-01',
    );
    expect(byRule(both, 'coop.addMembers').passed).toBe(true);
    expect(byRule(both, 'coop.members.min').passed).toBe(true);
  });
});

describe('checkCoopMembership: below the minimum for at most 3 months (art. 18 pkt 2)', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map((k) => member({ personKey: k, joinedOn: '2020-01-10' }));
  const leftOne = five.map((m, i) => (i === 0 ? { ...m, leftOn: '2025-01-31' } : m));
  const input = {
    foundedBy: 'natural' as const,
    registeredOn: '2020-01-10',
    members: leftOne,
    employees: [],
  };

  it('counts from the first day below and stays pending through 3 months to the day', () => {
    const r = byRule(checkCoopMembership(input, params, '2025-05-01'), 'coop.members.min');
    expect(r.passed).toBeNull();
    expect(r.pending).toBe(true);
    expect(r.message.values).toMatchObject({ count: 4, sinceOn: '2025-02-01', limitOn: '2025-05-01' });
    expect(checkMessageText(pl, r.message)).toContain(
      'najwyżej 3 miesiące, czyli do 1 maja 2025 r.; brakuje 1 osoby',
    );
  });

  it('fails the day after', () => {
    const r = byRule(checkCoopMembership(input, params, '2025-05-02'), 'coop.members.min');
    expect(r.passed).toBe(false);
  });

  it('uses the given start when known', () => {
    const r = byRule(
      checkCoopMembership({ ...input, belowMinimumSince: '2025-03-01' }, params, '2025-05-02'),
      'coop.members.min',
    );
    expect(r.passed).toBeNull();
  });

  it('passes at the minimum, fails above 50', () => {
    expect(
      byRule(checkCoopMembership({ ...input, members: five }, params, '2025-05-02'), 'coop.members.min')
        .passed,
    ).toBe(true);
    const many = Array.from({ length: 51 }, (_, i) => member({ personKey: `m${i}`, joinedOn: '2020-01-10' }));
    expect(
      byRule(checkCoopMembership({ ...input, members: many }, params, '2025-05-02'), 'coop.members.max')
        .passed,
    ).toBe(false);
    expect(
      byRule(
        checkCoopMembership({ ...input, members: many.slice(0, 50) }, params, '2025-05-02'),
        'coop.members.max',
      ).passed,
    ).toBe(true);
  });

  it('tolerates a coop without members', () => {
    const r = checkCoopMembership(
      { foundedBy: null, registeredOn: null, members: [], employees: [] },
      params,
      '2025-05-02',
    );
    expect(byRule(r, 'coop.members.min').passed).toBeNull();
  });
});
