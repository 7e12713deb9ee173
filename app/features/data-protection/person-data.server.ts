import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { localities, people } from '../../../db/schema/index.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { retentionEnd } from './erasure.rules.ts';
import { personDataDocument } from './person-data.document.ts';

/** The format version of the export; raise it when a field changes meaning or disappears. */
export const PERSON_DATA_VERSION = 1;
export const RETENTION_PARAMETER = 'participants.retentionYears';
export type RetentionParameter = { years: number; from: string };

export type PersonRecord = {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  legalBasis: string;
  basisNote: string;
  createdAt: string;
  erasedAt: string | null;
  /** The sign-in account linked to the record, if any. */
  account: { email: string; name: string } | null;
};

export type ParticipantRecord = {
  registeredOn: string;
  registeredByName: string | null;
  status: string;
  pesel: string;
  noPesel: boolean;
  birthDate: string | null;
  sex: string;
  gender: string;
  education: string;
  disability: string;
  foreignBackground: string;
  thirdCountryNational: string;
  minority: string;
  homeless: string;
  otherDisadvantage: string;
  closedOn: string | null;
  closedReason: string;
};

export type ConsentRecord = {
  purpose: string;
  organisationName: string | null;
  basis: string;
  givenOn: string;
  withdrawnOn: string | null;
  note: string;
};
export type CategoryRecord = { category: string; evidence: string; notedOn: string };
export type LabourStatusRecord = { status: string; fromDate: string; note: string };

export type PlanRecord = {
  id: string;
  step: string;
  needs: string;
  goals: string;
  startsOn: string;
  agreedOn: string | null;
  closedOn: string | null;
  closingReason: string;
  closingNote: string;
  responsibleName: string | null;
  steps: { fromStep: string; toStep: string; note: string; at: string; byName: string | null }[];
  actions: {
    kind: string;
    description: string;
    responsibleName: string | null;
    responsibleOrganisationName: string | null;
    dueOn: string | null;
    status: string;
    doneOn: string | null;
  }[];
  reviews: { dueOn: string; heldOn: string | null; note: string }[];
};

export type OutcomeRecord = {
  kind: string;
  achievedOn: string;
  organisationName: string | null;
  note: string;
};

export type AdviceRecord = {
  kind: string;
  givenOn: string;
  minutes: number;
  topic: string;
  notes: string;
  confidential: boolean;
  advisorName: string | null;
};

export type AppointmentRecord = {
  kind: string;
  status: string;
  startsAt: string | null;
  minutes: number | null;
  place: string;
  topic: string;
  preferredTimes: string;
  advisorName: string | null;
  createdAt: string;
};

export type ReferralRecord = {
  fromOrganisationName: string | null;
  toOrganisationName: string;
  reason: string;
  sharedNote: string;
  shareContact: boolean;
  status: string;
  sentOn: string;
  responseNote: string;
  doneOn: string | null;
  outcomeNote: string;
};

export type ClubMembershipRecord = {
  clubName: string;
  joinedOn: string;
  leftOn: string | null;
  socialContract: boolean;
  atRiskGroup: string;
  outcome: string | null;
  certificateIssuedOn: string | null;
  attendance: { title: string; startsAt: string; status: string }[];
  visits: { visitedOn: string; purpose: string }[];
};

export type VolunteerRecord = {
  organisationName: string | null;
  skills: string;
  since: string;
  status: string;
  agreementScope: string;
  agreementFrom: string | null;
  agreementTo: string | null;
  agreementSignedOn: string | null;
  hours: {
    workedOn: string;
    activity: string;
    organisationName: string | null;
    hours: number;
    valuePln: number;
  }[];
};

export type MeetingRecord = {
  title: string;
  partnershipName: string;
  startsAt: string;
  attendance: string | null;
};

export type ErasureRequestRecord = {
  requestedAt: string;
  status: string;
  decidedAt: string | null;
  decisionNote: string;
};

/** Why the data are held: a purpose, its legal basis (GDPR art. 6 key) and, if any, the law. */
export type ProcessingPurpose = { purpose: string; basis: string; law: string };

export type PersonData = {
  localityId: string;
  localityName: string;
  localitySlug: string;
  person: PersonRecord;
  participant: ParticipantRecord | null;
  consents: ConsentRecord[];
  categories: CategoryRecord[];
  labourStatuses: LabourStatusRecord[];
  supportPlans: PlanRecord[];
  outcomes: OutcomeRecord[];
  adviceSessions: AdviceRecord[];
  appointments: AppointmentRecord[];
  referrals: ReferralRecord[];
  /** Organisations the data were or may be shared with (referrals, sharing consents). */
  recipients: string[];
  clubMemberships: ClubMembershipRecord[];
  volunteer: VolunteerRecord | null;
  meetings: MeetingRecord[];
  erasureRequests: ErasureRequestRecord[];
  purposes: ProcessingPurpose[];
  retention: {
    years: number;
    /** How the period is counted ('end_of_year_of_closing'). */
    from: string;
    source: string;
    verified: boolean;
    note: string;
    /** The last day the data are kept after support ended; null while support goes on. */
    keptUntil: string | null;
  };
  generatedAt: string;
};

