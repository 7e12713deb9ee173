import { describe, expect, it } from 'vitest';
import { annualFigures, countedOn, missingItems, type ReportJob, reportYear } from './annual-report.rules.ts';

const rule = { contractTypes: ['employment', 'cooperative_employment'], minFte: 0.5 };
const job = (over: Partial<ReportJob>): ReportJob => ({
  personKey: null,
  jobKey: Math.random().toString(36),
  contractType: 'employment',
  fte: 1,
  atRisk: false,
  startOn: '2024-01-01',
  endOn: null,
  ...over,
});

describe('countedOn', () => {
  it('counts employment at exactly 0.5 FTE and not at 0.49 or on a mandate', () => {
    const jobs = [
      job({ fte: 0.5 }),
      job({ fte: 0.49 }),
      job({ contractType: 'mandate' }),
      job({ contractType: 'cooperative_employment', atRisk: true }),
    ];
    expect(countedOn(jobs, rule, '2025-12-31')).toEqual({ n: 2, atRisk: 1 });
  });
  it('adds one person’s jobs before comparing with the minimum working time', () => {
    const jobs = [job({ personKey: 'p', fte: 0.25 }), job({ personKey: 'p', fte: 0.25 })];
    expect(countedOn(jobs, rule, '2025-12-31').n).toBe(1);
  });
  it('counts a job ending on the day, not one starting the day after', () => {
    expect(
      countedOn([job({ endOn: '2025-12-31' }), job({ startOn: '2026-01-01' })], rule, '2025-12-31').n,
    ).toBe(1);
  });
});

describe('annualFigures', () => {
  it('computes year-end and average employment, jobs created and ended, finance and members', () => {
    const f = annualFigures({
      year: 2025,
      rule,
      jobs: [
        job({ startOn: '2024-05-01', atRisk: true }),
        job({ startOn: '2025-07-01' }),
        job({ startOn: '2025-01-01', endOn: '2025-06-30' }),
      ],
      members: [
        { joinedOn: '2024-01-01', leftOn: null },
        { joinedOn: '2024-01-01', leftOn: '2025-03-01' },
      ],
      months: [
        { month: '2025-01-01', ownRevenuePln: 1000.1, grantsPln: 2000, costsPln: 2500 },
        { month: '2025-02-01', ownRevenuePln: 1000.2, grantsPln: 0, costsPln: 900 },
        { month: '2024-12-01', ownRevenuePln: 99999, grantsPln: 0, costsPln: 0 },
      ],
    });
    expect(f.employment).toMatchObject({
      atYearEnd: 2,
      atRiskAtYearEnd: 1,
      atRiskShare: 0.5,
      created: 2,
      ended: 1,
    });
    // Jan–Jun: 2 counted, Jul–Dec: 2 counted (one ended, one started) → 2.0
    expect(f.employment.average).toBe(2);
    expect(f.finance).toMatchObject({
      ownRevenue: 2000.3,
      grants: 2000,
      costs: 3400,
      result: 600.3,
      monthsRecorded: 2,
    });
    expect(f.finance.monthsMissing).toHaveLength(10);
    expect(f.membersAtYearEnd).toBe(1);
  });
  it('has no share when nobody is counted, and no members for non-cooperatives', () => {
    const f = annualFigures({ year: 2025, rule, jobs: [], members: null, months: [] });
    expect(f.employment.atRiskShare).toBeNull();
    expect(f.membersAtYearEnd).toBeNull();
    expect(f.finance.ownRevenueShare).toBeNull();
  });
});

describe('missingItems and reportYear', () => {
  it('lists what the draft cannot fill in', () => {
    const figures = annualFigures({ year: 2025, rule, jobs: [], members: [], months: [] });
    expect(
      missingItems({
        organisation: { nip: '123', regon: null, krs: '', street: '', city: 'Wągrowiec' },
        hasPsDecision: false,
        aims: [],
        jobs: 0,
        figures,
        servicesToLocality: 'x',
        beneficiaries: '',
        isCooperative: true,
      }),
    ).toEqual([
      'regon',
      'krs',
      'address',
      'psDecision',
      'aims',
      'jobs',
      'figures',
      'beneficiaries',
      'members',
    ]);
  });
  it('defaults to last year and refuses malformed or future years', () => {
    expect(reportYear(null, '2026-11-27')).toBe(2025);
    expect(reportYear('2026', '2026-11-27')).toBe(2026);
    expect(reportYear('2027', '2026-11-27')).toBeNull();
    expect(reportYear('20x5', '2026-11-27')).toBeNull();
  });
});
