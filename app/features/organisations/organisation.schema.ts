import { z } from 'zod';
import { checkKrs, checkNip, checkRegon, type IdCheck } from './identifiers.ts';
import { DEFAULT_LEGAL_FORM, LEGAL_FORMS, ORGANISATION_KINDS } from './organisation.rules.ts';

function identifier(check: (raw: string) => IdCheck) {
  return z
    .string()
    .default('')
    .transform((raw, ctx) => {
      if (raw.trim() === '') return null;
      const r = check(raw);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.key, params: r.values });
        return z.NEVER;
      }
      return r.value;
    });
}

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= max, { message: 'organisations.form.tooLong' });

export const organisationSchema = z
  .object({
    name: z
      .string()
      .default('')
      .transform((v) => v.trim().replace(/\s+/g, ' '))
      .refine((v) => v.length > 0, { message: 'organisations.form.name.required' })
      .refine((v) => v.length <= 300, { message: 'organisations.form.tooLong' }),
    kind: z.enum(ORGANISATION_KINDS, { message: 'organisations.form.kind.required' }),
    /** Empty: the usual legal form of the kind (a parish is a church legal person, ...). */
    legalForm: z
      .union([z.literal(''), z.enum(LEGAL_FORMS)], { message: 'organisations.form.legalForm.required' })
      .default(''),
    nip: identifier(checkNip),
    regon: identifier(checkRegon),
    krs: identifier(checkKrs),
    street: text(200),
    houseNo: text(20),
    flatNo: text(20),
    postalCode: z
      .string()
      .default('')
      .transform((v) => v.replace(/\s/g, ''))
      .refine((v) => v === '' || /^\d{2}-?\d{3}$/.test(v), {
        message: 'organisations.form.postalCode.invalid',
      })
      .transform((v) => (v.length === 5 ? `${v.slice(0, 2)}-${v.slice(2)}` : v)),
    city: text(120),
    phone: text(40),
    email: z
      .string()
      .default('')
      .transform((v) => v.trim().toLowerCase())
      .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
        message: 'organisations.form.email.invalid',
      }),
    website: z
      .string()
      .default('')
      .transform((v) => v.trim())
      .transform((v) => (v && !/^https?:\/\//i.test(v) ? `https://${v}` : v))
      .refine(
        (v) => {
          if (v === '') return true;
          try {
            return Boolean(new URL(v).hostname.includes('.'));
          } catch {
            return false;
          }
        },
        { message: 'organisations.form.website.invalid' },
      ),
    notes: text(5000),
    /** Set when the person confirmed that a similarly named organisation is a different one. */
    confirmDistinct: z
      .string()
      .optional()
      .transform((v) => v === '1' || v === 'on'),
    version: z.coerce.number().int().optional(),
  })
  .transform((o) => ({ ...o, legalForm: o.legalForm || DEFAULT_LEGAL_FORM[o.kind] || 'other' }));
export type OrganisationInput = z.output<typeof organisationSchema>;

export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'public_task',
  'legitimate_interest',
] as const;

export const contactSchema = z.object({
  name: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'organisations.contacts.name.required' })
    .refine((v) => v.length <= 200, { message: 'organisations.form.tooLong' }),
  role: text(120),
  email: z
    .string()
    .default('')
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: 'organisations.form.email.invalid',
    }),
  phone: text(40),
  legalBasis: z.enum(LEGAL_BASES, { message: 'organisations.contacts.basis.required' }),
  basisNote: text(500),
});
export type ContactInput = z.output<typeof contactSchema>;

export const CONTACT_CHANNELS = ['meeting', 'phone', 'email', 'letter', 'visit', 'other'] as const;
