import type { DocBlock, DocModel } from '../../lib/documents/model.ts';
import type { I18n, MessageKey } from '../../lib/i18n/i18n.ts';
import type { PersonData } from './person-data.server.ts';

/** The translation of `${prefix}.${value}`, or the value itself when there is none. */
function labelOf(i18n: I18n, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}`;
  const text = i18n.t(key as MessageKey);
  return text === key ? value : text;
}

const dash = (v: string | null | undefined) => (v && v.trim() !== '' ? v : '—');

/**
 * A person's data as a readable document (GDPR art. 15): one section per kind of record,
 * headed in plain language, empty sections said so rather than left out, so the person sees
 * the whole picture. Text comes already translated; codes are shown with their labels.
 */
export function personDataDocument(data: PersonData, i18n: I18n): DocModel {
  const { t, date, dateTime } = i18n;
  const p = (s: string) => `participants.dp.${s}` as MessageKey;
  const yesNo = (b: boolean) => t(p(b ? 'pdf.yes' : 'pdf.no'));
  const name = `${data.person.givenName} ${data.person.familyName}`.trim();
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t(p('pdf.intro'), { locality: data.localityName, date: dateTime(data.generatedAt) }),
    },
  ];
  const heading = (key: string) => blocks.push({ kind: 'heading', level: 2, text: t(p(key)) });
  const none = () => blocks.push({ kind: 'paragraph', text: t(p('pdf.none')) });
  const table = (cols: { key: string; width?: number }[], rows: string[][]) => {
    if (rows.length === 0) return none();
    blocks.push({
      kind: 'table',
      repeatHeader: true,
      columns: cols.map((c) => ({ header: t(p(c.key)), width: c.width })),
      rows,
    });
  };

  heading('section.person');
  if (data.person.erasedAt)
    blocks.push({ kind: 'paragraph', text: t(p('pdf.erased'), { date: dateTime(data.person.erasedAt) }) });
  blocks.push({
    kind: 'keyValue',
    rows: [
      { label: t(p('field.name')), value: dash(name) },
      { label: t(p('field.email')), value: dash(data.person.email) },
      { label: t(p('field.phone')), value: dash(data.person.phone) },
      { label: t(p('field.basis')), value: labelOf(i18n, 'participants.side.basis', data.person.legalBasis) },
      { label: t(p('field.basisNote')), value: dash(data.person.basisNote) },
      { label: t(p('field.createdAt')), value: dateTime(data.person.createdAt) },
      {
        label: t(p('field.account')),
        value: data.person.account ? data.person.account.email : t(p('pdf.no')),
      },
    ],
  });

  heading('section.participant');
  const pa = data.participant;
  if (!pa) none();
  else
    blocks.push({
      kind: 'keyValue',
      rows: [
        { label: t(p('field.registeredOn')), value: date(pa.registeredOn) },
        { label: t(p('field.registeredBy')), value: dash(pa.registeredByName) },
        { label: t(p('field.status')), value: labelOf(i18n, 'participants.status', pa.status) },
        { label: t(p('field.pesel')), value: pa.pesel || t(p('pdf.notGiven')) },
        { label: t(p('field.birthDate')), value: pa.birthDate ? date(pa.birthDate) : t(p('pdf.notGiven')) },
        { label: t(p('field.sex')), value: labelOf(i18n, 'participants.sex', pa.sex) },
        { label: t(p('field.gender')), value: labelOf(i18n, 'participants.gender', pa.gender) },
        { label: t(p('field.education')), value: labelOf(i18n, 'participants.education', pa.education) },
        ...(
          [
            ['disability', pa.disability],
            ['foreignBackground', pa.foreignBackground],
            ['thirdCountryNational', pa.thirdCountryNational],
            ['minority', pa.minority],
            ['homeless', pa.homeless],
            ['otherDisadvantage', pa.otherDisadvantage],
          ] as const
        ).map(([field, value]) => ({
          label: t(`participants.field.${field}` as MessageKey),
          value: labelOf(i18n, 'participants.answer', value),
        })),
        { label: t(p('field.closedOn')), value: pa.closedOn ? date(pa.closedOn) : '—' },
        { label: t(p('field.closedReason')), value: dash(pa.closedReason) },
      ],
    });

  heading('section.consents');
  table(
    [
      { key: 'field.purpose', width: 3 },
      { key: 'field.basis', width: 3 },
      { key: 'field.givenOn', width: 2 },
      { key: 'field.withdrawnOn', width: 2 },
      { key: 'field.note', width: 3 },
    ],
    data.consents.map((c) => [
      labelOf(i18n, 'participants.side.purpose', c.purpose) +
        (c.organisationName ? `: ${c.organisationName}` : ''),
      labelOf(i18n, 'participants.side.basis', c.basis),
      date(c.givenOn),
      c.withdrawnOn ? date(c.withdrawnOn) : '—',
      dash(c.note),
    ]),
  );

  heading('section.categories');
  table(
    [
      { key: 'field.category', width: 3 },
      { key: 'field.evidence', width: 3 },
      { key: 'field.date', width: 2 },
    ],
    data.categories.map((c) => [
      labelOf(i18n, 'participants.side.category', c.category),
      dash(c.evidence),
      date(c.notedOn),
    ]),
  );

  heading('section.labour');
  table(
    [
      { key: 'field.fromDate', width: 2 },
      { key: 'field.status', width: 3 },
      { key: 'field.note', width: 3 },
    ],
    data.labourStatuses.map((s) => [
      date(s.fromDate),
      labelOf(i18n, 'participants.side.status', s.status),
      dash(s.note),
    ]),
  );

  heading('section.plans');
  if (data.supportPlans.length === 0) none();
  for (const plan of data.supportPlans) {
    blocks.push(
      { kind: 'heading', level: 3, text: t(p('pdf.planHeading'), { date: date(plan.startsOn) }) },
      {
        kind: 'keyValue',
        rows: [
          { label: t(p('field.step')), value: labelOf(i18n, 'participants.dp.step', plan.step) },
          { label: t(p('field.needs')), value: dash(plan.needs) },
          { label: t(p('field.goals')), value: dash(plan.goals) },
          { label: t(p('field.startsOn')), value: date(plan.startsOn) },
          { label: t(p('field.agreedOn')), value: plan.agreedOn ? date(plan.agreedOn) : '—' },
          { label: t(p('field.responsible')), value: dash(plan.responsibleName) },
          { label: t(p('field.planClosedOn')), value: plan.closedOn ? date(plan.closedOn) : '—' },
          {
            label: t(p('field.closingReason')),
            value: [plan.closingReason, plan.closingNote].filter(Boolean).join(': ') || '—',
          },
        ],
      },
    );
    if (plan.actions.length > 0)
      table(
        [
          { key: 'field.kind', width: 2 },
          { key: 'field.action', width: 4 },
          { key: 'field.responsible', width: 3 },
          { key: 'field.dueOn', width: 2 },
          { key: 'field.status', width: 3 },
        ],
        plan.actions.map((a) => [
          labelOf(i18n, 'participants.dp.actionKind', a.kind),
          dash(a.description),
          dash(a.responsibleName ?? a.responsibleOrganisationName),
          a.dueOn ? date(a.dueOn) : '—',
          labelOf(i18n, 'participants.dp.actionStatus', a.status) + (a.doneOn ? ` (${date(a.doneOn)})` : ''),
        ]),
      );
    if (plan.reviews.length > 0) {
      blocks.push({ kind: 'paragraph', text: t(p('field.review')), bold: true });
      table(
        [
          { key: 'field.dueOn', width: 2 },
          { key: 'field.heldOn', width: 2 },
          { key: 'field.note', width: 5 },
        ],
        plan.reviews.map((r) => [date(r.dueOn), r.heldOn ? date(r.heldOn) : '—', dash(r.note)]),
      );
    }
    if (plan.steps.length > 0) {
      blocks.push({ kind: 'paragraph', text: t(p('field.stepHistory')), bold: true });
      table(
        [
          { key: 'field.when', width: 2 },
          { key: 'field.step', width: 2 },
          { key: 'field.note', width: 4 },
        ],
        plan.steps.map((s) => [
          dateTime(s.at),
          labelOf(i18n, 'participants.dp.step', s.toStep),
          dash(s.note),
        ]),
      );
    }
  }

  heading('section.outcomes');
  table(
    [
      { key: 'field.date', width: 2 },
      { key: 'field.outcome', width: 3 },
      { key: 'field.organisation', width: 3 },
      { key: 'field.note', width: 3 },
    ],
    data.outcomes.map((o) => [
      date(o.achievedOn),
      labelOf(i18n, 'participants.dp.outcomeKind', o.kind),
      dash(o.organisationName),
      dash(o.note),
    ]),
  );

  heading('section.advice');
  table(
    [
      { key: 'field.date', width: 2 },
      { key: 'field.kind', width: 2 },
      { key: 'field.advisor', width: 2 },
      { key: 'field.minutes', width: 1 },
      { key: 'field.topic', width: 3 },
      { key: 'field.note', width: 4 },
    ],
    data.adviceSessions.map((a) => [
      date(a.givenOn),
      labelOf(i18n, 'participants.dp.adviceKind', a.kind),
      dash(a.advisorName),
      String(a.minutes),
      dash(a.topic),
      a.confidential && a.notes ? `(${t(p('pdf.confidential'))}) ${a.notes}` : dash(a.notes),
    ]),
  );

  heading('section.appointments');
  table(
    [
      { key: 'field.when', width: 3 },
      { key: 'field.kind', width: 2 },
      { key: 'field.advisor', width: 2 },
      { key: 'field.topic', width: 3 },
      { key: 'field.status', width: 2 },
    ],
    data.appointments.map((a) => [
      a.startsAt ? `${dateTime(a.startsAt)}${a.place ? `, ${a.place}` : ''}` : dash(a.preferredTimes),
      labelOf(i18n, 'participants.dp.adviceKind', a.kind),
      dash(a.advisorName),
      dash(a.topic),
      labelOf(i18n, 'participants.dp.appointmentStatus', a.status),
    ]),
  );

  heading('section.referrals');
  table(
    [
      { key: 'field.date', width: 2 },
      { key: 'field.from', width: 3 },
      { key: 'field.to', width: 3 },
      { key: 'field.reason', width: 3 },
      { key: 'field.shared', width: 3 },
      { key: 'field.status', width: 2 },
    ],
    data.referrals.map((r) => [
      date(r.sentOn),
      dash(r.fromOrganisationName),
      r.toOrganisationName,
      dash(r.reason),
      [r.sharedNote, r.shareContact ? t(p('field.shareContact')) : ''].filter(Boolean).join('; ') || '—',
      labelOf(i18n, 'participants.dp.referralStatus', r.status),
    ]),
  );

  heading('section.recipients');
  if (data.recipients.length === 0) none();
  else blocks.push({ kind: 'list', items: data.recipients });

  heading('section.club');
  if (data.clubMemberships.length === 0) none();
  for (const m of data.clubMemberships) {
    blocks.push(
      { kind: 'heading', level: 3, text: m.clubName },
      {
        kind: 'keyValue',
        rows: [
          { label: t(p('field.joinedOn')), value: date(m.joinedOn) },
          { label: t(p('field.leftOn')), value: m.leftOn ? date(m.leftOn) : '—' },
          { label: t(p('field.socialContract')), value: yesNo(m.socialContract) },
          { label: t(p('field.group')), value: labelOf(i18n, 'club.group', m.atRiskGroup) },
          { label: t(p('field.outcome')), value: labelOf(i18n, 'club.outcome', m.outcome) },
          {
            label: t(p('field.certificate')),
            value: m.certificateIssuedOn ? date(m.certificateIssuedOn) : '—',
          },
        ],
      },
    );
    if (m.attendance.length > 0)
      table(
        [
          { key: 'field.when', width: 2 },
          { key: 'field.activity', width: 4 },
          { key: 'field.attendance', width: 2 },
        ],
        m.attendance.map((a) => [dateTime(a.startsAt), a.title, labelOf(i18n, 'club.attendance', a.status)]),
      );
    if (m.visits.length > 0) {
      blocks.push({ kind: 'paragraph', text: t(p('field.visits')), bold: true });
      table(
        [
          { key: 'field.date', width: 2 },
          { key: 'field.purpose', width: 4 },
        ],
        m.visits.map((v) => [date(v.visitedOn), dash(v.purpose)]),
      );
    }
  }

  heading('section.volunteer');
  const v = data.volunteer;
  if (!v) none();
  else {
    blocks.push({
      kind: 'keyValue',
      rows: [
        { label: t(p('field.organisation')), value: dash(v.organisationName) },
        { label: t(p('field.since')), value: date(v.since) },
        { label: t(p('field.status')), value: labelOf(i18n, 'participants.dp.volunteerStatus', v.status) },
        { label: t(p('field.skills')), value: dash(v.skills) },
        {
          label: t(p('field.agreement')),
          value:
            [
              v.agreementScope,
              v.agreementFrom ? `${date(v.agreementFrom)}–${v.agreementTo ? date(v.agreementTo) : ''}` : '',
              v.agreementSignedOn ? date(v.agreementSignedOn) : '',
            ]
              .filter(Boolean)
              .join('; ') || '—',
        },
      ],
    });
    if (v.hours.length > 0)
      table(
        [
          { key: 'field.date', width: 2 },
          { key: 'field.activity', width: 4 },
          { key: 'field.organisation', width: 3 },
          { key: 'field.hours', width: 1 },
          { key: 'field.value', width: 2 },
        ],
        v.hours.map((h) => [
          date(h.workedOn),
          h.activity,
          dash(h.organisationName),
          i18n.number(h.hours),
          i18n.money(h.valuePln),
        ]),
      );
  }

  heading('section.meetings');
  table(
    [
      { key: 'field.when', width: 2 },
      { key: 'field.meeting', width: 4 },
      { key: 'field.partnership', width: 3 },
      { key: 'field.attendance', width: 2 },
    ],
    data.meetings.map((m) => [
      dateTime(m.startsAt),
      m.title,
      m.partnershipName,
      labelOf(i18n, 'club.attendance', m.attendance),
    ]),
  );

  heading('section.erasure');
  table(
    [
      { key: 'field.requestedAt', width: 2 },
      { key: 'field.status', width: 2 },
      { key: 'field.decidedAt', width: 2 },
      { key: 'field.note', width: 4 },
    ],
    data.erasureRequests.map((r) => [
      dateTime(r.requestedAt),
      labelOf(i18n, 'participants.dp.erasureStatus', r.status),
      r.decidedAt ? dateTime(r.decidedAt) : '—',
      dash(r.decisionNote),
    ]),
  );

  heading('section.purposes');
  table(
    [
      { key: 'field.purpose', width: 3 },
      { key: 'field.basis', width: 3 },
      { key: 'field.law', width: 3 },
    ],
    data.purposes.map((x) => {
      const [purpose, organisation] = x.purpose.split(':');
      const own = labelOf(i18n, 'participants.dp.purpose', purpose);
      const label = own === purpose ? labelOf(i18n, 'participants.side.purpose', purpose) : own;
      return [
        organisation ? `${label}: ${organisation}` : label,
        labelOf(i18n, 'participants.side.basis', x.basis),
        dash(x.law),
      ];
    }),
  );

  heading('section.retention');
  blocks.push({
    kind: 'keyValue',
    rows: [
      { label: t(p('field.years')), value: t(p('retention.years'), { count: data.retention.years }) },
      {
        label: t(p('field.keptUntil')),
        value: data.retention.keptUntil ? date(data.retention.keptUntil) : t(p('retention.ongoing')),
      },
      { label: t(p('field.source')), value: data.retention.source },
    ],
  });
  if (!data.retention.verified) blocks.push({ kind: 'paragraph', text: t(p('retention.unverified')) });

  return {
    title: t(p('pdf.title')),
    language: i18n.locale,
    author: 'Splot',
    subject: t(p('pdf.subject'), { name: name || t(p('page.erasedPerson')) }),
    header: data.localityName,
    footer: t(p('pdf.footer')),
    footerPageTemplate: t(p('pdf.page')),
    blocks,
  };
}
