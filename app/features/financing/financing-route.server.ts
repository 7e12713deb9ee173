import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../../lib/request.server.ts';
import {
  canManageFinancing,
  canReadNiches,
  grantReaderOrganisations,
  offerAccess,
} from './financing.policy.ts';

export { failure, handleForm } from '../participants/participant-route.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };
type Ctx = { actor: Actor; locality: ActorLocality };

/** Coordinators, advisors (and platform admins); anyone else 403, another locality 404. */
export async function requireFinancingManager(args: Args): Promise<Ctx> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageFinancing(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/** Readers of niches: managers and animators. */
export async function requireNicheReader(args: Args): Promise<Ctx> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canReadNiches(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/** Readers of offers, with what they may see. */
export async function requireOfferReader(args: Args): Promise<Ctx & { access: 'all' | 'own+open' | 'open' }> {
  const r = await requireActor(args, { locality: args.params.locality });
  const access = offerAccess(r.actor, r.locality);
  if (!access) throw new AppError('FORBIDDEN', 'errors.403.body');
  return { ...r, access };
}

/** Readers of grants: managers (all) or enterprise members (their enterprise's only). */
export async function requireGrantReader(args: Args): Promise<Ctx & { organisations: string[] | null }> {
  const r = await requireActor(args, { locality: args.params.locality });
  const organisations = grantReaderOrganisations(r.actor, r.locality);
  if (organisations !== null && organisations.length === 0)
    throw new AppError('FORBIDDEN', 'errors.403.body');
  return { ...r, organisations };
}
