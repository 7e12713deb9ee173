/**
 * Wall-clock time in Warsaw ↔ instants. Activities are typed as a Polish date and hours
 * ("12.03.2027, 16:00–18:00") and stored as UTC instants; the offset (CET/CEST) comes from the
 * time-zone database, so the change of time in March and October is handled.
 */
const TIME_ZONE = 'Europe/Warsaw';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** Minutes Warsaw is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const p = parts(instant);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a Warsaw date (`YYYY-MM-DD`) and time (`HH:MM`). */
export function warsawInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let instant = wall - offsetMinutes(new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The Warsaw date and time of an instant. */
export function warsawDateTime(instant: Date | string): { date: string; time: string } {
  const p = parts(typeof instant === 'string' ? new Date(instant) : instant);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
