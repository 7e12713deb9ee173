import { data } from 'react-router';
import { AppError } from '../../../lib/errors.ts';
import { type FieldErrors, formValues } from '../../../lib/forms.ts';
import { requireActor, throwAppError } from '../../../lib/request.server.ts';
import { canManageEducation, canReadProgrammes } from './programmes.policy.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

export type EducationFailure = {
  ok: false;
  intent: string;
  /** Which row the failed form was about (a module being edited). */
  target: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

export function failure(form: FormData, errors: FieldErrors, status = 400) {
  return data<EducationFailure>(
    {
      ok: false,
      intent: String(form.get('intent') ?? ''),
      target: String(form.get('moduleId') ?? ''),
      errors,
      values: formValues(form),
    },
    { status },
  );
}

/** Runs a form's use case: input and rule failures come back as field errors, others to the error page. */
export async function handleForm<T>(form: FormData, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      const errors = Object.keys(error.fieldErrors).length
        ? error.fieldErrors
        : { _form: { key: error.messageKey, values: error.values } };
      return failure(form, errors, error.status);
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

/** Staff and leaders read programmes; anyone else gets 403. */
export async function requireProgrammeReader(args: Args) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canReadProgrammes(r.actor, r.locality)) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return { ...r, canManage: canManageEducation(r.actor, r.locality) };
}

/** Everyone with a role in the locality opens the library; what they see depends on the role. */
export async function requireLibraryReader(args: Args) {
  const r = await requireActor(args, { locality: args.params.locality });
  return { ...r, canManage: canManageEducation(r.actor, r.locality) };
}

export function isResponse(value: unknown): value is Response {
  return value instanceof Response;
}

/** The uploaded file of a multipart form, or null when none was chosen. */
export async function uploadedFile(
  form: FormData,
  name = 'file',
): Promise<{ name: string; type: string; bytes: Uint8Array } | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}
