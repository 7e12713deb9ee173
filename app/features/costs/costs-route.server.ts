import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../lib/request.server.ts';
import { canReadCosts } from './costs.policy.ts';

export { failure, handleForm } from '../participants/participant-route.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

/** The actor and locality for the donations, costs and report pages; other roles get 403. */
export async function requireCostsReader(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canReadCosts(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}
