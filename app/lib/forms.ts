import type { z } from 'zod';
import type { FieldError } from './errors.ts';
import { CATALOGS, type MessageKey } from './i18n/catalog.ts';

export type { FieldError };
export type FieldErrors = Partial<Record<string, FieldError>>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

function isMessageKey(value: string): value is MessageKey {
  return value in CATALOGS.pl;
}

/** Reads a form into plain strings (repeated names keep their last value; files are ignored). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  }
  return values;
}

/**
 * Validates a submitted form with a Zod schema whose messages are message ids.
 * Errors come back per field in the user's language, with the input kept for re-display.
 */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): FormResult<z.output<S>> {
  const values = formValues(form);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    const key = isMessageKey(issue.message) ? issue.message : 'common.form.invalid';
    const params =
      issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined;
    errors[field] = params ? { key, values: params } : key;
  }
  return { ok: false, errors, values };
}

export function formFailure(errors: FieldErrors, values: Record<string, string>): FormFailure {
  return { ok: false, errors, values };
}
