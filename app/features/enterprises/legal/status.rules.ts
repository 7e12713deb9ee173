/**
 * Pure rules of the social-enterprise (PS) status under the 2022 Act (ustawa o ekonomii
 * społecznej): eligible form (art. 3 ust. 1), no public control (art. 3 ust. 2), an aim
 * (art. 4 ust. 1), at least 3 employees on employment contracts at ½ FTE or more (art. 5 ust. 1),
 * at least 30 % at risk when the aim is reintegration (art. 5 ust. 2), the annual report due
 * 31 March (art. 10 ust. 1) and the one-year bar after losing the status (art. 18). No I/O.
 */

import {
  type AnnualReportValue,
  type CheckResult,
  type EnterpriseParameters,
  EPSILON,
  type Param,
  type ReapplyWaitValue,
  ref,
} from './legal.types.ts';
import { activeOn, addYears } from './legal-dates.ts';

export const PS_AIMS = ['reintegration', 'social_services'] as const;

export type StatusEmployee = {
  /** The person's id when known: several jobs of one person count as one employee. */
  personKey?: string | null;
  contractType: string;
  fte: number;
  atRisk: boolean;
  startOn: string;
  endOn: string | null;
};

export type StatusInput = {
  legalForm: string;
  publicControl: boolean;
  psAims: string[];
  employees: StatusEmployee[];
};

type StatusParams = Pick<EnterpriseParameters, 'eligibleForms' | 'minEmployees' | 'minAtRiskShare'>;

function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

type Person = { fte: number; qualifyingFte: number; atRisk: boolean };

/** Jobs active on the date grouped by person (jobs without a person key are separate people). */
function peopleOn(employees: StatusEmployee[], contractTypes: string[], onDate: string): Person[] {
  const byKey = new Map<string, Person>();
  employees.forEach((e, i) => {
    if (!activeOn(e.startOn, e.endOn, onDate)) return;
    const key = e.personKey ? `p:${e.personKey}` : `j:${i}`;
    const p = byKey.get(key) ?? { fte: 0, qualifyingFte: 0, atRisk: false };
    p.fte += e.fte;
    if (contractTypes.includes(e.contractType)) p.qualifyingFte += e.fte;
    p.atRisk ||= e.atRisk;
    byKey.set(key, p);
  });
  return [...byKey.values()];
}

export function checkSocialEnterpriseStatus(
  input: StatusInput,
  params: StatusParams,
  onDate: string,
): CheckResult[] {
  const { eligibleForms: pf, minEmployees: pe, minAtRiskShare: pr } = params;
  const results: CheckResult[] = [];
  const eligible = pf.value.legalForms.includes(input.legalForm);
  results.push({
    rule: 'ps.form',
    passed: eligible,
    message: {
      key: eligible ? 'legal.check.psForm.ok' : 'legal.check.psForm.no',
      values: { form: input.legalForm },
    },
    parameters: [ref(pf)],
  });
  results.push({
    rule: 'ps.publicControl',
    passed: !input.publicControl,
    message: {
      key: input.publicControl ? 'legal.check.psControl.no' : 'legal.check.psControl.ok',
      values: {},
    },
    parameters: [ref(pf)],
  });
  const aims = input.psAims.filter((a) => (PS_AIMS as readonly string[]).includes(a));
  results.push({
    rule: 'ps.aim',
    passed: aims.length > 0,
    message:
      aims.length === 0
        ? { key: 'legal.check.psAim.none', values: {} }
        : { key: 'legal.check.psAim.ok', values: { aims: aims.join(','), count: aims.length } },
    parameters: [],
  });

  const people = peopleOn(input.employees, pe.value.contractTypes, onDate);
  const qualifying = people.filter((p) => p.qualifyingFte >= pe.value.minFte - EPSILON);
  const count = qualifying.length;
  results.push({
    rule: 'ps.minEmployees',
    passed: count >= pe.value.min,
    message: {
      key: 'legal.check.psEmployees',
      values: {
        count,
        required: pe.value.min,
        missing: Math.max(0, pe.value.min - count),
        minFte: pe.value.minFte,
        others: people.length - count,
      },
    },
    parameters: [ref(pe)],
  });

  if (!aims.includes(pr.value.aim)) {
    results.push({
      rule: 'ps.atRiskShare',
      passed: null,
      message: { key: 'legal.check.psAtRisk.notApplicable', values: {} },
      parameters: [ref(pr)],
    });
  } else {
    const atRisk = qualifying.filter((p) => p.atRisk);
    const fteMode = pr.value.denominator === 'fte_all';
    const numerator = fteMode ? atRisk.reduce((s, p) => s + p.qualifyingFte, 0) : atRisk.length;
    const denominator =
      pr.value.denominator === 'headcount_eligible'
        ? qualifying.length
        : fteMode
          ? people.reduce((s, p) => s + p.fte, 0)
          : people.length;
    if (denominator <= 0) {
      results.push({
        rule: 'ps.atRiskShare',
        passed: false,
        message: {
          key: 'legal.check.psAtRisk.noEmployees',
          values: { minPercent: percent(pr.value.minShare) },
        },
        parameters: [ref(pr), ref(pe)],
      });
    } else {
      const share = numerator / denominator;
      // How many more at-risk persons (each at the minimum FTE or more) would reach the share.
      // Each added at-risk employee also adds to the base when the base counts every employee.
      const s = pr.value.minShare;
      const needed = fteMode
        ? 0
        : pr.value.denominator === 'headcount_eligible' || pr.value.denominator === 'headcount_all'
          ? Math.max(0, Math.ceil((s * denominator - numerator) / (1 - s) - EPSILON))
          : 0;
      results.push({
        rule: 'ps.atRiskShare',
        passed: share >= pr.value.minShare - EPSILON,
        message: {
          key: fteMode ? 'legal.check.psAtRisk.fte' : 'legal.check.psAtRisk.headcount',
          values: {
            count: fteMode ? Math.round(numerator * 100) / 100 : numerator,
            total: fteMode ? Math.round(denominator * 100) / 100 : denominator,
            percent: percent(share),
            minPercent: percent(pr.value.minShare),
            missing: needed,
            minFte: pe.value.minFte,
          },
        },
        parameters: [ref(pr), ref(pe)],
      });
    }
  }
  return results;
}

