import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../lib/request.server.ts';
import { canManageVolunteers, hostOrganisations } from './volunteers.policy.ts';

export { failure, handleForm } from '../participants/participant-route.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

/** The actor and locality for the register's staff pages (register, agreement PDF); anyone else gets 403. */
export async function requireVolunteerStaff(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageVolunteers(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/**
 * The actor for the register and a volunteer's page: the staff see everyone (`organisations`
 * null); a partner representative sees only the volunteers of the organisations they speak for,
 * to log their hours; anyone else gets 403.
 */
export async function requireVolunteerReader(
  args: Args,
): Promise<{ actor: Actor; locality: ActorLocality; organisations: string[] | null }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (canManageVolunteers(r.actor, r.locality)) return { ...r, organisations: null };
  const hosts = hostOrganisations(r.locality);
  if (hosts.length === 0) throw new AppError('FORBIDDEN', 'errors.403.body');
  return { ...r, organisations: hosts };
}
