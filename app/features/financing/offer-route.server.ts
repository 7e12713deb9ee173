import type { Db } from '../../../db/client.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { canManageFinancing, offerOrganisations } from './financing.policy.ts';
import { linkOptions } from './financing-common.server.ts';

/** The selects of the offer form: staff choose any organisation, a partner representative their own. */
export async function offerFormOptions(db: Db, ctx: { actor: Actor; locality: ActorLocality }) {
  const links = await linkOptions(db, ctx.locality.localityId);
  const own = offerOrganisations(ctx.locality);
  const organisations = (
    canManageFinancing(ctx.actor, ctx.locality)
      ? links.organisations
      : links.organisations.filter((o) => own.includes(o.id))
  ).map((o) => ({ id: o.id, name: o.name }));
  return { organisations, enterprises: links.enterprises, initiatives: links.initiatives };
}
