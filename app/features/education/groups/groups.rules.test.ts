import { describe, expect, it } from 'vitest';
import { isoWeekday, nextMeetingDate, scheduleDates } from './groups.rules.ts';

const g = { startsOn: '2026-11-02', endsOn: '2027-01-31', scheduleWeekday: 2, scheduleEveryWeeks: 1 };

describe('the schedule', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-11-02')).toBe(1);
    expect(isoWeekday('2026-11-08')).toBe(7);
  });

  it('finds the next meeting on the weekday, every N weeks from the first', () => {
    expect(nextMeetingDate(g, '2026-10-01')).toBe('2026-11-03');
    expect(nextMeetingDate(g, '2026-11-27')).toBe('2026-12-01');
    expect(nextMeetingDate(g, '2026-12-01')).toBe('2026-12-01');
    expect(nextMeetingDate({ ...g, scheduleEveryWeeks: 2 }, '2026-11-11')).toBe('2026-11-17');
    expect(nextMeetingDate({ ...g, scheduleWeekday: null }, '2026-11-27')).toBe('2026-11-27');
  });

  it('lists the dates within the group', () => {
    expect(scheduleDates(g, '2027-01-15', '2027-03-01')).toEqual(['2027-01-19', '2027-01-26']);
  });
});
