import type { I18n } from '../../../lib/i18n/i18n.ts';
import type { CsvCell } from '../../../lib/tabular/csv.ts';
import type { XlsxSheet } from '../../../lib/tabular/xlsx.server.ts';
import type { EducationReport } from './report.server.ts';

/** A group kind in words (unknown kinds shown as stored). */
export function groupKindLabel(i18n: I18n, kind: string): string {
  if (kind === 'leaders_course' || kind === 'self_education' || kind === 'club_activity')
    return i18n.t(`education.reports.kind.${kind}`);
  return kind;
}

/** "Pokolenie 2" / "Poza kaskadą". */
export function generationLabel(i18n: I18n, generation: number | null): string {
  return generation === null
    ? i18n.t('education.reports.generation.none')
    : i18n.t('education.reports.generation.n', { n: generation });
}

export function moduleLabel(i18n: I18n, m: { title: string | null; programme: string | null }): string {
  return m.title === null ? i18n.t('education.reports.module.none') : `${m.title} (${m.programme})`;
}

function figureHeader(i18n: I18n): string[] {
  return [
    i18n.t('education.reports.col.sessions'),
    i18n.t('education.reports.col.people'),
    i18n.t('education.reports.col.hours'),
  ];
}

/** The report as workbook sheets: summary, by group, by module, by generation. */
export function reportSheets(i18n: I18n, r: EducationReport, localityName: string): XlsxSheet[] {
  const { t } = i18n;
  const fig = (x: { sessions: number; people: number; personHours: number }) => [
    x.sessions,
    x.people,
    x.personHours,
  ];
  return [
    {
      name: t('education.reports.sheet.summary'),
      header: [t('education.reports.col.item'), t('education.reports.col.value')],
      rows: [
        [t('education.reports.col.locality'), localityName],
        [t('education.reports.col.from'), i18n.date(r.from)],
        [t('education.reports.col.to'), i18n.date(r.to)],
        [t('education.reports.totals.people'), r.totals.people],
        [t('education.reports.totals.hours'), r.totals.personHours],
        [t('education.reports.totals.sessions'), r.totals.sessions],
        [t('education.reports.totals.groups'), r.totals.groups],
        [t('education.reports.col.note'), t('education.reports.note.unique')],
        [t('education.reports.col.note'), t('education.reports.note.modules')],
      ],
      columnWidths: [40, 60],
    },
    {
      name: t('education.reports.sheet.groups'),
      header: [
        t('education.reports.col.group'),
        t('education.reports.col.kind'),
        t('education.reports.col.generation'),
        ...figureHeader(i18n),
      ],
      rows: r.byGroup.map((g) => [
        g.name,
        groupKindLabel(i18n, g.kind),
        generationLabel(i18n, g.generation),
        ...fig(g),
      ]),
      columnWidths: [40, 24, 16, 12, 12, 14],
    },
    {
      name: t('education.reports.sheet.modules'),
      header: [t('education.reports.col.module'), ...figureHeader(i18n)],
      rows: r.byModule.map((m) => [moduleLabel(i18n, m), ...fig(m)]),
      columnWidths: [50, 12, 12, 14],
    },
    {
      name: t('education.reports.sheet.generations'),
      header: [
        t('education.reports.col.generation'),
        t('education.reports.col.groups'),
        ...figureHeader(i18n),
      ],
      rows: r.byGeneration.map((g) => [generationLabel(i18n, g.generation), g.groups, ...fig(g)]),
      columnWidths: [20, 12, 12, 12, 14],
    },
  ];
}

/** The report as one CSV table: a "breakdown" column says which part each line belongs to. */
export function reportCsv(i18n: I18n, r: EducationReport): { header: string[]; rows: CsvCell[][] } {
  const { t } = i18n;
  const header = [
    t('education.reports.col.breakdown'),
    t('education.reports.col.name'),
    t('education.reports.col.generation'),
    ...figureHeader(i18n),
  ];
  const rows: CsvCell[][] = [
    [
      t('education.reports.sheet.summary'),
      t('education.reports.totals.all'),
      '',
      r.totals.sessions,
      r.totals.people,
      r.totals.personHours,
    ],
    ...r.byGroup.map((g) => [
      t('education.reports.sheet.groups'),
      g.name,
      generationLabel(i18n, g.generation),
      g.sessions,
      g.people,
      g.personHours,
    ]),
    ...r.byModule.map((m) => [
      t('education.reports.sheet.modules'),
      moduleLabel(i18n, m),
      '',
      m.sessions,
      m.people,
      m.personHours,
    ]),
    ...r.byGeneration.map((g) => [
      t('education.reports.sheet.generations'),
      generationLabel(i18n, g.generation),
      '',
      g.sessions,
      g.people,
      g.personHours,
    ]),
  ];
  return { header, rows };
}
