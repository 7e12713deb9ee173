import { z } from 'zod';
import { requiredDateField, requiredPlnField } from '../../lib/form-fields.ts';
import { COST_CATEGORIES, DONATION_KINDS, parseMonthInput } from './costs.rules.ts';

/** A donation typed in the form (value with a Polish decimal comma). */
export const donationSchema = z.object({
  kind: z.enum(DONATION_KINDS, { message: 'costs.donations.kind.required' }),
  donorOrganisationId: z
    .string()
    .default('')
    .transform((v) => v.trim() || null),
  donorName: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .pipe(z.string().max(200, 'costs.donations.donorName.tooLong')),
  description: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, 'costs.donations.description.required')
        .max(500, 'costs.donations.description.tooLong'),
    ),
  valuePln: requiredPlnField('costs.donations.value.required', 'costs.donations.value.invalid'),
  receivedOn: requiredDateField('costs.donations.receivedOn.required', 'costs.donations.receivedOn.invalid'),
});
export type DonationInput = z.output<typeof donationSchema>;

/** A month's cost of the support system's work. */
export const supportCostSchema = z.object({
  month: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const m = parseMonthInput(v);
      if (!m) {
        ctx.addIssue({
          code: 'custom',
          message: v.trim() ? 'costs.costs.month.invalid' : 'costs.costs.month.required',
        });
        return z.NEVER;
      }
      return m;
    }),
  category: z.enum(COST_CATEGORIES, { message: 'costs.costs.category.required' }),
  description: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .pipe(z.string().max(300, 'costs.costs.description.tooLong')),
  amountPln: requiredPlnField('costs.costs.amount.required', 'costs.costs.amount.invalid'),
});
export type SupportCostInput = z.output<typeof supportCostSchema>;
