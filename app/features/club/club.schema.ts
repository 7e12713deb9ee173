import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { ACTIVITY_KINDS, OUTCOMES, parseTime, STAFF_BASES, STAFF_ROLES } from './club.rules.ts';

const optionalDate = optionalDateField('club.form.date.invalid');
const requiredDate = (required: MessageKey) => requiredDateField(required, 'club.form.date.invalid');

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= max, { message: 'club.form.tooLong' });

const requiredText = (max: number, required: MessageKey) =>
  text(max).refine((v) => v.length > 0, { message: required });

const optionalId = (invalid: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim() || null)
    .refine((v) => v === null || /^[0-9a-f-]{36}$/i.test(v), { message: invalid });

/** An amount in złoty as people type it: `1200`, `1 200,50`, `1200 zł`; null when empty. */
const amount = (invalid: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      const clean = v
        .replace(/[\s\u00a0]/g, '')
        .replace(/zł$/i, '')
        .replace(',', '.');
      if (!clean) return null;
      if (!/^\d{1,10}(\.\d{1,2})?$/.test(clean)) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return clean;
    });

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === '1' || v === 'yes');

const time = (required: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      if (!v.trim()) {
        ctx.addIssue({ code: 'custom', message: required });
        return z.NEVER;
      }
      const t = parseTime(v);
      if (!t) {
        ctx.addIssue({ code: 'custom', message: 'club.hours.invalid' });
        return z.NEVER;
      }
      return t;
    });

export const createClubSchema = z.object({
  name: requiredText(200, 'club.form.name.required'),
});

/** The settings form (opening hours are read by `openingHoursFromForm`, one row per weekday). */
export const clubSettingsSchema = z.object({
  name: requiredText(200, 'club.form.name.required'),
  runByOrganisationId: optionalId('club.form.organisation.unknown'),
  premisesAddress: text(300),
  premisesProviderId: optionalId('club.form.organisation.unknown'),
  premisesLent: z
    .enum(['yes', 'no'], { message: 'club.premises.lent.required' })
    .transform((v) => v === 'yes'),
  premisesMonthlyValuePln: amount('club.form.amount.invalid'),
  premisesFrom: optionalDate,
  premisesTo: optionalDate,
  openingNotes: text(1000),
  registerNotifiedOn: optionalDate,
  registerEnteredOn: optionalDate,
  registerNumber: text(100),
  openedOn: optionalDate,
  version: z.coerce.number().int().optional(),
});
export type ClubSettingsFormInput = z.output<typeof clubSettingsSchema>;

const fte = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const clean = v.trim().replace(',', '.');
    if (!clean) return null;
    const n = Number(clean);
    if (!/^\d(\.\d{1,2})?$/.test(clean) || n <= 0 || n > 1) {
      ctx.addIssue({ code: 'custom', message: 'club.staff.fte.invalid' });
      return z.NEVER;
    }
    return clean;
  });

export const staffSchema = z.object({
  name: text(200),
  userId: optionalId('club.staff.user.unknown'),
  role: z.enum(STAFF_ROLES, { message: 'club.staff.role.required' }),
  basis: z.enum(STAFF_BASES, { message: 'club.staff.basis.required' }),
  fte,
  fromDate: requiredDate('club.staff.fromDate.required'),
  toDate: optionalDate,
});
export type StaffInput = z.output<typeof staffSchema>;

export const endStaffSchema = z.object({
  staffId: z.string().regex(/^[0-9a-f-]{36}$/i, { message: 'club.staff.which.required' }),
  /** Its own name: the page's add form has a `toDate` field too. */
  endDate: requiredDate('club.staff.toDate.required'),
});

export const membershipSchema = z.object({
  joinedOn: requiredDate('club.members.joinedOn.required'),
  socialContract: checkbox,
  atRiskGroup: text(60),
});
export type MembershipInput = z.output<typeof membershipSchema>;

export const joinSchema = membershipSchema.extend({
  personId: optionalId('club.members.person.unknown'),
});

export const leaveSchema = z.object({
  leftOn: requiredDate('club.members.leftOn.required'),
  outcome: z.enum(OUTCOMES, { message: 'club.members.outcome.required' }),
  certificateIssuedOn: optionalDate,
});
export type LeaveInput = z.output<typeof leaveSchema>;

export const certificateSchema = z.object({
  certificateIssuedOn: requiredDate('club.members.certificate.required'),
});

export const activitySchema = z.object({
  title: requiredText(200, 'club.activities.title.required'),
  kind: z.enum(ACTIVITY_KINDS, { message: 'club.activities.kind.required' }),
  date: requiredDate('club.activities.date.required'),
  startTime: time('club.activities.startTime.required'),
  endTime: time('club.activities.endTime.required'),
  place: text(300),
  description: text(3000),
  leaderName: text(200),
});
export type ActivityInput = z.output<typeof activitySchema>;

export const visitSchema = z.object({
  visitedOn: requiredDate('club.visits.date.required'),
  memberId: optionalId('club.visits.member.unknown'),
  visitors: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const clean = v.trim();
      if (!clean) return null;
      if (!/^\d{1,3}$/.test(clean) || Number(clean) < 1) {
        ctx.addIssue({ code: 'custom', message: 'club.visits.visitors.invalid' });
        return z.NEVER;
      }
      return Number(clean);
    }),
  purpose: text(300),
});
export type VisitInput = z.output<typeof visitSchema>;

export const grantSchema = z.object({
  year: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const n = Number(v.trim());
      if (!/^\d{4}$/.test(v.trim()) || n < 2000 || n > 2100) {
        ctx.addIssue({ code: 'custom', message: 'club.grants.year.invalid' });
        return z.NEVER;
      }
      return n;
    }),
  source: requiredText(300, 'club.grants.source.required'),
  grantedPln: amount('club.form.amount.invalid').transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue({ code: 'custom', message: 'club.grants.granted.required' });
      return z.NEVER;
    }
    return v;
  }),
  spentPln: amount('club.form.amount.invalid'),
});
export type GrantInput = z.output<typeof grantSchema>;
