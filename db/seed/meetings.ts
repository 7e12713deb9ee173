import { and, eq, inArray, sql } from 'drizzle-orm';
import { addWalkIn, recordAttendance } from '../../app/features/meetings/attendance.server.ts';
import { createTaskFromDecision, parseTaskForm } from '../../app/features/meetings/decision-task.server.ts';
import { addDecision } from '../../app/features/meetings/decisions.server.ts';
import { inviteAllMembers } from '../../app/features/meetings/invitees.server.ts';
import {
  cancelMeeting,
  createMeeting,
  saveMinutes,
} from '../../app/features/meetings/manage-meeting.server.ts';
import type { Attendance } from '../../app/features/meetings/meeting.rules.ts';
import { attendanceField, meetingSchema } from '../../app/features/meetings/meeting.schema.ts';
import {
  listParticipants,
  listProgrammeActions,
} from '../../app/features/meetings/meetings.queries.server.ts';
import { sendInvitations } from '../../app/features/meetings/send-invitations.server.ts';
import { addContact } from '../../app/features/organisations/contacts.server.ts';
import type { MailQueue } from '../../app/lib/services.ts';
import { slugify } from '../../app/lib/text.ts';
import type { Db } from '../client.ts';
import {
  localities,
  meetingDecisions,
  meetingParticipants,
  meetings,
  organisationContacts,
  organisations,
  partnershipMembers,
  partnerships,
  programmeItems,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

/** Days relative to the day the seed runs (negative: in the past). */
type Day = number;

type MeetingSeed = {
  title: string;
  day: Day;
  start: string;
  end: string;
  place: string;
  agenda: string[];
  /** Held: attendance, minutes and decisions; upcoming: invitations sent; cancelled: called off. */
  kind: 'held' | 'upcoming' | 'cancelled';
  walkIns?: string[];
  minutes?: string;
  /** Number (the year is added) and text. */
  decisions?: [number: number, text: string][];
  /** A task the first decision adds to the programme, under the action with this title. */
  task?: { action: string; title: string; org: string; due: Day };
};

/** Invented contact people for the member organisations (name, role). */
const PEOPLE: [string, string][] = [
  ['Agnieszka Wróbel', 'dyrektorka'],
  ['Marek Jankowski', 'kierownik'],
  ['Beata Kaczmarek', 'specjalistka ds. projektów'],
  ['Krzysztof Mazur', 'prezes zarządu'],
  ['Dorota Krawczyk', 'koordynatorka wolontariatu'],
  ['Paweł Piotrowski', 'proboszcz'],
  ['Joanna Grabowska', 'pracowniczka socjalna'],
  ['Andrzej Pawlak', 'właściciel'],
  ['Monika Michalska', 'doradczyni zawodowa'],
  ['Grzegorz Król', 'wicedyrektor'],
  ['Renata Wieczorek', 'księgowa'],
  ['Tadeusz Jabłoński', 'sekretarz'],
];

/**
 * Every member organisation gets a contact person with an e-mail address (the directory seed
 * has none), except the last member: the "invite all members" button then tells about it.
 */
async function seedContacts(db: Db, place: Place, partnershipId: string): Promise<void> {
  const ctx = await coordinatorContext(db, place);
  const members = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(eq(partnershipMembers.partnershipId, partnershipId))
    .orderBy(organisations.nameFolded);
  const withContacts = new Set(
    (
      await db
        .select({ organisationId: organisationContacts.organisationId })
        .from(organisationContacts)
        .where(
          inArray(
            organisationContacts.organisationId,
            members.map((m) => m.id),
          ),
        )
    ).map((r) => r.organisationId),
  );
  for (const [i, org] of members.slice(0, -1).entries()) {
    if (withContacts.has(org.id)) continue;
    const [name, role] = PEOPLE[i % PEOPLE.length]!;
    const domain = `${slugify(org.name).slice(0, 24).replace(/-+$/, '')}.example`;
    await addContact(db, {
      ...ctx,
      organisationId: org.id,
      input: {
        name,
        role,
        email: `${slugify(name).replace('-', '.')}@${domain}`,
        phone: '',
        legalBasis: 'legitimate_interest',
        basisNote: 'Osoba kontaktowa organizacji członkowskiej partnerstwa',
      },
    });
  }
}

/** The seed sends no e-mail: invitations are marked as sent, the messages go nowhere. */
const noMail: MailQueue = { async send() {} };

function attendanceOf(i: number): Attendance {
  if (i % 6 === 4) return 'absent';
  if (i % 7 === 5) return 'excused';
  return 'present';
}

async function seedMeeting(db: Db, today: string, place: Place, partnershipId: string, seed: MeetingSeed) {
  const ctx = await coordinatorContext(db, place);
  const day = (d: Day) => daysFrom(today, d);
  const at = (d: Day, time: string) => new Date(`${day(d)}T${time}:00+01:00`);
  const input = meetingSchema.parse({
    title: seed.title,
    date: day(seed.day),
    startTime: seed.start,
    endTime: seed.end,
    place: seed.place,
    agenda: seed.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n'),
  });
  const meetingId = await createMeeting(db, { ...ctx, partnershipId, input });
  const ref = { ...ctx, partnershipId, meetingId };
  // Invitations went out two weeks before the meeting (or today, for one still ahead).
  const invitedOn = Math.min(seed.day - 14, 0);
  await inviteAllMembers(db, { ...ref, now: at(invitedOn, '09:00') });
  await sendInvitations(db, {
    ...ref,
    mail: noMail,
    baseUrl: 'http://localhost:3000',
    now: seed.kind === 'upcoming' ? new Date() : at(invitedOn, '09:00'),
  });
  if (seed.kind === 'cancelled') {
    await cancelMeeting(db, { ...ref, mail: noMail, baseUrl: 'http://localhost:3000' });
    return;
  }
  if (seed.kind !== 'held') return;
  const after = at(seed.day, '21:00');
  const participants = await listParticipants(db, { localityId: place.locality.id, meetingId });
  await recordAttendance(db, {
    ...ref,
    now: after,
    values: Object.fromEntries(participants.map((p, i) => [attendanceField(p.id), attendanceOf(i)])),
  });
  for (const name of seed.walkIns ?? [])
    await addWalkIn(db, { ...ref, now: after, input: { walkInName: name, walkInOrganisationId: null } });
  const year = day(seed.day).slice(0, 4);
  const decisionIds: string[] = [];
  for (const [n, text] of seed.decisions ?? [])
    decisionIds.push(await addDecision(db, { ...ref, now: after, input: { number: `${n}/${year}`, text } }));
  await saveMinutes(db, { ...ref, now: after, minutes: seed.minutes ?? '', markHeld: true });
  if (seed.task && decisionIds[0]) {
    const actions = await listProgrammeActions(db, { localityId: place.locality.id, partnershipId });
    const action = actions.find((a) => a.title === seed.task?.action) ?? actions[0];
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.localityId, place.locality.id), eq(organisations.name, seed.task.org)));
    if (!action) return;
    const parsed = parseTaskForm({
      taskParentId: action.id,
      taskTitle: seed.task.title,
      taskOrganisationId: org?.id ?? '',
      taskDueOn: day(seed.task.due),
    });
    if (!parsed.ok)
      throw new Error(`Demo seed: the decision's task does not parse: ${JSON.stringify(parsed)}`);
    await createTaskFromDecision(db, { ...ref, decisionId: decisionIds[0], input: parsed.input });
  }
}

