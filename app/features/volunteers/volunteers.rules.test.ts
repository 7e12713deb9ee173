import { describe, expect, it } from 'vitest';
import {
  checkAgreement,
  hoursPl,
  ledgerDescription,
  parseHours,
  periodDays,
  valueHours,
} from './volunteers.rules.ts';

const p = { writtenAboveDays: 30, accidentInsuranceUpToDays: 30 };

describe('the written-agreement rule (art. 44)', () => {
  it('counts both ends of the period', () => {
    expect(periodDays('2026-03-01', '2026-03-30')).toBe(30);
    expect(periodDays('2026-03-01', '2026-03-31')).toBe(31);
    expect(periodDays('2025-12-31', '2026-01-01')).toBe(2);
  });

  it('asks for insurance up to 30 days, signed or not', () => {
    expect(
      checkAgreement({ agreementFrom: '2026-03-01', agreementTo: '2026-03-30', agreementSignedOn: null }, p),
    ).toEqual({ kind: 'insurance', days: 30, limit: 30, signedOn: null });
  });

  it('warns when a period longer than 30 days has no signing date', () => {
    expect(
      checkAgreement({ agreementFrom: '2026-03-01', agreementTo: '2026-03-31', agreementSignedOn: null }, p),
    ).toEqual({ kind: 'writtenMissing', days: 31, limit: 30 });
  });

  it('treats an open-ended agreement as longer than 30 days', () => {
    expect(
      checkAgreement({ agreementFrom: '2026-03-01', agreementTo: null, agreementSignedOn: null }, p),
    ).toEqual({
      kind: 'writtenMissing',
      days: null,
      limit: 30,
    });
    expect(
      checkAgreement({ agreementFrom: '2026-03-01', agreementTo: null, agreementSignedOn: '2026-02-27' }, p),
    ).toEqual({ kind: 'written', days: null, limit: 30, signedOn: '2026-02-27' });
  });

  it('takes the limit from the parameter, not from the code', () => {
    const terms = { agreementFrom: '2026-03-01', agreementTo: '2026-03-31', agreementSignedOn: null };
    expect(checkAgreement(terms, { writtenAboveDays: 60, accidentInsuranceUpToDays: 60 }).kind).toBe(
      'insurance',
    );
  });

  it('says when there is no period to judge', () => {
    expect(checkAgreement({ agreementFrom: null, agreementTo: null, agreementSignedOn: null }, p)).toEqual({
      kind: 'noPeriod',
    });
  });
});

describe('reading hours as typed', () => {
  it('accepts the Polish decimal comma and a dot', () => {
    expect(parseHours('2,5')).toEqual({ ok: true, hours: 2.5, hundredths: 250 });
    expect(parseHours(' 0,25 ')).toEqual({ ok: true, hours: 0.25, hundredths: 25 });
    expect(parseHours('3.75')).toEqual({ ok: true, hours: 3.75, hundredths: 375 });
    expect(parseHours('24')).toEqual({ ok: true, hours: 24, hundredths: 2400 });
  });

  it('refuses empty, non-numbers, too many decimals and values outside 0,25–24', () => {
    expect(parseHours('')).toEqual({ ok: false, problem: 'required' });
    expect(parseHours('dwie')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseHours('1,125')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseHours('-2')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseHours('0,2')).toEqual({ ok: false, problem: 'range' });
    expect(parseHours('24,5')).toEqual({ ok: false, problem: 'range' });
    expect(parseHours('0')).toEqual({ ok: false, problem: 'range' });
  });
});

describe('valuing hours', () => {
  it('multiplies exactly to the grosz at the given rate', () => {
    expect(valueHours(2.5, '30.50')).toEqual({ ratePln: '30.50', valuePln: '76.25' });
    expect(valueHours(2.5, '31.40')).toEqual({ ratePln: '31.40', valuePln: '78.50' });
    expect(valueHours(0.25, '31.40')).toEqual({ ratePln: '31.40', valuePln: '7.85' });
    // 0.33 h × 30.50 = 10.065 → 10.07 (half up)
    expect(valueHours(0.33, '30.50')).toEqual({ ratePln: '30.50', valuePln: '10.07' });
    expect(valueHours(24, '31.4')).toEqual({ ratePln: '31.40', valuePln: '753.60' });
  });

  it('describes the ledger line without the person', () => {
    expect(hoursPl(2.5)).toBe('2,5');
    expect(ledgerDescription('Zbiórka żywności', 2.5)).toBe('Wolontariat: Zbiórka żywności (2,5 h)');
  });
});
