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

/**
 * A typed amount in PLN as a decimal string with at most 2 decimals ("1234.50"), or null when
 * empty. Accepts the Polish way ("1 234,50", "1234,5 zł") and the dot; rejects anything else,
 * including negative amounts unless `allowNegative`.
 */
export function parsePlnInput(
  raw: string,
  opts: { allowNegative?: boolean } = {},
): string | null | 'invalid' {
  const clean = raw
    .replace(/[\s\u00a0]/g, '')
    .replace(/(zł|pln)$/i, '')
    .replace(',', '.');
  if (!clean) return null;
  const pattern = opts.allowNegative ? /^-?\d{1,12}(\.\d{1,2})?$/ : /^\d{1,12}(\.\d{1,2})?$/;
  if (!pattern.test(clean)) return 'invalid';
  const [whole, frac = ''] = clean.split('.');
  return `${whole}.${frac.padEnd(2, '0')}`;
}

/** An optional amount in PLN (see parsePlnInput): null when empty. */
export function optionalPlnField(invalid: MessageKey, opts: { allowNegative?: boolean } = {}) {
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      const parsed = parsePlnInput(v, opts);
      if (parsed === 'invalid') {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return parsed;
    });
}

/** A required amount in PLN (see parsePlnInput): one message when empty, another when malformed. */
export function requiredPlnField(
  required: MessageKey,
  invalid: MessageKey,
  opts: { allowNegative?: boolean } = {},
) {
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      const parsed = parsePlnInput(v, opts);
      if (parsed === null || parsed === 'invalid') {
        ctx.addIssue({ code: 'custom', message: parsed === null ? required : invalid });
        return z.NEVER;
      }
      return parsed;
    });
}

/**
 * A decimal number typed with a comma or a dot ("0,5", "0.75"), with at most `decimals`
 * decimals, as a number; null when empty, 'invalid' when malformed.
 */
export function parseDecimalInput(raw: string, decimals = 2): number | null | 'invalid' {
  const clean = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!clean) return null;
  if (!new RegExp(`^\\d{1,9}(\\.\\d{1,${decimals}})?$`).test(clean)) return 'invalid';
  return Number(clean);
}
