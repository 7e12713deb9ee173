import { and, eq, inArray } from 'drizzle-orm';
import { recordAttendance, saveActivity } from '../../app/features/club/activities.server.ts';
import {
  type ActivityKind,
  type AttendanceStatus,
  isMemberOn,
  type Outcome,
  type StaffBasis,
} from '../../app/features/club/club.rules.ts';
import { warsawInstant } from '../../app/features/club/club-time.ts';
import { createClub, updateClubSettings } from '../../app/features/club/manage-club.server.ts';
import { joinClub, leaveClub } from '../../app/features/club/members.server.ts';
import { addStaff } from '../../app/features/club/staff.server.ts';
import { addVisit, saveGrant } from '../../app/features/club/visits-grants.server.ts';
import type { Db } from '../client.ts';
import type { OpeningHours } from '../schema/club.ts';
import { organisations } from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

/** Days relative to the day the seed runs (negative: in the past). */
type Day = number;

type MemberSeed = {
  given: string;
  family: string;
  group: string;
  joined: Day;
  phone?: string;
  socialContract?: boolean;
  /** Left on this day with this outcome; the certificate `certificateAfter` days later (none when absent). */
  left?: [Day, Outcome, certificateAfter?: number];
};

type ClubSeed = {
  name: string;
  runBy: string;
  premises: { address: string; provider: string; monthlyValue: string; from: Day };
  openedOn: Day;
  register: { notified: Day; entered: Day; number: (year: string) => string };
  hours: OpeningHours;
  notes: string;
  staff: [name: string, basis: StaffBasis, fte: string, from: Day][];
  members: MemberSeed[];
  /** Weekdays (1 = Monday) of the regular activities, and from how many days ago. */
  schedule: { weekdays: number[]; from: Day; until: Day; every?: number }[];
  visits: [day: Day, member: number | null, visitors: number, purpose: string][];
  grants: [yearOffset: number, source: string, granted: string, spent: string | null][];
};

const PROGRAMME: [ActivityKind, string, string][] = [
  ['job_search', 'Jak napisać CV i list motywacyjny', 'Doradca zawodowy PUP'],
  ['self_help', 'Grupa wsparcia: sprawy mieszkaniowe i urzędowe', ''],
  ['integration', 'Wspólne gotowanie i obiad klubowy', ''],
  ['legal_advice', 'Dyżur prawnika: zadłużenia i alimenty', 'radca prawny z punktu nieodpłatnej pomocy'],
  ['job_search', 'Rozmowa kwalifikacyjna: ćwiczenia', 'Doradca zawodowy PUP'],
  ['socially_useful_work', 'Prace społecznie użyteczne: porządkowanie parku', ''],
  ['integration', 'Wyjście do kina i rozmowa o filmie', ''],
  ['job_search', 'Spółdzielnia socjalna: czy to dla nas?', 'Spółdzielnia Socjalna „Zielona Pracownia”'],
];

