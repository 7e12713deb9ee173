import { parseDateInput } from '../../lib/dates.ts';
import type { FieldErrors } from '../../lib/forms.ts';

/** Categories of the support system's own costs. */
export const COST_CATEGORIES = ['staff', 'premises', 'materials', 'services', 'travel', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const DONATION_KINDS = ['money', 'goods'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];

/** The ledger's own kind and source for a donation (it fits the kinds the ledger already uses). */
export const DONATION_LEDGER_KIND = 'donation';
export const DONATION_SOURCE = 'donation';

/** Who covered part of the full cost of the work. */
export const COVERERS = ['spent', 'volunteers', 'donors', 'municipality', 'partners'] as const;
export type Coverer = (typeof COVERERS)[number];

/** The ledger's sources as the report groups them. */
export const SOURCES = ['commitment', 'club_premises', 'volunteer_hours', 'donation', 'other'] as const;
export type ReportSource = (typeof SOURCES)[number];

export type LedgerLine = {
  kind: string;
  source: string;
  valuePln: number;
  occurredFrom: string;
  /** The kind of the organisation the entry is attributed to (null when none). */
  organisationKind: string | null;
};

export type CostLine = { month: string; category: string; amountPln: number };

export type Amount = { key: string; amount: number };
export type Share = { key: Coverer; amount: number; share: number };

export type CostReport = {
  from: string;
  to: string;
  inKindTotal: number;
  spent: number;
  fullCost: number;
  byKind: Amount[];
  bySource: Amount[];
  byCategory: Amount[];
  byMonth: { month: string; inKind: number; spent: number }[];
  coverage: Share[];
  empty: boolean;
};

/** Organisation kinds that stand for the municipality (the gmina office and its units). */
export const MUNICIPALITY_KINDS: readonly string[] = ['local_government'];

const cents = (n: number) => Math.round(n * 100);
const pln = (c: number) => c / 100;

/** Who covered one ledger line: volunteers, donors, the municipality (its premises), other partners. */
export function covererOf(line: LedgerLine): Exclude<Coverer, 'spent'> {
  if (line.source === 'volunteer_hours' || line.kind === 'volunteers') return 'volunteers';
  if (line.source === DONATION_SOURCE || line.kind === DONATION_LEDGER_KIND) return 'donors';
  if (line.source === 'club_premises') return 'municipality';
  if (line.organisationKind && MUNICIPALITY_KINDS.includes(line.organisationKind)) return 'municipality';
  return 'partners';
}

function sourceOf(line: LedgerLine): ReportSource {
  return (SOURCES as readonly string[]).includes(line.source) ? (line.source as ReportSource) : 'other';
}

/**
 * Shares (0..1, in tenths of a per cent) of `amounts` in their total that add up to exactly 1:
 * the largest-remainder method, so a table of shares never sums to 99.9% or 100.1%.
 */
export function sharesAddingUp(amounts: number[]): number[] {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total <= 0) return amounts.map(() => 0);
  const units = 1000;
  const exact = amounts.map((a) => (a / total) * units);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((s, f) => s + f, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => f / units);
}

/** Every month (`YYYY-MM`) from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function sumBy<T>(items: T[], key: (x: T) => string, value: (x: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + cents(value(x)));
  return out;
}

function amounts(order: readonly string[], sums: Map<string, number>): Amount[] {
  const keys = [...order, ...[...sums.keys()].filter((k) => !order.includes(k)).sort()];
  return keys.filter((k) => sums.has(k)).map((k) => ({ key: k, amount: pln(sums.get(k)!) }));
}

const KIND_ORDER = ['premises', 'volunteers', 'equipment', 'expertise', 'donation'];

/**
 * The cost-reduction report for a period: the in-kind value by kind, source and month, the money
 * spent, the full cost (spent + in kind) and who covered how much of it. Lines are expected to be
 * in the period already (the query selects them); amounts are summed in grosze.
 */
export function computeCostReport(input: {
  from: string;
  to: string;
  ledger: LedgerLine[];
  costs: CostLine[];
}): CostReport {
  const { ledger, costs } = input;
  const inKindC = ledger.reduce((s, l) => s + cents(l.valuePln), 0);
  const spentC = costs.reduce((s, c) => s + cents(c.amountPln), 0);
  const byCover = sumBy(ledger, covererOf, (l) => l.valuePln);
  const coverAmounts = COVERERS.map((k) => (k === 'spent' ? spentC : (byCover.get(k) ?? 0)));
  const shares = sharesAddingUp(coverAmounts);
  const inKindByMonth = sumBy(
    ledger,
    (l) => l.occurredFrom.slice(0, 7),
    (l) => l.valuePln,
  );
  const spentByMonth = sumBy(
    costs,
    (c) => c.month.slice(0, 7),
    (c) => c.amountPln,
  );
  return {
    from: input.from,
    to: input.to,
    inKindTotal: pln(inKindC),
    spent: pln(spentC),
    fullCost: pln(inKindC + spentC),
    byKind: amounts(
      KIND_ORDER,
      sumBy(
        ledger,
        (l) => l.kind,
        (l) => l.valuePln,
      ),
    ),
    bySource: amounts(
      SOURCES,
      sumBy(ledger, sourceOf, (l) => l.valuePln),
    ),
    byCategory: amounts(
      COST_CATEGORIES,
      sumBy(
        costs,
        (c) => c.category,
        (c) => c.amountPln,
      ),
    ),
    byMonth: monthsBetween(input.from, input.to).map((month) => ({
      month,
      inKind: pln(inKindByMonth.get(month) ?? 0),
      spent: pln(spentByMonth.get(month) ?? 0),
    })),
    coverage: COVERERS.map((key, i) => ({ key, amount: pln(coverAmounts[i]!), share: shares[i]! })),
    empty: ledger.length === 0 && costs.length === 0,
  };
}

/** The default period: the last 12 months up to today (from the first day of the month 11 months ago). */
export function defaultPeriod(today: string): { from: string; to: string } {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - 11;
  if (m < 1) {
    m += 12;
    y -= 1;
  }
  return { from: `${y}-${String(m).padStart(2, '0')}-01`, to: today };
}

export type PeriodResult = { ok: true; from: string; to: string } | { ok: false; errors: FieldErrors };

/** Reads `from`/`to` (ISO or Polish dates; empty → the default period); a bad period → field errors. */
export function parsePeriod(raw: { from?: string | null; to?: string | null }, today: string): PeriodResult {
  const fallback = defaultPeriod(today);
  const errors: FieldErrors = {};
  const fromRaw = raw.from?.trim() ?? '';
  const toRaw = raw.to?.trim() ?? '';
  const from = fromRaw ? parseDateInput(fromRaw) : fallback.from;
  const to = toRaw ? parseDateInput(toRaw) : fallback.to;
  if (!from) errors.from = 'costs.report.period.fromInvalid';
  if (!to) errors.to = 'costs.report.period.toInvalid';
  if (from && to && from > to) errors.to = 'costs.report.period.order';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, from: from!, to: to! };
}

/** The first day of a month typed as `YYYY-MM`, `MM.YYYY` or a date; null when it is not one. */
export function parseMonthInput(raw: string): string | null {
  const v = raw.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(v);
  if (m) return monthStart(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[./\s-](\d{4})$/.exec(v);
  if (m) return monthStart(Number(m[2]), Number(m[1]));
  const iso = parseDateInput(v);
  return iso ? `${iso.slice(0, 7)}-01` : null;
}

function monthStart(y: number, m: number): string | null {
  if (m < 1 || m > 12 || y < 1900 || y > 2999) return null;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}
