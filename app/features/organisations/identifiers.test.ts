import { describe, expect, it } from 'vitest';
import { checkKrs, checkNip, checkPesel, checkRegon } from './identifiers.ts';

describe('NIP', () => {
  it('accepts a valid number written in any usual way', () => {
    for (const raw of ['5260250274', '526-025-02-74', 'PL 526 025 02 74', 'pl5260250274']) {
      expect(checkNip(raw), raw).toEqual({ ok: true, value: '5260250274' });
    }
  });

  it('explains a wrong check digit with the figures', () => {
    expect(checkNip('5260250275')).toEqual({
      ok: false,
      key: 'organisations.id.checkDigit',
      values: { typed: 5, expected: 4 },
    });
  });

  it('says how many digits were typed, and refuses letters and never-issued numbers', () => {
    expect(checkNip('526025027')).toMatchObject({
      ok: false,
      key: 'organisations.id.nip.length',
      values: { count: 9 },
    });
    expect(checkNip('52602502A4')).toMatchObject({ ok: false, key: 'organisations.id.nip.digits' });
    // Weighted sum mod 11 = 10: such numbers are not issued.
    expect(checkNip('1234567890')).toMatchObject({ ok: false });
  });
});

describe('REGON', () => {
  it('accepts 9- and 14-digit numbers with correct check digits', () => {
    expect(checkRegon('123456785')).toEqual({ ok: true, value: '123456785' });
    expect(checkRegon('12345678512347')).toEqual({ ok: true, value: '12345678512347' });
  });

  it('explains which check digit is wrong', () => {
    expect(checkRegon('123456786')).toMatchObject({
      ok: false,
      key: 'organisations.id.checkDigit',
      values: { expected: 5 },
    });
    expect(checkRegon('12345678612347')).toMatchObject({
      ok: false,
      key: 'organisations.id.regon.parentCheckDigit',
    });
    expect(checkRegon('12345678512348')).toMatchObject({
      ok: false,
      key: 'organisations.id.checkDigit',
      values: { typed: 8, expected: 7 },
    });
  });

  it('refuses other lengths and all zeroes', () => {
    expect(checkRegon('12345678')).toMatchObject({
      ok: false,
      key: 'organisations.id.regon.length',
      values: { count: 8 },
    });
    expect(checkRegon('000000000')).toMatchObject({ ok: false, key: 'organisations.id.regon.zeros' });
  });
});

describe('KRS', () => {
  it('pads to 10 digits and refuses anything else', () => {
    expect(checkKrs('123456')).toEqual({ ok: true, value: '0000123456' });
    expect(checkKrs('0000123456')).toEqual({ ok: true, value: '0000123456' });
    expect(checkKrs('12345678901')).toMatchObject({ ok: false, key: 'organisations.id.krs.length' });
    expect(checkKrs('00000')).toMatchObject({ ok: false, key: 'organisations.id.krs.zeros' });
    expect(checkKrs('KRS 1234')).toMatchObject({ ok: false, key: 'organisations.id.krs.digits' });
  });
});

describe('PESEL', () => {
  it('reads the date of birth across centuries and the sex', () => {
    expect(checkPesel('44051401359')).toMatchObject({
      ok: true,
      facts: { birthDate: '1944-05-14', sex: 'male' },
    });
    expect(checkPesel('02270803624')).toMatchObject({
      ok: true,
      facts: { birthDate: '2002-07-08', sex: 'female' },
    });
  });

  it('refuses a wrong check digit and a date that does not exist', () => {
    expect(checkPesel('44051401358')).toMatchObject({ ok: false, key: 'organisations.id.checkDigit' });
    // 30 February 1990 with a valid check digit.
    expect(checkPesel('90023012340')).toEqual({ ok: false, key: 'organisations.id.pesel.date' });
  });
});
