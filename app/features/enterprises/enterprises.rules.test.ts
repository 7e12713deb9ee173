import { describe, expect, it } from 'vitest';
import {
  addMonths,
  atRiskShare,
  breakEven,
  fteOverlap,
  initials,
  type JobSpan,
  jobsCreated,
  keepUntilFor,
  keptAt,
  obligationsEndingSoon,
  ownRevenueShare,
  reminderDue,
  retention,
  runway,
  trajectory,
} from './enterprises.rules.ts';

const m = (month: string, ownRevenue: number, grants: number, costs: number) => ({
  month: `${month}-01`,
  ownRevenue,
  grants,
  costs,
});

describe('trajectory', () => {
  it('sorts months, accumulates cash from the opening cash and gives the own share', () => {
    const t = trajectory([m('2026-02', 500, 500, 1500), m('2026-01', 1000, 3000, 2000)], 1000);
    expect(t.map((p) => p.month)).toEqual(['2026-01-01', '2026-02-01']);
    expect(t.map((p) => p.cash)).toEqual([3000, 2500]);
    expect(t[0]!.ownShare).toBe(0.25);
    expect(t[1]!.ownShare).toBe(0.5);
  });
  it('has no share for a month without income', () => {
    expect(trajectory([m('2026-01', 0, 0, 100)], 0)[0]!.ownShare).toBeNull();
    expect(ownRevenueShare([])).toBeNull();
  });
});

describe('runway', () => {
  it('is not computed without figures', () => {
    expect(runway([], 1000)).toEqual({ kind: 'no_data' });
  });
  it('divides cash by the average gap of the last 3 months', () => {
    const rows = [
      m('2026-01', 0, 10000, 0),
      m('2026-02', 1000, 0, 2000),
      m('2026-03', 1000, 0, 2000),
      m('2026-04', 1000, 0, 2000),
    ];
    // cash = 10000 - 3000 = 7000; gap = 1000
    expect(runway(rows, 0)).toEqual({ kind: 'months', months: 7, cash: 7000, monthlyGap: 1000 });
  });
  it('is not needed when own revenue exactly covers costs', () => {
    expect(runway([m('2026-01', 2000, 0, 2000)], 0)).toEqual({ kind: 'not_needed' });
  });
  it('is exhausted when there is no cash', () => {
    expect(runway([m('2026-01', 1000, 0, 2000)], 1000)).toMatchObject({ kind: 'exhausted', cash: 0 });
  });
  it('only looks at the last 3 months for the gap', () => {
    const rows = [
      m('2026-01', 0, 0, 9000),
      m('2026-02', 2000, 0, 2000),
      m('2026-03', 2000, 0, 2000),
      m('2026-04', 2000, 0, 2000),
    ];
    expect(runway(rows, 20000).kind).toBe('not_needed');
  });
});

describe('break-even', () => {
  it('finds the first month own revenue ≥ costs and the run since then', () => {
    const rows = [
      m('2026-01', 900, 0, 1000),
      m('2026-02', 1000, 0, 1000),
      m('2026-03', 900, 0, 1000),
      m('2026-04', 1100, 0, 1000),
      m('2026-05', 1200, 0, 1000),
    ];
    expect(breakEven(rows)).toEqual({ firstMonth: '2026-02-01', sustainedSince: '2026-04-01' });
  });
  it('is not reached when the latest month falls short', () => {
    expect(breakEven([m('2026-01', 1000, 0, 1000), m('2026-02', 999.99, 0, 1000)])).toEqual({
      firstMonth: '2026-01-01',
      sustainedSince: null,
    });
    expect(breakEven([])).toEqual({ firstMonth: null, sustainedSince: null });
  });
});

const job = (
  id: string,
  startOn: string,
  endOn: string | null,
  fte = 1,
  atRiskCategory: string | null = null,
): JobSpan => ({
  id,
  position: `Job ${id}`,
  startOn,
  endOn,
  fte,
  atRiskCategory,
});

describe('retention cohorts', () => {
  it('counts only jobs started at least that long ago, kept on the day the period ends', () => {
    const jobs = [
      job('a', '2025-01-15', null), // 6 months on 2025-07-15: kept
      job('b', '2025-01-15', '2025-07-14'), // left a day early
      job('c', '2025-01-15', '2025-07-15'), // held on the last day: kept
      job('d', '2025-06-01', null), // not yet 6 months
    ];
    expect(retention(jobs, 6, '2025-07-20')).toEqual({ months: 6, eligible: 3, kept: 2, share: 2 / 3 });
    expect(retention(jobs, 12, '2025-07-20')).toEqual({ months: 12, eligible: 0, kept: 0, share: null });
  });
  it('treats the exact anniversary as eligible', () => {
    expect(keptAt(job('a', '2024-03-01', null), 24, '2026-03-01')).toBe(true);
    expect(keptAt(job('a', '2024-03-01', null), 24, '2026-02-28')).toBeNull();
  });
  it('clamps month ends', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
  });
});

