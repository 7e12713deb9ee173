/** The parameters as shipped in migration 0014, for the unit tests of the rules. */
import type { EnterpriseParameters, Param } from './legal.types.ts';

function p<T>(key: string, value: T, verified = true, validFrom = '2022-10-30'): Param<T> {
  return { key, value, validFrom, source: `Źródło ${key}`, verified };
}

export function testParameters(): EnterpriseParameters {
  return {
    minEmployees: p('ps.minEmployees', {
      min: 3,
      contractTypes: ['employment', 'cooperative_employment'],
      minFte: 0.5,
    }),
    minAtRiskShare: p('ps.minAtRiskShare', {
      minShare: 0.3,
      aim: 'reintegration',
      denominator: 'headcount_all',
    }),
    eligibleForms: p(
      'ps.eligibleForms',
      {
        letters: ['a', 'd', 'e', 'f'],
        legalForms: [
          'social_cooperative',
          'worker_cooperative',
          'association',
          'foundation',
          'non_profit_company',
        ],
      },
      false,
    ),
    annualReport: p('ps.annualReport', { dueMonth: 3, dueDay: 31, remindMonth: 3, remindDay: 1 }, false),
    reapplyWait: p('ps.reapplyWait', { years: 1, from: 'final_decision' }, false),
    coopFounders: p(
      'coop.founders',
      { minNatural: 3, minLegal: 2, maxNotAtRiskShare: 0.5 },
      true,
      '2018-03-31',
    ),
    coopMembers: p(
      'coop.members',
      { minNatural: 5, minLegal: 2, max: 50, monthsBelowMinimum: 3 },
      true,
      '2018-03-31',
    ),
    addMembersDeadline: p(
      'coop.addMembersDeadline',
      { months: 12, from: 'krs_entry', atRiskPersons: 2, foundedBy: 'natural' },
      true,
      '2018-03-31',
    ),
  };
}
