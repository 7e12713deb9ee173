import type { Locale } from '../../lib/i18n/catalog.ts';
import { MEETING_TIME_ZONE, warsawParts } from './meeting.rules.ts';

const TAG: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB' };
const dayFormatters = new Map<Locale, Intl.DateTimeFormat>();
const shortFormatters = new Map<Locale, Intl.DateTimeFormat>();

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** The meeting's day in prose, in Warsaw: "czwartek, 5 marca 2026 r." / "Thursday, 5 March 2026". */
export function meetingDay(locale: Locale, startsAt: Date | string): string {
  let f = dayFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(TAG[locale], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: MEETING_TIME_ZONE,
    });
    dayFormatters.set(locale, f);
  }
  return f.format(toDate(startsAt)) + (locale === 'pl' ? ' r.' : '');
}

/** The meeting's day in a table: 5.03.2026 / 5/03/2026. */
export function meetingDate(locale: Locale, startsAt: Date | string): string {
  let f = shortFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(TAG[locale], {
      day: 'numeric',
      month: '2-digit',
      year: 'numeric',
      timeZone: MEETING_TIME_ZONE,
    });
    shortFormatters.set(locale, f);
  }
  return f.format(toDate(startsAt));
}

/** "17:00–19:00", Warsaw time (24-hour clock in both languages). */
export function meetingHours(startsAt: Date | string, endsAt: Date | string): string {
  return `${warsawParts(toDate(startsAt)).time}–${warsawParts(toDate(endsAt)).time}`;
}

/** "czwartek, 5 marca 2026 r., 17:00–19:00". */
export function meetingWhen(locale: Locale, startsAt: Date | string, endsAt: Date | string): string {
  return `${meetingDay(locale, startsAt)}, ${meetingHours(startsAt, endsAt)}`;
}
