import { describe, expect, it } from 'vitest';
import { fold, type IcsEvent, toIcs } from './ics.ts';

type Property = { name: string; params: Record<string, string>; value: string };

/** A tiny RFC 5545 reader: unfolds lines, splits name;params:value, unescapes TEXT. */
function parseIcs(ics: string): Property[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      // The value starts at the first colon outside a quoted parameter value.
      let inQuotes = false;
      let colon = -1;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '"') inQuotes = !inQuotes;
        else if (line[i] === ':' && !inQuotes) {
          colon = i;
          break;
        }
      }
      const [name, ...paramParts] = line.slice(0, colon).split(/;(?=[A-Z-]+=)/);
      const params = Object.fromEntries(
        paramParts.map((p) => {
          const [k, v] = p.split(/=(.*)/s);
          return [k!, v!.replace(/^"|"$/g, '')];
        }),
      );
      return { name: name!, params, value: line.slice(colon + 1) };
    });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function prop(props: Property[], name: string): Property {
  const found = props.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

const octets = (s: string) => new TextEncoder().encode(s).length;

const MEETING: IcsEvent = {
  uid: 'meeting-42@splot.test',
  start: new Date('2027-03-05T09:00:00Z'),
  end: new Date('2027-03-05T10:30:00Z'),
  summary: 'Spotkanie partnerstwa; gmina Kwilcz, Łąka',
  description:
    'Porządek obrad:\n1. Źródła finansowania, dotacje; sprawozdanie\n2. Wolne wnioski – zażółć gęślą jaźń, ŻÓŁĆ GĘŚLĄ JAŹŃ\\koniec',
  location: 'Urząd Gminy Kwilcz, sala 12; ul. Wolności 1',
  url: 'https://splot.test/spotkania/42?a=1,2',
  organizer: { name: 'Anna Żółkiewska, koordynatorka', email: 'anna@kwilcz.test' },
  attendees: [
    { name: 'Jan "Janek" Łęcki', email: 'jan@laka.test' },
    { name: 'Ewa Ślązak', email: 'ewa@laka.test' },
  ],
  sequence: 2,
  status: 'CONFIRMED',
};
const DTSTAMP = new Date('2027-03-01T12:00:00.123Z');

describe('toIcs', () => {
  it('writes CRLF lines of at most 75 octets, even with long Polish text', () => {
    const ics = toIcs([MEETING], { method: 'REQUEST', dtstamp: DTSTAMP });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line), line).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    // No folded line ends in the middle of a character: each decodes cleanly on its own.
    for (const line of lines) {
      expect(() =>
        new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(line)),
      ).not.toThrow();
    }
  });

  it('never splits a multi-byte character when folding', () => {
    for (let prefix = 0; prefix < 4; prefix++) {
      const line = `SUMMARY:${'x'.repeat(prefix)}${'ż'.repeat(60)}😀${'ą'.repeat(50)}`;
      const folded = fold(line);
      const physical = folded.split('\r\n').slice(0, -1);
      for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, '').replace(/\r\n$/, '')).toBe(line);
    }
    expect(fold('SHORT:ok')).toBe('SHORT:ok\r\n');
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const ics = toIcs([MEETING], { dtstamp: DTSTAMP });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Spotkanie partnerstwa\\; gmina Kwilcz\\, Łąka\r\n');
    expect(unfolded).toContain('LOCATION:Urząd Gminy Kwilcz\\, sala 12\\; ul. Wolności 1\r\n');
    expect(unfolded).toContain(
      'DESCRIPTION:Porządek obrad:\\n1. Źródła finansowania\\, dotacje\\; sprawozdanie\\n',
    );
    expect(unfolded).toContain('JAŹŃ\\\\koniec\r\n');
  });

  it('reads back an e-mail invitation (METHOD:REQUEST) with organizer and attendees', () => {
    const props = parseIcs(toIcs([MEETING], { method: 'REQUEST', dtstamp: DTSTAMP }));
    expect(props[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(props.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(prop(props, 'VERSION').value).toBe('2.0');
    expect(prop(props, 'PRODID').value).toBe('-//Splot//Splot//PL');
    expect(prop(props, 'METHOD').value).toBe('REQUEST');
    expect(prop(props, 'UID').value).toBe('meeting-42@splot.test');
    expect(prop(props, 'DTSTAMP').value).toBe('20270301T120000Z');
    expect(prop(props, 'DTSTART').value).toBe('20270305T090000Z');
    expect(prop(props, 'DTEND').value).toBe('20270305T103000Z');
    expect(prop(props, 'SEQUENCE').value).toBe('2');
    expect(prop(props, 'STATUS').value).toBe('CONFIRMED');
    expect(unescapeText(prop(props, 'SUMMARY').value)).toBe(MEETING.summary);
    expect(unescapeText(prop(props, 'DESCRIPTION').value)).toBe(MEETING.description);
    expect(unescapeText(prop(props, 'LOCATION').value)).toBe(MEETING.location);
    expect(prop(props, 'URL').value).toBe(MEETING.url);
    expect(prop(props, 'ORGANIZER')).toEqual({
      name: 'ORGANIZER',
      params: { CN: 'Anna Żółkiewska, koordynatorka' },
      value: 'mailto:anna@kwilcz.test',
    });
    const attendees = props.filter((p) => p.name === 'ATTENDEE');
    expect(attendees.map((a) => [a.params.CN, a.params.RSVP, a.value])).toEqual([
      ["Jan 'Janek' Łęcki", 'TRUE', 'mailto:jan@laka.test'],
      ['Ewa Ślązak', 'TRUE', 'mailto:ewa@laka.test'],
    ]);
    expect(props.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VEVENT']);
  });

  it('writes a subscribable feed (METHOD:PUBLISH) with a name and without attendees', () => {
    const second: IcsEvent = {
      uid: 'fair-7@splot.test',
      start: new Date('2027-06-01T08:00:00Z'),
      end: new Date('2027-06-01T14:00:00Z'),
      summary: 'Targi ekonomii społecznej',
    };
    const props = parseIcs(
      toIcs([MEETING, second], { method: 'PUBLISH', calendarName: 'Splot – Kwilcz', dtstamp: DTSTAMP }),
    );
    expect(prop(props, 'METHOD').value).toBe('PUBLISH');
    expect(prop(props, 'X-WR-CALNAME').value).toBe('Splot – Kwilcz');
    expect(props.filter((p) => p.name === 'UID').map((p) => p.value)).toEqual([
      'meeting-42@splot.test',
      'fair-7@splot.test',
    ]);
    expect(props.some((p) => p.name === 'ATTENDEE')).toBe(false);
    expect(props.filter((p) => p.name === 'SEQUENCE').map((p) => p.value)).toEqual(['2', '0']);
  });

  it('marks every event cancelled for METHOD:CANCEL', () => {
    const props = parseIcs(toIcs([{ ...MEETING, sequence: 3 }], { method: 'CANCEL', dtstamp: DTSTAMP }));
    expect(prop(props, 'METHOD').value).toBe('CANCEL');
    expect(prop(props, 'STATUS').value).toBe('CANCELLED');
    expect(prop(props, 'SEQUENCE').value).toBe('3');
  });

  it('refuses an invitation without an organizer and an event that ends before it starts', () => {
    const { organizer: _, ...withoutOrganizer } = MEETING;
    expect(() => toIcs([withoutOrganizer], { method: 'REQUEST' })).toThrow(/organizer/);
    expect(() => toIcs([{ ...MEETING, end: new Date('2027-03-05T08:00:00Z') }], {})).toThrow(/ends before/);
  });

  it('keeps a line break smuggled into a name or address out of the structure', () => {
    const ics = toIcs(
      [
        {
          ...MEETING,
          organizer: { name: 'Ewa\r\nATTENDEE:mailto:x@evil.test', email: 'ewa@laka.test\r\nX-EVIL:1' },
          url: 'https://splot.test/\r\nX-EVIL:2',
        },
      ],
      { method: 'REQUEST', dtstamp: DTSTAMP },
    );
    const names = parseIcs(ics).map((p) => p.name);
    expect(names).not.toContain('X-EVIL');
    expect(names.filter((n) => n === 'ATTENDEE')).toHaveLength(2);
  });
});
