import { type IcsEvent, type IcsMethod, type IcsPerson, toIcs } from '../../lib/ics.ts';

export type IcsMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  agenda: string;
  icsSequence: number;
};

/** The calendar UID of a meeting: the same for every invitation, update and cancellation of it. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@splot`;
}

export const ICS_FILENAME = 'spotkanie.ics';

function event(
  meeting: IcsMeeting,
  opts: { organizer?: IcsPerson; attendees?: IcsPerson[]; description?: string; url?: string },
): IcsEvent {
  return {
    uid: meetingUid(meeting.id),
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: meeting.title,
    description: opts.description ?? meeting.agenda,
    location: meeting.place || undefined,
    url: opts.url,
    organizer: opts.organizer,
    attendees: opts.attendees,
    sequence: meeting.icsSequence,
    status: 'CONFIRMED',
  };
}

/**
 * The calendar invitation sent to one invitee (METHOD:REQUEST): only that person as attendee,
 * so nobody learns the other invitees' addresses from the attachment.
 */
export function invitationIcs(
  meeting: IcsMeeting,
  opts: { organizer: IcsPerson; attendee: IcsPerson; description?: string; dtstamp?: Date },
): string {
  return calendar(meeting, 'REQUEST', { ...opts, attendees: [opts.attendee] });
}

/** The cancellation of an invitation (METHOD:CANCEL), with a raised SEQUENCE. */
export function cancellationIcs(
  meeting: IcsMeeting,
  opts: { organizer: IcsPerson; attendee: IcsPerson; dtstamp?: Date },
): string {
  return calendar(meeting, 'CANCEL', { ...opts, attendees: [opts.attendee] });
}

/** The organiser's own copy of the meeting to import into a calendar (METHOD:PUBLISH, no attendees). */
export function meetingIcs(
  meeting: IcsMeeting,
  opts: { organizer?: IcsPerson; url?: string; dtstamp?: Date } = {},
): string {
  return calendar(meeting, 'PUBLISH', opts);
}

function calendar(
  meeting: IcsMeeting,
  method: IcsMethod,
  opts: {
    organizer?: IcsPerson;
    attendees?: IcsPerson[];
    description?: string;
    url?: string;
    dtstamp?: Date;
  },
): string {
  return toIcs([event(meeting, opts)], { method, dtstamp: opts.dtstamp });
}

/** The content type of an e-mail attachment: its method must match the calendar's. */
export function icsContentType(method: IcsMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}
