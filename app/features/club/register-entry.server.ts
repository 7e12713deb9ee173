import type { Db } from '../../../db/client.ts';
import type { DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import { activityKinds } from './activities.queries.server.ts';
import { type ClubView, organisationAddress } from './club.queries.server.ts';
import { ACTIVITY_KINDS, type ActivityKind, isOneOf, registerDeadline } from './club.rules.ts';
import { registerEntryDays } from './club-parameters.server.ts';

/**
 * What the voivode's register of KIS needs (art. 18a; the form of the MPiPS regulation of
 * 30.04.2012): the club, the body that runs it with its identifiers and address, the premises,
 * the opening day and the activities offered, and where the entry stands against its deadline.
 */
export async function registerEntry(db: Db, opts: { club: ClubView; today: string }) {
  const { club } = opts;
  const [kinds, param] = await Promise.all([
    activityKinds(db, { localityId: club.localityId, clubId: club.id }),
    club.registerNotifiedOn ? registerEntryDays(db, club.registerNotifiedOn) : Promise.resolve(null),
  ]);
  return {
    activities: ACTIVITY_KINDS.filter((k) => kinds.includes(k)) as ActivityKind[],
    deadline: param
      ? registerDeadline({
          notifiedOn: club.registerNotifiedOn,
          enteredOn: club.registerEnteredOn,
          days: param.days,
          today: opts.today,
        })
      : null,
    parameter: param,
  };
}
export type RegisterEntry = Awaited<ReturnType<typeof registerEntry>>;

/** The register entry's data as a document to send with the notification. */
export function registerEntryDocument(opts: {
  i18n: I18n;
  localityName: string;
  club: ClubView;
  entry: RegisterEntry;
}): DocModel {
  const { i18n, club, entry } = opts;
  const { t } = i18n;
  const o = club.runBy;
  const ids = o
    ? [o.nip ? `NIP ${o.nip}` : '', o.regon ? `REGON ${o.regon}` : '', o.krs ? `KRS ${o.krs}` : '']
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    title: t('club.register.doc.title', { name: club.name }),
    language: i18n.locale,
    author: 'Splot',
    subject: t('club.register.doc.subject'),
    header: `${club.name} · ${opts.localityName}`,
    footer: t('club.register.doc.footer'),
    footerPageTemplate: t('club.doc.page'),
    blocks: [
      { kind: 'paragraph', text: t('club.register.doc.intro') },
      { kind: 'heading', level: 2, text: t('club.register.section.club') },
      {
        kind: 'keyValue',
        rows: [
          { label: t('club.form.name.label'), value: club.name },
          { label: t('club.premises.address.label'), value: club.premisesAddress || '—' },
          { label: t('club.form.openedOn.label'), value: club.openedOn ? i18n.dateLong(club.openedOn) : '—' },
        ],
      },
      { kind: 'heading', level: 2, text: t('club.register.section.runBy') },
      {
        kind: 'keyValue',
        rows: [
          { label: t('club.register.runBy'), value: o?.name ?? '—' },
          { label: t('club.register.identifiers'), value: ids || '—' },
          { label: t('club.register.address'), value: o ? organisationAddress(o) || '—' : '—' },
        ],
      },
      { kind: 'heading', level: 2, text: t('club.register.section.activities') },
      entry.activities.length
        ? {
            kind: 'list',
            items: entry.activities
              .filter((k) => isOneOf(ACTIVITY_KINDS, k))
              .map((k) => t(`club.activity.kind.${k}`)),
          }
        : { kind: 'paragraph', text: t('club.register.activitiesNone') },
      { kind: 'heading', level: 2, text: t('club.register.section.status') },
      {
        kind: 'keyValue',
        rows: [
          {
            label: t('club.register.notifiedOn.label'),
            value: club.registerNotifiedOn ? i18n.dateLong(club.registerNotifiedOn) : '—',
          },
          {
            label: t('club.register.due'),
            value: entry.deadline ? i18n.dateLong(entry.deadline.due) : '—',
          },
          {
            label: t('club.register.enteredOn.label'),
            value: club.registerEnteredOn ? i18n.dateLong(club.registerEnteredOn) : '—',
          },
          { label: t('club.register.number.label'), value: club.registerNumber || '—' },
        ],
      },
      {
        kind: 'signatures',
        parties: [{ name: o?.name ?? club.name, role: t('club.register.doc.signature') }],
      },
    ],
  };
}
