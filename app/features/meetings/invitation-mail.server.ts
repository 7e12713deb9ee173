import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetingParticipants, users } from '../../../db/schema/index.ts';
import { getI18n, type I18n, type Locale } from '../../lib/i18n/i18n.ts';
import type { IcsPerson } from '../../lib/ics.ts';
import type { Mail } from '../../lib/services.ts';
import { warsawParts } from './meeting.rules.ts';
import type { Ctx } from './meeting-context.server.ts';
import { meetingDate, meetingWhen } from './meeting-format.ts';
import {
  cancellationIcs,
  ICS_FILENAME,
  type IcsMeeting,
  icsContentType,
  invitationIcs,
} from './meeting-ics.ts';

/** "30.03.2026 17:00": the day and start time, for a subject line. */
function shortWhen(i18n: I18n, m: IcsMeeting): string {
  return `${meetingDate(i18n.locale, m.startsAt)} ${warsawParts(m.startsAt).time}`;
}

type Recipient = { name: string; email: string; locale: Locale; isUser: boolean };

/**
 * The invitation e-mail for one invitee, in their language (Polish unless the invitee is a user
 * who chose another), with the calendar invitation attached. An update (SEQUENCE above 0) says so.
 */
export function invitationMail(opts: {
  i18n: I18n;
  meeting: IcsMeeting;
  partnershipName: string;
  organizer: IcsPerson;
  recipient: { name: string; email: string };
  /** The meeting's page, for invitees who sign in to Splot. */
  link?: string;
  dtstamp?: Date;
}): Mail {
  const { i18n, meeting: m, recipient } = opts;
  const { t } = i18n;
  const when = meetingWhen(i18n.locale, m.startsAt, m.endsAt);
  const update = m.icsSequence > 0;
  const lines = [
    t('meetings.mail.greeting'),
    '',
    t(update ? 'meetings.mail.invite.updated' : 'meetings.mail.invite.intro', {
      partnership: opts.partnershipName,
      title: m.title,
    }),
    '',
    t('meetings.mail.when', { when }),
    t('meetings.mail.place', { place: m.place || t('meetings.mail.placeUnknown') }),
  ];
  if (m.agenda) lines.push('', t('meetings.mail.agenda'), m.agenda);
  lines.push('', t('meetings.mail.attachment'));
  if (opts.link) lines.push('', t('meetings.mail.link', { link: opts.link }));
  lines.push('', t('meetings.mail.organizer', { name: opts.organizer.name, email: opts.organizer.email }));
  const ics = invitationIcs(m, {
    organizer: opts.organizer,
    attendee: { name: recipient.name || recipient.email, email: recipient.email },
    dtstamp: opts.dtstamp,
  });
  return {
    to: recipient.email,
    subject: t(update ? 'meetings.mail.update.subject' : 'meetings.mail.invite.subject', {
      title: m.title,
      date: shortWhen(i18n, m),
    }),
    text: lines.join('\n'),
    attachments: [{ filename: ICS_FILENAME, contentType: icsContentType('REQUEST'), content: ics }],
  };
}

/** The cancellation e-mail, with the calendar cancellation attached. */
export function cancellationMail(opts: {
  i18n: I18n;
  meeting: IcsMeeting;
  partnershipName: string;
  organizer: IcsPerson;
  recipient: { name: string; email: string };
  dtstamp?: Date;
}): Mail {
  const { i18n, meeting: m } = opts;
  const { t } = i18n;
  const when = meetingWhen(i18n.locale, m.startsAt, m.endsAt);
  const text = [
    t('meetings.mail.greeting'),
    '',
    t('meetings.mail.cancel.body', { partnership: opts.partnershipName, title: m.title, when }),
    '',
    t('meetings.mail.organizer', { name: opts.organizer.name, email: opts.organizer.email }),
  ].join('\n');
  const ics = cancellationIcs(m, {
    organizer: opts.organizer,
    attendee: { name: opts.recipient.name || opts.recipient.email, email: opts.recipient.email },
    dtstamp: opts.dtstamp,
  });
  return {
    to: opts.recipient.email,
    subject: t('meetings.mail.cancel.subject', { title: m.title, date: shortWhen(i18n, m) }),
    text,
    attachments: [{ filename: ICS_FILENAME, contentType: icsContentType('CANCEL'), content: ics }],
  };
}

/** The organiser named in the invitations: the person who sends them. */
export function organizerOf(ctx: Ctx): IcsPerson {
  return { name: ctx.actor.name, email: ctx.actor.email };
}

/** Participants with an e-mail address, with the language they read: their own if they are a user. */
async function recipients(
  db: Db,
  opts: { meetingId: string; invited: boolean },
): Promise<(Recipient & { id: string })[]> {
  const rows = await db
    .select({
      id: meetingParticipants.id,
      name: meetingParticipants.name,
      email: meetingParticipants.email,
      userId: meetingParticipants.userId,
      locale: users.locale,
    })
    .from(meetingParticipants)
    .leftJoin(users, eq(users.id, meetingParticipants.userId))
    .where(
      and(
        eq(meetingParticipants.meetingId, opts.meetingId),
        ne(meetingParticipants.email, ''),
        opts.invited ? isNotNull(meetingParticipants.invitedAt) : isNull(meetingParticipants.invitedAt),
      ),
    )
    .orderBy(meetingParticipants.createdAt);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    locale: r.locale === 'en' ? 'en' : 'pl',
    isUser: r.userId !== null,
  }));
}

/** Invitation e-mails for everyone who has not yet received the one for the current time and place. */
export async function pendingInvitationMails(
  db: Db,
  opts: Ctx & {
    meeting: IcsMeeting;
    partnershipId: string;
    partnershipName: string;
    baseUrl: string;
    now: Date;
  },
): Promise<{ participantId: string; mail: Mail }[]> {
  const organizer = organizerOf(opts);
  const link = `${opts.baseUrl}/app/${opts.locality.slug}/partnerships/${opts.partnershipId}/meetings/${opts.meeting.id}`;
  return (await recipients(db, { meetingId: opts.meeting.id, invited: false })).map((r) => ({
    participantId: r.id,
    mail: invitationMail({
      i18n: getI18n(r.locale),
      meeting: opts.meeting,
      partnershipName: opts.partnershipName,
      organizer,
      recipient: r,
      link: r.isUser ? link : undefined,
      dtstamp: opts.now,
    }),
  }));
}

/** Cancellation e-mails for everyone who received an invitation. */
export async function cancellationMails(
  db: Db,
  opts: Ctx & { meeting: IcsMeeting; partnershipName: string; now: Date },
): Promise<Mail[]> {
  const organizer = organizerOf(opts);
  return (await recipients(db, { meetingId: opts.meeting.id, invited: true })).map((r) =>
    cancellationMail({
      i18n: getI18n(r.locale),
      meeting: opts.meeting,
      partnershipName: opts.partnershipName,
      organizer,
      recipient: r,
      dtstamp: opts.now,
    }),
  );
}
