/** Calendar dates (`YYYY-MM-DD`, months `YYYY-MM`) for the club's rules and calendar. */

function utc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
}

export const monthOf = (iso: string) => iso.slice(0, 7);
export const monthStart = (month: string) => `${month.slice(0, 7)}-01`;
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoOf(new Date(Date.UTC(y, m, 0)));
}
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoOf(new Date(Date.UTC(y, m - 1 + n, 1))).slice(0, 7);
}
export function mondayOf(iso: string): string {
  const day = utc(iso).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

/** The calendar shows a month (`YYYY-MM`) or a week (from a Monday). */
export function calendarRange(
  view: 'month' | 'week',
  anchor: string,
): { from: string; to: string; prev: string; next: string } {
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6), prev: addDays(from, -7), next: addDays(from, 7) };
  }
  const m = monthOf(anchor);
  return { from: monthStart(m), to: monthEnd(m), prev: addMonths(m, -1), next: addMonths(m, 1) };
}
