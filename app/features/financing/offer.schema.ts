import { z } from 'zod';
import { optionalDateField, optionalPlnField, requiredDateField } from '../../lib/form-fields.ts';
import { optionalId, text } from '../niches/niche.schema.ts';
import { OFFER_KINDS, OFFER_STATUSES } from './financing.rules.ts';

export const offerSchema = z.object({
  organisationId: optionalId,
  kind: z.enum(OFFER_KINDS, { message: 'financing.form.choose' }),
  title: text(200, 'financing.offer.title.required'),
  description: text(4000),
  valuePln: optionalPlnField('financing.form.amount.invalid'),
  validFrom: requiredDateField('financing.form.date.required', 'financing.form.date.invalid'),
  validTo: optionalDateField('financing.form.date.invalid'),
  status: z.enum(OFFER_STATUSES, { message: 'financing.form.choose' }),
  enterpriseId: optionalId,
  initiativeId: optionalId,
});
