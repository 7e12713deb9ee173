import { activitiesBetween } from '../../features/club/activities.queries.server.ts';
import type { ActivityKind } from '../../features/club/club.rules.ts';
import { addDays } from '../../features/club/club-dates.ts';
import { loadClub } from '../../features/club/club-route.server.ts';
import { warsawInstant } from '../../features/club/club-time.ts';
import { CONTENT_TYPES, contentDisposition } from '../../lib/documents/download.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { toIcs } from '../../lib/ics.ts';
import { i18nOf, runResource } from '../../lib/request.server.ts';
import type { Route } from './+types/club-calendar';

/** The club's upcoming activities (the next year) as an iCalendar feed; cancelled ones are marked so. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { db, club, locality } = await loadClub(args);
    const { t } = i18nOf(args.context);
    const today = todayInWarsaw();
    const activities = await activitiesBetween(db, {
      localityId: locality.localityId,
      clubId: club.id,
      from: warsawInstant(today),
      to: warsawInstant(addDays(today, 366)),
    });
    const origin = new URL(args.request.url).origin;
    const ics = toIcs(
      activities.map((a) => ({
        uid: `club-activity-${a.id}@splot`,
        start: new Date(a.startsAt),
        end: new Date(a.endsAt),
        summary: a.title,
        description: [t(`club.activity.kind.${a.kind as ActivityKind}`), a.leaderName, a.description]
          .filter(Boolean)
          .join('\n'),
        location: a.place || club.premisesAddress || undefined,
        url: `${origin}/app/${locality.slug}/club/${club.id}/activities/${a.id}`,
        status: a.cancelled ? ('CANCELLED' as const) : ('CONFIRMED' as const),
      })),
      { method: 'PUBLISH', calendarName: `${club.name} – ${locality.name}` },
    );
    return new Response(ics, {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES.ics,
        'Content-Disposition': contentDisposition(`${club.name}.ics`),
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
