import { z } from 'zod';
import { optionalDateField, parseDecimalInput, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';

export const CONTRACT_TYPES = [
  'employment',
  'cooperative_employment',
  'mandate',
  'specific_work',
  'other',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

const text = (max: number, required?: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'enterprises.form.tooLong' })
    .refine((v) => v.length <= max, { message: 'enterprises.form.tooLong' });

const optionalId = z
  .string()
  .default('')
  .transform((v) => v.trim() || null);

/** A job as typed on the form (FTE with a Polish decimal comma: "0,5"). */
export const jobSchema = z.object({
  position: text(200, 'enterprises.job.position.required'),
  personId: optionalId,
  displayName: text(200),
  contractType: z.enum(CONTRACT_TYPES, { message: 'enterprises.job.contractType.required' }),
  fte: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const n = parseDecimalInput(v, 2);
      if (n === null || n === 'invalid') {
        ctx.addIssue({
          code: 'custom',
          message: (n === null
            ? 'enterprises.job.fte.required'
            : 'enterprises.job.fte.invalid') satisfies MessageKey,
        });
        return z.NEVER;
      }
      if (n <= 0 || n > 1) {
        ctx.addIssue({ code: 'custom', message: 'enterprises.job.fte.range' satisfies MessageKey });
        return z.NEVER;
      }
      return n;
    }),
  startOn: requiredDateField('enterprises.job.startOn.required', 'enterprises.job.startOn.invalid'),
  endOn: optionalDateField('enterprises.job.endOn.invalid'),
  atRiskCategory: optionalId,
  grantId: optionalId,
  fundingNote: text(500),
  keepUntil: optionalDateField('enterprises.job.keepUntil.invalid'),
});
export type JobInput = z.output<typeof jobSchema>;
