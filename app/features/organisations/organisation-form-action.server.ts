import { data, type RouterContextProvider } from 'react-router';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, services, throwAppError } from '../../lib/request.server.ts';
import { organisationSchema } from './organisation.schema.ts';
import { saveOrganisation } from './save-organisation.server.ts';

export type OrganisationFormFailure = {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  similar?: { id: string; name: string }[];
};

/** The shared action of the create and edit forms: validate, save, or explain. */
export async function handleOrganisationForm(opts: {
  request: Request;
  context: Readonly<RouterContextProvider>;
  actor: Actor;
  locality: ActorLocality;
  id?: string;
}) {
  const form = await opts.request.formData();
  const parsed = parseForm(form, organisationSchema);
  if (!parsed.ok) return data<OrganisationFormFailure>(parsed, { status: 400 });
  try {
    const result = await saveOrganisation(services(opts.context).db, {
      actor: opts.actor,
      locality: opts.locality,
      id: opts.id,
      input: parsed.data,
      today: todayInWarsaw(),
    });
    if (!result.ok) {
      return data<OrganisationFormFailure>(
        { ok: false, errors: {}, values: formValues(form), similar: result.similar },
        { status: 409 },
      );
    }
    return redirectWithFlash(opts.context, `/app/${opts.locality.slug}/organisations/${result.id}`, {
      kind: 'success',
      key: opts.id ? 'organisations.saved' : 'organisations.created',
    });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'BAD_REQUEST')) {
      const errors: FieldErrors = Object.keys(error.fieldErrors).length
        ? error.fieldErrors
        : { _form: error.messageKey };
      return data<OrganisationFormFailure>(
        { ok: false, errors, values: formValues(form) },
        { status: error.status },
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}
