import { CATALOGS, type Locale, type MessageKey } from './catalog.ts';
import { formatMessage, type MessageValues } from './format-message.ts';

export type { Locale, MessageKey };
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const TIME_ZONE = 'Europe/Warsaw';
const TAG: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB' };

export type I18n = {
  locale: Locale;
  t: Translate;
  /** A calendar date (`YYYY-MM-DD`) in a table: 5.03.2024 / 05/03/2024. */
  date(isoDate: string | null | undefined): string;
  /** A calendar date in prose: 5 marca 2024 r. / 5 March 2024. */
  dateLong(isoDate: string | null | undefined): string;
  /** An instant, shown in Warsaw time. */
  dateTime(value: Date | string | null | undefined): string;
  number(n: number): string;
  percent(share: number): string;
  money(amount: number): string;
};

const cache = new Map<Locale, I18n>();

function calendarDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`);
}

export function getI18n(locale: Locale): I18n {
  const hit = cache.get(locale);
  if (hit) return hit;
  const catalog = CATALOGS[locale];
  const tag = TAG[locale];
  const dateFmt = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateLongFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  const numberFmt = new Intl.NumberFormat(tag);
  const percentFmt = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const moneyFmt = new Intl.NumberFormat(tag, { style: 'currency', currency: 'PLN' });
  const i18n: I18n = {
    locale,
    t: (key, values) => formatMessage(tag, catalog[key] ?? key, values),
    date: (iso) => (iso ? dateFmt.format(calendarDate(iso)) : ''),
    dateLong: (iso) => (iso ? dateLongFmt.format(calendarDate(iso)) + (locale === 'pl' ? ' r.' : '') : ''),
    dateTime: (value) =>
      value ? dateTimeFmt.format(typeof value === 'string' ? new Date(value) : value) : '',
    number: (n) => numberFmt.format(n),
    percent: (share) => percentFmt.format(share),
    money: (amount) => moneyFmt.format(amount),
  };
  cache.set(locale, i18n);
  return i18n;
}

/** Today's calendar date in Warsaw, as `YYYY-MM-DD`. */
export function todayInWarsaw(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
