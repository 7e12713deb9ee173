import { describe, expect, it } from 'vitest';
import { type PlanContent, planFigures, planGaps, toGrosze } from './business-plan.rules.ts';

const months = (revenue: string, costs: string, n = 24) =>
  Array.from({ length: n }, (_, i) => ({ month: i + 1, revenue, costs }));

const complete: PlanContent = {
  offer: 'Catering',
  customers: 'Szkoły',
  niche: 'Obiady',
  team: '5 osób',
  breakEvenNote: '',
  startupCosts: [
    { label: 'Wyposażenie kuchni', amount: '30000.00' },
    { label: 'Samochód', amount: '20000.50' },
  ],
  monthly: months('10000.00', '9000.00'),
  fundingSources: [{ label: 'Dotacja PES', kind: 'grant', amount: '50000.50' }],
};

describe('business plan figures', () => {
  it('reads stored amounts in grosze', () => {
    expect(toGrosze('1234.5')).toBe(123450);
    expect(toGrosze('0.01')).toBe(1);
    expect(toGrosze('')).toBe(0);
    expect(toGrosze('abc')).toBe(0);
    expect(toGrosze('-10.00')).toBe(-1000);
  });

  it('totals start-up costs and funding without floating-point drift', () => {
    const f = planFigures(complete);
    expect(f.startupTotal).toBe(50000.5);
    expect(f.fundingTotal).toBe(50000.5);
    expect(f.fundingGap).toBe(0);
    expect(f.opening).toBe(0);
    expect(f.totals).toEqual({ revenue: 240000, costs: 216000, result: 24000 });
    expect(f.months[23]!.cumulative).toBe(24000);
  });

  it('break-even is the first month whose cumulative result, start-up and funding counted, is ≥ 0', () => {
    // Opening -3000, +1000 a month: -2000, -1000, 0 → month 3 exactly at zero.
    const plan = { ...complete, fundingSources: [{ label: 'x', kind: 'own', amount: '47000.50' }] };
    const f = planFigures(plan);
    expect(f.fundingGap).toBe(3000);
    expect(f.months.slice(0, 3).map((m) => m.cumulative)).toEqual([-2000, -1000, 0]);
    expect(f.breakEvenMonth).toBe(3);
  });

  it('one grosz short of zero is not break-even', () => {
    const plan = { ...complete, fundingSources: [{ label: 'x', kind: 'own', amount: '26000.49' }] };
    const f = planFigures(plan);
    expect(f.months[23]!.cumulative).toBe(-0.01);
    expect(f.breakEvenMonth).toBeNull();
  });

  it('counts missing months as zero and still shows 24 months', () => {
    const f = planFigures({ ...complete, monthly: [{ month: 2, revenue: '5', costs: '' }] });
    expect(f.months).toHaveLength(24);
    expect(f.months[0]!.result).toBe(0);
    expect(f.months[1]!.result).toBe(5);
  });
});

describe('business plan completeness', () => {
  it('a complete plan has no gaps', () => {
    expect(planGaps(complete)).toEqual([]);
  });

  it('names each empty section, the months typed, and the funding gap', () => {
    const gaps = planGaps({
      ...complete,
      offer: ' ',
      team: '',
      monthly: months('1', '1', 23),
      fundingSources: [{ label: 'x', kind: 'own', amount: '50000.49' }],
    });
    expect(gaps.map((g) => g.gap)).toEqual(['offer', 'team', 'months', 'breakEven', 'fundingGap']);
    expect(gaps.find((g) => g.gap === 'months')?.values).toEqual({ typed: 23, required: 24 });
    expect(gaps.find((g) => g.gap === 'fundingGap')?.values).toEqual({ gap: 0.01 });
  });

  it('no break-even within 24 months needs an explanation', () => {
    const late = { ...complete, monthly: months('9000.00', '10000.00') };
    expect(planGaps(late).map((g) => g.gap)).toEqual(['breakEven']);
    expect(planGaps({ ...late, breakEvenNote: 'Dotacja pomostowa pokrywa straty do 30. miesiąca' })).toEqual(
      [],
    );
  });

  it('no plan at all is reported', () => {
    expect(planGaps(null).length).toBeGreaterThan(0);
  });
});
