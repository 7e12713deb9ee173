/**
 * Pure rules of social cooperatives (ustawa o spółdzielniach socjalnych): founders by kind and
 * their share not at risk (art. 4 ust. 2, art. 5 ust. 1), member limits and the 3-month timer
 * below the minimum (art. 5 ust. 2–3, art. 18 pkt 2), and the duty of a coop founded by natural
 * persons to admit and employ 2 more persons at risk within 12 months of its KRS entry
 * (art. 5 ust. 1a). No I/O: the thresholds come from dated parameters.
 */

import {
  type CheckResult,
  type CoopFoundersValue,
  type EnterpriseParameters,
  EPSILON,
  type Param,
  ref,
} from './legal.types.ts';
import { activeOn, addDays, addMonths } from './legal-dates.ts';

export type PartyKind = 'natural' | 'legal';

export type FoundingInput = { founders: { kind: PartyKind; atRisk: boolean }[] };

/** Founders: the minimum by kind, and no more than the allowed share not at risk. */
export function checkCoopFounding(
  input: FoundingInput,
  params: { coopFounders: Param<CoopFoundersValue> },
): CheckResult[] {
  const p = params.coopFounders;
  const natural = input.founders.filter((f) => f.kind === 'natural');
  const legal = input.founders.filter((f) => f.kind === 'legal');
  const results: CheckResult[] = [];
  // A coop is founded either by natural persons or by legal persons; with both, either minimum suffices.
  const useLegal = legal.length > 0 && (natural.length === 0 || legal.length >= p.value.minLegal);
  const count = useLegal ? legal.length : natural.length;
  const required = useLegal ? p.value.minLegal : p.value.minNatural;
  results.push({
    rule: 'coop.founders.count',
    passed: count >= required,
    message: {
      key: useLegal ? 'legal.check.coopFounders.legal' : 'legal.check.coopFounders.natural',
      values: { count, required, missing: Math.max(0, required - count) },
    },
    parameters: [ref(p)],
  });
  if (natural.length === 0) {
    results.push({
      rule: 'coop.founders.notAtRiskShare',
      passed: null,
      message: { key: 'legal.check.coopFounders.shareNoNatural', values: {} },
      parameters: [ref(p)],
    });
  } else {
    const notAtRisk = natural.filter((f) => !f.atRisk).length;
    const share = notAtRisk / natural.length;
    const maxCount = Math.floor(natural.length * p.value.maxNotAtRiskShare + EPSILON);
    results.push({
      rule: 'coop.founders.notAtRiskShare',
      passed: share <= p.value.maxNotAtRiskShare + EPSILON,
      message: {
        key: 'legal.check.coopFounders.share',
        values: {
          notAtRisk,
          total: natural.length,
          percent: percent(share),
          maxPercent: percent(p.value.maxNotAtRiskShare),
          excess: Math.max(0, notAtRisk - maxCount),
        },
      },
      parameters: [ref(p)],
    });
  }
  return results;
}

export type CoopMember = {
  kind: PartyKind;
  atRisk: boolean;
  joinedOn: string;
  leftOn: string | null;
  isFounder?: boolean;
  /** Links a member to their jobs (the person's id); members without it are never matched. */
  personKey?: string | null;
};

export type CoopEmployee = {
  personKey?: string | null;
  contractType: string;
  fte: number;
  atRisk: boolean;
  startOn: string;
  endOn: string | null;
};

export type MembershipInput = {
  foundedBy: PartyKind | null;
  registeredOn: string | null;
  members: CoopMember[];
  employees: CoopEmployee[];
  /** When the count fell below the minimum, if known; otherwise derived from the members' dates. */
  belowMinimumSince?: string | null;
};

function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function countOn(members: CoopMember[], kind: PartyKind, onDate: string): number {
  return members.filter((m) => m.kind === kind && activeOn(m.joinedOn, m.leftOn, onDate)).length;
}

/**
 * The first day of the current unbroken run below the minimum, from the members' dates
 * (membership counts from `joinedOn` to `leftOn` inclusive); null when not below today.
 */
export function belowMinimumSince(
  members: CoopMember[],
  kind: PartyKind,
  minimum: number,
  from: string,
  today: string,
): string | null {
  if (countOn(members, kind, today) >= minimum) return null;
  const changes = new Set<string>([from]);
  for (const m of members) {
    if (m.kind !== kind) continue;
    changes.add(m.joinedOn);
    if (m.leftOn) changes.add(addDays(m.leftOn, 1));
  }
  const points = [...changes].filter((d) => d >= from && d <= today).sort();
  let since: string | null = null;
  for (const d of points) {
    if (countOn(members, kind, d) < minimum) since ??= d;
    else since = null;
  }
  return since ?? today;
}

/**
 * Membership of a social cooperative on `today`: the minimum (with the 3-month timer, and the
 * 12-month window of a coop founded by natural persons), the maximum, the share of members not at
 * risk, and the duty to admit and employ 2 more persons at risk.
 */
