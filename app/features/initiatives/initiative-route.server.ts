import { data } from 'react-router';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues } from '../../lib/forms.ts';
import { requireActor } from '../../lib/request.server.ts';
import { handleForm } from '../participants/participant-route.server.ts';
import { MoveRefused } from './advance-initiative-stage.server.ts';
import type { Missing } from './initiative-stages.rules.ts';
import { canCreateInitiatives, canManageInitiatives, canReadInitiatives } from './initiatives.policy.ts';

export { failure, handleForm } from '../participants/participant-route.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };
type Ctx = { actor: Actor; locality: ActorLocality; canManage: boolean };

/** Staff who read initiatives (coordinators, advisors, animators); anyone else 403, another locality 404. */
export async function requireInitiativeReader(args: Args): Promise<Ctx> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canReadInitiatives(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return { ...r, canManage: canManageInitiatives(r.actor, r.locality) };
}

export async function requireInitiativeCreator(args: Args): Promise<Ctx> {
  const r = await requireInitiativeReader(args);
  if (!canCreateInitiatives(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

export type RefusedMove = {
  ok: false;
  intent: string;
  refused: Missing[];
  values: Record<string, string>;
  errors: FieldErrors;
};

/** Like `handleForm`, and a refused stage move comes back as the list of what is missing. */
export async function handleMove<T>(form: FormData, fn: () => Promise<T>) {
  try {
    return await handleForm(form, fn);
  } catch (error) {
    if (error instanceof MoveRefused)
      return data<RefusedMove>(
        {
          ok: false,
          intent: String(form.get('intent') ?? ''),
          refused: error.missing,
          values: formValues(form),
          errors: {},
        },
        { status: 422 },
      );
    throw error;
  }
}
