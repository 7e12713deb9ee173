/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Reads a date typed by a person: ISO (`2026-03-05`, what date inputs send) or the Polish
 * forms `5.03.2026` / `05.03.2026` / `5 3 2026`. Returns ISO, or null when it is not a real day.
 */
export function parseDateInput(raw: string): string | null {
  const value = raw.trim();
  if (isIsoDate(value)) return value;
  const m = /^(\d{1,2})[.\s/-](\d{1,2})[.\s/-](\d{4})(\s*r\.?)?$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** How a stored ISO date is shown in a typed date field: `5.03.2027` (read back by parseDateInput). */
export function dateInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)}.${m}.${y}`;
}
