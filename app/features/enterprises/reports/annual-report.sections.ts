import type { DocModel } from '../../../lib/documents/model.ts';
import type { I18n, MessageKey } from '../../../lib/i18n/i18n.ts';
import { checkMessageText, ruleLabel } from '../legal/check-message.ts';
import type { AnnualReportDraft } from './annual-report.server.ts';

export type Section = {
  id: string;
  title: string;
  rows: { label: string; value: string }[];
  /** Free text or a list shown after the rows. */
  items?: string[];
};

const AIMS = ['reintegration', 'social_services'];

/** The draft's sections as labelled rows in the reader's language: one source for the page, PDF and DOCX. */
export function annualReportSections(i18n: I18n, d: AnnualReportDraft): Section[] {
  const { t, money, date, number } = i18n;
  const none = t('costs.annual.none');
  const pct = (share: number | null) =>
    share === null ? none : t('costs.report.percent', { value: number(Math.round(share * 1000) / 10) });
  const f = d.figures;
  const legalForm = i18n.t(`organisations.legalForm.${d.organisation.legalForm}` as MessageKey);
  const sections: Section[] = [
    {
      id: 'identification',
      title: t('costs.annual.section.identification'),
      rows: [
        { label: t('costs.annual.name'), value: d.organisation.name },
        {
          label: t('costs.annual.legalForm'),
          value: legalForm.startsWith('organisations.') ? d.organisation.legalForm : legalForm,
        },
        { label: 'NIP', value: d.organisation.nip || none },
        { label: 'REGON', value: d.organisation.regon || none },
        { label: 'KRS', value: d.organisation.krs || none },
        { label: t('costs.annual.address'), value: d.organisation.address || none },
        { label: t('costs.annual.registeredOn'), value: d.registeredOn ? date(d.registeredOn) : none },
      ],
    },
    {
      id: 'status',
      title: t('costs.annual.section.status'),
      rows: [
        {
          label: t('costs.annual.psDecision'),
          value: d.psStatus
            ? t(d.psStatus.kind === 'ps_granted' ? 'costs.annual.psGranted' : 'costs.annual.psLost', {
                date: date(d.psStatus.decidedOn),
                number: d.psStatus.number || '—',
                authority: d.psStatus.authority || '—',
              })
            : t('costs.annual.psNone'),
        },
        {
          label: t('costs.annual.aims'),
          value:
            d.aims.length > 0
              ? d.aims
                  .map((a) => (AIMS.includes(a) ? t(`costs.annual.aim.${a as 'reintegration'}`) : a))
                  .join('; ')
              : none,
        },
      ],
    },
    {
      id: 'employment',
      title: t('costs.annual.section.employment'),
      rows: [
        {
          label: t('costs.annual.employment.atYearEnd', { minFte: number(d.minEmployees.minFte) }),
          value: number(f.employment.atYearEnd),
        },
        { label: t('costs.annual.employment.atRisk'), value: number(f.employment.atRiskAtYearEnd) },
        { label: t('costs.annual.employment.share'), value: pct(f.employment.atRiskShare) },
        { label: t('costs.annual.employment.average'), value: number(f.employment.average) },
        { label: t('costs.annual.employment.all'), value: number(f.employment.allAtYearEnd) },
        { label: t('costs.annual.employment.created'), value: number(f.employment.created) },
        { label: t('costs.annual.employment.ended'), value: number(f.employment.ended) },
      ],
    },
    {
      id: 'finance',
      title: t('costs.annual.section.finance'),
      rows: [
        { label: t('costs.annual.finance.ownRevenue'), value: money(f.finance.ownRevenue) },
        { label: t('costs.annual.finance.grants'), value: money(f.finance.grants) },
        { label: t('costs.annual.finance.costs'), value: money(f.finance.costs) },
        { label: t('costs.annual.finance.result'), value: money(f.finance.result) },
        { label: t('costs.annual.finance.ownShare'), value: pct(f.finance.ownRevenueShare) },
        {
          label: t('costs.annual.finance.months'),
          value: t('costs.annual.finance.monthsValue', { count: f.finance.monthsRecorded }),
        },
      ],
    },
    {
      id: 'community',
      title: t('costs.annual.section.community'),
      rows: [
        { label: t('costs.annual.services'), value: d.servicesToLocality || none },
        { label: t('costs.annual.beneficiaries'), value: d.beneficiaries || none },
        ...(f.membersAtYearEnd === null
          ? []
          : [{ label: t('costs.annual.members'), value: number(f.membersAtYearEnd) }]),
      ],
    },
    {
      id: 'checks',
      title: t('costs.annual.section.checks', { date: date(f.yearEnd) }),
      rows: d.check.results.map((r) => ({
        label: ruleLabel(i18n, r.rule),
        value: `${t(r.passed === true ? 'costs.annual.check.passed' : r.passed === false ? 'costs.annual.check.failed' : 'costs.annual.check.na')} — ${checkMessageText(i18n, r.message)}`,
      })),
    },
  ];
  return sections;
}

/** What is missing, in words (one line each). */
export function missingLines(i18n: I18n, d: AnnualReportDraft): string[] {
  return d.missing.map((m) =>
    m === 'figures'
      ? i18n.t('costs.annual.missing.figures', {
          count: d.figures.finance.monthsMissing.length,
          months: d.figures.finance.monthsMissing.map((x) => `${x.slice(5, 7)}.${x.slice(0, 4)}`).join(', '),
        })
      : i18n.t(`costs.annual.missing.${m}`),
  );
}

/** The draft as a document (PDF and an editable DOCX). */
export function annualReportDocument(i18n: I18n, d: AnnualReportDraft): DocModel {
  const { t } = i18n;
  const missing = missingLines(i18n, d);
  return {
    title: t('costs.annual.docTitle', { year: String(d.year), name: d.organisation.name }),
    language: i18n.locale,
    header: d.organisation.name,
    footer: t('costs.annual.draftFooter'),
    footerPageTemplate: t('costs.report.pageTemplate'),
    blocks: [
      {
        kind: 'paragraph',
        text: t('costs.annual.lead', { year: String(d.year), dueOn: i18n.dateLong(d.dueOn) }),
      },
      ...(missing.length > 0
        ? [
            { kind: 'heading' as const, level: 2 as const, text: t('costs.annual.missing.title') },
            { kind: 'list' as const, items: missing },
          ]
        : []),
      ...annualReportSections(i18n, d).flatMap((s) => [
        { kind: 'heading' as const, level: 2 as const, text: s.title },
        s.rows.length > 0
          ? { kind: 'keyValue' as const, rows: s.rows }
          : { kind: 'paragraph' as const, text: t('costs.annual.none') },
      ]),
    ],
  };
}
