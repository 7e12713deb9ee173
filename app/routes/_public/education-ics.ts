import { sessionsOfPerson } from '../../features/education/groups/groups.queries.server.ts';
import { feedOwner } from '../../features/education/groups/groups.server.ts';
import { sessionsIcs } from '../../features/education/groups/groups-ics.ts';
import { CONTENT_TYPES } from '../../lib/documents/download.ts';
import { services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-ics';

/**
 * A person's calendar feed (their groups' sessions) at a secret URL `/ics/<token>.ics`: calendar
 * apps cannot sign in. The token is stored hashed; an unknown or revoked one is a plain 404.
 */
export async function loader(args: Route.LoaderArgs) {
  const raw = args.params.token ?? '';
  const token = raw.endsWith('.ics') ? raw.slice(0, -4) : '';
  const { db } = services(args.context);
  const owner = token ? await feedOwner(db, token) : null;
  if (!owner)
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const sessions = await sessionsOfPerson(db, owner.localityId, owner.personId);
  const ics = sessionsIcs(sessions, { calendarName: 'Splot' });
  return new Response(ics, {
    headers: {
      'Content-Type': CONTENT_TYPES.ics,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