const WAGROWIEC: ClubSeed = {
  name: 'Klub Integracji Społecznej „Razem” w Wągrowcu',
  runBy: 'Miejski Ośrodek Pomocy Społecznej w Wągrowcu',
  premises: {
    address: 'Wągrowiecki Dom Kultury, sala nr 4, ul. Kościuszki 55, 62-100 Wągrowiec',
    provider: 'Urząd Miasta Wągrowiec',
    monthlyValue: '1200',
    from: -90,
  },
  openedOn: -85,
  register: { notified: -84, entered: -60, number: (y) => `3/KIS/${y}` },
  hours: [
    { weekday: 2, opens: '14:00', closes: '18:00' },
    { weekday: 4, opens: '14:00', closes: '18:00' },
  ],
  notes: 'W pozostałe dni animatorka przyjmuje w MOPS po wcześniejszym umówieniu.',
  staff: [['Magdalena Krawczyk', 'employment_contract', '1', -20]],
  members: [
    {
      given: 'Krzysztof',
      family: 'Jankowski',
      group: 'long_term_unemployed',
      joined: -85,
      phone: '600 201 301',
    },
    { given: 'Barbara', family: 'Majewska', group: 'long_term_unemployed', joined: -85 },
    { given: 'Grzegorz', family: 'Olszewski', group: 'alcohol_dependent', joined: -80 },
    { given: 'Teresa', family: 'Jaworska', group: 'disabled', joined: -78, phone: '512 330 118' },
    {
      given: 'Mariusz',
      family: 'Wróbel',
      group: 'long_term_unemployed',
      joined: -70,
      left: [-15, 'job_found'],
    },
    { given: 'Danuta', family: 'Malinowska', group: 'homeless', joined: -64 },
    { given: 'Sławomir', family: 'Pawłowski', group: 'released_from_prison', joined: -60 },
    { given: 'Irena', family: 'Witkowska', group: '', joined: -50, socialContract: false },
    { given: 'Zbigniew', family: 'Walczak', group: 'long_term_unemployed', joined: -42 },
    { given: 'Jadwiga', family: 'Stępień', group: 'mental_disorder', joined: -35 },
    { given: 'Marek', family: 'Górski', group: 'alcohol_dependent', joined: -21 },
    {
      given: 'Elżbieta',
      family: 'Rutkowska',
      group: 'long_term_unemployed',
      joined: -10,
      phone: '698 404 221',
    },
  ],
  schedule: [{ weekdays: [2, 4], from: -60, until: 14 }],
  visits: [
    [-27, 0, 1, 'Pomoc w wypełnieniu wniosku o dodatek mieszkaniowy'],
    [-22, null, 2, 'Informacja o klubie dla osób skierowanych z MOPS'],
    [-20, 3, 1, 'Rozmowa z animatorką'],
    [-15, null, 1, 'Pytania o prace społecznie użyteczne'],
    [-13, 6, 1, 'Pomoc w napisaniu CV'],
    [-8, null, 3, 'Dzień otwarty klubu'],
    [-6, 1, 1, 'Konsultacja oferty pracy'],
    [-1, 9, 1, 'Rozmowa z animatorką'],
  ],
  grants: [[0, 'Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych', '18000', null]],
};

const POZNAN_MEMBERS: MemberSeed[] = [
  ['Andrzej', 'Kaczmarek', 'long_term_unemployed', -400, [-330, 'job_found', 2]],
  ['Halina', 'Zalewska', 'long_term_unemployed', -395, [-340, 'education', 1]],
  ['Ryszard', 'Piotrowski', 'alcohol_dependent', -390, [-350, 'no_effect']],
  ['Bożena', 'Grabowska', 'disabled', -385, [-300, 'enterprise', 3]],
  ['Tadeusz', 'Nowicki', 'homeless', -380],
  ['Stanisława', 'Pawlak', 'long_term_unemployed', -372, [-280, 'job_found', 0]],
  ['Wiesław', 'Michalski', 'released_from_prison', -365],
  ['Genowefa', 'Adamczyk', 'mental_disorder', -360, [-200, 'other_effect', 5]],
  ['Henryk', 'Dudek', 'alcohol_dependent', -350],
  ['Alicja', 'Zając', 'long_term_unemployed', -345, [-120, 'job_found', 1]],
  ['Józef', 'Wieczorek', 'long_term_unemployed', -340],
  ['Krystyna', 'Król', '', -330],
  ['Roman', 'Wróblewski', 'drug_dependent', -310],
  ['Małgorzata', 'Kołodziej', 'long_term_unemployed', -300, [-40, 'job_found']],
  ['Leszek', 'Szczepański', 'disabled', -290],
  ['Urszula', 'Baran', 'long_term_unemployed', -280],
  ['Mirosław', 'Sikora', 'homeless', -260],
  ['Grażyna', 'Ostrowska', 'alcohol_dependent', -250],
  ['Kazimierz', 'Tomaszewski', 'long_term_unemployed', -230],
  ['Renata', 'Pietrzak', 'refugee', -200],
  ['Dariusz', 'Marciniak', 'long_term_unemployed', -180],
  ['Agata', 'Wysocka', 'mental_disorder', -160],
  ['Jerzy', 'Kubiak', 'released_from_prison', -140],
  ['Monika', 'Zielińska', 'long_term_unemployed', -120],
  ['Waldemar', 'Jasiński', 'alcohol_dependent', -100],
  ['Beata', 'Kozłowska', 'disabled', -80],
  ['Artur', 'Czarnecki', 'long_term_unemployed', -60],
  ['Ewelina', 'Sobczak', '', -45],
  ['Bogdan', 'Kamiński', 'homeless', -30],
  ['Natalia', 'Lewandowska', 'long_term_unemployed', -12],
].map(([given, family, group, joined, left]) => ({
  given,
  family,
  group,
  joined,
  ...(left ? { left } : {}),
})) as MemberSeed[];

