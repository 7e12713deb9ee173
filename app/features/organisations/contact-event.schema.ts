import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import { CONTACT_CHANNELS } from './organisation.schema.ts';

const uuidOrNull = (message: 'organisations.events.contact.invalid' | 'organisations.events.owner.invalid') =>
  z
    .string()
    .default('')
    .transform((v) => v.trim() || null)
    .refine((v) => v === null || /^[0-9a-f-]{36}$/i.test(v), { message });

export const contactEventSchema = z.object({
  happenedOn: requiredDateField('organisations.events.date.required', 'organisations.events.date.invalid'),
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
  followUpDue: optionalDateField('organisations.events.date.invalid'),
  followUpOwnerId: uuidOrNull('organisations.events.owner.invalid'),
});