const WAGROWIEC: MeetingSeed[] = [
  {
    title: 'Zgromadzenie Partnerów: przyjęcie programu działania',
    day: -120,
    start: '16:00',
    end: '18:30',
    place: 'Urząd Miasta Wągrowiec, ul. Kościuszki 15a, sala sesyjna',
    agenda: [
      'Otwarcie i przyjęcie porządku obrad',
      'Przedstawienie diagnozy lokalnych problemów',
      'Przyjęcie programu działania partnerstwa',
      'Wolne wnioski',
    ],
    kind: 'held',
    walkIns: ['Helena Szulc'],
    decisions: [
      [2, 'Zgromadzenie Partnerów przyjmuje program działania partnerstwa na lata 2026–2027.'],
      [3, 'Partnerzy powierzają MOPS prowadzenie listy chętnych do klubu samopomocowego.'],
    ],
    minutes:
      'Zgromadzenie otworzyła dyrektorka MOPS. Koordynator przedstawił diagnozę problemów. ' +
      'Po dyskusji partnerzy przyjęli program działania (uchwała nr 2) i powierzyli MOPS listę chętnych do klubu (uchwała nr 3).',
  },
  {
    title: 'Spotkanie partnerów: klub samopomocowy i giełda pracy',
    day: -30,
    start: '17:00',
    end: '19:00',
    place: 'Dom Kultury w Wągrowcu, ul. Kościuszki 55, sala nr 2',
    agenda: ['Sprawozdanie z pierwszych miesięcy klubu', 'Przygotowanie giełdy pracy', 'Sprawy różne'],
    kind: 'held',
    decisions: [
      [4, 'Partnerzy organizują giełdę pracy; CIS zbiera oferty i zaprasza pracodawców spoza partnerstwa.'],
      [5, 'Klub samopomocowy spotyka się także w soboty od 10:00 do 13:00.'],
    ],
    task: {
      action: 'Giełda pracy partnerstwa',
      title: 'Zaprosić na giełdę pracodawców spoza partnerstwa',
      org: 'Centrum Integracji Społecznej w Wągrowcu',
      due: 20,
    },
    minutes:
      'Animatorka klubu przedstawiła sprawozdanie: 22 uczestników, spotkania dwa razy w tygodniu. ' +
      'Ustalono, że giełda pracy odbędzie się w hali sportowej; oferty zbiera CIS (uchwała nr 4).',
  },
  {
    title: 'Zgromadzenie Partnerów: podsumowanie półrocza',
    day: 14,
    start: '16:30',
    end: '18:30',
    place: 'Urząd Miasta Wągrowiec, ul. Kościuszki 15a, sala sesyjna',
    agenda: [
      'Sprawozdanie z realizacji programu działania',
      'Wyniki kursu lokalnych liderów',
      'Plan na kolejne półrocze',
    ],
    kind: 'upcoming',
  },
];

