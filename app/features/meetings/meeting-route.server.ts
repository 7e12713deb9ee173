import type { RouterContextProvider } from 'react-router';
import { AppError } from '../../lib/errors.ts';
import { requireActor, services } from '../../lib/request.server.ts';
import { getPartnership } from '../partnerships/partnerships.queries.server.ts';
import { canManageMeetings, canViewMeetings } from './meetings.policy.ts';
import { getMeeting } from './meetings.queries.server.ts';

type Args = {
  request: Request;
  context: Readonly<RouterContextProvider>;
  params: { locality: string; partnershipId: string; meetingId?: string };
};

/**
 * What every meetings page starts with: the actor in this locality, allowed to see meetings
 * (or to manage them, when `manage`), and the partnership of this locality named in the URL.
 */
export async function partnershipForMeetings(args: Args, opts: { manage?: boolean } = {}) {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  const allowed = opts.manage ? canManageMeetings(actor, locality) : canViewMeetings(actor, locality);
  if (!allowed) throw new AppError('FORBIDDEN', 'errors.403.body');
  const { db } = services(args.context);
  const partnership = await getPartnership(db, {
    localityId: locality.localityId,
    id: args.params.partnershipId,
  });
  if (!partnership) throw new AppError('NOT_FOUND', 'errors.404.body');
  return { actor, locality, db, partnership, canManage: canManageMeetings(actor, locality) };
}

/** The same, plus the meeting of that partnership named in the URL. */
export async function meetingForPage(args: Args, opts: { manage?: boolean } = {}) {
  const base = await partnershipForMeetings(args, opts);
  const meeting = await getMeeting(base.db, {
    localityId: base.locality.localityId,
    partnershipId: base.partnership.id,
    id: args.params.meetingId ?? '',
  });
  if (!meeting) throw new AppError('NOT_FOUND', 'errors.404.body');
  return { ...base, meeting };
}
