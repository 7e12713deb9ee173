import { describe, expect, it } from 'vitest';
import {
  annualReportDue,
  attendanceFromForm,
  checkCertificate,
  checkGrant,
  checkLeave,
  checkOpeningHours,
  checkPremises,
  checkRegister,
  missingCertificate,
  openingHoursFromForm,
  parseTime,
  premisesLedgerMonths,
  registerDeadline,
} from './club.rules.ts';
import { calendarRange } from './club-dates.ts';
import { warsawDateTime, warsawInstant } from './club-time.ts';

const lent = {
  premisesAddress: 'ul. Kościuszki 5, Wągrowiec',
  premisesProviderId: 'org-1',
  premisesLent: true,
  premisesMonthlyValuePln: '1200.00',
  premisesFrom: '2026-09-15',
  premisesTo: null,
};

describe('lent premises in the in-kind ledger', () => {
  it('counts every month from the first month of lending up to the current one', () => {
    expect(premisesLedgerMonths(lent, '2026-11-27')).toEqual([
      { month: '2026-09', from: '2026-09-15', to: '2026-09-30' },
      { month: '2026-10', from: '2026-10-01', to: '2026-10-31' },
      { month: '2026-11', from: '2026-11-01', to: '2026-11-30' },
    ]);
  });

  it('stops at the end of lending and trims the last month', () => {
    expect(premisesLedgerMonths({ ...lent, premisesTo: '2026-10-10' }, '2026-11-27')).toEqual([
      { month: '2026-09', from: '2026-09-15', to: '2026-09-30' },
      { month: '2026-10', from: '2026-10-01', to: '2026-10-10' },
    ]);
  });

  it('crosses the new year', () => {
    const months = premisesLedgerMonths({ ...lent, premisesFrom: '2025-11-01' }, '2026-02-03');
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('counts nothing for premises not lent, lending that has not started, or no value', () => {
    expect(premisesLedgerMonths({ ...lent, premisesLent: false }, '2026-11-27')).toEqual([]);
    expect(premisesLedgerMonths({ ...lent, premisesFrom: '2027-01-01' }, '2026-11-27')).toEqual([]);
    expect(premisesLedgerMonths({ ...lent, premisesMonthlyValuePln: null }, '2026-11-27')).toEqual([]);
  });

  it('asks for the provider, value and start of lent premises, and a period in order', () => {
    expect(
      checkPremises({
        ...lent,
        premisesProviderId: null,
        premisesMonthlyValuePln: null,
        premisesFrom: null,
        premisesTo: '2026-01-01',
      }),
    ).toEqual({
      premisesProviderId: 'club.premises.provider.requiredWhenLent',
      premisesMonthlyValuePln: 'club.premises.value.requiredWhenLent',
      premisesFrom: 'club.premises.from.requiredWhenLent',
    });
    expect(checkPremises({ ...lent, premisesTo: '2026-09-01' })).toEqual({
      premisesTo: 'club.premises.periodOrder',
    });
    expect(checkPremises({ ...lent, premisesLent: false, premisesProviderId: null })).toEqual({});
  });
});

describe('opening hours', () => {
  it('reads times the way people type them', () => {
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('9.30')).toBe('09:30');
    expect(parseTime('16:05')).toBe('16:05');
    expect(parseTime('25:00')).toBeNull();
    expect(parseTime('9:7')).toBeNull();
    expect(parseTime('rano')).toBeNull();
  });

  it('keeps days with both times, skips empty days, and explains half-filled or reversed ones', () => {
    const { hours, errors } = openingHoursFromForm({
      hours1Opens: '9',
      hours1Closes: '15:00',
      hours2Opens: '',
      hours2Closes: '',
      hours3Opens: '10:00',
      hours3Closes: '',
      hours5Opens: '18:00',
      hours5Closes: '16:00',
    });
    expect(hours).toEqual([
      { weekday: 1, opens: '09:00', closes: '15:00' },
      { weekday: 5, opens: '18:00', closes: '16:00' },
    ]);
    expect(errors).toEqual({
      hours3Closes: 'club.hours.closes.required',
      hours5Closes: 'club.hours.order',
    });
  });

  it('refuses a day twice or times not in HH:MM form when saved directly', () => {
    expect(
      checkOpeningHours([
        { weekday: 1, opens: '09:00', closes: '10:00' },
        { weekday: 1, opens: '11:00', closes: '12:00' },
      ]),
    ).toEqual({ _form: 'club.hours.invalid' });
    expect(checkOpeningHours([{ weekday: 2, opens: '9', closes: '10:00' }])).toEqual({
      hours2Opens: 'club.hours.invalid',
    });
  });
});

describe("the voivode's register", () => {
  it('counts the 30 days from the notification and says how many are left or overdue', () => {
    const base = { notifiedOn: '2026-10-01', enteredOn: null, days: 30 };
    expect(registerDeadline({ ...base, today: '2026-10-25' })).toEqual({
      due: '2026-10-31',
      state: 'waiting',
      days: 6,
    });
    expect(registerDeadline({ ...base, today: '2026-11-27' })).toEqual({
      due: '2026-10-31',
      state: 'overdue',
      days: 27,
    });
    expect(registerDeadline({ ...base, enteredOn: '2026-10-20', today: '2026-11-27' })?.state).toBe(
      'entered_on_time',
    );
    expect(registerDeadline({ ...base, enteredOn: '2026-11-03', today: '2026-11-27' })).toEqual({
      due: '2026-10-31',
      state: 'entered_late',
      days: 3,
    });
    expect(registerDeadline({ ...base, notifiedOn: null, today: '2026-11-27' })).toBeNull();
  });

  it('needs the notification before the entry', () => {
    expect(checkRegister({ registerNotifiedOn: null, registerEnteredOn: '2026-10-01' })).toEqual({
      registerNotifiedOn: 'club.register.notifiedOn.requiredWhenEntered',
    });
    expect(checkRegister({ registerNotifiedOn: '2026-10-05', registerEnteredOn: '2026-10-01' })).toEqual({
      registerEnteredOn: 'club.register.enteredOn.beforeNotified',
    });
  });

  it('puts the annual report for a year on 31 March of the next year', () => {
    expect(annualReportDue(2025, { dueMonth: 3, dueDay: 31, sections: [] })).toBe('2026-03-31');
  });
});

describe('members leaving and their certificates', () => {
  it('flags a member who left with an effect and has no certificate date', () => {
    expect(
      missingCertificate({ leftOn: '2026-05-01', outcome: 'job_found', certificateIssuedOn: null }),
    ).toBe(true);
    expect(
      missingCertificate({ leftOn: '2026-05-01', outcome: 'job_found', certificateIssuedOn: '2026-05-02' }),
    ).toBe(false);
    expect(
      missingCertificate({ leftOn: '2026-05-01', outcome: 'no_effect', certificateIssuedOn: null }),
    ).toBe(false);
    expect(missingCertificate({ leftOn: null, outcome: null, certificateIssuedOn: null })).toBe(false);
  });

  it('keeps leaving after joining and not in the future, the certificate after leaving', () => {
    const m = { joinedOn: '2026-03-01' };
    expect(checkLeave(m, { leftOn: '2026-02-01', certificateIssuedOn: null }, '2026-11-27')).toEqual({
      leftOn: 'club.members.leftOn.beforeJoined',
    });
    expect(checkLeave(m, { leftOn: '2026-12-01', certificateIssuedOn: null }, '2026-11-27')).toEqual({
      leftOn: 'club.members.leftOn.future',
    });
    expect(checkLeave(m, { leftOn: '2026-06-01', certificateIssuedOn: '2026-05-30' }, '2026-11-27')).toEqual({
      certificateIssuedOn: 'club.members.certificate.beforeLeft',
    });
    expect(checkCertificate(null, '2026-06-01', '2026-11-27')).toEqual({
      certificateIssuedOn: 'club.members.certificate.notLeft',
    });
  });

  it('refuses spending more than was granted', () => {
    expect(checkGrant({ grantedPln: '1000', spentPln: '1000.01' })).toEqual({
      spentPln: 'club.grants.spent.moreThanGranted',
    });
    expect(checkGrant({ grantedPln: '1000', spentPln: null })).toEqual({});
  });
});

describe('the attendance form', () => {
  const a = '11111111-1111-1111-1111-111111111111';
  const b = '22222222-2222-2222-2222-222222222222';
  it('reads one mark per member, empty meaning "not recorded", and spots forged values', () => {
    expect(attendanceFromForm({ intent: 'attendance', [`a_${a}`]: 'present', [`a_${b}`]: '' })).toEqual({
      marks: [{ memberId: a, status: 'present' }],
      cleared: [b],
      invalid: false,
    });
    expect(attendanceFromForm({ [`a_${a}`]: 'asleep' }).invalid).toBe(true);
    expect(attendanceFromForm({ a_x: 'present' }).invalid).toBe(true);
  });
});

describe('calendar and Warsaw time', () => {
  it('shows a month or a week from Monday to Sunday', () => {
    expect(calendarRange('month', '2026-02-14')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      prev: '2026-01',
      next: '2026-03',
    });
    expect(calendarRange('week', '2026-11-27')).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      prev: '2026-11-16',
      next: '2026-11-30',
    });
  });

  it('turns Warsaw wall-clock time into instants in winter and summer', () => {
    expect(warsawInstant('2026-01-15', '16:00').toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(warsawInstant('2026-07-15', '16:00').toISOString()).toBe('2026-07-15T14:00:00.000Z');
    expect(warsawDateTime(new Date('2026-03-29T01:30:00Z'))).toEqual({ date: '2026-03-29', time: '03:30' });
    expect(warsawDateTime(warsawInstant('2026-10-25', '12:00'))).toEqual({
      date: '2026-10-25',
      time: '12:00',
    });
  });
});
