/**
 * Shared types of the legal checks (issue 6): every check returns `CheckResult[]`, each result
 * naming the rule, whether it passed (null: not applicable, not enough data, or an obligation
 * whose deadline has not come yet — `pending`), the figures in words as a message id with its
 * values, and the dated parameters it used with their source and whether they were verified.
 */
import type { MessageKey } from '../../../lib/i18n/catalog.ts';

export type ParameterRef = { key: string; source: string; verified: boolean; validFrom: string };

export type CheckResult = {
  rule: string;
  passed: boolean | null;
  /** An obligation with a deadline still ahead (shown as "to do by …", not as failing). */
  pending?: boolean;
  /**
   * A status criterion shown for information only: the enterprise neither holds the status nor
   * declares an aim of it, so a criterion it does not meet is not a failure.
   */
  advisory?: boolean;
  message: { key: MessageKey; values: Record<string, string | number> };
  parameters: ParameterRef[];
};

/** One dated parameter as the rules receive it (from `legal_parameters`). */
export type Param<T> = { key: string; value: T; validFrom: string; source: string; verified: boolean };

export type MinEmployeesValue = { min: number; contractTypes: string[]; minFte: number };
export type AtRiskDenominator = 'headcount_all' | 'headcount_eligible' | 'fte_all';
export type MinAtRiskShareValue = { minShare: number; aim: string; denominator: AtRiskDenominator };
export type EligibleFormsValue = { letters: string[]; legalForms: string[] };
export type AnnualReportValue = { dueMonth: number; dueDay: number; remindMonth: number; remindDay: number };
export type ReapplyWaitValue = { years: number; from: string };
export type CoopFoundersValue = { minNatural: number; minLegal: number; maxNotAtRiskShare: number };
export type CoopMembersValue = {
  minNatural: number;
  minLegal: number;
  max: number;
  monthsBelowMinimum: number;
};
export type AddMembersDeadlineValue = {
  months: number;
  from: string;
  atRiskPersons: number;
  foundedBy: string;
};

/** Every parameter the enterprise checks read, by role. */
export type EnterpriseParameters = {
  minEmployees: Param<MinEmployeesValue>;
  minAtRiskShare: Param<MinAtRiskShareValue>;
  eligibleForms: Param<EligibleFormsValue>;
  annualReport: Param<AnnualReportValue>;
  reapplyWait: Param<ReapplyWaitValue>;
  coopFounders: Param<CoopFoundersValue>;
  coopMembers: Param<CoopMembersValue>;
  addMembersDeadline: Param<AddMembersDeadlineValue>;
};

/** The `legal_parameters` key of each role. */
export const PARAMETER_KEYS = {
  minEmployees: 'ps.minEmployees',
  minAtRiskShare: 'ps.minAtRiskShare',
  eligibleForms: 'ps.eligibleForms',
  annualReport: 'ps.annualReport',
  reapplyWait: 'ps.reapplyWait',
  coopFounders: 'coop.founders',
  coopMembers: 'coop.members',
  addMembersDeadline: 'coop.addMembersDeadline',
} as const satisfies Record<keyof EnterpriseParameters, string>;

export function ref(p: Param<unknown>): ParameterRef {
  return { key: p.key, source: p.source, verified: p.verified, validFrom: p.validFrom };
}

/** Tolerance for comparing shares and FTE (0.3 × 3 is 0.8999… in floating point). */
export const EPSILON = 1e-9;