type Row = Omit<
  PersonData,
  'localityName' | 'localitySlug' | 'recipients' | 'purposes' | 'retention' | 'generatedAt' | 'localityId'
>;

/**
 * Everything the platform holds about one person in one locality (GDPR art. 15), in three SQL
 * statements: the locality, the retention parameter and the person with every related record
 * as JSON sub-selects. Advice notes are included, confidential ones too: they are the person's
 * own data. Another locality's person, or a malformed id, is unknown (404).
 */
export async function collectPersonData(
  db: Db,
  opts: { localityId: string; personId: string; today?: string; now?: Date },
): Promise<PersonData> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(opts.personId))
    throw notFound();
  const now = opts.now ?? new Date();
  const today = opts.today ?? now.toISOString().slice(0, 10);
  const [locality] = await db
    .select({ name: localities.name, slug: localities.slug })
    .from(localities)
    .where(eq(localities.id, opts.localityId))
    .limit(1);
  if (!locality) throw notFound();
  const param = await legalParameter<RetentionParameter>(db, RETENTION_PARAMETER, today);
  const [result] = await db
    .select({
      data: sql<Row>`json_build_object(
      'person', json_build_object(
        'id', people.id, 'givenName', people.given_name, 'familyName', people.family_name, 'email', people.email,
        'phone', people.phone, 'legalBasis', people.legal_basis, 'basisNote', people.basis_note,
        'createdAt', people.created_at, 'erasedAt', people.erased_at,
        'account', (select json_build_object('email', u.email, 'name', u.name) from users u where u.id = people.user_id)
      ),
      'participant', (
        select json_build_object(
          'registeredOn', pa.registered_on, 'registeredByName', ru.name, 'status', pa.status,
          'pesel', pa.pesel, 'noPesel', pa.no_pesel, 'birthDate', pa.birth_date, 'sex', pa.sex,
          'gender', pa.gender, 'education', pa.education, 'disability', pa.disability,
          'foreignBackground', pa.foreign_background, 'thirdCountryNational', pa.third_country_national,
          'minority', pa.minority, 'homeless', pa.homeless, 'otherDisadvantage', pa.other_disadvantage,
          'closedOn', pa.closed_on, 'closedReason', pa.closed_reason)
        from participants pa left join users ru on ru.id = pa.registered_by
        where pa.person_id = people.id and pa.locality_id = people.locality_id
      ),
      'consents', coalesce((
        select json_agg(json_build_object('purpose', c.purpose, 'organisationName', o.name,
          'basis', c.basis, 'givenOn', c.given_on, 'withdrawnOn', c.withdrawn_on, 'note', c.note)
          order by c.given_on, c.created_at)
        from participant_consents c left join organisations o on o.id = c.organisation_id
        where c.person_id = people.id and c.locality_id = people.locality_id
      ), '[]'::json),
      'categories', coalesce((
        select json_agg(json_build_object('category', pc.category, 'evidence', pc.evidence,
          'notedOn', pc.noted_on) order by pc.noted_on, pc.category)
        from participant_categories pc where pc.person_id = people.id and pc.locality_id = people.locality_id
      ), '[]'::json),
      'labourStatuses', coalesce((
        select json_agg(json_build_object('status', ls.status, 'fromDate', ls.from_date, 'note', ls.note)
          order by ls.from_date, ls.created_at)
        from labour_statuses ls where ls.person_id = people.id and ls.locality_id = people.locality_id
      ), '[]'::json),
      'supportPlans', coalesce((
        select json_agg(json_build_object(
          'id', sp.id, 'step', sp.step, 'needs', sp.needs, 'goals', sp.goals, 'startsOn', sp.starts_on,
          'agreedOn', sp.agreed_on, 'closedOn', sp.closed_on, 'closingReason', sp.closing_reason,
          'closingNote', sp.closing_note,
          'responsibleName', (select u.name from users u where u.id = sp.responsible_user_id),
          'steps', coalesce((
            select json_agg(json_build_object('fromStep', st.from_step, 'toStep', st.to_step,
              'note', st.note, 'at', st.at, 'byName', su.name) order by st.at)
            from support_plan_steps st left join users su on su.id = st.by_user_id
            where st.plan_id = sp.id
          ), '[]'::json),
          'actions', coalesce((
            select json_agg(json_build_object('kind', a.kind, 'description', a.description,
              'responsibleName', au.name, 'responsibleOrganisationName', ao.name, 'dueOn', a.due_on,
              'status', a.status, 'doneOn', a.done_on) order by a.position, a.created_at)
            from support_plan_actions a
            left join users au on au.id = a.responsible_user_id
            left join organisations ao on ao.id = a.responsible_organisation_id
            where a.plan_id = sp.id
          ), '[]'::json),
          'reviews', coalesce((
            select json_agg(json_build_object('dueOn', r.due_on, 'heldOn', r.held_on, 'note', r.note)
              order by r.due_on)
            from support_plan_reviews r where r.plan_id = sp.id
          ), '[]'::json)
        ) order by sp.starts_on, sp.created_at)
        from support_plans sp where sp.person_id = people.id and sp.locality_id = people.locality_id
      ), '[]'::json),
      'outcomes', coalesce((
        select json_agg(json_build_object('kind', so.kind, 'achievedOn', so.achieved_on,
          'organisationName', oo.name, 'note', so.note) order by so.achieved_on)
        from support_outcomes so left join organisations oo on oo.id = so.organisation_id
        where so.person_id = people.id and so.locality_id = people.locality_id
      ), '[]'::json),
      'adviceSessions', coalesce((
        select json_agg(json_build_object('kind', ad.kind, 'givenOn', ad.given_on, 'minutes', ad.minutes,
          'topic', ad.topic, 'notes', ad.notes, 'confidential', ad.confidential, 'advisorName', adu.name)
          order by ad.given_on, ad.created_at)
        from advice_sessions ad left join users adu on adu.id = ad.advisor_user_id
        where ad.person_id = people.id and ad.locality_id = people.locality_id
      ), '[]'::json),
      'appointments', coalesce((
        select json_agg(json_build_object('kind', ap.kind, 'status', ap.status, 'startsAt', sl.starts_at,
          'minutes', sl.minutes, 'place', coalesce(sl.place, ''), 'topic', ap.topic,
          'preferredTimes', ap.preferred_times, 'advisorName', slu.name, 'createdAt', ap.created_at)
          order by coalesce(sl.starts_at, ap.created_at))
        from appointments ap
        left join advice_slots sl on sl.id = ap.slot_id
        left join users slu on slu.id = sl.advisor_user_id
        where ap.person_id = people.id and ap.locality_id = people.locality_id
      ), '[]'::json),
      'referrals', coalesce((
        select json_agg(json_build_object('fromOrganisationName', rf.name, 'toOrganisationName', rt.name,
          'reason', re.reason, 'sharedNote', re.shared_note, 'shareContact', re.share_contact,
          'status', re.status, 'sentOn', re.sent_on, 'responseNote', re.response_note,
          'doneOn', re.done_on, 'outcomeNote', re.outcome_note) order by re.sent_on, re.created_at)
        from referrals re
        left join organisations rf on rf.id = re.from_organisation_id
        join organisations rt on rt.id = re.to_organisation_id
        where re.person_id = people.id and re.locality_id = people.locality_id
      ), '[]'::json),
      'clubMemberships', coalesce((
        select json_agg(json_build_object('clubName', cl.name, 'joinedOn', cm.joined_on,
          'leftOn', cm.left_on, 'socialContract', cm.social_contract, 'atRiskGroup', cm.at_risk_group,
          'outcome', cm.outcome, 'certificateIssuedOn', cm.certificate_issued_on,
          'attendance', coalesce((
            select json_agg(json_build_object('title', act.title, 'startsAt', act.starts_at,
              'status', att.status) order by act.starts_at)
            from club_attendance att join club_activities act on act.id = att.activity_id
            where att.member_id = cm.id
          ), '[]'::json),
          'visits', coalesce((
            select json_agg(json_build_object('visitedOn', v.visited_on, 'purpose', v.purpose)
              order by v.visited_on)
            from club_visits v where v.member_id = cm.id
          ), '[]'::json)
        ) order by cm.joined_on)
        from club_members cm join clubs cl on cl.id = cm.club_id
        where cm.person_id = people.id and cm.locality_id = people.locality_id
      ), '[]'::json),
      'volunteer', (
        select json_build_object('organisationName', vo.name, 'skills', vr.skills, 'since', vr.since,
          'status', vr.status, 'agreementScope', vr.agreement_scope, 'agreementFrom', vr.agreement_from,
          'agreementTo', vr.agreement_to, 'agreementSignedOn', vr.agreement_signed_on,
          'hours', coalesce((
            select json_agg(json_build_object('workedOn', vh.worked_on, 'activity', vh.activity,
              'organisationName', vho.name, 'hours', vh.hours, 'valuePln', vh.value_pln)
              order by vh.worked_on, vh.created_at)
            from volunteer_hours vh left join organisations vho on vho.id = vh.organisation_id
            where vh.person_id = vr.person_id and vh.locality_id = vr.locality_id
          ), '[]'::json))
        from volunteers vr left join organisations vo on vo.id = vr.organisation_id
        where vr.person_id = people.id and vr.locality_id = people.locality_id
      ),
      'meetings', coalesce((
        select json_agg(json_build_object('title', m.title, 'partnershipName', pt.name,
          'startsAt', m.starts_at, 'attendance', mp.attendance) order by m.starts_at)
        from meeting_participants mp
        join meetings m on m.id = mp.meeting_id
        join partnerships pt on pt.id = m.partnership_id
        where mp.person_id = people.id and mp.locality_id = people.locality_id
      ), '[]'::json),
      'erasureRequests', coalesce((
        select json_agg(json_build_object('requestedAt', er.requested_at, 'status', er.status,
          'decidedAt', er.decided_at, 'decisionNote', er.decision_note) order by er.requested_at)
        from erasure_requests er where er.person_id = people.id and er.locality_id = people.locality_id
      ), '[]'::json)
    )`,
    })
    .from(people)
    .where(and(eq(people.id, opts.personId), eq(people.localityId, opts.localityId)))
    .limit(1);
  const row = result?.data;
  if (!row) throw notFound();
  const data: Row = { ...row, volunteer: row.volunteer ? normaliseVolunteer(row.volunteer) : null };
  const recipients = [
    ...new Set([
      ...data.referrals.map((r) => r.toOrganisationName),
      ...data.consents
        .filter((c) => c.purpose === 'share_partner' && c.organisationName)
        .map((c) => c.organisationName as string),
    ]),
  ].sort((a, b) => a.localeCompare(b, 'pl'));
  return {
    ...data,
    localityId: opts.localityId,
    localityName: locality.name,
    localitySlug: locality.slug,
    recipients,
    purposes: processingPurposes(data),
    retention: {
      years: param.value.years,
      from: param.value.from,
      source: param.source,
      verified: param.verified,
      note: param.note ?? '',
      keptUntil:
        data.participant?.status === 'closed'
          ? retentionEnd(data.participant.closedOn, param.value.years)
          : null,
    },
    generatedAt: now.toISOString(),
  };
}

