import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { validatePerson } from './people.server.ts';
import { normalisePhone } from './person.schema.ts';

describe('the minimal person record', () => {
  it('needs both names and the GDPR basis, and tidies what was typed', () => {
    expect(
      validatePerson({
        givenName: '  Anna ',
        familyName: 'Nowak  Kowalska',
        email: ' Anna.Nowak@Example.PL ',
        phone: '+48 600 100 200',
        legalBasis: 'public_task',
      }),
    ).toEqual({
      givenName: 'Anna',
      familyName: 'Nowak Kowalska',
      email: 'anna.nowak@example.pl',
      phone: '+48 600 100 200',
      legalBasis: 'public_task',
      basisNote: '',
    });
  });

  it('explains every wrong field at once, by field', () => {
    try {
      validatePerson({ givenName: ' ', familyName: '', email: 'anna@', phone: '12', legalBasis: 'because' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fieldErrors).toEqual({
        givenName: 'club.people.givenName.required',
        familyName: 'club.people.familyName.required',
        email: 'club.people.email.invalid',
        phone: 'club.people.phone.invalid',
        legalBasis: 'club.people.basis.required',
      });
    }
  });

  it('takes contact as optional and phone numbers with the usual separators', () => {
    expect(validatePerson({ givenName: 'Jan', familyName: 'Nowak', legalBasis: 'consent' }).email).toBe('');
    expect(normalisePhone('(61) 262-10-00')).toBe('(61) 262-10-00');
    expect(normalisePhone('600 100 200 wew. 5')).toBeNull();
  });
});
