/**
 * Pure rules of the enterprises feature: the self-sufficiency trajectory (share of own
 * revenue, months of runway, break-even), job retention cohorts and working-time overlaps.
 * Amounts are PLN numbers; dates are `YYYY-MM-DD`; months are the first day of the month.
 */

export type MonthFigures = {
  month: string;
  ownRevenue: number;
  grants: number;
  costs: number;
  headcount?: number;
  customers?: number;
};

export type TrajectoryPoint = MonthFigures & {
  /** Own revenue / (own revenue + grants); null when the month had no income. */
  ownShare: number | null;
  /** Cash at the end of the month: opening cash + cumulative (own revenue + grants − costs). */
  cash: number;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Own revenue as a share of income (own revenue + grants); null when there was no income. */
export function ownRevenueShare(rows: readonly Pick<MonthFigures, 'ownRevenue' | 'grants'>[]): number | null {
  const own = rows.reduce((s, r) => s + r.ownRevenue, 0);
  const grants = rows.reduce((s, r) => s + r.grants, 0);
  return own + grants > 0 ? own / (own + grants) : null;
}

/** The months in order with their own-revenue share and the cash at the end of each. */
export function trajectory(rows: readonly MonthFigures[], openingCash: number): TrajectoryPoint[] {
  const sorted = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  let cash = openingCash;
  return sorted.map((r) => {
    cash = round2(cash + r.ownRevenue + r.grants - r.costs);
    return { ...r, ownShare: ownRevenueShare([r]), cash };
  });
}

/** The last `n` months of a trajectory (or of figures) in order. */
export function lastMonths<T extends { month: string }>(rows: readonly T[], n = 3): T[] {
  return [...rows].sort((a, b) => a.month.localeCompare(b.month)).slice(-n);
}

export type Runway =
  | { kind: 'no_data' }
  /** Own revenue covers costs on average over the last 3 months: no runway needed. */
  | { kind: 'not_needed' }
  /** No cash left to cover the gap. */
  | { kind: 'exhausted'; cash: number; monthlyGap: number }
  | { kind: 'months'; months: number; cash: number; monthlyGap: number };

/**
 * Months of runway: the cash now divided by the average monthly gap of the last 3 months
 * (costs minus own revenue); "not needed" when own revenue covers the costs.
 */
export function runway(rows: readonly MonthFigures[], openingCash: number): Runway {
  if (rows.length === 0) return { kind: 'no_data' };
  const points = trajectory(rows, openingCash);
  const cash = points[points.length - 1]!.cash;
  const recent = lastMonths(points, 3);
  const gap = recent.reduce((s, r) => s + r.costs - r.ownRevenue, 0) / recent.length;
  if (gap <= 0) return { kind: 'not_needed' };
  const monthlyGap = round2(gap);
  if (cash <= 0) return { kind: 'exhausted', cash, monthlyGap };
  return { kind: 'months', months: Math.floor((cash / gap) * 10) / 10, cash, monthlyGap };
}

export type BreakEven = {
  /** The first month own revenue covered costs (null: never). */
  firstMonth: string | null;
  /** The start of the unbroken run of months to the latest in which own revenue covered costs. */
  sustainedSince: string | null;
};

/** Break-even: the first month own revenue ≥ costs, and since when it has held every month. */
export function breakEven(rows: readonly MonthFigures[]): BreakEven {
  const sorted = [...rows].sort((a, b) => a.month.localeCompare(b.month));
  const covers = (r: MonthFigures) => r.ownRevenue >= r.costs && r.costs + r.ownRevenue > 0;
  const first = sorted.find(covers)?.month ?? null;
  let since: string | null = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (!covers(sorted[i]!)) break;
    since = sorted[i]!.month;
  }
  return { firstMonth: first, sustainedSince: since };
}

/** `YYYY-MM-DD` moved by whole months (the day clamped to the month's length). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` moved by days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type JobSpan = {
  id: string;
  position: string;
  startOn: string;
  endOn: string | null;
  fte: number;
  atRiskCategory?: string | null;
};

/** Whether a job is held on a day (start and end inclusive). */
export function heldOn(job: Pick<JobSpan, 'startOn' | 'endOn'>, day: string): boolean {
  return job.startOn <= day && (job.endOn === null || job.endOn >= day);
}

/** Whether a job was still held `months` after it started (null: too early to tell on `today`). */
export function keptAt(
  job: Pick<JobSpan, 'startOn' | 'endOn'>,
  months: number,
  today: string,
): boolean | null {
  const point = addMonths(job.startOn, months);
  if (point > today) return null;
  return job.endOn === null || job.endOn >= point;
}

export type Retention = { months: number; eligible: number; kept: number; share: number | null };

