import { describe, expect, it } from 'vitest';
import { parseForm } from '../../lib/forms.ts';
import {
  activeDuplicate,
  canWithdraw,
  currentStatus,
  isListedCategory,
  recordConsentSchema,
  recordStatusSchema,
  sortStatuses,
  statusDateProblem,
  supportNeedsOtherBasis,
  withdrawalDateProblem,
} from './side.rules.ts';

const TODAY = '2026-11-27';
const consent = (over: Partial<Parameters<typeof activeDuplicate>[0][number]> = {}) => ({
  id: 'c1',
  purpose: 'support',
  organisationId: null,
  basis: 'consent',
  givenOn: '2026-10-01',
  withdrawnOn: null,
  ...over,
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('consents', () => {
  it('only a consent still in force can be withdrawn', () => {
    expect(canWithdraw({ basis: 'consent', withdrawnOn: null })).toBe(true);
    expect(canWithdraw({ basis: 'consent', withdrawnOn: '2026-11-01' })).toBe(false);
    expect(canWithdraw({ basis: 'public_task', withdrawnOn: null })).toBe(false);
  });

  it('a withdrawal is dated between the consent and today', () => {
    expect(withdrawalDateProblem('2026-10-01', '2026-11-27', TODAY)).toBeNull();
    expect(withdrawalDateProblem('2026-10-01', '2026-10-01', TODAY)).toBeNull();
    expect(withdrawalDateProblem('2026-10-01', '2026-09-30', TODAY)).toBe(
      'participants.side.withdraw.beforeGiven',
    );
    expect(withdrawalDateProblem('2026-10-01', '2026-11-28', TODAY)).toBe(
      'participants.side.withdraw.future',
    );
  });

  it('finds the record in force for the same purpose, and for sharing the same organisation', () => {
    const list = [
      consent(),
      consent({ id: 'c2', purpose: 'share_partner', organisationId: 'org-a' }),
      consent({ id: 'c3', purpose: 'photos', withdrawnOn: '2026-11-01' }),
    ];
    expect(activeDuplicate(list, 'support', null)?.id).toBe('c1');
    expect(activeDuplicate(list, 'share_partner', 'org-a')?.id).toBe('c2');
    expect(activeDuplicate(list, 'share_partner', 'org-b')).toBeNull();
    expect(activeDuplicate(list, 'photos', null)).toBeNull();
  });

  it('support withdrawn with nothing else in force needs another basis', () => {
    expect(supportNeedsOtherBasis([consent()])).toBe(false);
    expect(supportNeedsOtherBasis([consent({ withdrawnOn: '2026-11-01' })])).toBe(true);
    expect(
      supportNeedsOtherBasis([
        consent({ withdrawnOn: '2026-11-01' }),
        consent({ id: 'c2', basis: 'public_task', givenOn: '2026-11-02' }),
      ]),
    ).toBe(false);
    expect(supportNeedsOtherBasis([])).toBe(false);
  });

  it('the form asks for a purpose, a basis and a real date, typed the Polish way', () => {
    const bad = parseForm(form({ purpose: 'marketing', givenOn: '31.02.2026' }), recordConsentSchema);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.purpose).toBe('participants.side.consent.purpose.required');
      expect(bad.errors.basis).toBe('participants.side.consent.basis.required');
      expect(bad.errors.givenOn).toBe('participants.side.date.invalid');
    }
    const good = parseForm(
      form({ purpose: 'photos', basis: 'consent', givenOn: '3.11.2026' }),
      recordConsentSchema,
    );
    expect(good).toMatchObject({
      ok: true,
      data: { purpose: 'photos', givenOn: '2026-11-03', consentNote: '' },
    });
  });
});

describe('labour-market status', () => {
  const rows = [
    { id: 'a', fromDate: '2026-10-01', createdAt: '2026-10-01T10:00:00Z' },
    { id: 'b', fromDate: '2026-11-10', createdAt: '2026-11-10T10:00:00Z' },
    { id: 'c', fromDate: '2026-11-10', createdAt: '2026-11-11T10:00:00Z' },
  ];

  it('is listed newest first and the current one is the newest started', () => {
    expect(sortStatuses(rows).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(currentStatus(rows, TODAY)?.id).toBe('c');
    expect(currentStatus(rows, '2026-10-15')?.id).toBe('a');
    expect(currentStatus(rows, '2026-09-01')).toBeNull();
  });

  it('is dated between registration and today', () => {
    expect(statusDateProblem('2026-11-01', '2026-10-01', TODAY)).toBeNull();
    expect(statusDateProblem('2026-09-30', '2026-10-01', TODAY)).toBe(
      'participants.side.status.beforeRegistration',
    );
    expect(statusDateProblem('2026-11-28', '2026-10-01', TODAY)).toBe('participants.side.status.future');
  });

  it('the form refuses an unknown status', () => {
    const r = parseForm(form({ labourStatus: 'retired', fromDate: '2026-11-01' }), recordStatusSchema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.labourStatus).toBe('participants.side.status.required');
  });
});

describe('at-risk categories', () => {
  it('only the parameter list counts', () => {
    const param = { categories: [{ key: 'unemployed', ref: 'art. 2 pkt 6 lit. a', verified: true }] };
    expect(isListedCategory(param, 'unemployed')).toBe(true);
    expect(isListedCategory(param, 'left_handed')).toBe(false);
  });
});
