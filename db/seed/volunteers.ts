import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  endVolunteer,
  logHours,
  registerVolunteer,
} from '../../app/features/volunteers/volunteers.server.ts';
import type { Db } from '../client.ts';
import { organisations, participants, people } from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

/** Days relative to the day the seed runs (negative: in the past). */
type Day = number;

type VolunteerSeed = {
  /** A new invented person, or the locality's first participant (ADR 17: one people record). */
  person: { givenName: string; familyName: string; email?: string; phone?: string } | 'participant';
  /** Name in the locality's directory; none in Kwilcz, whose directory starts empty. */
  org?: string;
  skills: string;
  since: Day;
  scope: string;
  agreement: [from: Day, to: Day | null, signedOn: Day | null];
  /** Activities done, cycled over the hours entries. */
  activities: string[];
  /** Hours entries: [day, hours as typed]. */
  hours: [Day, string][];
};

/** Hours every few weeks from `from` to `to` (days), with typed amounts cycled ("2,5" uses the Polish comma). */
function every(from: Day, to: Day, step: number, amounts: string[]): [Day, string][] {
  const out: [Day, string][] = [];
  for (let d = from, i = 0; d <= to; d += step, i++) out.push([d, amounts[i % amounts.length]!]);
  return out;
}

const KWILCZ: VolunteerSeed[] = [
  {
    person: { givenName: 'Helena', familyName: 'Kaczmarek', phone: '601 234 567' },
    skills: 'Gotowanie dla dużych grup, parafialny zespół charytatywny',
    since: -400,
    scope: 'Pomoc parafii przy festynach i przygotowaniu paczek świątecznych dla rodzin',
    agreement: [-400, null, -402],
    activities: [
      'Paczki świąteczne z parafią',
      'Festyn parafialny',
      'Obiad dla seniorów w salce parafialnej',
    ],
    hours: every(-390, -5, 35, ['3', '4,5', '2']),
  },
  {
    person: { givenName: 'Jan', familyName: 'Szulc' },
    skills: 'Druh OSP, prawo jazdy kat. C, pierwsza pomoc',
    since: -120,
    scope: 'Zabezpieczenie imprez gminnych i pokazy pierwszej pomocy razem z OSP',
    agreement: [-20, -1, -21],
    activities: ['Pokaz pierwszej pomocy z OSP', 'Zabezpieczenie festynu'],
    hours: every(-110, -3, 27, ['2,5', '5']),
  },
];

const WAGROWIEC: VolunteerSeed[] = [
  {
    person: { givenName: 'Teresa', familyName: 'Banaś', email: 'teresa.banas@example.pl' },
    org: 'Parafia pw. św. Jana Chrzciciela w Wągrowcu',
    skills: 'Organizacja zbiórek, obsługa kasy fiskalnej',
    since: -420,
    scope: 'Prowadzenie zbiórek żywności i wydawanie paczek w parafii',
    agreement: [-420, null, -421],
    activities: ['Zbiórka żywności', 'Wydawanie paczek'],
    hours: every(-400, -4, 28, ['3', '2,5', '4']),
  },
  {
    person: { givenName: 'Kacper', familyName: 'Wróblewski' },
    org: 'Ochotnicza Straż Pożarna w Wągrowcu',
    skills: 'Ratownik KPP',
    since: -200,
    scope: 'Zabezpieczenie medyczne imprez i zajęcia z pierwszej pomocy w klubie',
    // More than 30 days and no signing date: the page warns in words.
    agreement: [-200, -10 + 180, null],
    activities: ['Zajęcia z pierwszej pomocy', 'Zabezpieczenie imprezy'],
    hours: every(-190, -6, 30, ['2', '6']),
  },
  {
    person: 'participant',
    org: 'Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”',
    skills: 'Szycie, rękodzieło',
    since: -90,
    scope: 'Prowadzenie warsztatów rękodzieła dla podopiecznych stowarzyszenia',
    agreement: [-90, -90 + 25, -91],
    activities: ['Warsztaty rękodzieła'],
    hours: every(-85, -2, 14, ['2', '1,5']),
  },
  {
    person: { givenName: 'Bogdan', familyName: 'Michalak' },
    org: 'Klub Seniora w Wągrowcu',
    skills: 'Emerytowany nauczyciel matematyki',
    since: -380,
    scope: 'Korepetycje dla dzieci i spotkania z seniorami',
    agreement: [-380, -380 + 364, -381],
    activities: ['Korepetycje z matematyki', 'Spotkanie klubu seniora'],
    hours: every(-370, -20, 21, ['1,5', '2']),
  },
  {
    person: { givenName: 'Oliwia', familyName: 'Sobczak' },
    org: 'Fundacja Wspólna Droga',
    skills: 'Studentka pedagogiki',
    since: -60,
    scope: 'Zajęcia świetlicowe dla dzieci',
    agreement: [-60, null, -60],
    activities: ['Zajęcia świetlicowe'],
    hours: every(-55, -1, 7, ['3', '2,5']),
  },
];

