import type { MessageKey } from '../../lib/i18n/catalog.ts';

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export function isAttendance(v: unknown): v is Attendance {
  return typeof v === 'string' && (ATTENDANCE as readonly string[]).includes(v);
}

export function isMeetingStatus(v: unknown): v is MeetingStatus {
  return typeof v === 'string' && (MEETING_STATUSES as readonly string[]).includes(v);
}

/** Meetings are planned and shown in the locality's own time zone. */
export const MEETING_TIME_ZONE = 'Europe/Warsaw';

/** Empty signature rows at the end of the attendance list, for people who come without an invitation. */
export const WALK_IN_ROWS = 5;

/**
 * Reads a time typed by a person: `17:30`, `17.30`, `9:05`, or a whole hour `17`.
 * Returns `HH:MM`, or null when it is not a time of day.
 */
export function parseTimeInput(raw: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(raw.trim().replace(/\s+/g, ''));
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Warsaw calendar date and time of an instant: `{ date: '2026-03-29', time: '10:00' }`. */
export function warsawParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant of a Warsaw wall-clock time (`2026-03-29`, `10:00`), summer or winter time alike.
 * Null for a time that does not exist there (the hour skipped when clocks go forward); a time
 * that happens twice (the hour repeated in October) means the first, summer-time one.
 */
export function warsawToInstant(date: string, time: string): Date | null {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  if (Number.isNaN(wall)) return null;
  // Warsaw is UTC+1 or UTC+2: try summer time first, then winter time.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    const back = warsawParts(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return null;
}

export type MeetingTimes = { date: string; startTime: string; endTime: string };

/**
 * Start and end instants from a date and two Warsaw times, or the field and message that
 * explain why not (a time the clocks skip, an end not after the start).
 */
export function meetingInstants(
  input: MeetingTimes,
): { ok: true; startsAt: Date; endsAt: Date } | { ok: false; field: string; key: MessageKey } {
  const startsAt = warsawToInstant(input.date, input.startTime);
  if (!startsAt) return { ok: false, field: 'startTime', key: 'meetings.form.time.skipped' };
  const endsAt = warsawToInstant(input.date, input.endTime);
  if (!endsAt) return { ok: false, field: 'endTime', key: 'meetings.form.time.skipped' };
  if (endsAt.getTime() <= startsAt.getTime())
    return { ok: false, field: 'endTime', key: 'meetings.form.endBeforeStart' };
  return { ok: true, startsAt, endsAt };
}

/**
 * Invitations carry the time and place; when either changes after invitations went out, the
 * calendar event's SEQUENCE rises and everyone needs the update.
 */
export function timeOrPlaceChanged(
  before: { startsAt: Date; endsAt: Date; place: string },
  after: { startsAt: Date; endsAt: Date; place: string },
): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.place.trim() !== after.place.trim()
  );
}

/** Decision numbers compare without case and spaces: "3/2026" and " 3 / 2026 " are the same number. */
export function decisionNumberKey(number: string): string {
  return number.toLowerCase().replace(/\s+/g, '');
}

/** What can still happen to a meeting, given its status and whether it has started. */
export function meetingStage(
  meeting: { status: MeetingStatus; startsAt: Date },
  now: Date,
): {
  /** Time, place, agenda and invitees can change. */
  canEdit: boolean;
  canInvite: boolean;
  /** Attendance, minutes and decisions: from the start of the meeting, unless it was cancelled. */
  canRecord: boolean;
  canMarkHeld: boolean;
  canCancel: boolean;
} {
  const started = now.getTime() >= meeting.startsAt.getTime();
  const planned = meeting.status === 'planned';
  return {
    canEdit: planned,
    canInvite: planned && !started,
    canRecord: meeting.status !== 'cancelled' && started,
    canMarkHeld: planned && started,
    canCancel: planned,
  };
}

/** Why a command is refused at this stage (the message a person reads). */
export function stageError(
  meeting: { status: MeetingStatus; startsAt: Date },
  now: Date,
  need: 'edit' | 'invite' | 'record' | 'markHeld' | 'cancel',
): MessageKey | null {
  const s = meetingStage(meeting, now);
  const ok = {
    edit: s.canEdit,
    invite: s.canInvite,
    record: s.canRecord,
    markHeld: s.canMarkHeld,
    cancel: s.canCancel,
  }[need];
  if (ok) return null;
  if (meeting.status === 'cancelled') return 'meetings.errors.cancelled';
  if (meeting.status === 'held' && need !== 'record') return 'meetings.errors.alreadyHeld';
  if (need === 'invite') return 'meetings.errors.inviteAfterStart';
  return 'meetings.errors.notStarted';
}

export type { ProgrammeStatus as TaskStatus } from '../programme/programme.rules.ts';
/** The states of a programme task a decision created (the programme's own list). */
export { PROGRAMME_STATUSES as TASK_STATUSES } from '../programme/programme.rules.ts';
