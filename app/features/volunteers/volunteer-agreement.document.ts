import type { DocBlock, DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import type { getVolunteer } from './volunteers.queries.server.ts';
import { type AgreementParameter, periodDays } from './volunteers.rules.ts';

type Volunteer = NonNullable<Awaited<ReturnType<typeof getVolunteer>>>;

const BLANK = '……………………………';

function address(o: NonNullable<Volunteer['organisation']>): string {
  const street = [o.street, [o.houseNo, o.flatNo].filter(Boolean).join('/')].filter(Boolean).join(' ');
  return [street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/**
 * The volunteer agreement ("Porozumienie o wykonywaniu świadczeń wolontariusza", art. 44 of the
 * act on public-benefit activity and volunteering) to print and sign: the parties, the scope,
 * the period, the organisation's duties (with accident insurance for work up to the limit),
 * ending, and signature lines. Empty fields are printed as lines to fill in by hand.
 */
export function volunteerAgreementDocument(opts: {
  i18n: I18n;
  localityName: string;
  volunteer: Volunteer;
  parameter: AgreementParameter;
}): DocModel {
  const { i18n, volunteer: v, parameter } = opts;
  const { t } = i18n;
  const a = v.volunteer;
  const name = `${v.person.givenName} ${v.person.familyName}`;
  const org = v.organisation;
  const days = a.agreementFrom && a.agreementTo ? periodDays(a.agreementFrom, a.agreementTo) : null;
  const short = days !== null && days <= parameter.accidentInsuranceUpToDays;
  const period = a.agreementFrom
    ? a.agreementTo
      ? t('volunteers.doc.periodFixed', {
          from: i18n.dateLong(a.agreementFrom),
          to: i18n.dateLong(a.agreementTo),
        })
      : t('volunteers.doc.periodOpen', { from: i18n.dateLong(a.agreementFrom) })
    : t('volunteers.doc.periodBlank', { blank: BLANK });
  const duties = [
    t('volunteers.doc.duty.risks'),
    t('volunteers.doc.duty.safety'),
    t('volunteers.doc.duty.costs'),
    short
      ? t('volunteers.doc.duty.insuranceShort', { days: parameter.accidentInsuranceUpToDays })
      : t('volunteers.doc.duty.insuranceLong', { days: parameter.accidentInsuranceUpToDays }),
    t('volunteers.doc.duty.certificate'),
  ];
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t('volunteers.doc.intro', {
        date: a.agreementSignedOn ? i18n.dateLong(a.agreementSignedOn) : BLANK,
        locality: opts.localityName,
      }),
    },
    { kind: 'heading', level: 2, text: t('volunteers.doc.partiesTitle') },
    {
      kind: 'keyValue',
      rows: [
        { label: t('volunteers.doc.organisation'), value: org?.name ?? BLANK },
        { label: t('volunteers.doc.address'), value: (org && address(org)) || BLANK },
        { label: 'KRS', value: org?.krs || '—' },
        { label: t('volunteers.doc.representedBy'), value: BLANK },
        { label: t('volunteers.doc.volunteer'), value: name },
        { label: t('volunteers.doc.volunteerAddress'), value: BLANK },
      ],
    },
    { kind: 'heading', level: 2, text: t('volunteers.doc.s1') },
    { kind: 'paragraph', text: t('volunteers.doc.scopeIntro') },
    { kind: 'paragraph', text: a.agreementScope || BLANK },
    { kind: 'heading', level: 2, text: t('volunteers.doc.s2') },
    { kind: 'paragraph', text: period },
    { kind: 'heading', level: 2, text: t('volunteers.doc.s3') },
    { kind: 'list', ordered: true, items: duties },
    { kind: 'heading', level: 2, text: t('volunteers.doc.s4') },
    {
      kind: 'list',
      ordered: true,
      items: [t('volunteers.doc.volunteerDuty.personal'), t('volunteers.doc.volunteerDuty.unpaid')],
    },
    { kind: 'heading', level: 2, text: t('volunteers.doc.s5') },
    {
      kind: 'list',
      ordered: true,
      items: [
        t('volunteers.doc.final.termination'),
        t('volunteers.doc.final.law'),
        t('volunteers.doc.final.copies'),
      ],
    },
    { kind: 'spacer', size: 24 },
    {
      kind: 'signatures',
      parties: [
        { name: org?.name ?? t('volunteers.doc.organisation'), role: t('volunteers.doc.signOrganisation') },
        { name, role: t('volunteers.doc.signVolunteer') },
      ],
    },
  ];
  return {
    title: t('volunteers.doc.title'),
    language: i18n.locale,
    author: 'Splot',
    subject: t('volunteers.doc.subject', { locality: opts.localityName }),
    header: opts.localityName,
    footer: t('volunteers.doc.footer'),
    footerPageTemplate: t('volunteers.doc.page'),
    blocks,
  };
}
