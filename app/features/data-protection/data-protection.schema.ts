import { z } from 'zod';
import { NOTE_MAX } from './erasure.rules.ts';

/** The coordinator's erasure form: a tick that it cannot be undone and an optional note. */
export const eraseSchema = z.object({
  confirm: z.literal('yes', { message: 'participants.dp.erasure.confirm.required' }),
  note: z.string().trim().max(NOTE_MAX, 'participants.dp.erasure.note.tooLong').default(''),
  requestId: z.string().trim().default(''),
});

/** Refusing a request: the reason the person will read. */
export const refuseSchema = z.object({
  requestId: z.string().trim().min(1, 'participants.dp.erasure.invalid'),
  reason: z
    .string()
    .trim()
    .min(1, 'participants.dp.erasure.reason.required')
    .max(NOTE_MAX, 'participants.dp.erasure.note.tooLong'),
});