/**
 * A cohort measure: of the jobs that started at least `months` ago, how many were still held
 * `months` after their start.
 */
export function retention(
  jobs: readonly Pick<JobSpan, 'startOn' | 'endOn'>[],
  months: number,
  today: string,
): Retention {
  let eligible = 0;
  let kept = 0;
  for (const j of jobs) {
    const k = keptAt(j, months, today);
    if (k === null) continue;
    eligible++;
    if (k) kept++;
  }
  return { months, eligible, kept, share: eligible ? kept / eligible : null };
}

/** Share of jobs held by people at risk (at hiring) among jobs held on `day`. */
export function atRiskShare(
  jobs: readonly JobSpan[],
  day: string,
): { held: number; atRisk: number; share: number | null } {
  const held = jobs.filter((j) => heldOn(j, day));
  const atRisk = held.filter((j) => Boolean(j.atRiskCategory)).length;
  return { held: held.length, atRisk, share: held.length ? atRisk / held.length : null };
}

/** Jobs started within a period (inclusive). */
export function jobsCreated(jobs: readonly Pick<JobSpan, 'startOn'>[], from: string, to: string): number {
  return jobs.filter((j) => j.startOn >= from && j.startOn <= to).length;
}

/** Jobs whose keep-until date falls between today and today + `days` (inclusive). */
export function obligationsEndingSoon<T extends { keepUntil: string | null }>(
  jobs: readonly T[],
  today: string,
  days: number,
): T[] {
  const until = addDays(today, days);
  return jobs.filter((j) => j.keepUntil !== null && j.keepUntil >= today && j.keepUntil <= until);
}

/** Hundredths of FTE, to add working time without floating-point drift. */
const hundredths = (fte: number) => Math.round(fte * 100);

export type FteOverlap = { job: JobSpan; from: string; to: string | null; total: number };

/**
 * The first of a person's other jobs that, together with the new one (and any others held
 * the same day), brings their working time above `max` FTE on some day. The total peaks on a
 * day some job starts, so checking each start inside the new job's span is enough.
 */
export function fteOverlap(
  candidate: Pick<JobSpan, 'startOn' | 'endOn' | 'fte'>,
  others: readonly JobSpan[],
  max = 1,
): FteOverlap | null {
  const overlapping = others.filter(
    (o) =>
      (o.endOn === null || o.endOn >= candidate.startOn) &&
      (candidate.endOn === null || o.startOn <= candidate.endOn),
  );
  const days = [candidate.startOn, ...overlapping.map((o) => o.startOn).filter((d) => d > candidate.startOn)];
  for (const day of days.sort()) {
    const held = overlapping.filter((o) => heldOn(o, day));
    const total = hundredths(candidate.fte) + held.reduce((s, o) => s + hundredths(o.fte), 0);
    if (total > hundredths(max) && held.length) {
      const job = held[held.length - 1]!;
      const from = [job.startOn, candidate.startOn].sort()[1]!;
      const ends = [job.endOn, candidate.endOn].filter((d): d is string => d !== null).sort();
      return { job, from, to: ends[0] ?? null, total: total / 100 };
    }
  }
  return null;
}

/** The keep-until date: as typed, or the grant's obligation end when none was typed. */
export function keepUntilFor(typed: string | null, grantObligationUntil: string | null): string | null {
  return typed ?? grantObligationUntil ?? null;
}

/** A person's initials for reports ("Anna Nowak" → "A. N."). */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => `${p[0]!.toUpperCase()}.`)
    .join(' ');
}

/** The reminder due for a job today, if any: the smallest configured day count already reached. */
export function reminderDue(keepUntil: string | null, today: string, days: readonly number[]): number | null {
  if (!keepUntil || keepUntil < today) return null;
  const sorted = [...days].sort((a, b) => a - b);
  for (const d of sorted) if (addDays(today, d) >= keepUntil) return d;
  return null;
}

/** The jobs page's figures from the jobs of the locality (or of one enterprise). */
export function jobFigures(
  jobs: readonly (JobSpan & { keepUntil: string | null })[],
  today: string,
  period: { from: string; to: string },
  soonDays: number,
) {
  return {
    created: jobsCreated(jobs, period.from, period.to),
    period,
    retention: [6, 12, 24].map((m) => retention(jobs, m, today)),
    atRisk: atRiskShare(jobs, today),
    endingSoon: obligationsEndingSoon(jobs, today, soonDays).length,
    soonDays,
  };
}

/** The setting of reminders before a job's keep-until date. */
export type KeepReminderParameter = { days: number[]; soonWindowDays: number };
export const KEEP_REMINDER_PARAMETER = 'jobs.keepReminderDays';

/** Retention horizons (months) of the jobs figures and report. */
export const HORIZONS = [6, 12, 24] as const;
