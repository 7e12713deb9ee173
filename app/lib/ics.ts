/**
 * iCalendar (RFC 5545) for e-mail invitations (METHOD:REQUEST / CANCEL, RFC 5546) and
 * subscribable feeds (METHOD:PUBLISH).
 *
 * Times are written in UTC (`20270305T090000Z`). RFC 5545 allows it, every client shows them in
 * the reader's own time zone, and it needs no VTIMEZONE block (a correct Europe/Warsaw one is ~20
 * lines of DST rules that clients treat inconsistently). Recurring events, where a zone would
 * matter across DST changes, are not supported here.
 *
 * Attendees (and their e-mail addresses) are written only for REQUEST and CANCEL: a PUBLISH feed
 * must not carry them (RFC 5546 §3.2.1) and may be public.
 */

export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
  /** Globally unique and stable across updates, e.g. `meeting-42@splot.example`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  /** Raise it with every change sent for the same uid (updates and cancellations). */
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED';
  method?: never;
};

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export const ICS_PROD_ID = '-//Splot//Splot//PL';
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/**
 * Builds a VCALENDAR with one VEVENT per event: CRLF line endings, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped. `dtstamp` defaults to now.
 *
 * For an e-mail, attach it with the content type `text/calendar; charset=utf-8; method=REQUEST`
 * (the method must match). REQUEST and CANCEL need an organizer on every event; CANCEL marks each
 * event CANCELLED.
 */
export function toIcs(
  events: IcsEvent[],
  opts: { prodId?: string; calendarName?: string; method?: IcsMethod; dtstamp?: Date } = {},
): string {
  const method = opts.method;
  const dtstamp = formatUtc(opts.dtstamp ?? new Date());
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${text(opts.prodId ?? ICS_PROD_ID)}`];
  lines.push('CALSCALE:GREGORIAN');
  if (method) lines.push(`METHOD:${method}`);
  if (opts.calendarName) {
    lines.push(`NAME:${text(opts.calendarName)}`, `X-WR-CALNAME:${text(opts.calendarName)}`);
  }
  if ((method === 'REQUEST' || method === 'CANCEL') && events.length === 0) {
    throw new Error(`toIcs: METHOD:${method} needs at least one event`);
  }

  for (const event of events) {
    checkEvent(event, method);
    lines.push('BEGIN:VEVENT', `UID:${text(event.uid)}`, `DTSTAMP:${dtstamp}`);
    lines.push(`DTSTART:${formatUtc(event.start)}`, `DTEND:${formatUtc(event.end)}`);
    lines.push(`SEQUENCE:${event.sequence ?? 0}`);
    const status = method === 'CANCEL' ? 'CANCELLED' : event.status;
    if (status) lines.push(`STATUS:${status}`);
    lines.push(`SUMMARY:${text(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${text(event.description)}`);
    if (event.location) lines.push(`LOCATION:${text(event.location)}`);
    if (event.url) lines.push(`URL:${uri(event.url)}`);
    if (event.organizer) {
      lines.push(`ORGANIZER;CN=${param(event.organizer.name)}:${mailto(event.organizer.email)}`);
    }
    if (method === 'REQUEST' || method === 'CANCEL') {
      for (const a of event.attendees ?? []) {
        lines.push(
          `ATTENDEE;CN=${param(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`,
        );
      }
    }
    lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('');
}

function checkEvent(event: IcsEvent, method: IcsMethod | undefined): void {
  if (Number.isNaN(event.start.getTime()) || Number.isNaN(event.end.getTime())) {
    throw new Error(`toIcs: event ${event.uid} has an invalid date`);
  }
  if (event.end.getTime() < event.start.getTime()) {
    throw new Error(`toIcs: event ${event.uid} ends before it starts`);
  }
  if ((method === 'REQUEST' || method === 'CANCEL') && !event.organizer) {
    throw new Error(`toIcs: METHOD:${method} needs an organizer (event ${event.uid})`);
  }
}

/** `20270305T090000Z` */
export function formatUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped; other controls dropped. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\r\n|\r/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(controlChars(), '');
}
const text = escapeIcsText;

function controlChars(): RegExp {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return /[\u0000-\u0008\u000a-\u001f\u007f]/g;
}

/** A URI value is not escaped; line breaks and other controls, which cannot appear in one, are removed. */
function uri(value: string): string {
  return value.replace(controlChars(), '').replace(/\t/g, '').trim();
}

/** A parameter value (CN): quoted, with the double quote (not allowed inside) replaced by an apostrophe. */
function param(value: string): string {
  const clean = value
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(controlChars(), '')
    .replace(/"/g, "'");
  return `"${clean}"`;
}

function mailto(email: string): string {
  return `mailto:${email.replace(controlChars(), '').replace(/[\s"<>]/g, '')}`;
}

const encoder = new TextEncoder();

/**
 * Folds a content line into CRLF-terminated physical lines of at most 75 octets (RFC 5545 §3.1):
 * continuation lines start with a space, which counts; a code point is never split.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.map((l) => `${l}\r\n`).join('');
}
