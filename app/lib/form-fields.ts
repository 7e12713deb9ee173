import { z } from 'zod';
import { parseDateInput } from './dates.ts';
import type { MessageKey } from './i18n/catalog.ts';

/** A typed date that may be left empty: ISO or the Polish forms (see parseDateInput); null when empty. */
export function optionalDateField(invalid: MessageKey) {
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      if (!v.trim()) return null;
      const iso = parseDateInput(v);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return iso;
    });
}

/** A typed date that must be given: one message when empty, another when it is not a real day. */
export function requiredDateField(required: MessageKey, invalid: MessageKey) {
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      const iso = parseDateInput(v);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: v.trim() ? invalid : required });
        return z.NEVER;
      }
      return iso;
    });
}
