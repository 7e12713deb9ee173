import type { I18n } from '../../../../lib/i18n/i18n.ts';
import type { Validity } from '../groups.queries.server.ts';

type T = I18n['t'];

export function kindLabel(t: T, kind: string): string {
  if (kind === 'leaders_course') return t('education.groups.kind.leaders_course');
  if (kind === 'self_education') return t('education.groups.kind.self_education');
  return t('education.groups.kind.club_activity');
}

export function statusLabel(t: T, status: string): string {
  if (status === 'planned') return t('education.groups.status.planned');
  if (status === 'finished') return t('education.groups.status.finished');
  return t('education.groups.status.running');
}

const WEEKDAYS = [
  'education.groups.weekday.1',
  'education.groups.weekday.2',
  'education.groups.weekday.3',
  'education.groups.weekday.4',
  'education.groups.weekday.5',
  'education.groups.weekday.6',
  'education.groups.weekday.7',
] as const;

export function weekdayLabel(t: T, weekday: number): string {
  return t(WEEKDAYS[weekday - 1] ?? WEEKDAYS[0]);
}

export function weekdayOptions(t: T) {
  return WEEKDAYS.map((k, i) => ({ value: String(i + 1), label: t(k) }));
}

/** "Wtorek, 17:00 · 120 min · co tydzień", or "Nieregularnie". */
export function scheduleText(
  t: T,
  g: {
    scheduleWeekday: number | null;
    scheduleTime: string;
    scheduleMinutes?: number;
    scheduleEveryWeeks?: number;
  },
): string {
  if (!g.scheduleWeekday) return t('education.groups.schedule.irregular');
  return t('education.groups.schedule.text', {
    weekday: weekdayLabel(t, g.scheduleWeekday),
    time: g.scheduleTime || '—',
    minutes: g.scheduleMinutes ?? 120,
    every: g.scheduleEveryWeeks ?? 1,
  });
}

/** The funder's rule in words: what the group has and what is required (with the source). */
export function validityText(t: T, v: Validity, number: (n: number) => string): string {
  return t(v.valid ? 'education.groups.validity.ok' : 'education.groups.validity.short', {
    members: v.members,
    meetings: v.meetings,
    hours: number(v.hours),
    minMembers: v.rule.minMembers,
    minMeetings: v.rule.minMeetings,
    minHours: number(v.rule.minHours),
    source: v.rule.source,
  });
}