const POZNAN: ClubSeed = {
  name: 'Klub Integracji Społecznej „Św. Marcin” w Poznaniu',
  runBy: 'Miejski Ośrodek Pomocy Społecznej w Poznaniu',
  premises: {
    address: 'ul. Św. Marcin 24, lokal 2, 61-805 Poznań',
    provider: 'Urząd Miasta Poznań',
    monthlyValue: '7200',
    from: -290,
  },
  openedOn: -400,
  register: { notified: -430, entered: -412, number: (y) => `1/KIS/${y}` },
  hours: [
    { weekday: 1, opens: '09:00', closes: '17:00' },
    { weekday: 2, opens: '09:00', closes: '17:00' },
    { weekday: 3, opens: '12:00', closes: '19:00' },
    { weekday: 4, opens: '09:00', closes: '17:00' },
    { weekday: 5, opens: '09:00', closes: '14:00' },
  ],
  notes: 'Dyżury doradców CES we wtorki i czwartki. Do końca zimy 2026 r. klub działał w salce MOPS.',
  staff: [
    ['Agnieszka Mazur', 'employment_contract', '1', -400],
    ['Krzysztof Pawlak', 'civil_law_contract', '0.5', -270],
  ],
  members: POZNAN_MEMBERS,
  schedule: [
    { weekdays: [3], from: -400, until: -61, every: 2 },
    { weekdays: [1, 3, 5], from: -60, until: 14 },
  ],
  visits: [
    [-350, 0, 1, 'Pomoc w rejestracji w urzędzie pracy'],
    [-340, null, 4, 'Spotkanie informacyjne w MOPS'],
    [-320, 4, 1, 'Wniosek o mieszkanie socjalne'],
    [-28, 10, 1, 'Rozmowa z animatorką'],
    [-26, null, 5, 'Dzień otwarty klubu'],
    [-21, 12, 1, 'Pomoc w napisaniu CV'],
    [-19, 16, 1, 'Konsultacja z doradcą CES'],
    [-14, null, 2, 'Pytania o spółdzielnię socjalną'],
    [-12, 19, 1, 'Rozmowa z animatorką'],
    [-9, 22, 1, 'Pomoc w piśmie do komornika'],
    [-7, null, 3, 'Informacja o klubie dla osób skierowanych przez PUP'],
    [-5, 24, 1, 'Konsultacja oferty pracy'],
    [-2, 27, 1, 'Rozmowa z animatorką'],
  ],
  grants: [
    [-1, 'Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych', '45000', '44200'],
    [-1, 'Fundusze Europejskie dla Wielkopolski 2021–2027 (EFS+)', '60000', '58750.40'],
    [0, 'Gminny Program Profilaktyki i Rozwiązywania Problemów Alkoholowych', '50000', null],
  ],
};

