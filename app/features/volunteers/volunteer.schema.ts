import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { parseHours } from './volunteers.rules.ts';

const text = (max: number, required?: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'volunteers.form.tooLong' })
    .refine((v) => v.length <= max, { message: 'volunteers.form.tooLong' });

/** An optional id from a select ('' when none chosen). */
const optionalId = z
  .string()
  .default('')
  .transform((v) => v.trim() || null);

/** The volunteer's work and the agreement (porozumienie), as typed on the register and edit forms. */
export const volunteerSchema = z.object({
  organisationId: optionalId,
  skills: text(500),
  since: requiredDateField('volunteers.form.since.required', 'volunteers.form.since.invalid'),
  agreementScope: text(2000, 'volunteers.form.scope.required'),
  agreementFrom: optionalDateField('volunteers.form.agreementFrom.invalid'),
  agreementTo: optionalDateField('volunteers.form.agreementTo.invalid'),
  agreementSignedOn: optionalDateField('volunteers.form.signedOn.invalid'),
});
export type VolunteerInput = z.output<typeof volunteerSchema>;

/** One day's hours: when, how long (Polish decimal comma accepted), what, for which organisation. */
export const hoursSchema = z.object({
  workedOn: requiredDateField('volunteers.hours.workedOn.required', 'volunteers.hours.workedOn.invalid'),
  hours: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const r = parseHours(v);
      if (!r.ok) {
        ctx.addIssue({
          code: 'custom',
          message: `volunteers.hours.hours.${r.problem}` satisfies MessageKey,
        });
        return z.NEVER;
      }
      return r.hours;
    }),
  activity: text(200, 'volunteers.hours.activity.required'),
  organisationId: optionalId,
});
export type HoursInput = z.output<typeof hoursSchema>;
