import { describe, expect, it } from 'vitest';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { volunteerAgreementDocument } from './volunteer-agreement.document.ts';

const volunteer = (agreementTo: string | null, organisation = true) => ({
  person: {
    id: 'p',
    givenName: 'Teresa',
    familyName: 'Banaś',
    email: '',
    phone: '',
    legalBasis: 'consent',
    basisNote: '',
  },
  volunteer: {
    organisationId: organisation ? 'o' : null,
    skills: '',
    since: '2026-01-01',
    status: 'active',
    agreementScope: 'Zbiórki żywności',
    agreementFrom: '2026-01-01',
    agreementTo,
    agreementSignedOn: null,
  },
  organisation: organisation
    ? {
        name: 'Parafia pw. św. Jana',
        street: 'Kościelna',
        houseNo: '1',
        flatNo: '',
        postalCode: '62-100',
        city: 'Wągrowiec',
        krs: null,
      }
    : null,
  createdByName: null,
});
const parameter = { writtenAboveDays: 30, accidentInsuranceUpToDays: 30 };
const text = (doc: ReturnType<typeof volunteerAgreementDocument>) => JSON.stringify(doc.blocks);

describe('the volunteer agreement document', () => {
  it('names the parties, the scope and the period, with the insurance duty for up to 30 days', () => {
    const doc = volunteerAgreementDocument({
      i18n: getI18n('pl'),
      localityName: 'Wągrowiec',
      volunteer: volunteer('2026-01-20'),
      parameter,
    });
    expect(doc.title).toBe('Porozumienie o wykonywaniu świadczeń wolontariusza');
    const t = text(doc);
    expect(t).toContain('Teresa Banaś');
    expect(t).toContain('Parafia pw. św. Jana');
    expect(t).toContain('Kościelna 1, 62-100 Wągrowiec');
    expect(t).toContain('Zbiórki żywności');
    expect(t).toContain('od 1 stycznia 2026 r. do 20 stycznia 2026 r.');
    expect(t).toContain('korzystający ubezpiecza wolontariusza od następstw nieszczęśliwych wypadków');
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'signatures' });
  });

  it('leaves lines to fill in without an organisation, and speaks English', () => {
    const doc = volunteerAgreementDocument({
      i18n: getI18n('en'),
      localityName: 'Kwilcz',
      volunteer: volunteer(null, false),
      parameter,
    });
    const t = text(doc);
    expect(doc.title).toBe('Agreement on volunteer work');
    expect(t).toContain('……………………………');
    expect(t).toContain('with no end date');
    expect(t).toContain('the volunteer is covered for accidents under the act on social insurance');
  });
});
