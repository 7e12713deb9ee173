import type { DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import type { XlsxSheet } from '../../lib/tabular/xlsx.server.ts';
import type { CostReport } from './costs.rules.ts';

/** A share (0..1, tenths of a per cent) in words: "33,4%". */
export function sharePercent(i18n: I18n, share: number): string {
  return i18n.t('costs.report.percent', { value: i18n.number(Math.round(share * 1000) / 10) });
}

/** The report's tables as translated labels and figures: one source for the page's files. */
export function reportTables(i18n: I18n, r: CostReport) {
  const { t } = i18n;
  return {
    coverage: r.coverage.map((c) => ({
      label: t(`costs.report.coverer.${c.key}`),
      amount: c.amount,
      share: c.share,
    })),
    byKind: r.byKind.map((k) => ({ label: kindLabel(i18n, k.key), amount: k.amount })),
    bySource: r.bySource.map((s) => ({ label: sourceLabel(i18n, s.key), amount: s.amount })),
    byCategory: r.byCategory.map((c) => ({ label: categoryLabel(i18n, c.key), amount: c.amount })),
    byMonth: r.byMonth.map((m) => ({
      label: `${m.month.slice(5, 7)}.${m.month.slice(0, 4)}`,
      inKind: m.inKind,
      spent: m.spent,
    })),
  };
}

export function kindLabel(i18n: I18n, key: string): string {
  return ['premises', 'volunteers', 'equipment', 'expertise', 'donation'].includes(key)
    ? i18n.t(`partnerships.inKind.kind.${key as 'premises'}`)
    : key;
}

export function sourceLabel(i18n: I18n, key: string): string {
  return ['commitment', 'club_premises', 'volunteer_hours', 'donation', 'other'].includes(key)
    ? i18n.t(`costs.report.source.${key as 'commitment'}`)
    : key;
}

export function categoryLabel(i18n: I18n, key: string): string {
  return ['staff', 'premises', 'materials', 'services', 'travel', 'other'].includes(key)
    ? i18n.t(`costs.costs.category.${key as 'staff'}`)
    : key;
}

/** The cost-reduction report as a document (PDF). */
export function costReportDocument(i18n: I18n, r: CostReport, locality: string): DocModel {
  const { t, money, date } = i18n;
  const tb = reportTables(i18n, r);
  const amountCols = (first: string) => [
    { header: first, width: 3 },
    { header: t('costs.report.amount'), width: 2, align: 'right' as const },
  ];
  return {
    title: t('costs.report.docTitle', { locality }),
    language: i18n.locale,
    header: locality,
    footerPageTemplate: t('costs.report.pageTemplate'),
    blocks: [
      { kind: 'paragraph', text: t('costs.report.periodLine', { from: date(r.from), to: date(r.to) }) },
      {
        kind: 'keyValue',
        rows: [
          { label: t('costs.report.spent'), value: money(r.spent) },
          { label: t('costs.report.inKindTotal'), value: money(r.inKindTotal) },
          { label: t('costs.report.fullCost'), value: money(r.fullCost) },
        ],
      },
      { kind: 'heading', level: 2, text: t('costs.report.coverage.title') },
      {
        kind: 'table',
        columns: [
          { header: t('costs.report.coverage.who'), width: 3 },
          { header: t('costs.report.amount'), width: 2, align: 'right' },
          { header: t('costs.report.share'), width: 1, align: 'right' },
        ],
        rows: tb.coverage.map((c) => [c.label, money(c.amount), sharePercent(i18n, c.share)]),
      },
      { kind: 'heading', level: 2, text: t('costs.report.byKind.title') },
      {
        kind: 'table',
        columns: amountCols(t('costs.report.byKind.what')),
        rows: tb.byKind.map((k) => [k.label, money(k.amount)]),
      },
      { kind: 'heading', level: 2, text: t('costs.report.bySource.title') },
      {
        kind: 'table',
        columns: amountCols(t('costs.report.bySource.what')),
        rows: tb.bySource.map((k) => [k.label, money(k.amount)]),
      },
      { kind: 'heading', level: 2, text: t('costs.report.byCategory.title') },
      {
        kind: 'table',
        columns: amountCols(t('costs.costs.category.label')),
        rows: tb.byCategory.map((k) => [k.label, money(k.amount)]),
      },
      { kind: 'heading', level: 2, text: t('costs.report.byMonth.title') },
      {
        kind: 'table',
        repeatHeader: true,
        columns: [
          { header: t('costs.costs.month.label'), width: 2 },
          { header: t('costs.report.inKindTotal'), width: 2, align: 'right' },
          { header: t('costs.report.spent'), width: 2, align: 'right' },
        ],
        rows: tb.byMonth.map((m) => [m.label, money(m.inKind), money(m.spent)]),
      },
      { kind: 'paragraph', text: t('costs.report.method') },
    ],
  };
}

/** The cost-reduction report as spreadsheets: a summary sheet and one per breakdown. */
export function costReportSheets(i18n: I18n, r: CostReport): XlsxSheet[] {
  const { t } = i18n;
  const tb = reportTables(i18n, r);
  const amount = t('costs.report.amount');
  return [
    {
      name: t('costs.report.sheet.coverage'),
      header: [t('costs.report.coverage.who'), amount, t('costs.report.share')],
      rows: [
        ...tb.coverage.map((c) => [c.label, c.amount, c.share]),
        [t('costs.report.fullCost'), r.fullCost, r.fullCost > 0 ? 1 : 0],
      ],
      columnWidths: [36, 16, 10],
    },
    {
      name: t('costs.report.sheet.byKind'),
      header: [t('costs.report.byKind.what'), amount],
      rows: tb.byKind.map((k) => [k.label, k.amount]),
      columnWidths: [36, 16],
    },
    {
      name: t('costs.report.sheet.bySource'),
      header: [t('costs.report.bySource.what'), amount],
      rows: tb.bySource.map((k) => [k.label, k.amount]),
      columnWidths: [36, 16],
    },
    {
      name: t('costs.report.sheet.byMonth'),
      header: [t('costs.costs.month.label'), t('costs.report.inKindTotal'), t('costs.report.spent')],
      rows: tb.byMonth.map((m) => [m.label, m.inKind, m.spent]),
      columnWidths: [14, 18, 18],
    },
    {
      name: t('costs.report.sheet.byCategory'),
      header: [t('costs.costs.category.label'), amount],
      rows: tb.byCategory.map((k) => [k.label, k.amount]),
      columnWidths: [30, 16],
    },
  ];
}
