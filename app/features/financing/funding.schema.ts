import { z } from 'zod';
import { optionalDateField, requiredDateField, requiredPlnField } from '../../lib/form-fields.ts';
import { optionalId, text } from '../niches/niche.schema.ts';
import { GRANT_KINDS, SOURCE_KINDS } from './financing.rules.ts';

export const sourceSchema = z.object({
  name: text(200, 'financing.source.name.required'),
  kind: z.enum(SOURCE_KINDS, { message: 'financing.form.choose' }),
  description: text(2000),
  url: text(500).refine((v) => !v || /^https?:\/\/\S+$/i.test(v), {
    message: 'financing.source.url.invalid',
  }),
});

export const applicationSchema = z.object({
  sourceId: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'financing.application.source.required' }),
  callName: text(300, 'financing.application.callName.required'),
  deadline: requiredDateField('financing.form.date.required', 'financing.form.date.invalid'),
  amountPln: requiredPlnField('financing.form.amount.required', 'financing.form.amount.invalid'),
  enterpriseId: optionalId,
  initiativeId: optionalId,
  notes: text(4000),
});

export const commandSchema = z.object({
  submittedOn: optionalDateField('financing.form.date.invalid'),
  decidedOn: optionalDateField('financing.form.date.invalid'),
});

export const grantSchema = z.object({
  sourceId: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'financing.application.source.required' }),
  applicationId: optionalId,
  enterpriseId: optionalId,
  initiativeId: optionalId,
  kind: z.enum(GRANT_KINDS, { message: 'financing.form.choose' }),
  title: text(300, 'financing.grant.title.required'),
  amountPln: requiredPlnField('financing.form.amount.required', 'financing.form.amount.invalid'),
  awardedOn: requiredDateField('financing.form.date.required', 'financing.form.date.invalid'),
  obligation: text(2000),
  obligationUntil: optionalDateField('financing.form.date.invalid'),
});
