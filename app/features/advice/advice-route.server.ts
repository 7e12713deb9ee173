import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import { canReadAdvice, canRecordAdvice, canUseCalendar } from './advice.policy.ts';
import type { Notify } from './appointments.server.ts';

type Args = Parameters<typeof requireActor>[0] & { params: { locality: string } };

export { failure, handleForm } from '../participants/participant-route.server.ts';

/** Staff who read the advice register (advisors, coordinators, animators, a platform admin). */
export async function requireAdviceReader(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canReadAdvice(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/** Advisors of the locality, who record and correct sessions. */
export async function requireAdvisor(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canRecordAdvice(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/** Staff, partner representatives and enterprise members (the calendar). */
export async function requireCalendarUser(args: Args): Promise<{ actor: Actor; locality: ActorLocality }> {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canUseCalendar(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

/** Mail for booking and request notices, with links to this deployment. */
export function notifyFrom(args: Args): Notify {
  const s = services(args.context);
  return { mail: s.mail, baseUrl: baseUrl(args.request, s.config) };
}
