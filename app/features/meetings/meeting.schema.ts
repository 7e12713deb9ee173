import { z } from 'zod';
import { requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { type Attendance, isAttendance, parseTimeInput } from './meeting.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

function text(max: number, required?: MessageKey) {
  return z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'common.form.invalid' })
    .refine((v) => v.length <= max, { message: 'meetings.form.tooLong', params: { max } });
}

function time(required: MessageKey) {
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      const parsed = parseTimeInput(v);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: v.trim() ? 'meetings.form.time.invalid' : required });
        return z.NEVER;
      }
      return parsed;
    });
}

const email = z
  .string()
  .default('')
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v.length > 0, { message: 'meetings.person.email.required' })
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && v.length <= 254, {
    message: 'meetings.person.email.invalid',
  });

const optionalUuid = z
  .string()
  .default('')
  .transform((v, ctx) => {
    if (!v.trim()) return null;
    if (!isUuid(v.trim())) {
      ctx.addIssue({ code: 'custom', message: 'meetings.invitees.organisation.unknown' });
      return z.NEVER;
    }
    return v.trim();
  });

/** Title, date, start and end (Warsaw time), place and agenda. */
export const meetingSchema = z.object({
  title: text(200, 'meetings.form.title.required'),
  date: requiredDateField('meetings.form.date.required', 'meetings.form.date.invalid'),
  startTime: time('meetings.form.startTime.required'),
  endTime: time('meetings.form.endTime.required'),
  place: text(300),
  agenda: text(5000),
});
export type MeetingInput = z.output<typeof meetingSchema>;

/** One organisation (`org:<id>`) or one directory contact (`contact:<id>`) to invite. */
export const inviteeSchema = z.object({
  invitee: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const m = /^(org|contact):(.+)$/.exec(v.trim());
      if (!m || !isUuid(m[2])) {
        ctx.addIssue({ code: 'custom', message: 'meetings.invitees.choose.required' });
        return z.NEVER;
      }
      return { kind: m[1] === 'org' ? ('organisation' as const) : ('contact' as const), id: m[2] };
    }),
});
export type InviteeInput = z.output<typeof inviteeSchema>['invitee'];

/** A person from outside the directory, invited by name and e-mail (optionally for an organisation). */
export const personSchema = z.object({
  name: text(200, 'meetings.person.name.required'),
  email,
  organisationId: optionalUuid,
});
export type PersonInput = z.output<typeof personSchema>;

/** Someone who came without an invitation: a name, an organisation, or both. */
export const walkInSchema = z
  .object({
    walkInName: text(200),
    walkInOrganisationId: optionalUuid,
  })
  .refine((v) => v.walkInName.length > 0 || v.walkInOrganisationId !== null, {
    message: 'meetings.walkIn.required',
    path: ['walkInName'],
  });
export type WalkInInput = z.output<typeof walkInSchema>;

export const minutesSchema = z.object({ minutes: text(20000) });

export const decisionSchema = z.object({
  number: text(40, 'meetings.decisions.number.required'),
  text: text(3000, 'meetings.decisions.text.required'),
});
export type DecisionInput = z.output<typeof decisionSchema>;

/** The attendance form's field for one participant. */
export function attendanceField(participantId: string): string {
  return `attendance-${participantId}`;
}

/**
 * Reads the one attendance form: a present / absent / excused choice per participant, or
 * nothing yet. A value that is not one of the three is refused for that row.
 */
export function parseAttendance(
  values: Record<string, string>,
  participantIds: string[],
): { ok: true; data: Map<string, Attendance | null> } | { ok: false; errors: Record<string, MessageKey> } {
  const data = new Map<string, Attendance | null>();
  const errors: Record<string, MessageKey> = {};
  const known = new Set(participantIds.map(attendanceField));
  // A row that is not this meeting's (another meeting's, another locality's): refuse the whole form.
  if (Object.keys(values).some((k) => k.startsWith('attendance-') && !known.has(k)))
    return { ok: false, errors: { _form: 'meetings.attendance.unknown' } };
  for (const id of participantIds) {
    const raw = values[attendanceField(id)] ?? '';
    if (raw === '') data.set(id, null);
    else if (isAttendance(raw)) data.set(id, raw);
    else errors[attendanceField(id)] = 'meetings.attendance.invalid';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data };
}
