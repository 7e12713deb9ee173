import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { type PlanContent, planGaps } from './business-plan.rules.ts';

/** The pipeline, in order; `closed` is outside it (reached from any stage, with a reason). */
export const STAGES = ['idea', 'business_plan', 'founding', 'incubation', 'self_sufficient'] as const;
export type Stage = (typeof STAGES)[number];
export type AnyStage = Stage | 'closed';
export const ALL_STAGES: readonly AnyStage[] = [...STAGES, 'closed'];

/** Intended legal forms: the keys of `organisations.legal_form` where they exist. */
export const INTENDED_LEGAL_FORMS = [
  'social_cooperative',
  'worker_cooperative',
  'association',
  'foundation',
  'non_profit_company',
  'other',
] as const;
export type IntendedLegalForm = (typeof INTENDED_LEGAL_FORMS)[number];

/** Aims of a social enterprise (u.e.s. art. 4 ust. 1) chosen when the entity is founded. */
export const PS_AIMS = ['reintegration', 'social_services'] as const;

/** The checklist of each stage (ticked with a date on the initiative's page). */
export const CHECKLIST: Record<Stage, readonly string[]> = {
  idea: ['problem_described', 'offer_described', 'three_founders'],
  business_plan: ['plan_complete', 'break_even_computed', 'funding_found'],
  founding: ['statute_drafted', 'founding_meeting_held', 'krs_application_filed'],
  incubation: ['first_customers', 'three_months_figures'],
  self_sufficient: ['annual_review'],
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
export function isAnyStage(value: string): value is AnyStage {
  return (ALL_STAGES as readonly string[]).includes(value);
}

/** The stage after this one, or null at the end of the pipeline. */
export function nextStage(stage: AnyStage): Stage | null {
  if (stage === 'closed') return null;
  return STAGES[STAGES.indexOf(stage) + 1] ?? null;
}

/** The first checklist item of the stage not yet ticked (shown on the board's cards). */
export function nextMissingItem(stage: AnyStage, ticked: readonly string[]): string | null {
  if (stage === 'closed') return null;
  return CHECKLIST[stage].find((k) => !ticked.includes(k)) ?? null;
}

export type Missing = { key: MessageKey; values?: Record<string, string | number> | undefined };
export type CheckRow = {
  passed: boolean;
  key: MessageKey;
  values?: Record<string, string | number> | undefined;
};

/** A legal check result as the legal rules give it (coop.rules.ts). */
export type LegalCheck = {
  passed: boolean | null;
  message: { key: MessageKey; values: Record<string, string | number> };
};

export type SelfSufficiencyParameter = { months: number; minOwnRevenueShare: number };
export type MonthFigure = { month: string; ownRevenue: number; costs: number };

/** The facts a move is judged on (loaded by the use-case, judged here). */
export type MoveFacts = {
  stage: AnyStage;
  ticked: readonly string[];
  founders: { kind: 'natural' | 'legal'; atRisk: boolean }[];
  plan: PlanContent | null;
  intendedLegalForm: string;
  /** Results of `checkCoopFounding` for a social cooperative (founding → incubation). */
  coopChecks?: LegalCheck[];
  /** The enterprise's monthly figures, newest first (incubation → self-sufficient). */
  figures?: MonthFigure[];
  selfSufficiency?: SelfSufficiencyParameter;
};

function checklistRows(facts: MoveFacts): CheckRow[] {
  if (facts.stage === 'closed') return [];
  return CHECKLIST[facts.stage].map((item) => ({
    passed: facts.ticked.includes(item),
    key: 'initiatives.missing.checklist' as MessageKey,
    values: { item: `initiatives.checklist.${facts.stage}.${item}` },
  }));
}

/** Own revenue covers costs (at the required share) in each of the last N months. */
export function selfSufficiencyCheck(figures: MonthFigure[], p: SelfSufficiencyParameter): CheckRow {
  const recent = figures.slice(0, p.months);
  const covered = recent.filter((f) =>
    f.costs > 0 ? f.ownRevenue >= f.costs * p.minOwnRevenueShare : f.ownRevenue > 0,
  ).length;
  return {
    passed: recent.length >= p.months && covered >= p.months,
    key: 'initiatives.missing.selfSufficiency' as MessageKey,
    values: { covered, required: p.months, share: Math.round(p.minOwnRevenueShare * 100) },
  };
}

/**
 * Every check of the move out of the current stage: the stage's checklist, then its rules.
 * The move is allowed when every row passes; the rows are kept in the history as they stood.
 */
export function moveChecks(facts: MoveFacts): CheckRow[] {
  const rows = checklistRows(facts);
  const activeFounders = facts.founders.length;
  switch (facts.stage) {
    case 'idea':
      rows.push({
        passed: activeFounders > 0,
        key: 'initiatives.missing.founders' as MessageKey,
        values: { count: activeFounders },
      });
      break;
    case 'business_plan': {
      const gaps = planGaps(facts.plan);
      rows.push({ passed: facts.plan !== null, key: 'initiatives.missing.plan' as MessageKey });
      for (const g of gaps)
        rows.push({
          passed: false,
          key: `initiatives.missing.planGap.${g.gap}` as MessageKey,
          values: g.values,
        });
      break;
    }
    case 'founding':
      if (facts.intendedLegalForm === 'social_cooperative') {
        // Not applicable (null) does not block the move; a failing legal rule does.
        for (const c of facts.coopChecks ?? [])
          rows.push({ passed: c.passed !== false, key: c.message.key, values: c.message.values });
      }
      break;
    case 'incubation':
      if (facts.selfSufficiency) rows.push(selfSufficiencyCheck(facts.figures ?? [], facts.selfSufficiency));
      break;
    default:
      break;
  }
  return rows;
}

/** What is missing for the move, in words (message ids with their figures). */
export function missingForMove(facts: MoveFacts): Missing[] {
  return moveChecks(facts)
    .filter((r) => !r.passed)
    .map((r) => ({ key: r.key, values: r.values }));
}

/** Whole days between the day a stage began and today. */
export function daysInStage(changedAt: Date | string, today: string): number {
  const start = new Date(changedAt);
  const startDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  const [y, m, d] = today.split('-').map(Number);
  return Math.max(0, Math.round((Date.UTC(y!, m! - 1, d!) - startDay) / 86_400_000));
}
