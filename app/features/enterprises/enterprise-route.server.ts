import type { Db } from '../../../db/client.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { requireActor, services } from '../../lib/request.server.ts';
import { AT_RISK_PARAMETER, type AtRiskParameter } from '../participants/side.rules.ts';
import type { PersonOption } from './components/job-form.tsx';
import { canReadAllEnterprises, memberOrganisations } from './enterprises.policy.ts';
import { peopleOptions } from './enterprises.queries.server.ts';
import type { Recheck } from './enterprises.server.ts';

export { failure, handleForm } from '../participants/participant-route.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

/**
 * The actor for the enterprise pages: staff see every enterprise (`organisations` null); an
 * enterprise member sees only the enterprises of the organisations they speak for; anyone
 * else gets 403.
 */
export async function requireEnterpriseReader(
  args: Args,
): Promise<{ actor: Actor; locality: ActorLocality; organisations: string[] | null }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (canReadAllEnterprises(r.actor, r.locality)) return { ...r, organisations: null };
  const own = memberOrganisations(r.locality);
  if (own.length === 0) throw new AppError('FORBIDDEN', 'errors.403.body');
  return { ...r, organisations: own };
}

/** The status re-check's mail queue and link base for a request. */
export function recheckOptions(args: { request: Request; context: Args['context'] }, today: string): Recheck {
  const s = services(args.context);
  return { mail: s.mail, baseUrl: s.config.publicUrl ?? new URL(args.request.url).origin, today };
}

/**
 * What the job and member forms offer: the locality's people and the at-risk categories in
 * force today (nothing for those who may not edit).
 */
export async function personFormOptions(
  db: Db,
  opts: { localityId: string; today: string; canEdit: boolean },
): Promise<{ people: PersonOption[]; categories: string[] }> {
  if (!opts.canEdit) return { people: [], categories: [] };
  const [people, categories] = await Promise.all([
    peopleOptions(db, opts.localityId),
    legalParameter<AtRiskParameter>(db, AT_RISK_PARAMETER, opts.today),
  ]);
  return { people, categories: categories.value.categories.map((c) => c.key) };
}
