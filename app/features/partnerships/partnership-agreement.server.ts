import type { DocBlock, DocModel } from '../../lib/documents/model.ts';
import type { I18n } from '../../lib/i18n/i18n.ts';
import type { CommitmentKind, MemberRole } from './partnership.rules.ts';
import type { getPartnership, listCommitments, listMembers } from './partnerships.queries.server.ts';

type Partnership = NonNullable<Awaited<ReturnType<typeof getPartnership>>>;
type Member = Awaited<ReturnType<typeof listMembers>>[number];
type Commitment = Awaited<ReturnType<typeof listCommitments>>[number];

function address(m: Member): string {
  const street = [m.street, [m.houseNo, m.flatNo].filter(Boolean).join('/')].filter(Boolean).join(' ');
  return [street, [m.postalCode, m.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** The partnership agreement, generated from the data: parties, aim, leader, commitments, signatures. */
export function agreementDocument(opts: {
  i18n: I18n;
  localityName: string;
  partnership: Partnership;
  members: Member[];
  commitments: Commitment[];
}): DocModel {
  const { i18n, partnership: p, members, commitments } = opts;
  const { t } = i18n;
  const parties = members.filter((m) => m.role !== 'observer');
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t('partnerships.agreement.intro', {
        locality: opts.localityName,
        date: p.formedOn ? i18n.dateLong(p.formedOn) : '……………',
      }),
    },
    { kind: 'heading', level: 2, text: t('partnerships.agreement.partiesTitle') },
    {
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('partnerships.agreement.col.no'), width: 1 },
        { header: t('partnerships.agreement.col.party'), width: 6 },
        { header: t('partnerships.agreement.col.address'), width: 5 },
        { header: 'NIP / KRS', width: 3 },
        { header: t('partnerships.agreement.col.role'), width: 3 },
      ],
      rows: parties.map((m, i) => [
        String(i + 1),
        m.name,
        address(m) || '—',
        [m.nip ? `NIP ${m.nip}` : '', m.krs ? `KRS ${m.krs}` : ''].filter(Boolean).join(', ') || '—',
        t(`partnerships.role.${m.role as MemberRole}`),
      ]),
    },
    { kind: 'heading', level: 2, text: t('partnerships.agreement.aimTitle') },
    { kind: 'paragraph', text: p.aim || t('partnerships.agreement.aimMissing') },
    { kind: 'heading', level: 2, text: t('partnerships.agreement.leaderTitle') },
    {
      kind: 'paragraph',
      text: p.leaderName
        ? t('partnerships.agreement.leader', {
            name: p.leaderName,
            decision: p.leaderDecision,
            date: p.leaderDecidedOn ? i18n.dateLong(p.leaderDecidedOn) : '',
          })
        : t('partnerships.agreement.leaderMissing'),
    },
    { kind: 'heading', level: 2, text: t('partnerships.agreement.commitmentsTitle') },
  ];
  if (commitments.length === 0)
    blocks.push({ kind: 'paragraph', text: t('partnerships.agreement.commitmentsNone') });
  else
    blocks.push({
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('partnerships.agreement.col.party'), width: 5 },
        { header: t('partnerships.commitments.kind.label'), width: 3 },
        { header: t('partnerships.commitments.description.label'), width: 6 },
        { header: t('partnerships.commitments.period'), width: 4 },
        { header: t('partnerships.commitments.value'), width: 3, align: 'right' },
      ],
      rows: commitments.map((c) => [
        c.organisationName,
        t(`partnerships.kind.${c.kind as CommitmentKind}`),
        c.description,
        [i18n.date(c.periodFrom), i18n.date(c.periodTo)].filter(Boolean).join(' – ') || '—',
        c.valuePln ? i18n.money(Number(c.valuePln)) : '—',
      ]),
    });
  blocks.push(
    { kind: 'heading', level: 2, text: t('partnerships.agreement.finalTitle') },
    {
      kind: 'list',
      ordered: true,
      items: [
        t('partnerships.agreement.final1'),
        t('partnerships.agreement.final2'),
        t('partnerships.agreement.final3'),
      ],
    },
    { kind: 'heading', level: 2, text: t('partnerships.agreement.signaturesTitle') },
    {
      kind: 'signatures',
      parties: parties.map((m) => ({ name: m.name, role: t('partnerships.agreement.signatureRole') })),
    },
  );
  return {
    title: t('partnerships.agreement.title', { name: p.name }),
    language: i18n.locale,
    author: 'Splot',
    subject: t('partnerships.agreement.subject', { locality: opts.localityName }),
    header: `${p.name} · ${opts.localityName}`,
    footer: t('partnerships.agreement.footer'),
    footerPageTemplate: t('partnerships.agreement.page'),
    blocks,
  };
}