const POZNAN: VolunteerSeed[] = [
  ['Agata', 'Lis', 'Bank Żywności w Poznaniu', 'Magazynowanie i wydawanie żywności', -500],
  ['Robert', 'Czarnecki', 'Bank Żywności w Poznaniu', 'Transport darów', -300],
  ['Iwona', 'Kubiak', 'Klub Seniora w Poznaniu', 'Zajęcia ruchowe dla seniorów', -420],
  ['Filip', 'Jasiński', 'Fundacja Pomocy Dzieciom w Poznaniu', 'Odrabianie lekcji z dziećmi', -150],
  ['Magdalena', 'Sikora', 'Stowarzyszenie Kobiet Aktywnych w Poznaniu', 'Doradztwo w pisaniu CV', -240],
  ['Wiesław', 'Adamczyk', 'Uniwersytet Trzeciego Wieku w Poznaniu', 'Wykłady z historii miasta', -450],
  ['Natalia', 'Baran', 'Towarzystwo Przyjaciół Ziemi w Poznaniu', 'Sprzątanie zieleńców', -100],
  [
    'Zenon',
    'Wawrzyniak',
    'Parafia pw. Najświętszego Serca Pana Jezusa w Poznaniu',
    'Pomoc w jadłodajni parafialnej',
    -360,
  ],
].map(([givenName, familyName, org, activity, since], i) => {
  const start = since as number;
  const long = i % 3 !== 2;
  return {
    person: { givenName: givenName as string, familyName: familyName as string },
    org: org as string,
    skills: '',
    since: start,
    scope: activity as string,
    agreement: long ? [start, null, start - 1] : [start, start + 29, start - 2],
    activities: [activity as string],
    hours: every(start + 10, long ? -2 : start + 29, long ? 24 + i : 7, ['2', '3,5', '4', '1,5', '6']),
  } satisfies VolunteerSeed;
});

async function seedPlace(db: Db, today: string, place: Place, seeds: VolunteerSeed[]): Promise<string[]> {
  const ctx = { ...(await coordinatorContext(db, place)), today };
  const day = (d: Day) => daysFrom(today, d);
  const names = seeds.flatMap((s) => (s.org ? [s.org] : []));
  const orgs = names.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(and(eq(organisations.localityId, place.locality.id), inArray(organisations.name, names)))
    : [];
  const orgId = (name: string | undefined) => {
    if (!name) return '';
    const hit = orgs.find((o) => o.name === name);
    if (!hit) throw new Error(`Demo seed: no "${name}" in the directory of ${place.locality.name}`);
    return hit.id;
  };
  const ids: string[] = [];
  for (const s of seeds) {
    let personId: string | null = null;
    if (s.person === 'participant') {
      const [p] = await db
        .select({ id: people.id })
        .from(participants)
        .innerJoin(people, eq(people.id, participants.personId))
        .where(eq(participants.localityId, place.locality.id))
        .orderBy(asc(people.familyName), asc(people.givenName))
        .limit(1);
      personId = p?.id ?? null;
    }
    const [from, to, signed] = s.agreement;
    const id = await registerVolunteer(db, {
      ...ctx,
      personId,
      person:
        s.person === 'participant'
          ? null
          : { ...s.person, legalBasis: 'consent', basisNote: 'Zgoda w porozumieniu wolontariackim' },
      values: {
        organisationId: orgId(s.org),
        skills: s.skills,
        since: day(s.since),
        agreementScope: s.scope,
        agreementFrom: day(from),
        agreementTo: to === null ? '' : day(to),
        agreementSignedOn: signed === null ? '' : day(signed),
      },
    });
    for (const [i, [d, hours]] of s.hours.entries()) {
      if (d > 0 || d < s.since) continue;
      await logHours(db, {
        ...ctx,
        personId: id,
        values: {
          workedOn: day(d),
          hours,
          activity: s.activities[i % s.activities.length]!,
          organisationId: orgId(s.org),
        },
      });
    }
    ids.push(id);
  }
  return ids;
}

/**
 * Demo volunteers: Kwilcz 2 (the parish's and the OSP's helpers, no organisation yet: its
 * directory starts empty), Wągrowiec 5 (one a participant too; one agreement longer than 30 days
 * without a signing date), Poznań 8 (one ended). Hours over the last months, across the year
 * boundary, so both the 2025 and the 2026 hourly rate show; each enters the in-kind ledger.
 */
export async function seedVolunteers(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {
  await seedPlace(db, places.today, places.kwilcz, KWILCZ);
  await seedPlace(db, places.today, places.wagrowiec, WAGROWIEC);
  const pz = await seedPlace(db, places.today, places.poznan, POZNAN);
  const ctx = { ...(await coordinatorContext(db, places.poznan)), today: places.today };
  await endVolunteer(db, { ...ctx, id: pz[2]! });
}
