import type { DocModel } from '../../../lib/documents/model.ts';
import type { I18n } from '../../../lib/i18n/i18n.ts';
import type { CertificateData } from './leaders.queries.server.ts';

/**
 * The leader's certificate (tagged PDF through renderPdf): who, which programme, the modules with
 * their hours, the dates, the number and who issued it. Polish by default, English on request.
 */
export function certificateDocument(opts: {
  i18n: I18n;
  localityName: string;
  c: CertificateData;
}): DocModel {
  const { i18n, c } = opts;
  const { t } = i18n;
  const hours = (h: number) =>
    t('education.leaders.certificate.hours', { hours: i18n.number(Math.round(h * 10) / 10) });
  const from = c.firstSession?.slice(0, 10) ?? c.startsOn;
  const to = c.lastSession?.slice(0, 10) ?? c.endsOn ?? c.grantedOn;
  const planned = c.modules.reduce((s, m) => s + m.plannedHours, 0);
  return {
    title: t('education.leaders.certificate.title'),
    language: i18n.locale,
    author: opts.localityName,
    subject: t('education.leaders.certificate.subject', { name: c.personName, number: c.certificateNumber }),
    header: opts.localityName,
    footer: t('education.leaders.certificate.footer', { number: c.certificateNumber }),
    blocks: [
      {
        kind: 'paragraph',
        text: t('education.leaders.certificate.number', { number: c.certificateNumber }),
        bold: true,
      },
      { kind: 'paragraph', text: t('education.leaders.certificate.certifies') },
      { kind: 'heading', level: 2, text: c.personName },
      {
        kind: 'paragraph',
        text: t('education.leaders.certificate.completed', {
          programme: c.programmeName,
          group: c.groupName,
          from: i18n.dateLong(from),
          to: i18n.dateLong(to),
        }),
      },
      {
        kind: 'keyValue',
        rows: [
          { label: t('education.leaders.certificate.attendance'), value: i18n.percent(c.attendanceShare) },
          { label: t('education.leaders.certificate.modulesCovered'), value: i18n.percent(c.modulesShare) },
          { label: t('education.leaders.certificate.grantedOn'), value: i18n.dateLong(c.grantedOn) },
        ],
      },
      { kind: 'heading', level: 2, text: t('education.leaders.certificate.modulesTitle') },
      {
        kind: 'table',
        columns: [
          { header: t('education.leaders.certificate.col.no'), width: 1, align: 'right' },
          { header: t('education.leaders.certificate.col.module'), width: 8 },
          { header: t('education.leaders.certificate.col.planned'), width: 2, align: 'right' },
          { header: t('education.leaders.certificate.col.attended'), width: 2, align: 'right' },
        ],
        rows: [
          ...c.modules.map((m) => [
            String(m.position),
            m.title,
            hours(m.plannedHours),
            hours(m.attendedHours),
          ]),
          [
            '',
            t('education.leaders.certificate.total'),
            hours(planned),
            hours(c.modules.reduce((s, m) => s + m.attendedHours, 0)),
          ],
        ],
        repeatHeader: true,
      },
      { kind: 'spacer', size: 24 },
      {
        kind: 'paragraph',
        text: t('education.leaders.certificate.issued', {
          place: opts.localityName,
          date: i18n.dateLong(c.grantedOn),
        }),
      },
      {
        kind: 'signatures',
        parties: [
          {
            name: c.grantedByName ?? '',
            role: t('education.leaders.certificate.issuedBy'),
          },
        ],
      },
    ],
  };
}
