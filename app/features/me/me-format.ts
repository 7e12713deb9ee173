import type { Locale } from '../../lib/i18n/catalog.ts';

const TAG: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB' };
const dayCache = new Map<Locale, Intl.DateTimeFormat>();
const timeCache = new Map<Locale, Intl.DateTimeFormat>();

function fmt(cache: Map<Locale, Intl.DateTimeFormat>, locale: Locale, opts: Intl.DateTimeFormatOptions) {
  let f = cache.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(TAG[locale], { ...opts, timeZone: 'Europe/Warsaw' });
    cache.set(locale, f);
  }
  return f;
}

/**
 * An instant written out for a person, in Warsaw time: the day with its weekday and month in
 * words ("wtorek, 1 grudnia 2026") and the time ("10:00"); the message puts them together.
 */
export function spelledOut(locale: Locale, iso: string | Date): { day: string; time: string } {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return {
    day: fmt(dayCache, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d),
    time: fmt(timeCache, locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d),
  };
}
