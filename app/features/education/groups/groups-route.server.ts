import { data } from 'react-router';
import type { Db } from '../../../../db/client.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import { type FieldErrors, formValues } from '../../../lib/forms.ts';
import { requireActor, services, throwAppError } from '../../../lib/request.server.ts';
import { canSeeGroups, isEducationStaff } from './groups.policy.ts';
import { type GroupRow, requireGroup } from './groups.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

export type GroupFailure = { ok: false; intent: string; errors: FieldErrors; values: Record<string, string> };

export function failure(form: FormData, errors: FieldErrors, status = 400) {
  return data<GroupFailure>(
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
      const errors: FieldErrors = { ...error.fieldErrors };
      if (!errors._form) errors._form = error.messageKey;
      return failure(form, errors, error.status);
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export type EducationCtx = { actor: Actor; locality: ActorLocality; db: Db; staff: boolean };

/** Staff and leaders; anyone else → 403. */
export async function requireGroupsReader(args: Args): Promise<EducationCtx> {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  if (!canSeeGroups(actor, locality)) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return { actor, locality, db: services(args.context).db, staff: isEducationStaff(actor, locality) };
}

/** One group the actor may run (404 for another locality's or an unknown id, 403 for a leader's other groups). */
export async function loadGroup(
  args: Args & { params: { groupId?: string } },
): Promise<EducationCtx & { group: GroupRow; base: string }> {
  const c = await requireGroupsReader(args);
  try {
    const group = await requireGroup(c.db, c, args.params.groupId ?? '');
    return { ...c, group, base: `/app/${c.locality.slug}/education/groups/${group.id}` };
  } catch (e) {
    if (e instanceof AppError) throwAppError(e);
    throw e;
  }
}
