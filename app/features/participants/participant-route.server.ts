import { data } from 'react-router';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues } from '../../lib/forms.ts';
import { requireActor, services, throwAppError } from '../../lib/request.server.ts';
import { canReadParticipants } from './participants.policy.ts';
import { getParticipant } from './participants.queries.server.ts';
import { auditParticipantRead, refuseParticipantRead } from './participants.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

export type ParticipantFailure = {
  ok: false;
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

/** A form failure shown on the same page (the shape every participant form returns). */
export function failure(form: FormData, errors: FieldErrors, status = 400) {
  return data<ParticipantFailure>(
    { ok: false, intent: String(form.get('intent') ?? ''), errors, values: formValues(form) },
    { status },
  );
}

/** Runs a form's use case: input and rule failures come back as field errors, others to the error page. */
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

/** The actor and locality for the participant pages; anyone else gets 403. */
export async function requireReader(
  args: Args,
  opts: { auditRefusal?: boolean } = {},
): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canReadParticipants(r.actor, r.locality)) {
    if (opts.auditRefusal)
      await refuseParticipantRead(services(args.context).db, { ...r, id: null, reason: 'role' });
    throw new AppError('FORBIDDEN', 'errors.403.body');
  }
  return r;
}

/**
 * One participant's record read by staff: the read is audited; a refused read (another role,
 * an id unknown here) is audited too and answered 403 / 404.
 */
export async function readParticipant(args: Args, personId: string, purpose: string) {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  const db = services(args.context).db;
  const ctx = { actor, locality, id: personId };
  if (!canReadParticipants(actor, locality)) {
    await refuseParticipantRead(db, { ...ctx, reason: 'role' });
    throw new AppError('FORBIDDEN', 'errors.403.body');
  }
  const row = await getParticipant(db, { localityId: locality.localityId, id: personId });
  if (!row) {
    await refuseParticipantRead(db, { ...ctx, reason: 'unknown' });
    throw new AppError('NOT_FOUND', 'errors.404.body');
  }
  await auditParticipantRead(db, { ...ctx, purpose });
  return { actor, locality, db, row };
}