export function checkCoopMembership(
  input: MembershipInput,
  params: Pick<EnterpriseParameters, 'coopMembers' | 'coopFounders' | 'addMembersDeadline'>,
  today: string,
): CheckResult[] {
  const pm = params.coopMembers;
  const pd = params.addMembersDeadline;
  const pf = params.coopFounders;
  const kind: PartyKind = input.foundedBy ?? 'natural';
  const active = input.members.filter((m) => activeOn(m.joinedOn, m.leftOn, today));
  const count = active.filter((m) => m.kind === kind).length;
  const minimum = kind === 'legal' ? pm.value.minLegal : pm.value.minNatural;
  const results: CheckResult[] = [];
  const dutyApplies = kind === pd.value.foundedBy;
  const deadlineOn =
    input.registeredOn && dutyApplies ? addMonths(input.registeredOn, pd.value.months) : null;

  // Minimum members.
  if (count >= minimum) {
    results.push({
      rule: 'coop.members.min',
      passed: true,
      message: {
        key: `legal.check.coopMembers.min.${kind}`,
        values: { count, required: minimum, missing: 0 },
      },
      parameters: [ref(pm)],
    });
  } else if (!input.registeredOn) {
    results.push({
      rule: 'coop.members.min',
      passed: null,
      message: { key: 'legal.check.coopMembers.notRegistered', values: { count, required: minimum } },
      parameters: [ref(pm)],
    });
  } else if (deadlineOn && today <= deadlineOn) {
    results.push({
      rule: 'coop.members.min',
      passed: null,
      pending: true,
      message: {
        key: 'legal.check.coopMembers.minWindow',
        values: { count, required: minimum, missing: minimum - count, deadlineOn },
      },
      parameters: [ref(pm), ref(pd)],
    });
  } else {
    const floor = deadlineOn ? addDays(deadlineOn, 1) : input.registeredOn;
    let since =
      input.belowMinimumSince ??
      belowMinimumSince(input.members, kind, minimum, input.registeredOn, today) ??
      today;
    if (since < floor) since = floor;
    const limitOn = addMonths(since, pm.value.monthsBelowMinimum);
    const over = today > limitOn;
    results.push({
      rule: 'coop.members.min',
      passed: over ? false : null,
      pending: !over,
      message: {
        key: over ? 'legal.check.coopMembers.belowExpired' : 'legal.check.coopMembers.below',
        values: {
          count,
          required: minimum,
          missing: minimum - count,
          sinceOn: since,
          limitOn,
          months: pm.value.monthsBelowMinimum,
        },
      },
      parameters: [ref(pm)],
    });
  }

  // Maximum members (all kinds).
  const all = active.length;
  results.push({
    rule: 'coop.members.max',
    passed: all <= pm.value.max,
    message: {
      key: 'legal.check.coopMembers.max',
      values: { count: all, max: pm.value.max, excess: Math.max(0, all - pm.value.max) },
    },
    parameters: [ref(pm)],
  });

  // Share of natural-person members not at risk (art. 4 ust. 2).
  const naturalActive = active.filter((m) => m.kind === 'natural');
  if (naturalActive.length > 0) {
    const notAtRisk = naturalActive.filter((m) => !m.atRisk).length;
    const share = notAtRisk / naturalActive.length;
    const maxCount = Math.floor(naturalActive.length * pf.value.maxNotAtRiskShare + EPSILON);
    results.push({
      rule: 'coop.members.notAtRiskShare',
      passed: share <= pf.value.maxNotAtRiskShare + EPSILON,
      message: {
        key: 'legal.check.coopMembers.share',
        values: {
          notAtRisk,
          total: naturalActive.length,
          percent: percent(share),
          maxPercent: percent(pf.value.maxNotAtRiskShare),
          excess: Math.max(0, notAtRisk - maxCount),
        },
      },
      parameters: [ref(pf)],
    });
  }

  // The duty to admit and employ more persons at risk within 12 months of the KRS entry.
  if (dutyApplies) {
    if (!input.registeredOn || !deadlineOn) {
      results.push({
        rule: 'coop.addMembers',
        passed: null,
        message: {
          key: 'legal.check.addMembers.notRegistered',
          values: { required: pd.value.atRiskPersons },
        },
        parameters: [ref(pd)],
      });
    } else {
      const employedKeys = new Set(
        input.employees
          .filter((e) => e.personKey && activeOn(e.startOn, e.endOn, today))
          .map((e) => e.personKey as string),
      );
      const added = active.filter(
        (m) =>
          m.kind === 'natural' && m.atRisk && !m.isFounder && m.personKey && employedKeys.has(m.personKey),
      ).length;
      const required = pd.value.atRiskPersons;
      const met = added >= required;
      const expired = today > deadlineOn;
      results.push({
        rule: 'coop.addMembers',
        passed: met ? true : expired ? false : null,
        pending: !met && !expired,
        message: {
          key: met
            ? 'legal.check.addMembers.met'
            : expired
              ? 'legal.check.addMembers.expired'
              : 'legal.check.addMembers.pending',
          values: { count: added, required, missing: Math.max(0, required - added), deadlineOn },
        },
        parameters: [ref(pd)],
      });
    }
  }
  return results;
}