/** Weekdays (ISO) of a calendar date. */
function weekday(iso: string): number {
  const d = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A member's mark, varied but the same on every run: mostly present, some absent or excused. */
function mark(i: number, j: number): AttendanceStatus | null {
  const r = (i * 7 + j * 13) % 10;
  if (r < 6) return 'present';
  if (r === 6) return 'excused';
  if (r === 7) return 'absent';
  return null;
}

async function seedOne(db: Db, today: string, place: Place, seed: ClubSeed): Promise<void> {
  const ctx = await coordinatorContext(db, place);
  const day = (d: Day) => daysFrom(today, d);
  const orgRows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, place.locality.id),
        inArray(organisations.name, [seed.runBy, seed.premises.provider]),
      ),
    );
  const orgId = (name: string) => {
    const hit = orgRows.find((o) => o.name === name);
    if (!hit) throw new Error(`Demo seed: no "${name}" in the directory of ${place.locality.name}`);
    return hit.id;
  };

  const clubId = await createClub(db, { ...ctx, input: { name: seed.name } });
  const notified = day(seed.register.notified);
  await updateClubSettings(db, {
    ...ctx,
    clubId,
    today,
    input: {
      name: seed.name,
      runByOrganisationId: orgId(seed.runBy),
      premisesAddress: seed.premises.address,
      premisesProviderId: orgId(seed.premises.provider),
      premisesLent: true,
      premisesMonthlyValuePln: seed.premises.monthlyValue,
      premisesFrom: day(seed.premises.from),
      premisesTo: null,
      openingHours: seed.hours,
      openingNotes: seed.notes,
      registerNotifiedOn: notified,
      registerEnteredOn: day(seed.register.entered),
      registerNumber: seed.register.number(notified.slice(0, 4)),
      openedOn: day(seed.openedOn),
    },
  });
  for (const [name, basis, fte, from] of seed.staff) {
    await addStaff(db, {
      ...ctx,
      clubId,
      input: { name, userId: null, role: 'animator', basis, fte, fromDate: day(from), toDate: null },
    });
  }

  const members: { id: string; joinedOn: string; leftOn: string | null }[] = [];
  for (const m of seed.members) {
    const id = await joinClub(db, {
      ...ctx,
      clubId,
      personId: null,
      person: {
        givenName: m.given,
        familyName: m.family,
        phone: m.phone ?? '',
        legalBasis: 'public_task',
        basisNote: 'kontrakt socjalny zawarty w ośrodku pomocy społecznej',
      },
      input: { joinedOn: day(m.joined), socialContract: m.socialContract ?? true, atRiskGroup: m.group },
      today,
    });
    if (m.left) {
      const [leftOn, outcome, certificateAfter] = m.left;
      await leaveClub(db, {
        ...ctx,
        clubId,
        memberId: id,
        input: {
          leftOn: day(leftOn),
          outcome,
          certificateIssuedOn: certificateAfter === undefined ? null : day(leftOn + certificateAfter),
        },
        today,
      });
    }
    members.push({ id, joinedOn: day(m.joined), leftOn: m.left ? day(m.left[0]) : null });
  }

  // The calendar: regular activities, attendance taken for those already held.
  const now = warsawInstant(today, '00:00');
  let n = 0;
  for (const block of seed.schedule) {
    let week = 0;
    let lastMonday = '';
    for (let d = block.from; d <= block.until; d++) {
      const date = day(d);
      const wd = weekday(date);
      if (wd === 1 && date !== lastMonday) {
        lastMonday = date;
        week += 1;
      }
      if (!block.weekdays.includes(wd) || (block.every && week % block.every !== 0)) continue;
      const [kind, title, leaderName] = PROGRAMME[n % PROGRAMME.length]!;
      n += 1;
      const activityId = await saveActivity(db, {
        ...ctx,
        clubId,
        input: {
          title,
          kind,
          date,
          startTime: kind === 'integration' ? '13:00' : '15:00',
          endTime: kind === 'integration' ? '16:00' : '17:00',
          place: seed.premises.address,
          description: '',
          leaderName,
        },
      });
      if (date >= today) continue;
      const marks = members
        .map((m, i) => ({ memberId: m.id, status: isMemberOn(m, date) ? mark(i, n) : null }))
        .filter((x): x is { memberId: string; status: AttendanceStatus } => x.status !== null);
      await recordAttendance(db, { ...ctx, clubId, activityId, marks, cleared: [], now });
    }
  }

  for (const [d, member, visitors, purpose] of seed.visits) {
    const m = member === null ? null : members[member]!;
    await addVisit(db, {
      ...ctx,
      clubId,
      today,
      input: { visitedOn: day(d), memberId: m?.id ?? null, visitors: m ? 1 : visitors, purpose },
    });
  }
  const year = Number(today.slice(0, 4));
  for (const [offset, source, granted, spent] of seed.grants) {
    await saveGrant(db, {
      ...ctx,
      clubId,
      input: { year: year + offset, source, grantedPln: granted, spentPln: spent },
    });
  }
}

/**
 * Demo data for the club part in Wągrowiec and Poznań (Kwilcz starts from nothing).
 * Written through the app's own use cases, like the partnerships seed: Wągrowiec's young club
 * in a room of the culture house lent by the town, Poznań's bigger club with a year of history,
 * grants for last year and members who have already left with their effects.
 */
export async function seedClub(
  db: Db,
  opts: { today: string; wagrowiec: Place; poznan: Place },
): Promise<void> {
  await seedOne(db, opts.today, opts.wagrowiec, WAGROWIEC);
  await seedOne(db, opts.today, opts.poznan, POZNAN);
}

/** Sizes of the seeded clubs, for the seed's own test. */
export const SEEDED_CLUBS = {
  wagrowiec: {
    name: WAGROWIEC.name,
    members: WAGROWIEC.members.length,
    premisesFrom: WAGROWIEC.premises.from,
    monthlyValue: WAGROWIEC.premises.monthlyValue,
  },
  poznan: {
    name: POZNAN.name,
    members: POZNAN.members.length,
    premisesFrom: POZNAN.premises.from,
    monthlyValue: POZNAN.premises.monthlyValue,
  },
} as const;
