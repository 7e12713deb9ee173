/** `today` (YYYY-MM-DD) moved by a number of days: the seed dates everything relative to the day it runs. */
export function daysFrom(today: string, days: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