export type AnnualReportDue = {
  reportYear: number;
  dueOn: string;
  remindOn: string;
  overdue: boolean;
  remind: boolean;
};

function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The annual report for the previous year, due by the parameter's day (31 March) of the current
 * year: on 31 March it is not yet overdue, from 1 April it is (unless it was sent).
 */
export function annualReportDue(
  onDate: string,
  params: { annualReport: Param<AnnualReportValue> },
): AnnualReportDue {
  const v = params.annualReport.value;
  const year = Number(onDate.slice(0, 4));
  const dueOn = isoOf(year, v.dueMonth, v.dueDay);
  const remindOn = isoOf(year, v.remindMonth, v.remindDay);
  return {
    reportYear: year - 1,
    dueOn,
    remindOn,
    overdue: onDate > dueOn,
    remind: onDate >= remindOn && onDate <= dueOn,
  };
}

export type ReapplyBar = { blocked: boolean; until: string };

/** After losing the status, a new one no earlier than 1 year from the day the decision became final. */
export function reapplyBar(
  lostFinalOn: string,
  onDate: string,
  params: { reapplyWait: Param<ReapplyWaitValue> },
): ReapplyBar {
  const until = addYears(lostFinalOn, params.reapplyWait.value.years);
  return { blocked: onDate < until, until };
}

export function annualReportCheck(
  onDate: string,
  params: { annualReport: Param<AnnualReportValue> },
): CheckResult {
  const due = annualReportDue(onDate, params);
  return {
    rule: 'ps.annualReport',
    passed: null,
    pending: !due.overdue,
    message: {
      key: due.overdue ? 'legal.check.annualReport.passed' : 'legal.check.annualReport.due',
      values: {
        year: due.reportYear,
        dueOn: due.dueOn,
        nextYear: due.reportYear + 1,
        nextDueOn: isoOf(
          due.reportYear + 2,
          params.annualReport.value.dueMonth,
          params.annualReport.value.dueDay,
        ),
      },
    },
    parameters: [ref(params.annualReport)],
  };
}

export function reapplyCheck(
  lostFinalOn: string | null,
  onDate: string,
  params: { reapplyWait: Param<ReapplyWaitValue> },
): CheckResult {
  if (!lostFinalOn) {
    return {
      rule: 'ps.reapplyBar',
      passed: null,
      message: { key: 'legal.check.reapply.none', values: {} },
      parameters: [ref(params.reapplyWait)],
    };
  }
  const bar = reapplyBar(lostFinalOn, onDate, params);
  return {
    rule: 'ps.reapplyBar',
    passed: bar.blocked ? null : true,
    pending: bar.blocked,
    message: {
      key: bar.blocked ? 'legal.check.reapply.blocked' : 'legal.check.reapply.free',
      values: { lostOn: lostFinalOn, untilOn: bar.until },
    },
    parameters: [ref(params.reapplyWait)],
  };
}
