import { z } from 'zod';
import { optionalPlnField, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { COMPETITION_LEVELS, EVIDENCE_SOURCES, NICHE_STATUSES } from './niches.rules.ts';

export const text = (max: number, required?: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'financing.form.tooLong' })
    .refine((v) => v.length <= max, { message: 'financing.form.tooLong' });

export const optionalId = z
  .string()
  .default('')
  .transform((v) => v.trim() || null);

export const nicheSchema = z.object({
  name: text(200, 'financing.niche.name.required'),
  sector: text(120, 'financing.niche.sector.required'),
  description: text(4000),
  estimatedDemandPln: optionalPlnField('financing.form.amount.invalid'),
  competition: z.enum(COMPETITION_LEVELS, { message: 'financing.form.choose' }),
  status: z.enum(NICHE_STATUSES, { message: 'financing.form.choose' }),
});
export type NicheInput = z.output<typeof nicheSchema>;

export const evidenceSchema = z.object({
  source: z.enum(EVIDENCE_SOURCES, { message: 'financing.form.choose' }),
  organisationId: optionalId,
  description: text(2000, 'financing.evidence.description.required'),
  amountPln: optionalPlnField('financing.form.amount.invalid'),
  recordedOn: requiredDateField('financing.form.date.required', 'financing.form.date.invalid'),
});

export const criterionSchema = z.object({
  label: text(120, 'financing.criteria.label.required'),
  weight: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const n = Number(v.trim().replace(',', '.'));
      if (
        !v.trim() ||
        !Number.isFinite(n) ||
        n <= 0 ||
        n > 999 ||
        !/^\d{1,3}([.,]\d{1,2})?$/.test(v.trim())
      ) {
        ctx.addIssue({ code: 'custom', message: 'financing.criteria.weight.invalid' });
        return z.NEVER;
      }
      return n;
    }),
});
