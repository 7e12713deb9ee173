import { and, count, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  meetingDecisions,
  meetingParticipants,
  meetings,
  programmeItems,
} from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import type { AppError } from '../../lib/errors.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import { addContact } from '../organisations/contacts.server.ts';
import { addMember, savePartnership } from '../partnerships/manage-partnership.server.ts';
import { programmeItemSchema } from '../programme/programme.schema.ts';
import { createProgrammeItem } from '../programme/programme.server.ts';
import { addWalkIn, recordAttendance } from './attendance.server.ts';
import { attendanceListDocument } from './attendance-list.server.ts';
import { createTaskFromDecision, parseTaskForm } from './decision-task.server.ts';
import { addDecision } from './decisions.server.ts';
import { addInvitee, addPerson, inviteAllMembers, removeInvitee } from './invitees.server.ts';
import { cancelMeeting, createMeeting, saveMinutes, updateMeeting } from './manage-meeting.server.ts';
import { attendanceField, meetingSchema } from './meeting.schema.ts';
import { getMeeting, listDecisions, listParticipants } from './meetings.queries.server.ts';
import { sendInvitations } from './send-invitations.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let gops: { id: string };
let parish: { id: string };
let school: { id: string };
let outsider: { id: string };
let poznanOrg: { id: string };
let poznanContact: string;
let gopsContact: string;
let coordinator: { id: string; email: string };
let partnerUser: { id: string };
let englishUser: { id: string; email: string };
let partnershipId: string;
let poznanPartnershipId: string;
let actionId: string;
let meetingId: string;

const BEFORE = new Date('2027-03-01T10:00:00Z');
const DURING = new Date('2027-03-30T15:30:00Z');
const AFTER = new Date('2027-03-30T19:00:00Z');
const base = 'https://splot.test';

const loc = (roles: Role[], l: { id: string; slug: string; name: string } = kwilcz): ActorLocality => ({
  localityId: l.id,
  slug: l.slug,
  name: l.name,
  kind: 'rural',
  roles,
  organisationIds: [],
});
const coord = () => ({
  actor: actorFor(coordinator, { name: 'Katarzyna Nowak' }),
  locality: loc(['coordinator']),
});
const ref = (now: Date = BEFORE) => ({ ...coord(), partnershipId, meetingId, now });
const input = (fields: Record<string, string>) =>
  meetingSchema.parse({
    title: 'Zgromadzenie Partnerów',
    date: '30.03.2027',
    startTime: '17:00',
    endTime: '19:00',
    place: 'GOPS Kwilcz, sala 1',
    agenda: '1. Otwarcie\n2. Program',
    ...fields,
  });

