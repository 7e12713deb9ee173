import { meetingIcs } from '../../features/meetings/meeting-ics.ts';
import { meetingForPage } from '../../features/meetings/meeting-route.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { runResource, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/meeting-ics';

/** The meeting as a calendar file for the organiser's own calendar (same UID as the invitations). */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { actor, locality, partnership, meeting } = await meetingForPage(args, { manage: true });
    const url = `${baseUrl(args.request, services(args.context).config)}/app/${locality.slug}/partnerships/${partnership.id}/meetings/${meeting.id}`;
    const ics = meetingIcs(meeting, { organizer: { name: actor.name, email: actor.email }, url });
    return fileResponse(new TextEncoder().encode(ics), {
      filename: 'spotkanie.ics',
      contentType: CONTENT_TYPES.ics,
    });
  });
}