function normaliseVolunteer(v: VolunteerRecord): VolunteerRecord {
  return {
    ...v,
    hours: v.hours.map((h) => ({ ...h, hours: Number(h.hours), valuePln: Number(h.valuePln) })),
  };
}

/**
 * Why the platform holds the data, purpose by purpose: the record itself on the basis noted
 * on it; EU participant monitoring as a legal obligation; each consent purpose on its own
 * basis while in force; club membership, volunteering and advice on the record's basis.
 */
function processingPurposes(data: Row): ProcessingPurpose[] {
  const out: ProcessingPurpose[] = [{ purpose: 'record', basis: data.person.legalBasis, law: '' }];
  if (data.participant)
    out.push({
      purpose: 'monitoring',
      basis: 'legal_obligation',
      law: 'Rozporządzenie (UE) 2021/1057, załącznik I; Rozporządzenie (UE) 2021/1060, art. 82',
    });
  for (const c of data.consents) {
    if (c.withdrawnOn) continue;
    const purpose = c.organisationName ? `${c.purpose}:${c.organisationName}` : c.purpose;
    if (!out.some((p) => p.purpose === purpose && p.basis === c.basis))
      out.push({ purpose, basis: c.basis, law: '' });
  }
  if (data.clubMemberships.length > 0)
    out.push({
      purpose: 'club',
      basis: data.person.legalBasis,
      law: 'Ustawa o zatrudnieniu socjalnym, art. 18–18a',
    });
  if (data.volunteer)
    out.push({
      purpose: 'volunteering',
      basis: 'contract',
      law: 'Ustawa o działalności pożytku publicznego i o wolontariacie, art. 44',
    });
  return out;
}

/** The export as pretty JSON: a format version, when it was made, then every section. */
export function personDataJson(data: PersonData): string {
  const { generatedAt, ...rest } = data;
  return `${JSON.stringify({ format: 'splot.person-data', version: PERSON_DATA_VERSION, generatedAt, ...rest }, null, 2)}\n`;
}

/** The export as a readable, tagged PDF in the given language (headings per section). */
export async function personDataPdf(data: PersonData, opts: { locale: Locale }): Promise<Uint8Array> {
  return renderPdf(personDataDocument(data, getI18n(opts.locale)), { createdAt: new Date(data.generatedAt) });
}