const POZNAN: MeetingSeed[] = [
  {
    title: 'Zgromadzenie Partnerów: przyjęcie programu działania',
    day: -200,
    start: '15:00',
    end: '17:30',
    place: 'Klub integracyjny, ul. Św. Marcin 80/82, Poznań',
    agenda: ['Przyjęcie porządku obrad', 'Program działania partnerstwa', 'Wnioski o finansowanie'],
    kind: 'held',
    walkIns: ['Irena Kubiak', 'Zbigniew Sikora'],
    decisions: [
      [2, 'Zgromadzenie Partnerów przyjmuje program działania partnerstwa.'],
      [3, 'Partnerstwo składa dwa wnioski do programu FEW 2021–2027.'],
    ],
    minutes: 'Przyjęto program działania (uchwała nr 2) i postanowiono złożyć dwa wnioski o dofinansowanie.',
  },
  {
    title: 'Spotkanie partnerów: Centrum Ekonomii Społecznej',
    day: -150,
    start: '16:00',
    end: '18:00',
    place: 'Klub integracyjny, ul. Św. Marcin 80/82, Poznań',
    agenda: ['Otwarcie CES', 'Dyżury doradców', 'Sprawy różne'],
    kind: 'held',
    decisions: [[4, 'CES prowadzi dyżury doradców trzy dni w tygodniu w lokalu klubu.']],
    minutes: 'Fundacja Wspólna Droga przedstawiła plan dyżurów doradców CES.',
  },
  {
    title: 'Spotkanie partnerów: nowe spółdzielnie socjalne',
    day: -45,
    start: '17:00',
    end: '19:00',
    place: 'Klub integracyjny, ul. Św. Marcin 80/82, Poznań',
    agenda: ['Grupy inicjatywne', 'Środki PUP na stanowiska pracy', 'Lokal na sklep spółdzielni'],
    kind: 'held',
    decisions: [
      [5, 'Partnerzy wspierają dwie grupy inicjatywne w założeniu spółdzielni socjalnych.'],
      [6, 'Spółdzielnia Mieszkaniowa „Przyszłość” udostępnia lokal na sklep spółdzielni.'],
    ],
    minutes: 'Omówiono postępy grup inicjatywnych; PUP potwierdził środki na 4 stanowiska pracy.',
  },
  {
    title: 'Warsztat partnerów: promocja ekonomii społecznej',
    day: 5,
    start: '10:00',
    end: '13:00',
    place: 'Szkoła Podstawowa nr 1 w Poznaniu, aula',
    agenda: ['Kampania informacyjna', 'Targi ekonomii społecznej'],
    kind: 'cancelled',
  },
  {
    title: 'Zgromadzenie Partnerów: sprawozdanie roczne',
    day: 21,
    start: '15:00',
    end: '17:00',
    place: 'Klub integracyjny, ul. Św. Marcin 80/82, Poznań',
    agenda: ['Sprawozdanie roczne', 'Aktualizacja programu działania', 'Wybór przewodniczącego zgromadzenia'],
    kind: 'upcoming',
  },
];

