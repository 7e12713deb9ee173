import { z } from 'zod';
import { normalisePhone } from '../people/person.schema.ts';

const name = (required: 'me.data.givenName.required' | 'me.data.familyName.required') =>
  z
    .string()
    .default('')
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .refine((v) => v.length > 0, { message: required })
    .refine((v) => v.length <= 100, { message: 'me.data.tooLong' });

/** What a participant may correct about themselves: names and contact (messages are message ids). */
export const selfUpdateSchema = z.object({
  givenName: name('me.data.givenName.required'),
  familyName: name('me.data.familyName.required'),
  email: z
    .string()
    .default('')
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => v === '' || (v.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)), {
      message: 'me.data.email.invalid',
    }),
  phone: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const phone = normalisePhone(v);
      if (phone === null) {
        ctx.addIssue({ code: 'custom', message: 'me.data.phone.invalid' });
        return z.NEVER;
      }
      return phone;
    }),
});
export type SelfUpdateInput = z.output<typeof selfUpdateSchema>;

export const erasureSchema = z.object({
  confirm: z
    .string()
    .default('')
    .refine((v) => v === 'yes' || v === 'on', { message: 'me.erasure.confirm.required' }),
});