describe('figures', () => {
  it('shares jobs held by people at risk among the jobs held today', () => {
    const jobs = [
      job('a', '2025-01-01', null, 1, 'unemployed'),
      job('b', '2025-01-01', null),
      job('c', '2025-01-01', '2025-02-01', 1, 'disabled'),
    ];
    expect(atRiskShare(jobs, '2026-01-01')).toEqual({ held: 2, atRisk: 1, share: 0.5 });
  });
  it('counts jobs created in a period, both ends included', () => {
    expect(
      jobsCreated(
        [job('a', '2026-01-01', null), job('b', '2026-12-31', null), job('c', '2027-01-01', null)],
        '2026-01-01',
        '2026-12-31',
      ),
    ).toBe(2);
  });
  it('lists obligations ending within the window, both ends included', () => {
    const rows = [
      { keepUntil: '2026-01-01' },
      { keepUntil: '2026-03-02' },
      { keepUntil: '2026-03-03' },
      { keepUntil: '2025-12-31' },
      { keepUntil: null },
    ];
    expect(obligationsEndingSoon(rows, '2026-01-01', 60)).toEqual([
      { keepUntil: '2026-01-01' },
      { keepUntil: '2026-03-02' },
    ]);
  });
  it('takes keep-until as typed, else from the grant', () => {
    expect(keepUntilFor('2027-01-01', '2028-01-01')).toBe('2027-01-01');
    expect(keepUntilFor(null, '2028-01-01')).toBe('2028-01-01');
    expect(keepUntilFor(null, null)).toBeNull();
  });
  it('gives initials only', () => {
    expect(initials('anna  Maria Nowak')).toBe('A. M. N.');
  });
  it('says which reminder is due', () => {
    expect(reminderDue('2026-03-02', '2026-01-01', [60, 14])).toBe(60);
    expect(reminderDue('2026-03-03', '2026-01-01', [60, 14])).toBeNull();
    expect(reminderDue('2026-01-15', '2026-01-01', [60, 14])).toBe(14);
    expect(reminderDue('2025-12-31', '2026-01-01', [60, 14])).toBeNull();
  });
});

describe('working-time overlap', () => {
  it('allows exactly 1.0 FTE on a day', () => {
    expect(
      fteOverlap({ startOn: '2026-01-01', endOn: null, fte: 0.5 }, [job('a', '2025-01-01', null, 0.5)]),
    ).toBeNull();
  });
  it('refuses 1.01 and names the job and the days', () => {
    const r = fteOverlap({ startOn: '2026-01-01', endOn: '2026-06-30', fte: 0.51 }, [
      job('a', '2025-01-01', '2026-03-31', 0.5),
    ]);
    expect(r).toEqual({
      job: job('a', '2025-01-01', '2026-03-31', 0.5),
      from: '2026-01-01',
      to: '2026-03-31',
      total: 1.01,
    });
  });
  it('ignores jobs that ended before or start after', () => {
    const others = [job('a', '2025-01-01', '2025-12-31', 1), job('b', '2026-07-01', null, 1)];
    expect(fteOverlap({ startOn: '2026-01-01', endOn: '2026-06-30', fte: 1 }, others)).toBeNull();
  });
  it('finds a peak on a later start inside the new job', () => {
    const others = [job('a', '2026-03-01', null, 0.6)];
    expect(fteOverlap({ startOn: '2026-01-01', endOn: null, fte: 0.5 }, others)).toMatchObject({
      from: '2026-03-01',
      to: null,
      total: 1.1,
    });
  });
  it('adds up several jobs held the same day', () => {
    const others = [job('a', '2026-01-01', null, 0.25), job('b', '2026-01-01', null, 0.5)];
    expect(fteOverlap({ startOn: '2026-02-01', endOn: null, fte: 0.25 }, others)).toBeNull();
    expect(fteOverlap({ startOn: '2026-02-01', endOn: null, fte: 0.3 }, others)?.total).toBe(1.05);
  });
});
