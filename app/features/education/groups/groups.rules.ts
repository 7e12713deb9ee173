/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(isoDate: string): number {
  const d = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The next date the schedule meets on or after `today` (and not before the group starts): the
 * weekday every N weeks counted from the first such weekday after the start. Without a weekday,
 * today (or the start). Null past the group's end.
 */
export function nextMeetingDate(
  g: { startsOn: string; endsOn: string | null; scheduleWeekday: number | null; scheduleEveryWeeks: number },
  today: string,
): string {
  const from = today > g.startsOn ? today : g.startsOn;
  if (!g.scheduleWeekday) return from;
  const first = addDays(g.startsOn, (g.scheduleWeekday - isoWeekday(g.startsOn) + 7) % 7);
  const step = 7 * Math.max(1, g.scheduleEveryWeeks);
  if (from <= first) return first;
  const days = Math.round((Date.parse(`${from}T12:00:00Z`) - Date.parse(`${first}T12:00:00Z`)) / 86_400_000);
  const k = Math.ceil(days / step);
  return addDays(first, k * step);
}

/** The schedule's dates between two dates (inclusive), for the demo and for planning. */
export function scheduleDates(
  g: { startsOn: string; endsOn: string | null; scheduleWeekday: number | null; scheduleEveryWeeks: number },
  from: string,
  to: string,
): string[] {
  const out: string[] = [];
  let d = nextMeetingDate(g, from);
  const end = g.endsOn && g.endsOn < to ? g.endsOn : to;
  const step = g.scheduleWeekday ? 7 * Math.max(1, g.scheduleEveryWeeks) : 7;
  while (d <= end && out.length < 200) {
    out.push(d);
    d = addDays(d, step);
  }
  return out;
}
