import { data } from 'react-router';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { AppError, type FieldError } from '../../../lib/errors.ts';
import { formValues } from '../../../lib/forms.ts';
import { requireActor, throwAppError } from '../../../lib/request.server.ts';
import { canManageLeaders, canSeeCascade } from './leaders.policy.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

/** The actor and locality for the leaders' pages (Centre staff); anyone else gets 403. */
export async function requireLeadersStaff(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageLeaders(r.actor, r.locality)) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return r;
}

export async function requireCascadeReader(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canSeeCascade(r.actor, r.locality)) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return r;
}

export type LeadersFailure = {
  ok: false;
  intent: string;
  errors: Record<string, FieldError>;
  values: Record<string, string>;
};

/**
 * Runs a form's use case: a rule refusal comes back on the page with its figures (the whole
 * explanation of what is missing); other errors go to the error page.
 */
export async function handleLeadersForm<T>(form: FormData, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      const errors: Record<string, FieldError> = Object.keys(error.fieldErrors).length
        ? (error.fieldErrors as Record<string, FieldError>)
        : { _form: { key: error.messageKey, values: error.values } };
      return data<LeadersFailure>(
        { ok: false, intent: String(form.get('intent') ?? ''), errors, values: formValues(form) },
        { status: error.status },
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}
