import { describe, expect, it } from 'vitest';
import {
  addMonths,
  availableCommands,
  checkCommand,
  checkDocument,
  checkSchedule,
  equalInstalments,
  inReminderWindow,
} from './financing.rules.ts';

describe('checkSchedule', () => {
  it('accepts a schedule that adds up exactly', () => {
    expect(checkSchedule('15000.00', [{ amountPln: '10000.00' }, { amountPln: '5000.00' }])).toEqual({
      ok: true,
    });
  });
  it('names the sums and what is missing', () => {
    expect(checkSchedule('15000.00', [{ amountPln: '12000.00' }])).toEqual({
      ok: false,
      key: 'missing',
      total: '12000.00',
      amount: '15000.00',
      difference: '3000.00',
    });
  });
  it('names the excess, down to one grosz', () => {
    expect(checkSchedule('100.00', [{ amountPln: '100.01' }])).toMatchObject({
      key: 'excess',
      difference: '0.01',
    });
  });
  it('an empty schedule misses the whole amount', () => {
    expect(checkSchedule('50.00', [])).toMatchObject({ key: 'missing', difference: '50.00' });
  });
});

describe('equalInstalments', () => {
  it('splits evenly and the last one absorbs the rounding', () => {
    const s = equalInstalments('1000.00', 3, '2026-01-31');
    expect(s).toEqual([
      { dueOn: '2026-01-31', amountPln: '333.33' },
      { dueOn: '2026-02-28', amountPln: '333.33' },
      { dueOn: '2026-03-31', amountPln: '333.34' },
    ]);
    expect(checkSchedule('1000.00', s)).toEqual({ ok: true });
  });
  it('six equal monthly instalments across a year end', () => {
    const s = equalInstalments('12000.00', 6, '2026-10-15');
    expect(s.map((i) => i.amountPln)).toEqual(Array(6).fill('2000.00'));
    expect(s[5]!.dueOn).toBe('2027-03-15');
  });
  it('nothing for a count below 1', () => {
    expect(equalInstalments('10.00', 0, '2026-01-01')).toEqual([]);
  });
  it('addMonths keeps the day or takes the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });
});

describe('application commands', () => {
  const planned = { status: 'planned', submittedOn: null, documents: 1 };
  it('offers the commands of each status', () => {
    expect(availableCommands('planned')).toEqual(['submit', 'withdraw']);
    expect(availableCommands('submitted')).toEqual(['grant', 'reject', 'withdraw']);
    expect(availableCommands('granted')).toEqual([]);
  });
  it('submitting needs a date not in the future and a document', () => {
    expect(
      checkCommand('submit', planned, { submittedOn: '2026-05-01', decidedOn: null }, '2026-05-01'),
    ).toEqual([]);
    expect(
      checkCommand('submit', planned, { submittedOn: '2026-05-02', decidedOn: null }, '2026-05-01'),
    ).toEqual([{ field: 'submittedOn', key: 'submittedOnFuture' }]);
    expect(
      checkCommand(
        'submit',
        { ...planned, documents: 0 },
        { submittedOn: null, decidedOn: null },
        '2026-05-01',
      ),
    ).toEqual([
      { field: 'submittedOn', key: 'submittedOnRequired' },
      { field: '_form', key: 'noDocuments' },
    ]);
  });
  it('a decision needs a date between the submission and today', () => {
    const sub = { status: 'submitted', submittedOn: '2026-04-10', documents: 1 };
    expect(checkCommand('grant', sub, { submittedOn: null, decidedOn: '2026-04-10' }, '2026-05-01')).toEqual(
      [],
    );
    expect(checkCommand('reject', sub, { submittedOn: null, decidedOn: '2026-04-09' }, '2026-05-01')).toEqual(
      [{ field: 'decidedOn', key: 'decidedBeforeSubmitted' }],
    );
    expect(checkCommand('grant', sub, { submittedOn: null, decidedOn: null }, '2026-05-01')).toEqual([
      { field: 'decidedOn', key: 'decidedOnRequired' },
    ]);
  });
  it('refuses a command from the wrong status', () => {
    expect(
      checkCommand('grant', planned, { submittedOn: null, decidedOn: '2026-05-01' }, '2026-05-01'),
    ).toEqual([{ field: '_form', key: 'wrongStatus' }]);
  });
});

describe('inReminderWindow', () => {
  it('from N days before up to the day', () => {
    expect(inReminderWindow('2026-05-08', '2026-05-01', 7)).toBe(true);
    expect(inReminderWindow('2026-05-09', '2026-05-01', 7)).toBe(false);
    expect(inReminderWindow('2026-05-01', '2026-05-01', 7)).toBe(true);
    expect(inReminderWindow('2026-04-30', '2026-05-01', 7)).toBe(false);
  });
});

describe('checkDocument', () => {
  const params = { maxBytes: 10, types: ['pdf', 'docx', 'png'] };
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1]);
  it('accepts a real PDF', () => {
    expect(checkDocument({ name: 'wniosek.PDF', bytes: pdf }, params)).toEqual({
      ok: true,
      contentType: 'application/pdf',
    });
  });
  it('refuses a forbidden type, a fake and a file too large', () => {
    expect(checkDocument({ name: 'run.exe', bytes: pdf }, params)).toMatchObject({
      ok: false,
      key: 'typeNotAllowed',
    });
    expect(checkDocument({ name: 'a.png', bytes: pdf }, params)).toMatchObject({
      ok: false,
      key: 'notWhatItSays',
    });
    expect(checkDocument({ name: 'a.pdf', bytes: new Uint8Array(11).fill(0x25) }, params)).toMatchObject({
      ok: false,
      key: 'tooLarge',
    });
    expect(checkDocument({ name: 'a.pdf', bytes: new Uint8Array() }, params)).toMatchObject({ key: 'empty' });
  });
});
