import { data } from 'react-router';
import { AppError } from '../../../lib/errors.ts';
import { type FieldErrors, formValues } from '../../../lib/forms.ts';
import { throwAppError } from '../../../lib/request.server.ts';

export type FeedbackFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };

/** A form failure shown on the same page. */
export function failure(form: FormData, errors: FieldErrors, status = 400) {
  return data<FeedbackFailure>({ ok: false, errors, values: formValues(form) }, { status });
}

/** Runs a form's use case: input and rule failures come back to the form, others to the error page. */
export async function handleForm<T>(form: FormData, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      const errors = Object.keys(error.fieldErrors).length ? error.fieldErrors : { _form: error.messageKey };
      return failure(form, errors, error.status);
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}
