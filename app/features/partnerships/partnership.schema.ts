import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import { COMMITMENT_KINDS, MEMBER_ROLES } from './partnership.rules.ts';

const optionalDate = optionalDateField('partnerships.form.date.invalid');

const uuid = (
  message:
    | 'partnerships.members.organisation.required'
    | 'partnerships.leader.organisation.required'
    | 'partnerships.commitments.member.required',
) => z.string().regex(/^[0-9a-f-]{36}$/i, { message });

export const partnershipSchema = z.object({
  name: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'partnerships.form.name.required' })
    .refine((v) => v.length <= 200, { message: 'organisations.form.tooLong' }),
  aim: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= 3000, { message: 'organisations.form.tooLong' }),
  formedOn: optionalDate,
});
export type PartnershipInput = z.output<typeof partnershipSchema>;

export const memberSchema = z.object({
  organisationId: uuid('partnerships.members.organisation.required'),
  role: z.enum(MEMBER_ROLES, { message: 'partnerships.members.role.required' }).exclude(['leader']),
  joinedOn: optionalDate,
});

/** The leader form's field has its own name: it shares the page with the add-member form. */
export const leaderSchema = z.object({
  leaderOrganisationId: uuid('partnerships.leader.organisation.required'),
  decision: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'partnerships.leader.decision.required' })
    .refine((v) => v.length <= 500, { message: 'organisations.form.tooLong' }),
  decidedOn: requiredDateField('partnerships.leader.date.required', 'partnerships.form.date.invalid'),
});

const amount = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const clean = v
      .replace(/[\s\u00a0]/g, '')
      .replace(/zł$/i, '')
      .replace(',', '.');
    if (!clean) return null;
    if (!/^\d{1,10}(\.\d{1,2})?$/.test(clean)) {
      ctx.addIssue({ code: 'custom', message: 'partnerships.commitments.amount.invalid' });
      return z.NEVER;
    }
    return clean;
  });

export const commitmentSchema = z.object({
  memberId: uuid('partnerships.commitments.member.required'),
  kind: z.enum(COMMITMENT_KINDS, { message: 'partnerships.commitments.kind.required' }),
  description: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'partnerships.commitments.description.required' })
    .refine((v) => v.length <= 1000, { message: 'organisations.form.tooLong' }),
  quantity: amount,
  unit: z.string().default(''),
  valuePln: amount,
  periodFrom: optionalDate,
  periodTo: optionalDate,
});
export type CommitmentInput = z.output<typeof commitmentSchema>;

export const deliverSchema = z.object({
  commitmentId: z.string().regex(/^[0-9a-f-]{36}$/i, { message: 'partnerships.commitments.whichRequired' }),
  deliveredOn: requiredDateField(
    'partnerships.commitments.deliveredOn.required',
    'partnerships.form.date.invalid',
  ),
});
