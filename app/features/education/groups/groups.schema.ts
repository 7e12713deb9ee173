import { z } from 'zod';
import { isIsoDate, parseDateInput } from '../../../lib/dates.ts';

export const GROUP_KINDS = ['leaders_course', 'self_education', 'club_activity'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_STATUSES = ['planned', 'running', 'finished'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const FACILITATOR_ROLES = ['lead', 'co'] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** '' and null mean "not given" for optional fields (forms send empty strings). */
const blank = (v: unknown) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() : v);

const optionalUuid = (message: string) => z.preprocess(blank, z.string().regex(UUID, message).optional());
const date = (message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (parseDateInput(v) ?? v.trim()) : v),
    z.string({ message }).refine((s) => isIsoDate(s), message),
  );
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((v) => {
    const b = blank(v);
    return typeof b === 'string' ? Number(b) : b;
  }, z.number({ message }).int(message).min(min, message).max(max, message).optional());

export const groupBase = z.object({
  kind: z.enum(GROUP_KINDS, { message: 'education.groups.kind.required' }),
  name: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ message: 'education.groups.name.required' })
      .min(1, 'education.groups.name.required')
      .max(200, 'education.groups.name.tooLong'),
  ),
  curriculumId: optionalUuid('education.groups.curriculum.unknown'),
  clubId: optionalUuid('education.groups.club.unknown'),
  startsOn: date('education.groups.startsOn.invalid'),
  endsOn: z.preprocess(blank, date('education.groups.endsOn.invalid').optional()),
  scheduleWeekday: optionalInt(1, 7, 'education.groups.scheduleWeekday.invalid'),
  scheduleTime: z.preprocess(
    blank,
    z.string().regex(TIME, 'education.groups.scheduleTime.invalid').optional(),
  ),
  scheduleMinutes: optionalInt(15, 600, 'education.groups.scheduleMinutes.invalid'),
  scheduleEveryWeeks: optionalInt(1, 8, 'education.groups.scheduleEveryWeeks.invalid'),
  place: z.preprocess(blank, z.string().max(300, 'education.groups.place.tooLong').optional()),
});

export const groupSchema = groupBase.superRefine((v, ctx) => {
  if (v.endsOn && v.endsOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'education.groups.endsOn.beforeStart' });
  if (v.kind === 'club_activity' && !v.clubId)
    ctx.addIssue({ code: 'custom', path: ['clubId'], message: 'education.groups.club.required' });
});
export type GroupValues = z.input<typeof groupSchema>;
export type GroupInput = z.output<typeof groupSchema>;

export const sessionSchema = z.object({
  startsOn: date('education.sessions.startsOn.invalid'),
  startsAt: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ message: 'education.sessions.startsAt.invalid' })
      .regex(TIME, 'education.sessions.startsAt.invalid'),
  ),
  minutes: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ message: 'education.sessions.minutes.invalid' })
      .int('education.sessions.minutes.invalid')
      .min(15, 'education.sessions.minutes.invalid')
      .max(600, 'education.sessions.minutes.invalid'),
  ),
  place: z.preprocess(blank, z.string().max(300, 'education.groups.place.tooLong').optional()),
  moduleIds: z.array(z.string().regex(UUID, 'education.sessions.modules.unknown')).max(100).optional(),
});
export type SessionValues = z.input<typeof sessionSchema>;
export type SessionInput = z.output<typeof sessionSchema>;

export const memberSchema = z.object({
  personId: z
    .string({ message: 'education.groups.member.person.required' })
    .regex(UUID, 'education.groups.member.person.required'),
  joinedOn: date('education.groups.member.joinedOn.invalid'),
});
