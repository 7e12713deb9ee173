import type { DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import { WALK_IN_ROWS } from './meeting.rules.ts';
import { meetingDay, meetingHours } from './meeting-format.ts';

/**
 * The attendance list to print and sign: the meeting (title, day, time, place), one row per
 * invitee (organisation, name, an empty signature box) and a few empty rows for walk-ins.
 */
export function attendanceListDocument(opts: {
  i18n: I18n;
  localityName: string;
  partnershipName: string;
  meeting: { title: string; startsAt: Date; endsAt: Date; place: string };
  participants: { organisationName: string | null; name: string }[];
}): DocModel {
  const { i18n, meeting: m } = opts;
  const { t } = i18n;
  const rows = opts.participants.map((p, i) => [String(i + 1), p.organisationName ?? '', p.name, '']);
  for (let i = 0; i < WALK_IN_ROWS; i++) rows.push([String(rows.length + 1), '', '', '']);
  return {
    title: t('meetings.attendanceList.title'),
    language: i18n.locale,
    author: 'Splot',
    subject: t('meetings.attendanceList.subject', { title: m.title }),
    header: `${opts.partnershipName} · ${opts.localityName}`,
    footer: t('meetings.attendanceList.footer'),
    footerPageTemplate: t('meetings.attendanceList.page'),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          { label: t('meetings.attendanceList.meeting'), value: m.title },
          { label: t('meetings.details.date'), value: meetingDay(i18n.locale, m.startsAt) },
          { label: t('meetings.details.time'), value: meetingHours(m.startsAt, m.endsAt) },
          { label: t('meetings.details.place'), value: m.place || '—' },
        ],
      },
      {
        kind: 'table',
        repeatHeader: true,
        rowHeight: 30,
        columns: [
          { header: t('meetings.attendanceList.col.no'), width: 0.6, align: 'right' },
          { header: t('meetings.attendanceList.col.organisation'), width: 4 },
          { header: t('meetings.attendanceList.col.name'), width: 3 },
          { header: t('meetings.attendanceList.col.signature'), width: 3 },
        ],
        rows,
      },
    ],
  };
}
