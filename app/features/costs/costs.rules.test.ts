import { describe, expect, it } from 'vitest';
import {
  computeCostReport,
  covererOf,
  defaultPeriod,
  type LedgerLine,
  monthsBetween,
  parseMonthInput,
  parsePeriod,
  sharesAddingUp,
} from './costs.rules.ts';

const line = (over: Partial<LedgerLine>): LedgerLine => ({
  kind: 'premises',
  source: 'commitment',
  valuePln: 100,
  occurredFrom: '2026-01-10',
  organisationKind: null,
  ...over,
});

describe('sharesAddingUp', () => {
  it('adds up to exactly 1 when thirds do not divide', () => {
    const s = sharesAddingUp([1, 1, 1]);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(s).toEqual([0.334, 0.333, 0.333]);
  });
  it('gives the extra tenth to the largest remainder', () => {
    expect(sharesAddingUp([2, 1])).toEqual([0.667, 0.333]);
  });
  it('is all zeros when nothing was counted', () => {
    expect(sharesAddingUp([0, 0, 0])).toEqual([0, 0, 0]);
  });
  it('is 1 for the only non-zero amount', () => {
    expect(sharesAddingUp([0, 5, 0])).toEqual([0, 1, 0]);
  });
});

describe('covererOf', () => {
  it('puts volunteers hours with volunteers, whoever hosted them', () => {
    expect(
      covererOf(
        line({ source: 'volunteer_hours', kind: 'volunteers', organisationKind: 'local_government' }),
      ),
    ).toBe('volunteers');
  });
  it('puts donations with donors', () => {
    expect(covererOf(line({ source: 'donation', kind: 'donation' }))).toBe('donors');
  });
  it('puts the club premises and the gmina office entries with the municipality', () => {
    expect(covererOf(line({ source: 'club_premises', organisationKind: 'parish' }))).toBe('municipality');
    expect(covererOf(line({ source: 'commitment', organisationKind: 'local_government' }))).toBe(
      'municipality',
    );
  });
  it('puts other commitments with other partners', () => {
    expect(covererOf(line({ source: 'commitment', organisationKind: 'business', kind: 'equipment' }))).toBe(
      'partners',
    );
    expect(covererOf(line({ source: 'commitment', organisationKind: null }))).toBe('partners');
  });
});

describe('computeCostReport', () => {
  it('sums in-kind, spent and full cost with shares adding up to 100%', () => {
    const r = computeCostReport({
      from: '2026-01-01',
      to: '2026-03-31',
      ledger: [
        line({ source: 'volunteer_hours', kind: 'volunteers', valuePln: 0.1 }),
        line({ source: 'volunteer_hours', kind: 'volunteers', valuePln: 0.2, occurredFrom: '2026-02-02' }),
        line({ source: 'club_premises', valuePln: 1000, occurredFrom: '2026-03-01' }),
        line({ source: 'donation', kind: 'donation', valuePln: 500 }),
        line({ source: 'commitment', kind: 'equipment', organisationKind: 'business', valuePln: 200 }),
      ],
      costs: [
        { month: '2026-01-01', category: 'staff', amountPln: 3000 },
        { month: '2026-02-01', category: 'materials', amountPln: 300.3 },
      ],
    });
    expect(r.inKindTotal).toBe(1700.3);
    expect(r.spent).toBe(3300.3);
    expect(r.fullCost).toBe(5000.6);
    expect(r.empty).toBe(false);
    const cov = Object.fromEntries(r.coverage.map((c) => [c.key, c.amount]));
    expect(cov).toEqual({ spent: 3300.3, volunteers: 0.3, donors: 500, municipality: 1000, partners: 200 });
    expect(r.coverage.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 10);
    expect(r.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(r.byMonth[0]).toEqual({ month: '2026-01', inKind: 700.1, spent: 3000 });
    expect(r.bySource.map((s) => s.key)).toEqual([
      'commitment',
      'club_premises',
      'volunteer_hours',
      'donation',
    ]);
    expect(r.byKind.find((k) => k.key === 'volunteers')?.amount).toBe(0.3);
    expect(r.byCategory).toEqual([
      { key: 'staff', amount: 3000 },
      { key: 'materials', amount: 300.3 },
    ]);
  });
  it('reports an empty period with zeros and no shares', () => {
    const r = computeCostReport({ from: '2026-01-01', to: '2026-01-31', ledger: [], costs: [] });
    expect(r.empty).toBe(true);
    expect(r.fullCost).toBe(0);
    expect(r.coverage.every((c) => c.share === 0 && c.amount === 0)).toBe(true);
    expect(r.byMonth).toEqual([{ month: '2026-01', inKind: 0, spent: 0 }]);
  });
});

describe('periods', () => {
  it('defaults to the last 12 months', () => {
    expect(defaultPeriod('2026-11-27')).toEqual({ from: '2025-12-01', to: '2026-11-27' });
    expect(defaultPeriod('2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-05' });
  });
  it('accepts Polish and ISO dates, and the same day as from and to', () => {
    expect(parsePeriod({ from: '1.01.2026', to: '2026-01-01' }, '2026-11-27')).toEqual({
      ok: true,
      from: '2026-01-01',
      to: '2026-01-01',
    });
  });
  it('refuses malformed dates and from after to', () => {
    expect(parsePeriod({ from: '2026-13-01', to: 'x' }, '2026-11-27')).toEqual({
      ok: false,
      errors: { from: 'costs.report.period.fromInvalid', to: 'costs.report.period.toInvalid' },
    });
    expect(parsePeriod({ from: '2026-02-02', to: '2026-02-01' }, '2026-11-27')).toEqual({
      ok: false,
      errors: { to: 'costs.report.period.order' },
    });
  });
  it('lists the months across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('reads months', () => {
    expect(parseMonthInput('2026-3')).toBe('2026-03-01');
    expect(parseMonthInput('03.2026')).toBe('2026-03-01');
    expect(parseMonthInput('15.03.2026')).toBe('2026-03-01');
    expect(parseMonthInput('13.2026')).toBeNull();
    expect(parseMonthInput('march')).toBeNull();
  });
});
