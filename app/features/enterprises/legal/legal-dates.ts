/**
 * Calendar arithmetic on `YYYY-MM-DD` dates for legal terms. A term in months or years ends on
 * the day of the month that corresponds to the starting day (Kodeks cywilny art. 112); when that
 * month has no such day, on its last day (31 January + 1 month = 28/29 February).
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whether a period (start, optional inclusive end) covers the date. */
export function activeOn(start: string, end: string | null | undefined, onDate: string): boolean {
  return start <= onDate && (end == null || end >= onDate);
}