async function auditCount() {
  const [row] = await t.db.select({ n: count() }).from(auditLog);
  return row!.n;
}
async function participants() {
  return listParticipants(t.db, { localityId: kwilcz.id, meetingId });
}
async function meetingRow() {
  return (await getMeeting(t.db, { localityId: kwilcz.id, partnershipId, id: meetingId }))!;
}
/** The AppError a use case refused with (a test fails if it did not refuse). */
async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}
const plain = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  gops = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
    kind: 'ops',
  });
  parish = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Parafia pw. św. Wawrzyńca',
    kind: 'parish',
  });
  school = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Szkoła Podstawowa w Kwilczu',
    kind: 'school',
  });
  outsider = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Koło Gospodyń Wiejskich',
    kind: 'association',
  });
  poznanOrg = await makeOrganisation(t.db, {
    localityId: poznan.id,
    name: 'Fundacja z Poznania',
    kind: 'foundation',
  });
  coordinator = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'coordinator' }] });
  partnerUser = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'partner_rep' }] });
  englishUser = await makeUser(t.db, {
    email: 'reader.en@example.test',
    locale: 'en',
    roles: [{ localityId: kwilcz.id, role: 'advisor' }],
  });
  const contact = (organisationId: string, name: string, email: string, l = kwilcz) =>
    addContact(t.db, {
      actor: actorFor(coordinator),
      locality: loc(['coordinator'], l),
      organisationId,
      input: { name, role: '', email, phone: '', legalBasis: 'legitimate_interest', basisNote: '' },
    });
  gopsContact = await contact(gops.id, 'Anna Kierownik', 'anna@gops.example');
  await contact(gops.id, 'Jan Socjalny', 'jan@gops.example');
  await contact(parish.id, 'Ks. Marek', '');
  poznanContact = await contact(poznanOrg.id, 'Ewa z Poznania', 'ewa@poznan.example', poznan);

  partnershipId = await savePartnership(t.db, {
    ...coord(),
    input: { name: 'Partnerstwo dla Kwilcza', aim: '', formedOn: null },
  });
  for (const organisationId of [gops.id, parish.id, school.id])
    await addMember(t.db, { ...coord(), partnershipId, organisationId, role: 'partner', joinedOn: null });
  poznanPartnershipId = await savePartnership(t.db, {
    actor: actorFor(coordinator),
    locality: loc(['coordinator'], poznan),
    input: { name: 'Partnerstwo Poznań', aim: '', formedOn: null },
  });
  const goal = await createProgrammeItem(t.db, {
    ...coord(),
    partnershipId,
    input: programmeItemSchema.parse({ level: 'goal', title: 'Praca dla mieszkańców' }),
  });
  actionId = await createProgrammeItem(t.db, {
    ...coord(),
    partnershipId,
    input: programmeItemSchema.parse({ level: 'action', parentId: goal, title: 'Klub samopomocowy' }),
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('planning a meeting', () => {
  it('refuses an end before the start, in words and on the end time, and saves nothing', async () => {
    const before = await auditCount();
    await expect(
      createMeeting(t.db, {
        ...coord(),
        partnershipId,
        input: input({ startTime: '18:00', endTime: '17:30' }),
      }),
    ).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      fieldErrors: { endTime: 'meetings.form.endBeforeStart' },
    });
    expect((await t.db.select({ n: count() }).from(meetings))[0]!.n).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('treats another locality’s partnership as unknown, and lets only the coordinator plan', async () => {
    await expect(
      createMeeting(t.db, { ...coord(), partnershipId: poznanPartnershipId, input: input({}) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createMeeting(t.db, {
        actor: actorFor(partnerUser),
        locality: loc(['partner_rep']),
        partnershipId,
        input: input({}),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the time in Warsaw: 17:00 on 30 March 2027 (summer time) is 15:00 UTC', async () => {
    meetingId = await createMeeting(t.db, { ...coord(), partnershipId, input: input({}) });
    const m = await meetingRow();
    expect(m.startsAt.toISOString()).toBe('2027-03-30T15:00:00.000Z');
    expect(m.endsAt.toISOString()).toBe('2027-03-30T17:00:00.000Z');
    expect(m).toMatchObject({ status: 'planned', icsSequence: 0 });
  });
});

describe('invitees', () => {
  it('invites the partnership with one button: members’ contacts with an e-mail, telling who has none', async () => {
    const r = await inviteAllMembers(t.db, ref());
    expect(r).toEqual({
      added: 2,
      withoutEmail: ['Parafia pw. św. Wawrzyńca', 'Szkoła Podstawowa w Kwilczu'],
    });
    expect((await participants()).map((p) => [p.name, p.email])).toEqual([
      ['Anna Kierownik', 'anna@gops.example'],
      ['Jan Socjalny', 'jan@gops.example'],
    ]);
    // Pressed again, it adds nobody twice.
    expect((await inviteAllMembers(t.db, ref())).added).toBe(0);
  });

  it('adds one organisation or contact of this locality only, and each once', async () => {
    await expect(
      addInvitee(t.db, { ...ref(), invitee: { kind: 'contact', id: poznanContact } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { invitee: 'meetings.invitees.unknown' } });
    await expect(
      addInvitee(t.db, { ...ref(), invitee: { kind: 'organisation', id: poznanOrg.id } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const clash = await rejection(
      addInvitee(t.db, { ...ref(), invitee: { kind: 'contact', id: gopsContact } }),
    );
    expect(clash).toMatchObject({ code: 'CONFLICT' });
    expect(getI18n('pl').t(clash.messageKey, clash.values)).toBe(
      'Anna Kierownik jest już na liście zaproszonych',
    );
    await addInvitee(t.db, { ...ref(), invitee: { kind: 'organisation', id: parish.id } });
    const parishRow = (await participants()).find((p) => p.organisationId === parish.id)!;
    expect(parishRow).toMatchObject({ name: '', email: '', contactId: null });
  });

  it('adds a person by name and e-mail, linked to the user with that address', async () => {
    await addPerson(t.db, {
      ...ref(),
      input: { name: 'Reader English', email: englishUser.email, organisationId: null },
    });
    const row = (await participants()).find((p) => p.email === englishUser.email)!;
    expect(row.userId).toBe(englishUser.id);
    await expect(
      addPerson(t.db, {
        ...ref(),
        input: { name: 'Ktoś', email: 'anna@gops.example', organisationId: null },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { email: expect.anything() } });
    await expect(
      addPerson(t.db, {
        ...ref(),
        input: { name: 'Ktoś', email: 'k@x.example', organisationId: poznanOrg.id },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { organisationId: expect.anything() } });
  });
});

describe('invitations', () => {
  it('queues one e-mail per invitee with an address, each with the calendar invitation, and marks them', async () => {
    const mail = recordingMail();
    const sent = await sendInvitations(t.db, { ...ref(), mail, baseUrl: base });
    expect(sent).toBe(3);
    expect(mail.sent.map((m) => m.to).sort()).toEqual([
      'anna@gops.example',
      'jan@gops.example',
      'reader.en@example.test',
    ]);
    for (const m of mail.sent) {
      expect(m.attachments).toHaveLength(1);
      const a = m.attachments![0]!;
      expect(a.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
      const ics = plain(a.content);
      expect(ics).toContain(`UID:meeting-${meetingId}@splot`);
      expect(ics).toContain('SEQUENCE:0');
      expect(ics).toContain('DTSTART:20270330T150000Z');
      expect(ics).toContain(`mailto:${m.to}`);
    }
    const anna = mail.sent.find((m) => m.to === 'anna@gops.example')!;
    expect(anna.subject).toBe('Zaproszenie: Zgromadzenie Partnerów, 30.03.2027 17:00');
    expect(anna.text).toContain('Termin: wtorek, 30 marca 2027 r., 17:00–19:00');
    // Contacts do not sign in: no link. The user gets the page, in the language they chose.
    expect(anna.text).not.toContain(base);
    const en = mail.sent.find((m) => m.to === englishUser.email)!;
    expect(en.subject).toBe('Invitation: Zgromadzenie Partnerów, 30/03/2027 17:00');
    expect(en.text).toContain(
      `${base}/app/${kwilcz.slug}/partnerships/${partnershipId}/meetings/${meetingId}`,
    );
    const rows = await participants();
    expect(rows.filter((p) => p.invitedAt).length).toBe(3);
    // The parish invited as an organisation has no address: not sent, not marked.
    expect(rows.find((p) => p.organisationId === parish.id)!.invitedAt).toBeNull();
  });

  it('has nobody to send to a second time, and says so', async () => {
    const mail = recordingMail();
    await expect(sendInvitations(t.db, { ...ref(), mail, baseUrl: base })).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      messageKey: 'meetings.invitations.none',
    });
    expect(mail.sent).toHaveLength(0);
  });

  it('keeps the calendar version when only the agenda changes', async () => {
    const r = await updateMeeting(t.db, {
      ...ref(),
      input: input({ agenda: '1. Otwarcie\n2. Program\n3. Klub' }),
    });
    expect(r.reinvite).toBe(0);
    const m = await meetingRow();
    expect(m.icsSequence).toBe(0);
    expect((await participants()).filter((p) => p.invitedAt).length).toBe(3);
  });

  it('raises SEQUENCE when the time changes after invitations, so re-sent invitations update calendars', async () => {
    const r = await updateMeeting(t.db, { ...ref(), input: input({ startTime: '16:30' }) });
    expect(r.reinvite).toBe(3);
    expect((await meetingRow()).icsSequence).toBe(1);
    expect((await participants()).filter((p) => p.invitedAt).length).toBe(0);
    const mail = recordingMail();
    expect(await sendInvitations(t.db, { ...ref(), mail, baseUrl: base })).toBe(3);
    const ics = plain(mail.sent[0]!.attachments![0]!.content);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`UID:meeting-${meetingId}@splot`);
    expect(ics).toContain('DTSTART:20270330T143000Z');
    expect(mail.sent.find((m) => m.to === 'anna@gops.example')!.subject).toMatch(
      /^Zmiana terminu lub miejsca: /,
    );
  });

  it('refuses bad times on a change and changes nothing, not even the title', async () => {
    await expect(
      updateMeeting(t.db, {
        ...ref(),
        input: input({ title: 'Inny', startTime: '19:00', endTime: '18:00' }),
      }),
    ).rejects.toMatchObject({ code: 'DOMAIN_RULE' });
    expect((await meetingRow()).title).toBe('Zgromadzenie Partnerów');
  });

  it('refuses a change from a stale form', async () => {
    const m = await meetingRow();
    await expect(
      updateMeeting(t.db, { ...ref(), input: input({ startTime: '16:30' }), version: m.version - 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('sends no invitations once the meeting has started', async () => {
    await addPerson(t.db, {
      ...ref(),
      input: { name: 'Spóźniony', email: 'late@x.example', organisationId: null },
    });
    await expect(
      sendInvitations(t.db, { ...ref(DURING), mail: recordingMail(), baseUrl: base }),
    ).rejects.toMatchObject({ messageKey: 'meetings.errors.inviteAfterStart' });
  });

  it('sends a cancellation to an invitee taken off the list', async () => {
    const mail = recordingMail();
    const jan = (await participants()).find((p) => p.email === 'jan@gops.example')!;
    await removeInvitee(t.db, { ...ref(), participantId: jan.id, mail });
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.to).toBe('jan@gops.example');
    expect(mail.sent[0]!.attachments![0]!.content).toContain('METHOD:CANCEL');
    expect((await participants()).some((p) => p.id === jan.id)).toBe(false);
  });
});

describe('attendance, in one form', () => {
  it('is taken from the start of the meeting', async () => {
    await expect(recordAttendance(t.db, { ...ref(BEFORE), values: {} })).rejects.toMatchObject({
      messageKey: 'meetings.errors.notStarted',
    });
  });

  it('records everyone’s attendance with one submit', async () => {
    const rows = await participants();
    const values = Object.fromEntries(
      rows.map((p, i) => [attendanceField(p.id), i === 0 ? 'absent' : i === 1 ? 'excused' : 'present']),
    );
    const r = await recordAttendance(t.db, { ...ref(DURING), values });
    expect(r).toEqual({ present: rows.length - 2, absent: 1, excused: 1, unknown: 0 });
    const after = await participants();
    expect(after.map((p) => p.attendance)).toEqual(
      rows.map((_, i) => (i === 0 ? 'absent' : i === 1 ? 'excused' : 'present')),
    );
  });

  it('saves nothing when one row is wrong or names someone from elsewhere', async () => {
    const rows = await participants();
    const before = rows.map((p) => p.attendance);
    const values = Object.fromEntries(rows.map((p) => [attendanceField(p.id), 'present']));
    await expect(
      recordAttendance(t.db, {
        ...ref(DURING),
        values: { ...values, [attendanceField(rows[0]!.id)]: 'maybe' },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { [attendanceField(rows[0]!.id)]: 'meetings.attendance.invalid' },
    });
    const [foreign] = await t.db
      .insert(meetingParticipants)
      .values({ localityId: kwilcz.id, meetingId: await otherMeeting(), name: 'Obcy' })
      .returning({ id: meetingParticipants.id });
    await expect(
      recordAttendance(t.db, {
        ...ref(DURING),
        values: { ...values, [attendanceField(foreign!.id)]: 'present' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', messageKey: 'meetings.attendance.unknown' });
    expect((await participants()).map((p) => p.attendance)).toEqual(before);
  });

  it('adds a walk-in as present, with an organisation of this locality only', async () => {
    await expect(
      addWalkIn(t.db, { ...ref(DURING), input: { walkInName: 'Gość', walkInOrganisationId: poznanOrg.id } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await addWalkIn(t.db, {
      ...ref(DURING),
      input: { walkInName: 'Helena Szulc', walkInOrganisationId: outsider.id },
    });
    const row = (await participants()).find((p) => p.name === 'Helena Szulc')!;
    expect(row).toMatchObject({
      attendance: 'present',
      invitedAt: null,
      organisationName: 'Koło Gospodyń Wiejskich',
    });
  });
});

let otherMeetingId: string | null = null;
async function otherMeeting() {
  otherMeetingId ??= await createMeeting(t.db, {
    ...coord(),
    partnershipId,
    input: input({ title: 'Inne spotkanie', date: '10.04.2027' }),
  });
  return otherMeetingId;
}

describe('decisions', () => {
  let decisionId: string;

  it('are numbered once per meeting; a clash is explained with the decision that has the number', async () => {
    decisionId = await addDecision(t.db, {
      ...ref(DURING),
      input: { number: '3/2027', text: 'Partnerzy przyjmują program działania na rok 2027.' },
    });
    const clash = await rejection(
      addDecision(t.db, { ...ref(DURING), input: { number: ' 3 / 2027', text: 'Coś innego' } }),
    );
    expect(clash).toMatchObject({ code: 'CONFLICT', fieldErrors: { number: expect.anything() } });
    expect(getI18n('pl').t(clash.messageKey, clash.values)).toBe(
      'Numer 3/2027 ma już inna uchwała tego spotkania („Partnerzy przyjmują program działania na rok 2027.”). Nadaj tej uchwale inny numer, np. kolejny.',
    );
    expect(getI18n('en').t(clash.messageKey, clash.values)).toContain('already has number 3/2027');
    // The same number at another meeting is fine.
    await addDecision(t.db, {
      ...ref(DURING),
      meetingId: await otherMeeting(),
      now: new Date('2027-04-10T18:00:00Z'),
      input: { number: '3/2027', text: 'Inna uchwała' },
    });
    const [n] = await t.db
      .select({ n: count() })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, meetingId));
    expect(n!.n).toBe(1);
  });

  it('create a task in the programme, under an action, through the programme’s own use case', async () => {
    const missing = parseTaskForm({ taskTitle: 'Zadanie', taskParentId: '' });
    expect(missing).toEqual({ ok: false, errors: { taskParentId: 'meetings.tasks.parent.required' } });
    const bad = parseTaskForm({ taskTitle: 'Zadanie', taskParentId: actionId, taskDueOn: '31.02.2027' });
    expect(bad).toEqual({ ok: false, errors: { taskDueOn: 'programme.form.date.invalid' } });

    const parsed = parseTaskForm({
      taskTitle: 'Przygotować regulamin klubu',
      taskParentId: actionId,
      taskOrganisationId: gops.id,
      taskDueOn: '30.04.2027',
    });
    if (!parsed.ok) throw new Error('parse');
    // A responsible organisation outside the partnership: the programme's rule, on the task form's field.
    await expect(
      createTaskFromDecision(t.db, {
        ...ref(AFTER),
        decisionId,
        input: { ...parsed.input, responsibleOrganisationId: outsider.id },
      }),
    ).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      fieldErrors: { taskOrganisationId: 'programme.errors.organisationNotMember' },
    });
    // A decision of another meeting cannot be used from this one.
    const [otherDecision] = await t.db
      .select({ id: meetingDecisions.id })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, await otherMeeting()));
    await expect(
      createTaskFromDecision(t.db, { ...ref(AFTER), decisionId: otherDecision!.id, input: parsed.input }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', messageKey: 'meetings.tasks.decisionUnknown' });

    const id = await createTaskFromDecision(t.db, { ...ref(AFTER), decisionId, input: parsed.input });
    const [task] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, id));
    expect(task).toMatchObject({
      level: 'task',
      parentId: actionId,
      decisionId,
      partnershipId,
      title: 'Przygotować regulamin klubu',
      dueOn: '2027-04-30',
      responsibleOrganisationId: gops.id,
    });
    const decisions = await listDecisions(t.db, { localityId: kwilcz.id, meetingId });
    expect(decisions).toEqual([
      {
        id: decisionId,
        number: '3/2027',
        text: 'Partnerzy przyjmują program działania na rok 2027.',
        tasks: [{ id, title: 'Przygotować regulamin klubu', status: 'planned' }],
      },
    ]);
  });
});

describe('minutes and the end of a meeting', () => {
  it('keeps the minutes and marks the meeting held; a held meeting no longer changes or cancels', async () => {
    await saveMinutes(t.db, { ...ref(AFTER), minutes: 'Przyjęto program.', markHeld: true });
    const m = await meetingRow();
    expect(m).toMatchObject({ status: 'held', minutes: 'Przyjęto program.' });
    await expect(updateMeeting(t.db, { ...ref(AFTER), input: input({}) })).rejects.toMatchObject({
      messageKey: 'meetings.errors.alreadyHeld',
    });
    await expect(
      cancelMeeting(t.db, { ...ref(AFTER), mail: recordingMail(), baseUrl: base }),
    ).rejects.toMatchObject({ messageKey: 'meetings.errors.alreadyHeld' });
    await expect(inviteAllMembers(t.db, { ...ref(AFTER) })).rejects.toMatchObject({
      messageKey: 'meetings.errors.alreadyHeld',
    });
  });

  it('prints the attendance list with every invitee, an empty signature column and rows for walk-ins', async () => {
    const rows = await participants();
    const doc = attendanceListDocument({
      i18n: getI18n('pl'),
      localityName: 'Kwilcz',
      partnershipName: 'Partnerstwo dla Kwilcza',
      meeting: await meetingRow(),
      participants: rows,
    });
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table && 'rows' in table && table.rows.length).toBe(rows.length + 5);
    expect(table && 'rows' in table && table.rows.every((r) => r[3] === '')).toBe(true);
    const pdf = await renderPdf(doc);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: true });
    for (const s of [
      'Lista obecności',
      'Zgromadzenie Partnerów',
      'wtorek, 30 marca 2027 r.',
      '16:30–19:00',
      'Anna Kierownik',
      'Helena Szulc',
      'Podpis',
    ])
      expect(text).toContain(s);
  });

  it('cancels a planned meeting: those invited get a calendar cancellation', async () => {
    const id = await otherMeeting();
    await inviteAllMembers(t.db, { ...ref(), meetingId: id });
    await sendInvitations(t.db, { ...ref(), meetingId: id, mail: recordingMail(), baseUrl: base });
    const mail = recordingMail();
    expect(await cancelMeeting(t.db, { ...ref(), meetingId: id, mail, baseUrl: base })).toBe(2);
    expect(mail.sent.every((m) => m.attachments![0]!.content.includes('METHOD:CANCEL'))).toBe(true);
    expect(mail.sent[0]!.attachments![0]!.content).toContain('SEQUENCE:1');
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, id));
    expect(m).toMatchObject({ status: 'cancelled', icsSequence: 1 });
    await expect(
      addDecision(t.db, {
        ...ref(new Date('2027-04-10T18:00:00Z')),
        meetingId: id,
        input: { number: '9', text: 'x' },
      }),
    ).rejects.toMatchObject({ messageKey: 'meetings.errors.cancelled' });
  });

  it('left an audit row for every change', async () => {
    const actions = (
      await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'meeting'), eq(auditLog.entityId, meetingId)))
    ).map((r) => r.action);
    for (const a of [
      'meeting.create',
      'meeting.update',
      'meeting.invitees_add_members',
      'meeting.invitee_add',
      'meeting.invitee_remove',
      'meeting.invitations_send',
      'meeting.attendance',
      'meeting.walk_in',
      'meeting.decision_add',
      'meeting.decision_task',
      'meeting.held',
    ])
      expect(actions, a).toContain(a);
  });
});
