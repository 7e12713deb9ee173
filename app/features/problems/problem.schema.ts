import { z } from 'zod';

const text = (
  max: number,
  required?: 'problems.form.title.required' | 'problems.form.description.required',
) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'common.form.invalid' })
    .refine((v) => v.length <= max, { message: 'organisations.form.tooLong' });

export const problemSchema = z.object({
  title: text(200, 'problems.form.title.required'),
  description: text(5000, 'problems.form.description.required'),
  affected: text(1000),
  evidence: text(3000),
  proposals: text(3000),
});

export const publicProblemSchema = problemSchema
  .extend({
    contactName: text(120),
    contactEmail: z
      .string()
      .default('')
      .transform((v) => v.trim().toLowerCase())
      .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
        message: 'organisations.form.email.invalid',
      }),
    consent: z
      .string()
      .optional()
      .transform((v) => v === '1' || v === 'on'),
    /** Hidden from people; bots fill it in. */
    website: z.string().default(''),
    renderedAt: z.coerce.number().default(0),
  })
  .superRefine((v, ctx) => {
    if (v.contactEmail && !v.consent)
      ctx.addIssue({ code: 'custom', path: ['consent'], message: 'problems.form.consent.required' });
  });
