import { describe, expect, it } from 'vitest';
import {
  decisionNumberKey,
  meetingInstants,
  meetingStage,
  parseTimeInput,
  stageError,
  timeOrPlaceChanged,
  warsawParts,
  warsawToInstant,
} from './meeting.rules.ts';
import { parseAttendance } from './meeting.schema.ts';

describe('times typed by a person', () => {
  it('accepts the usual ways of writing a time and refuses the rest', () => {
    expect(parseTimeInput('17:30')).toBe('17:30');
    expect(parseTimeInput(' 9.05 ')).toBe('09:05');
    expect(parseTimeInput('8')).toBe('08:00');
    expect(parseTimeInput('24:00')).toBeNull();
    expect(parseTimeInput('12:60')).toBeNull();
    expect(parseTimeInput('pół do ósmej')).toBeNull();
    expect(parseTimeInput('')).toBeNull();
  });
});

describe('Warsaw wall-clock time', () => {
  it('is UTC+1 in winter and UTC+2 in summer, across both clock changes of 2026', () => {
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(warsawToInstant('2026-03-28', '10:00')?.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(warsawToInstant('2026-03-29', '10:00')?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(warsawToInstant('2026-10-24', '17:00')?.toISOString()).toBe('2026-10-24T15:00:00.000Z');
    expect(warsawToInstant('2026-10-25', '17:00')?.toISOString()).toBe('2026-10-25T16:00:00.000Z');
    expect(warsawParts(new Date('2026-07-01T15:30:00Z'))).toEqual({ date: '2026-07-01', time: '17:30' });
  });

  it('has no 2:30 on the night the clocks go forward, and takes the summer one when 2:30 happens twice', () => {
    expect(warsawToInstant('2026-03-29', '02:30')).toBeNull();
    expect(warsawToInstant('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('explains an end not after the start and a time the clocks skip, on the right field', () => {
    expect(meetingInstants({ date: '2026-05-05', startTime: '18:00', endTime: '17:00' })).toEqual({
      ok: false,
      field: 'endTime',
      key: 'meetings.form.endBeforeStart',
    });
    expect(meetingInstants({ date: '2026-05-05', startTime: '18:00', endTime: '18:00' })).toMatchObject({
      ok: false,
      field: 'endTime',
    });
    expect(meetingInstants({ date: '2026-03-29', startTime: '02:15', endTime: '04:00' })).toEqual({
      ok: false,
      field: 'startTime',
      key: 'meetings.form.time.skipped',
    });
    const ok = meetingInstants({ date: '2026-05-05', startTime: '17:00', endTime: '19:30' });
    expect(ok.ok && [ok.startsAt.toISOString(), ok.endsAt.toISOString()]).toEqual([
      '2026-05-05T15:00:00.000Z',
      '2026-05-05T17:30:00.000Z',
    ]);
  });
});

describe('what an invitation depends on', () => {
  const base = {
    startsAt: new Date('2026-05-05T15:00:00Z'),
    endsAt: new Date('2026-05-05T17:00:00Z'),
    place: 'Sala 12',
  };
  it('changes with the time or the place, not with other edits or spaces around the place', () => {
    expect(timeOrPlaceChanged(base, { ...base, place: ' Sala 12 ' })).toBe(false);
    expect(timeOrPlaceChanged(base, { ...base, place: 'Sala 14' })).toBe(true);
    expect(timeOrPlaceChanged(base, { ...base, endsAt: new Date('2026-05-05T17:30:00Z') })).toBe(true);
  });
});

describe('decision numbers', () => {
  it('clash regardless of case and spaces', () => {
    expect(decisionNumberKey(' 3 / 2026 ')).toBe(decisionNumberKey('3/2026'));
    expect(decisionNumberKey('III/2026a')).toBe(decisionNumberKey('iii/2026A'));
    expect(decisionNumberKey('3/2026')).not.toBe(decisionNumberKey('4/2026'));
  });
});

describe('the stages of a meeting', () => {
  const startsAt = new Date('2026-05-05T15:00:00Z');
  const before = new Date('2026-05-01T10:00:00Z');
  const after = new Date('2026-05-05T18:00:00Z');

  it('invites before the start, records from the start, marks held once', () => {
    expect(meetingStage({ status: 'planned', startsAt }, before)).toEqual({
      canEdit: true,
      canInvite: true,
      canRecord: false,
      canMarkHeld: false,
      canCancel: true,
    });
    expect(meetingStage({ status: 'planned', startsAt }, after)).toMatchObject({
      canInvite: false,
      canRecord: true,
      canMarkHeld: true,
    });
    expect(meetingStage({ status: 'held', startsAt }, after)).toEqual({
      canEdit: false,
      canInvite: false,
      canRecord: true,
      canMarkHeld: false,
      canCancel: false,
    });
    expect(meetingStage({ status: 'cancelled', startsAt }, after).canRecord).toBe(false);
  });

  it('says why a command is refused', () => {
    expect(stageError({ status: 'planned', startsAt }, before, 'record')).toBe('meetings.errors.notStarted');
    expect(stageError({ status: 'planned', startsAt }, after, 'invite')).toBe(
      'meetings.errors.inviteAfterStart',
    );
    expect(stageError({ status: 'held', startsAt }, after, 'edit')).toBe('meetings.errors.alreadyHeld');
    expect(stageError({ status: 'cancelled', startsAt }, after, 'record')).toBe('meetings.errors.cancelled');
    expect(stageError({ status: 'held', startsAt }, after, 'record')).toBeNull();
  });
});

describe('the one attendance form', () => {
  const ids = ['a', 'b', 'c'];
  it('reads a choice per row, empty rows as not recorded', () => {
    const r = parseAttendance({ 'attendance-a': 'present', 'attendance-b': 'excused', intent: 'x' }, ids);
    expect(r.ok && [...r.data]).toEqual([
      ['a', 'present'],
      ['b', 'excused'],
      ['c', null],
    ]);
  });

  it('refuses a value that is not one of the three, on its row', () => {
    expect(parseAttendance({ 'attendance-a': 'maybe' }, ids)).toEqual({
      ok: false,
      errors: { 'attendance-a': 'meetings.attendance.invalid' },
    });
  });

  it('refuses the whole form when it names someone not on this meeting’s list', () => {
    expect(parseAttendance({ 'attendance-a': 'present', 'attendance-zzz': 'present' }, ids)).toEqual({
      ok: false,
      errors: { _form: 'meetings.attendance.unknown' },
    });
  });
});
