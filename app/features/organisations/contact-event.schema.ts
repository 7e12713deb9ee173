import { z } from 'zod';
import { parseDateInput } from '../../lib/dates.ts';
import { CONTACT_CHANNELS } from './organisation.schema.ts';

const uuidOrNull = (message: 'organisations.events.contact.invalid' | 'organisations.events.owner.invalid') =>
  z
    .string()
    .default('')
    .transform((v) => v.trim() || null)
    .refine((v) => v === null || /^[0-9a-f-]{36}$/i.test(v), { message });

export const contactEventSchema = z.object({
  happenedOn: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const iso = parseDateInput(v);
      if (!iso) {
        ctx.addIssue({
          code: 'custom',
          message: v.trim() ? 'organisations.events.date.invalid' : 'organisations.events.date.required',
        });
        return z.NEVER;
      }
      return iso;
    }),
  channel: z.enum(CONTACT_CHANNELS, { message: 'organisations.events.channel.required' }),
  summary: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'organisations.events.summary.required' })
    .refine((v) => v.length <= 2000, { message: 'organisations.form.tooLong' }),
  contactId: uuidOrNull('organisations.events.contact.invalid'),
  followUp: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= 500, { message: 'organisations.form.tooLong' }),
  followUpDue: z
    .string()
    .default('')
    .transform((v, ctx) => {
      if (!v.trim()) return null;
      const iso = parseDateInput(v);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: 'organisations.events.date.invalid' });
        return z.NEVER;
      }
      return iso;
    }),
  followUpOwnerId: uuidOrNull('organisations.events.owner.invalid'),
});
