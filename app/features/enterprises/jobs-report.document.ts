import type { DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import type { XlsxSheet } from '../../lib/tabular/xlsx.server.ts';
import { contractKey } from './enterprise.labels.ts';
import { HORIZONS } from './enterprises.rules.ts';
import type { JobsReport, ReportJob } from './jobs-report.server.ts';

function header(i18n: I18n): string[] {
  const { t } = i18n;
  return [
    t('enterprises.jobs.enterprise'),
    t('enterprises.job.position.label'),
    t('enterprises.report.initials'),
    t('enterprises.job.contractType.label'),
    t('enterprises.job.fte.short'),
    t('enterprises.job.startOn.label'),
    t('enterprises.job.endOn.label'),
    t('enterprises.report.atRisk'),
    t('enterprises.job.funding'),
    t('enterprises.job.keepUntil.label'),
    ...HORIZONS.map((h) => t('enterprises.report.keptAt', { months: h })),
  ];
}

function cells(i18n: I18n, enterprise: string, j: ReportJob): string[] {
  const { t } = i18n;
  const yn = (b: boolean | null) => (b === null ? '—' : b ? t('enterprises.yes') : t('enterprises.no'));
  return [
    enterprise,
    j.position,
    j.initials,
    t(contractKey(j.contractType)),
    i18n.number(j.fte),
    i18n.date(j.startOn),
    j.endOn ? i18n.date(j.endOn) : '—',
    yn(j.atRisk),
    j.funding || '—',
    j.keepUntil ? i18n.date(j.keepUntil) : '—',
    ...j.kept.map(yn),
  ];
}

function totalRow(i18n: I18n, r: JobsReport): string[] {
  const { t } = i18n;
  return [
    t('enterprises.report.total'),
    t('enterprises.report.jobsCount', { count: r.totals.jobs }),
    '',
    '',
    i18n.number(r.totals.fte),
    '',
    '',
    t('enterprises.report.atRiskCount', { count: r.totals.atRisk }),
    '',
    '',
    ...r.totals.kept.map((k) => `${k.kept}/${k.eligible}`),
  ];
}

/** The jobs report as one XLSX sheet: a row per job, totals last. */
export function jobsReportSheets(i18n: I18n, r: JobsReport): XlsxSheet[] {
  const rows = r.enterprises.flatMap((e) => e.jobs.map((j) => cells(i18n, e.name, j)));
  return [
    { name: i18n.t('enterprises.report.sheet'), header: header(i18n), rows: [...rows, totalRow(i18n, r)] },
  ];
}

/** The jobs report for funders as a landscape PDF: a table per enterprise, then totals. */
export function jobsReportDocument(i18n: I18n, r: JobsReport, localityName: string): DocModel {
  const { t } = i18n;
  const cols = header(i18n)
    .slice(1)
    .map((h, i) => ({ header: h, width: i === 0 || i === 7 ? 2 : 1 }));
  return {
    title: t('enterprises.report.title'),
    language: i18n.locale,
    orientation: 'landscape',
    header: localityName,
    footerPageTemplate: t('enterprises.report.page'),
    blocks: [
      {
        kind: 'paragraph',
        text: t('enterprises.report.periodLine', { from: i18n.date(r.from), to: i18n.date(r.to) }),
      },
      ...r.enterprises.flatMap((e) => [
        { kind: 'heading' as const, level: 2 as const, text: e.name },
        {
          kind: 'table' as const,
          columns: cols,
          rows: e.jobs.map((j) => cells(i18n, e.name, j).slice(1)),
          repeatHeader: true,
        },
      ]),
      { kind: 'heading', level: 2, text: t('enterprises.report.total') },
      {
        kind: 'keyValue',
        rows: [
          { label: t('enterprises.report.jobs'), value: String(r.totals.jobs) },
          { label: t('enterprises.job.fte.short'), value: i18n.number(r.totals.fte) },
          { label: t('enterprises.report.atRisk'), value: String(r.totals.atRisk) },
          ...r.totals.kept.map((k, i) => ({
            label: t('enterprises.report.keptAt', { months: HORIZONS[i]! }),
            value: `${k.kept}/${k.eligible}`,
          })),
        ],
      },
    ],
  };
}
