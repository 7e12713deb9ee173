/** The report's year from the address (`?year=2025`): last year unless a sensible year is asked for. */
export function reportYear(url: URL, today: string): { year: number; years: number[] } {
  const current = Number(today.slice(0, 4));
  const first = 2013;
  const asked = Number(url.searchParams.get('year'));
  const year = Number.isInteger(asked) && asked >= first && asked <= current ? asked : current - 1;
  const years: number[] = [];
  for (let y = current; y >= Math.max(first, current - 10); y--) years.push(y);
  if (!years.includes(year)) years.push(year);
  return { year, years };
}
