import { data, type RouterContextProvider } from 'react-router';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues } from '../../lib/forms.ts';
import { requireActor, services, throwAppError } from '../../lib/request.server.ts';
import { clubAbilities } from './club.policy.ts';
import { getClub } from './club.queries.server.ts';
import type { Ctx } from './club-access.server.ts';

type Args = {
  request: Request;
  context: Readonly<RouterContextProvider>;
  params: { locality: string; clubId: string };
};

/**
 * The club named in the URL, for a page of the club: the actor (404 for another locality),
 * what they may do, and the club of this locality (404 for an unknown or foreign id).
 */
export async function loadClub(args: Args, need: 'view' | 'manage' | 'seeMembers' = 'view') {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  const abilities = clubAbilities(actor, locality);
  if (!abilities[need]) throw new AppError('FORBIDDEN', 'errors.403.body');
  const { db } = services(args.context);
  const club = await getClub(db, { localityId: locality.localityId, clubId: args.params.clubId });
  if (!club) throw new AppError('NOT_FOUND', 'errors.404.body');
  const ctx: Ctx = { actor, locality };
  return {
    ctx,
    db,
    club,
    abilities,
    locality,
    base: `/app/${locality.slug}/club/${club.id}`,
  };
}

export type ActionFailure = {
  ok: false;
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

export function failure(form: FormData, errors: FieldErrors, status = 400) {
  return data<ActionFailure>(
    { ok: false, intent: String(form.get('intent') ?? ''), errors, values: formValues(form) },
    { status },
  );
}

/**
 * Runs a form's use case: rule and input failures come back to the same page with a message
 * per field (status 400/409/422), other errors go to the error page.
 */
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
