import { z } from 'zod';
import { LEGAL_BASES } from '../organisations/organisation.schema.ts';

export { LEGAL_BASES };
export type LegalBasis = (typeof LEGAL_BASES)[number];

const name = (required: 'club.people.givenName.required' | 'club.people.familyName.required') =>
  z
    .string({ message: required })
    .default('')
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .refine((v) => v.length > 0, { message: required })
    .refine((v) => v.length <= 100, { message: 'club.form.tooLong' });

/** A phone number as people type it: digits with spaces, dashes, dots or brackets, an optional leading +. */
export function normalisePhone(raw: string): string | null {
  const v = raw.trim().replace(/\s+/g, ' ');
  if (v === '') return '';
  if (!/^\+?[\d\s().-]+$/.test(v)) return null;
  const digits = v.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return null;
  return v;
}

/**
 * The minimum record of a person (a club member, a meeting guest): names, optional contact,
 * and the GDPR art. 6 basis for keeping it. Messages are message ids.
 */
export const personSchema = z.object({
  givenName: name('club.people.givenName.required'),
  familyName: name('club.people.familyName.required'),
  email: z
    .string()
    .default('')
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => v === '' || (v.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)), {
      message: 'club.people.email.invalid',
    }),
  phone: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const phone = normalisePhone(v);
      if (phone === null) {
        ctx.addIssue({ code: 'custom', message: 'club.people.phone.invalid' });
        return z.NEVER;
      }
      return phone;
    }),
  legalBasis: z.enum(LEGAL_BASES, { message: 'club.people.basis.required' }),
  basisNote: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= 500, { message: 'club.form.tooLong' }),
});
export type PersonInput = z.output<typeof personSchema>;
/** What a form or a caller hands over before validation. */
export type PersonFields = Partial<Record<keyof PersonInput, string>>;

/** The person fields of a submitted form (other fields of the same form are left out). */
export function personFields(values: Record<string, string>, prefix = ''): PersonFields {
  const out: PersonFields = {};
  for (const k of ['givenName', 'familyName', 'email', 'phone', 'legalBasis', 'basisNote'] as const) {
    const v = values[`${prefix}${k}`];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
