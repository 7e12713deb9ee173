import type { DocBlock, DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import type { XlsxSheet } from '../../lib/tabular/xlsx.server.ts';
import type { AnnualReport } from './annual-report.server.ts';
import { fteText, groupLabel } from './club.labels.ts';
import type { ActivityKind, Outcome, StaffBasis } from './club.rules.ts';

type Club = { name: string; runByName: string | null; premisesAddress: string; registerNumber: string };

/** The annual report as a document (PDF): the club's identification and the four statutory sections. */
export function annualReportDocument(opts: {
  i18n: I18n;
  localityName: string;
  club: Club;
  report: AnnualReport;
}): DocModel {
  const { i18n, club, report: r } = opts;
  const { t, money, number } = i18n;
  const blocks: DocBlock[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t('club.report.doc.club'), value: club.name },
        { label: t('club.register.runBy'), value: club.runByName ?? '—' },
        { label: t('club.premises.address.label'), value: club.premisesAddress || '—' },
        { label: t('club.register.number.label'), value: club.registerNumber || '—' },
        {
          label: t('club.report.doc.period'),
          value: t('club.report.doc.periodValue', { year: String(r.year) }),
        },
        { label: t('club.report.due'), value: r.due ? i18n.dateLong(r.due) : '—' },
      ],
    },
    { kind: 'heading', level: 2, text: t('club.report.staff.title') },
  ];
  if (r.staff.people.length === 0) blocks.push({ kind: 'paragraph', text: t('club.report.staff.none') });
  else
    blocks.push({
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('club.report.staff.basis'), width: 5 },
        { header: t('club.report.staff.count'), width: 2, align: 'right' },
        { header: t('club.report.staff.fte'), width: 3, align: 'right' },
      ],
      rows: [
        ...r.staff.byBasis.map((b) => [
          t(`club.staff.basis.${b.basis as StaffBasis}`),
          number(b.count),
          fteText(t, b.fte),
        ]),
        [t('club.report.total'), number(r.staff.total.count), fteText(t, r.staff.total.fte)],
      ],
    });
  blocks.push(
    { kind: 'heading', level: 2, text: t('club.report.groups.title') },
    {
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('club.report.groups.group'), width: 6 },
        { header: t('club.report.groups.members'), width: 2, align: 'right' },
        { header: t('club.report.groups.withEffect'), width: 3, align: 'right' },
        { header: t('club.report.groups.foundJob'), width: 3, align: 'right' },
      ],
      rows: [
        ...r.groups.map((g) => [
          groupLabel(t, g.group),
          number(g.members),
          number(g.withEffect),
          number(g.foundJob),
        ]),
        [
          t('club.report.total'),
          number(r.membersTotal.members),
          number(r.membersTotal.withEffect),
          number(r.membersTotal.foundJob),
        ],
      ],
    },
    { kind: 'paragraph', text: t('club.report.groups.note') },
    { kind: 'heading', level: 2, text: t('club.report.activities.title') },
    {
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('club.report.activities.kind'), width: 6 },
        { header: t('club.report.activities.count'), width: 2, align: 'right' },
        { header: t('club.report.activities.present'), width: 3, align: 'right' },
        { header: t('club.report.activities.participants'), width: 3, align: 'right' },
      ],
      rows: [
        ...r.activities.map((a) => [
          t(`club.activity.kind.${a.kind as ActivityKind}`),
          number(a.count),
          number(a.present),
          number(a.participants),
        ]),
        [t('club.report.total'), number(r.activitiesTotal.count), number(r.activitiesTotal.present), ''],
      ],
    },
    { kind: 'heading', level: 3, text: t('club.report.effects.title') },
    {
      kind: 'table',
      columns: [
        { header: t('club.members.outcome.label'), width: 6 },
        { header: t('club.report.effects.count'), width: 2, align: 'right' },
      ],
      rows: r.outcomes.map((o) => [t(`club.outcome.${o.outcome as Outcome}`), number(o.count)]),
    },
    {
      kind: 'paragraph',
      text: t('club.report.visits', {
        memberVisits: r.visits.memberVisits,
        otherVisitors: r.visits.otherVisitors,
      }),
    },
    { kind: 'heading', level: 2, text: t('club.report.grants.title') },
  );
  if (r.grants.length === 0) blocks.push({ kind: 'paragraph', text: t('club.report.grants.none') });
  else
    blocks.push({
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('club.grants.source.label'), width: 6 },
        { header: t('club.grants.granted.label'), width: 3, align: 'right' },
        { header: t('club.grants.spent.label'), width: 3, align: 'right' },
      ],
      rows: [
        ...r.grants.map((g) => [g.source, money(g.granted), g.spent === null ? '—' : money(g.spent)]),
        [t('club.report.total'), money(r.grantsTotal.granted), money(r.grantsTotal.spent)],
      ],
    });
  blocks.push({ kind: 'signatures', parties: [{ name: t('club.report.doc.signature') }] });
  return {
    title: t('club.report.doc.title', { year: String(r.year) }),
    language: i18n.locale,
    author: 'Splot',
    subject: club.name,
    header: `${club.name} · ${opts.localityName}`,
    footer: t('club.report.doc.footer'),
    footerPageTemplate: t('club.doc.page'),
    blocks,
  };
}

/** The same report as a workbook: one sheet per statutory section. */
export function annualReportSheets(i18n: I18n, r: AnnualReport): XlsxSheet[] {
  const { t } = i18n;
  return [
    {
      name: t('club.report.sheet.staff'),
      header: [
        t('club.staff.name.label'),
        t('club.staff.role.label'),
        t('club.report.staff.basis'),
        t('club.report.staff.fte'),
        t('club.staff.fromDate.label'),
        t('club.staff.toDate.label'),
      ],
      rows: r.staff.people.map((s) => [
        s.name,
        t(`club.staff.role.${s.role as 'animator'}`),
        t(`club.staff.basis.${s.basis as StaffBasis}`),
        s.fte,
        new Date(`${s.fromDate}T00:00:00Z`),
        s.toDate ? new Date(`${s.toDate}T00:00:00Z`) : null,
      ]),
    },
    {
      name: t('club.report.sheet.groups'),
      header: [
        t('club.report.groups.group'),
        t('club.report.groups.members'),
        t('club.report.groups.withEffect'),
        t('club.report.groups.foundJob'),
      ],
      rows: [
        ...r.groups.map((g) => [groupLabel(t, g.group), g.members, g.withEffect, g.foundJob]),
        [t('club.report.total'), r.membersTotal.members, r.membersTotal.withEffect, r.membersTotal.foundJob],
      ],
    },
    {
      name: t('club.report.sheet.activities'),
      header: [
        t('club.report.activities.kind'),
        t('club.report.activities.count'),
        t('club.report.activities.present'),
        t('club.report.activities.participants'),
      ],
      rows: [
        ...r.activities.map((a) => [
          t(`club.activity.kind.${a.kind as ActivityKind}`),
          a.count,
          a.present,
          a.participants,
        ]),
      ],
    },
    {
      name: t('club.report.sheet.effects'),
      header: [t('club.members.outcome.label'), t('club.report.effects.count')],
      rows: r.outcomes.map((o) => [t(`club.outcome.${o.outcome as Outcome}`), o.count]),
    },
    {
      name: t('club.report.sheet.grants'),
      header: [t('club.grants.source.label'), t('club.grants.granted.label'), t('club.grants.spent.label')],
      rows: [
        ...r.grants.map((g) => [g.source, g.granted, g.spent]),
        [t('club.report.total'), r.grantsTotal.granted, r.grantsTotal.spent],
      ],
    },
  ];
}
