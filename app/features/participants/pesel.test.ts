import { describe, expect, it } from 'vitest';
import { checkPesel, makePesel, peselCheckDigit } from './pesel.ts';

describe('PESEL', () => {
  it('reads the date of birth and sex of a valid number (1900s)', () => {
    expect(checkPesel('44051401359')).toEqual({ ok: true, birthDate: '1944-05-14', sex: 'male' });
  });
  it('reads the century from the month: 2000s +20, 1800s +80, 2100s +40, 2200s +60', () => {
    const p2000 = makePesel('2003-12-01', 'female', 1234);
    expect(p2000.slice(2, 4)).toBe('32');
    expect(checkPesel(p2000)).toEqual({ ok: true, birthDate: '2003-12-01', sex: 'female' });
    expect(checkPesel(makePesel('1899-01-31', 'male', 5))).toMatchObject({
      birthDate: '1899-01-31',
      sex: 'male',
    });
    expect(checkPesel(makePesel('2101-02-03', 'male', 5))).toMatchObject({ birthDate: '2101-02-03' });
    expect(checkPesel(makePesel('2250-07-04', 'female', 5))).toMatchObject({ birthDate: '2250-07-04' });
  });
  it('takes spaces typed between digits', () => {
    expect(checkPesel('440514 01359').ok).toBe(true);
  });
  it('explains a wrong check digit with the figures', () => {
    expect(checkPesel('44051401358')).toEqual({
      ok: false,
      problem: { key: 'participants.pesel.checkDigit', values: { expected: 9, given: 8 } },
    });
  });
  it('explains a wrong length and non-digits', () => {
    expect(checkPesel('4405140135')).toEqual({
      ok: false,
      problem: { key: 'participants.pesel.length', values: { count: 10 } },
    });
    expect(checkPesel('4405140135a')).toEqual({
      ok: false,
      problem: { key: 'participants.pesel.notDigits' },
    });
  });
  it('refuses a month that is no month and a day that is not in the calendar', () => {
    expect(checkPesel('44131401359')).toMatchObject({
      ok: false,
      problem: { key: 'participants.pesel.month', values: { month: 13 } },
    });
    // 29 February 2001 does not exist (2001 is not a leap year)
    const first10 = '0122290000';
    expect(checkPesel(`${first10}${peselCheckDigit(first10)}`)).toMatchObject({
      ok: false,
      problem: { key: 'participants.pesel.day', values: { day: 29, month: 2, year: 2001 } },
    });
    const leap = '0022290000';
    expect(checkPesel(`${leap}${peselCheckDigit(leap)}`)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
  });
  it('reads the sex from the 10th digit (odd male, even female)', () => {
    expect(checkPesel(makePesel('1990-06-15', 'female', 4321))).toMatchObject({ sex: 'female' });
    expect(checkPesel(makePesel('1990-06-15', 'male', 4321))).toMatchObject({ sex: 'male' });
  });
});
