/**
 * Pure figures of an initiative's business plan. Amounts are decimal strings in PLN as stored
 * ("1234.50"); sums are made in grosze so that no rounding creeps in.
 */

export const PLAN_MONTHS = 24;
export const FUNDING_KINDS = ['own', 'grant', 'loan', 'subsidy', 'donation', 'other'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

export type StartupCost = { label: string; amount: string };
export type MonthRow = { month: number; revenue: string; costs: string };
export type FundingRow = { label: string; kind: string; amount: string };

export type PlanContent = {
  offer: string;
  customers: string;
  niche: string;
  team: string;
  breakEvenNote: string;
  startupCosts: StartupCost[];
  monthly: MonthRow[];
  fundingSources: FundingRow[];
};

export type MonthFigures = {
  month: number;
  revenue: number;
  costs: number;
  result: number;
  cumulative: number;
};

export type PlanFigures = {
  startupTotal: number;
  fundingTotal: number;
  /** Start-up costs not covered by funding (0 when funding covers them). */
  fundingGap: number;
  /** The cash position before month 1: funding minus start-up costs. */
  opening: number;
  months: MonthFigures[];
  /** First month whose cumulative result (start-up costs and funding counted) is ≥ 0, or null. */
  breakEvenMonth: number | null;
  totals: { revenue: number; costs: number; result: number };
};

/** Grosze from a stored amount ("" or an invalid string count as 0). */
export function toGrosze(amount: string | null | undefined): number {
  if (!amount) return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return 0;
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

const pln = (grosze: number) => grosze / 100;

/** Every computed figure of a plan, in PLN. */
export function planFigures(
  plan: Pick<PlanContent, 'startupCosts' | 'monthly' | 'fundingSources'>,
): PlanFigures {
  const startup = plan.startupCosts.reduce((s, r) => s + toGrosze(r.amount), 0);
  const funding = plan.fundingSources.reduce((s, r) => s + toGrosze(r.amount), 0);
  const opening = funding - startup;
  let cumulative = opening;
  let breakEvenMonth: number | null = null;
  let revenue = 0;
  let costs = 0;
  const months: MonthFigures[] = [];
  const byMonth = new Map(plan.monthly.map((m) => [m.month, m]));
  for (let month = 1; month <= PLAN_MONTHS; month++) {
    const row = byMonth.get(month);
    const r = toGrosze(row?.revenue);
    const c = toGrosze(row?.costs);
    revenue += r;
    costs += c;
    cumulative += r - c;
    if (breakEvenMonth === null && cumulative >= 0) breakEvenMonth = month;
    months.push({ month, revenue: pln(r), costs: pln(c), result: pln(r - c), cumulative: pln(cumulative) });
  }
  return {
    startupTotal: pln(startup),
    fundingTotal: pln(funding),
    fundingGap: pln(Math.max(0, startup - funding)),
    opening: pln(opening),
    months,
    breakEvenMonth,
    totals: { revenue: pln(revenue), costs: pln(costs), result: pln(revenue - costs) },
  };
}

export type PlanGap =
  | 'offer'
  | 'customers'
  | 'niche'
  | 'team'
  | 'startupCosts'
  | 'months'
  | 'fundingSources'
  | 'breakEven'
  | 'fundingGap';

/**
 * What keeps a plan from being complete for the move to founding: every section filled, all
 * 24 months typed, break-even within 24 months (or the reason explained), and funding sources
 * covering the start-up costs.
 */
export function planGaps(
  plan: PlanContent | null,
): { gap: PlanGap; values?: Record<string, string | number> }[] {
  if (!plan)
    return [
      { gap: 'offer' },
      { gap: 'customers' },
      { gap: 'niche' },
      { gap: 'team' },
      { gap: 'months', values: { typed: 0, required: PLAN_MONTHS } },
    ];
  const out: { gap: PlanGap; values?: Record<string, string | number> }[] = [];
  for (const key of ['offer', 'customers', 'niche', 'team'] as const) {
    if (!plan[key].trim()) out.push({ gap: key });
  }
  if (plan.startupCosts.length === 0) out.push({ gap: 'startupCosts' });
  const typed = new Set(
    plan.monthly
      .filter((m) => m.month >= 1 && m.month <= PLAN_MONTHS && (m.revenue !== '' || m.costs !== ''))
      .map((m) => m.month),
  ).size;
  if (typed < PLAN_MONTHS) out.push({ gap: 'months', values: { typed, required: PLAN_MONTHS } });
  if (plan.fundingSources.length === 0) out.push({ gap: 'fundingSources' });
  const f = planFigures(plan);
  if (f.breakEvenMonth === null && !plan.breakEvenNote.trim()) out.push({ gap: 'breakEven' });
  if (f.fundingGap > 0) out.push({ gap: 'fundingGap', values: { gap: f.fundingGap } });
  return out;
}
