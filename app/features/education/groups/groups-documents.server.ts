import type { DocModel } from '../../../lib/documents/model.ts';
import type { I18n } from '../../../lib/i18n/i18n.ts';
import type { XlsxSheet } from '../../../lib/tabular/xlsx.server.ts';
import { warsawParts } from '../../meetings/meeting.rules.ts';
import type { AttendanceMatrix, SessionSheet } from './groups.queries.server.ts';

/** Empty rows for people who come without being on the list. */
const WALK_IN_ROWS = 3;

/** The attendance list of one session to print and sign: members, an empty signature column. */
export function sessionAttendanceDocument(opts: {
  i18n: I18n;
  localityName: string;
  sheet: SessionSheet;
  facilitators: string[];
}): DocModel {
  const { i18n, sheet: s } = opts;
  const { t } = i18n;
  const start = new Date(s.startsAt);
  const end = new Date(start.getTime() + s.minutes * 60_000);
  const rows = s.members.map((m, i) => [String(i + 1), m.name, '']);
  for (let i = 0; i < WALK_IN_ROWS; i++) rows.push([String(rows.length + 1), '', '']);
  const covered = s.modules.filter((m) => m.covered).map((m) => m.title);
  return {
    title: t('education.attendance.pdf.title'),
    language: i18n.locale,
    author: 'Splot',
    subject: t('education.attendance.pdf.subject', { group: s.groupName }),
    header: `${s.groupName} · ${opts.localityName}`,
    footer: t('education.attendance.pdf.footer'),
    footerPageTemplate: t('education.attendance.pdf.page'),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          { label: t('education.attendance.pdf.group'), value: s.groupName },
          { label: t('education.sessions.date'), value: i18n.dateLong(warsawParts(start).date) },
          {
            label: t('education.sessions.time'),
            value: `${warsawParts(start).time}–${warsawParts(end).time}`,
          },
          { label: t('education.sessions.place'), value: s.place || '—' },
          { label: t('education.groups.facilitators'), value: opts.facilitators.join(', ') || '—' },
          ...(covered.length ? [{ label: t('education.sessions.modules'), value: covered.join('; ') }] : []),
        ],
      },
      {
        kind: 'table',
        repeatHeader: true,
        rowHeight: 30,
        columns: [
          { header: t('education.attendance.pdf.no'), width: 0.6, align: 'right' },
          { header: t('education.attendance.pdf.name'), width: 4 },
          { header: t('education.attendance.pdf.signature'), width: 4 },
        ],
        rows,
      },
    ],
  };
}

const LETTER: Record<string, 'present' | 'absent' | 'excused'> = {
  present: 'present',
  absent: 'absent',
  excused: 'excused',
};

/** Members × sessions with P / A / U (N / U in Polish) and totals per member and per session. */
export function attendanceWorkbook(opts: {
  i18n: I18n;
  groupName: string;
  matrix: AttendanceMatrix;
}): XlsxSheet[] {
  const { t } = opts.i18n;
  const { members, marks } = opts.matrix;
  const sessions = opts.matrix.sessions.filter((s) => !s.cancelled);
  const letter = (status: string | undefined) =>
    status && LETTER[status] ? t(`education.attendance.letter.${LETTER[status]}`) : '';
  const header = [
    t('education.attendance.pdf.name'),
    ...sessions.map((s) => {
      const p = warsawParts(new Date(s.startsAt));
      return `${opts.i18n.date(p.date)} ${p.time}`;
    }),
    t('education.attendance.xlsx.present'),
    t('education.attendance.xlsx.hours'),
  ];
  const rows = members.map((m) => {
    const own = marks[m.id] ?? {};
    let present = 0;
    let minutes = 0;
    for (const s of sessions)
      if (own[s.id] === 'present') {
        present += 1;
        minutes += s.minutes;
      }
    return [m.name, ...sessions.map((s) => letter(own[s.id])), present, Math.round((minutes / 60) * 10) / 10];
  });
  const totals = sessions.map((s) => members.filter((m) => marks[m.id]?.[s.id] === 'present').length);
  rows.push([
    t('education.attendance.xlsx.total'),
    ...totals,
    totals.reduce((a, b) => a + b, 0),
    Math.round(rows.reduce((a, r) => a + Number(r[r.length - 1]), 0) * 10) / 10,
  ]);
  return [
    { name: t('education.attendance.xlsx.sheet'), header, rows },
    {
      name: t('education.attendance.xlsx.legendSheet'),
      header: [t('education.attendance.xlsx.legendSheet'), opts.groupName],
      rows: (['present', 'absent', 'excused'] as const).map((k) => [
        t(`education.attendance.letter.${k}`),
        t(`education.attendance.status.${k}`),
      ]),
    },
  ];
}
