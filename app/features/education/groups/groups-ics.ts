import { type IcsEvent, toIcs } from '../../../lib/ics.ts';

export type IcsSession = {
  id: string;
  startsAt: Date | string;
  minutes: number;
  place: string;
  cancelled: boolean;
  version: number;
  groupName: string;
};

/** A stable UID per session: the same in the group's and the person's feeds. */
export function sessionUid(id: string): string {
  return `study-session-${id}@splot`;
}

/** Sessions as a subscribable feed (METHOD:PUBLISH, no attendees); SEQUENCE follows the session's version. */
export function sessionsIcs(sessions: IcsSession[], opts: { calendarName: string; url?: string }): string {
  const events: IcsEvent[] = sessions.map((s) => {
    const start = new Date(s.startsAt);
    return {
      uid: sessionUid(s.id),
      start,
      end: new Date(start.getTime() + s.minutes * 60_000),
      summary: s.groupName,
      ...(s.place ? { location: s.place } : {}),
      ...(opts.url ? { url: opts.url } : {}),
      sequence: Math.max(0, s.version - 1),
      status: s.cancelled ? 'CANCELLED' : 'CONFIRMED',
    };
  });
  return toIcs(events, { method: 'PUBLISH', calendarName: opts.calendarName });
}
