import { describe, expect, it } from 'vitest';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { cancellationMail, invitationMail } from './invitation-mail.server.ts';
import { meetingInstants } from './meeting.rules.ts';
import { cancellationIcs, type IcsMeeting, invitationIcs, meetingIcs, meetingUid } from './meeting-ics.ts';

/** The unfolded content lines of a calendar, as a client reads them. */
function lines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}
/** The values of a property, escapes kept (the value starts at the first colon outside quotes). */
function value(ics: string, name: string): string[] {
  return lines(ics)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => {
      let quoted = false;
      for (let i = 0; i < l.length; i++) {
        if (l[i] === '"') quoted = !quoted;
        else if (l[i] === ':' && !quoted) return l.slice(i + 1);
      }
      return '';
    });
}

function meeting(date: string, start: string, end: string, over: Partial<IcsMeeting> = {}): IcsMeeting {
  const r = meetingInstants({ date, startTime: start, endTime: end });
  if (!r.ok) throw new Error(r.key);
  return {
    id: '0b6f3c3e-3b9e-4a55-9a3e-6d2f1e7c9a10',
    title: 'Zgromadzenie Partnerów; marzec, 2026',
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    place: 'Dom Kultury, ul. Kościuszki 5, sala 12',
    agenda: '1. Otwarcie\n2. Program działania',
    icsSequence: 0,
    ...over,
  };
}

const organizer = { name: 'Tomasz Wiśniewski', email: 'koordynator@example.test' };
const attendee = { name: 'Agnieszka Wróbel', email: 'agnieszka@example.test' };

describe('the calendar invitation of a meeting', () => {
  it('is a REQUEST with the meeting’s stable UID, its SEQUENCE, and only the recipient as attendee', () => {
    const m = meeting('2026-05-05', '17:00', '19:00', { icsSequence: 2 });
    const ics = invitationIcs(m, { organizer, attendee, dtstamp: new Date('2026-04-20T08:00:00Z') });
    expect(value(ics, 'METHOD')).toEqual(['REQUEST']);
    expect(value(ics, 'UID')).toEqual([meetingUid(m.id)]);
    expect(value(ics, 'SEQUENCE')).toEqual(['2']);
    expect(value(ics, 'SUMMARY')).toEqual(['Zgromadzenie Partnerów\\; marzec\\, 2026']);
    expect(value(ics, 'LOCATION')).toEqual(['Dom Kultury\\, ul. Kościuszki 5\\, sala 12']);
    expect(value(ics, 'DESCRIPTION')).toEqual(['1. Otwarcie\\n2. Program działania']);
    const attendees = lines(ics).filter((l) => l.startsWith('ATTENDEE'));
    expect(attendees).toHaveLength(1);
    expect(attendees[0]).toContain('mailto:agnieszka@example.test');
    expect(lines(ics).find((l) => l.startsWith('ORGANIZER'))).toContain('mailto:koordynator@example.test');
    // The same meeting keeps its UID in every later invitation and in the organiser's own copy.
    expect(value(meetingIcs(m), 'UID')).toEqual([meetingUid(m.id)]);
    expect(lines(meetingIcs(m)).some((l) => l.startsWith('ATTENDEE'))).toBe(false);
  });

  it('puts a 17:00 Warsaw meeting at 16:00 UTC in winter and 15:00 UTC in summer', () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    const at = (date: string) =>
      value(invitationIcs(meeting(date, '17:00', '18:30'), { organizer, attendee }), 'DTSTART');
    expect(at('2026-03-27')).toEqual(['20260327T160000Z']);
    expect(at('2026-03-30')).toEqual(['20260330T150000Z']);
    expect(at('2026-10-23')).toEqual(['20261023T150000Z']);
    expect(at('2026-10-26')).toEqual(['20261026T160000Z']);
    expect(
      value(invitationIcs(meeting('2026-03-30', '17:00', '18:30'), { organizer, attendee }), 'DTEND'),
    ).toEqual(['20260330T163000Z']);
  });

  it('cancels with the same UID', () => {
    const m = meeting('2026-05-05', '17:00', '19:00', { icsSequence: 3 });
    const ics = cancellationIcs(m, { organizer, attendee });
    expect(value(ics, 'METHOD')).toEqual(['CANCEL']);
    expect(value(ics, 'STATUS')).toEqual(['CANCELLED']);
    expect(value(ics, 'UID')).toEqual([meetingUid(m.id)]);
    expect(value(ics, 'SEQUENCE')).toEqual(['3']);
  });
});

describe('the invitation e-mail', () => {
  const m = meeting('2026-03-30', '17:00', '19:00');
  const mail = (locale: 'pl' | 'en', over: Partial<IcsMeeting> = {}) =>
    invitationMail({
      i18n: getI18n(locale),
      meeting: { ...m, ...over },
      partnershipName: 'Wągrowieckie Partnerstwo',
      organizer,
      recipient: attendee,
    });

  it('says in Polish when and where, with the agenda and the calendar file attached', () => {
    const pl = mail('pl');
    expect(pl.to).toBe('agnieszka@example.test');
    expect(pl.subject).toBe('Zaproszenie: Zgromadzenie Partnerów; marzec, 2026, 30.03.2026 17:00');
    expect(pl.text).toContain(
      'Wągrowieckie Partnerstwo zaprasza na spotkanie „Zgromadzenie Partnerów; marzec, 2026”.',
    );
    expect(pl.text).toContain('Termin: poniedziałek, 30 marca 2026 r., 17:00–19:00');
    expect(pl.text).toContain('Miejsce: Dom Kultury, ul. Kościuszki 5, sala 12');
    expect(pl.text).toContain('Porządek obrad:\n1. Otwarcie\n2. Program działania');
    expect(pl.attachments).toHaveLength(1);
    expect(pl.attachments![0]).toMatchObject({
      filename: 'spotkanie.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
    });
    expect(pl.attachments![0]!.content).toContain('DTSTART:20260330T150000Z');
  });

  it('is written in English for a user who reads English, and says when it is an update', () => {
    const en = mail('en', { icsSequence: 1, place: '' });
    expect(en.subject).toMatch(/^New time or place: /);
    expect(en.text).toContain('When: Monday, 30 March 2026, 17:00–19:00');
    expect(en.text).toContain('Where: to be confirmed');
    expect(en.attachments![0]!.content).toContain('SEQUENCE:1');
  });

  it('cancels with a calendar cancellation attached', () => {
    const c = cancellationMail({
      i18n: getI18n('pl'),
      meeting: { ...m, icsSequence: 1 },
      partnershipName: 'Wągrowieckie Partnerstwo',
      organizer,
      recipient: attendee,
    });
    expect(c.subject).toMatch(/^Odwołane: /);
    expect(c.attachments![0]!.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });
});