/**
 * Demo data for the meetings part in Wągrowiec and Poznań (Kwilcz starts from nothing): held
 * meetings with attendance, minutes and decisions (one decision adds a task to Wągrowiec's
 * programme), an upcoming meeting with invitations sent, and in Poznań a cancelled one.
 * Written through the app's own use cases, like the partnerships seed.
 */
export async function seedMeetings(
  db: Db,
  opts: { today: string; wagrowiec: Place; poznan: Place },
): Promise<void> {
  for (const [place, seeds] of [
    [opts.wagrowiec, WAGROWIEC],
    [opts.poznan, POZNAN],
  ] as const) {
    const [p] = await db
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.localityId, place.locality.id))
      .orderBy(partnerships.createdAt)
      .limit(1);
    if (!p) continue;
    await seedContacts(db, place, p.id);
    for (const seed of seeds) await seedMeeting(db, opts.today, place, p.id, seed);
  }
}

/** How many meetings of each kind the seed leaves, for the seed's own test. */
export const SEEDED_MEETINGS = {
  wagrowiec: {
    held: WAGROWIEC.filter((m) => m.kind === 'held').length,
    planned: WAGROWIEC.filter((m) => m.kind === 'upcoming').length,
    cancelled: WAGROWIEC.filter((m) => m.kind === 'cancelled').length,
    decisions: WAGROWIEC.reduce((n, m) => n + (m.decisions?.length ?? 0), 0),
  },
  poznan: {
    held: POZNAN.filter((m) => m.kind === 'held').length,
    planned: POZNAN.filter((m) => m.kind === 'upcoming').length,
    cancelled: POZNAN.filter((m) => m.kind === 'cancelled').length,
    decisions: POZNAN.reduce((n, m) => n + (m.decisions?.length ?? 0), 0),
  },
} as const;

/**
 * What the seed left in a demo locality: meetings by status, decisions, the tasks decisions
 * created, attendance taken and invitations sent for the meetings still ahead.
 */
export async function seededMeetingCounts(db: Db, slug: string) {
  const [row] = await db
    .select({
      held: sql<number>`count(*) filter (where ${meetings.status} = 'held')`.mapWith(Number),
      planned: sql<number>`count(*) filter (where ${meetings.status} = 'planned')`.mapWith(Number),
      cancelled: sql<number>`count(*) filter (where ${meetings.status} = 'cancelled')`.mapWith(Number),
      decisions:
        sql<number>`(select count(*) from ${meetingDecisions} d where d.locality_id = ${localities.id})`.mapWith(
          Number,
        ),
      decisionTasks:
        sql<number>`(select count(*) from ${programmeItems} i where i.locality_id = ${localities.id} and i.decision_id is not null)`.mapWith(
          Number,
        ),
      present:
        sql<number>`(select count(*) from ${meetingParticipants} p where p.locality_id = ${localities.id} and p.attendance = 'present')`.mapWith(
          Number,
        ),
      invitedAhead:
        sql<number>`(select count(*) from ${meetingParticipants} p join ${meetings} m on m.id = p.meeting_id where p.locality_id = ${localities.id} and m.status = 'planned' and p.invited_at is not null)`.mapWith(
          Number,
        ),
    })
    .from(localities)
    .leftJoin(meetings, eq(meetings.localityId, localities.id))
    .where(eq(localities.slug, slug))
    .groupBy(localities.id);
  return row ?? null;
}
