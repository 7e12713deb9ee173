import { z } from 'zod';
import { requiredDateField } from '../../lib/form-fields.ts';
import { ADVICE_KINDS } from './advice.policy.ts';

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= max, { message: 'advice.form.tooLong' });

/** The fields of the record/edit session form (who it was for is checked by the server). */
export const sessionSchema = z.object({
  kind: z
    .string()
    .default('')
    .refine((v) => (ADVICE_KINDS as readonly string[]).includes(v), { message: 'advice.form.kind' }),
  givenOn: requiredDateField('advice.session.givenOn.required', 'advice.session.givenOn.invalid'),
  minutes: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const n = Number(v.trim());
      if (!v.trim() || !Number.isInteger(n) || n < 5 || n > 720) {
        ctx.addIssue({ code: 'custom', message: 'advice.session.minutes.invalid' });
        return z.NEVER;
      }
      return n;
    }),
  topic: text(300).refine((v) => v.length > 0, { message: 'advice.session.topic.required' }),
  notes: text(20_000),
  confidential: z
    .string()
    .default('')
    .transform((v) => v === 'on' || v === 'true' || v === '1'),
  personId: text(64),
  organisationId: text(64),
  initiative: text(200),
});
export type SessionInput = z.output<typeof sessionSchema>;
