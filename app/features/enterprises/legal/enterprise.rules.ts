/**
 * The combined check of one enterprise: which rules apply follows from its legal form and its
 * status decisions. Social cooperatives get the membership rules of the u.s.s.; every enterprise
 * gets the PS status criteria of the u.e.s. (binding when it holds or seeks the status, for
 * information otherwise); a PS holder gets the annual report, and one that
 * lost the status gets the one-year bar. No I/O.
 */
import { type CoopMember, checkCoopMembership, type PartyKind } from './coop.rules.ts';
import type { CheckResult, EnterpriseParameters } from './legal.types.ts';
import {
  annualReportCheck,
  checkSocialEnterpriseStatus,
  PS_AIMS,
  reapplyCheck,
  type StatusEmployee,
} from './status.rules.ts';

export const COOPERATIVE_FORMS = ['social_cooperative'] as const;

export type StatusDecision = {
  kind: string;
  decidedOn: string;
  finalOn: string | null;
  validUntil: string | null;
};

export type EnterpriseInput = {
  legalForm: string;
  publicControl: boolean;
  psAims: string[];
  foundedBy: PartyKind | null;
  registeredOn: string | null;
  members: CoopMember[];
  employees: StatusEmployee[];
  decisions: StatusDecision[];
};

export type EnterpriseCheck = { onDate: string; passed: boolean; results: CheckResult[] };

/** The last decision about the PS status on or before the date (granted or lost). */
export function psStatusOn(decisions: StatusDecision[], onDate: string): StatusDecision | null {
  const relevant = decisions
    .filter((d) => (d.kind === 'ps_granted' || d.kind === 'ps_lost') && d.decidedOn <= onDate)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0));
  return relevant.at(-1) ?? null;
}

/** Passed when no rule fails; rules not applicable or pending do not fail it. */
export function allPassed(results: CheckResult[]): boolean {
  return results.every((r) => r.passed !== false);
}

export function checkEnterprise(
  input: EnterpriseInput,
  params: EnterpriseParameters,
  onDate: string,
): EnterpriseCheck {
  const results: CheckResult[] = [];
  if ((COOPERATIVE_FORMS as readonly string[]).includes(input.legalForm)) {
    results.push(
      ...checkCoopMembership(
        {
          foundedBy: input.foundedBy,
          registeredOn: input.registeredOn,
          members: input.members,
          employees: input.employees,
        },
        params,
        onDate,
      ),
    );
  }
  const status = psStatusOn(input.decisions, onDate);
  // The status criteria bind an enterprise that holds the status or seeks it (declares one of
  // its aims). For any other (a foundation trading for its statutory aims, a cooperative not
  // applying) they are shown for information: what it meets and what the status would need.
  const seeksStatus =
    status?.kind === 'ps_granted' || input.psAims.some((a) => (PS_AIMS as readonly string[]).includes(a));
  const statusResults = checkSocialEnterpriseStatus(input, params, onDate);
  results.push(
    ...(seeksStatus
      ? statusResults
      : statusResults.map((r) => (r.passed === false ? { ...r, passed: null, advisory: true } : r))),
  );
  if (status?.kind === 'ps_granted') results.push(annualReportCheck(onDate, params));
  if (status?.kind === 'ps_lost')
    results.push(reapplyCheck(status.finalOn ?? status.decidedOn, onDate, params));
  return { onDate, passed: allPassed(results), results };
}
