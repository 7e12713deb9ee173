import { sessionsOfGroup } from '../../features/education/groups/groups.queries.server.ts';
import { sessionsIcs } from '../../features/education/groups/groups-ics.ts';
import { loadGroup } from '../../features/education/groups/groups-route.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { runResource, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/education-group-ics';

/** The group's sessions as a calendar (signed-in staff or the group's leader). */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { db, group, base } = await loadGroup(args);
    const sessions = await sessionsOfGroup(db, group.id);
    const ics = sessionsIcs(
      sessions.map((s) => ({ ...s, groupName: group.name })),
      { calendarName: group.name, url: `${baseUrl(args.request, services(args.context).config)}${base}` },
    );
    return fileResponse(new TextEncoder().encode(ics), {
      filename: 'grupa.ics',
      contentType: CONTENT_TYPES.ics,
    });
  });
}
