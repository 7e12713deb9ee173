import { and, eq, inArray } from 'drizzle-orm';
import { addCommitment, deliverCommitment } from '../../app/features/partnerships/commitments.server.ts';
import {
  addMember,
  designateLeader,
  savePartnership,
} from '../../app/features/partnerships/manage-partnership.server.ts';
import type { CommitmentKind, MemberRole } from '../../app/features/partnerships/partnership.rules.ts';
import { commitmentSchema } from '../../app/features/partnerships/partnership.schema.ts';
import type { Actor, ActorLocality } from '../../app/lib/actor.ts';
import type { Db } from '../client.ts';
import { localities, organisations, partnershipMembers } from '../schema/index.ts';
import { daysFrom } from './dates.ts';

/** Days relative to the day the seed runs (negative: in the past). */
type Day = number;

type CommitmentSeed = {
  /** The member's name in the locality's seeded directory. */
  org: string;
  kind: CommitmentKind;
  description: string;
  quantity?: string;
  unit?: string;
  valuePln?: string;
  period?: [from: Day, to: Day];
  /** Delivered on this day (in kind: it enters the in-kind ledger); promised when absent. */
  delivered?: Day;
};

type PartnershipSeed = {
  name: string;
  aim: string;
  formedOn: Day;
  leader: { org: string; decision: (year: string) => string; decidedOn: Day };
  /** Members other than the leader (the leader joins by its designation), with the day they joined. */
  members: [org: string, role: Exclude<MemberRole, 'leader'>, joinedOn: Day][];
  commitments: CommitmentSeed[];
};

/** Wągrowiec: a town's partnership, 10 organisations, formed about five months ago. */
const WAGROWIEC: PartnershipSeed = {
  name: 'Wągrowieckie Partnerstwo na rzecz Ekonomii Społecznej',
  aim:
    'Wspólne działania instytucji, parafii, organizacji i firm na rzecz aktywizacji mieszkańców ' +
    'Wągrowca: klub samopomocowy, szkolenie lokalnych liderów i nowe miejsca pracy w przedsiębiorstwach społecznych.',
  formedOn: -150,
  leader: {
    org: 'Miejski Ośrodek Pomocy Społecznej w Wągrowcu',
    decision: (year) => `Uchwała nr 1/${year} Zgromadzenia Partnerów`,
    decidedOn: -150,
  },
  members: [
    ['Powiatowy Urząd Pracy w Wągrowcu', 'partner', -150],
    ['Urząd Miasta Wągrowiec', 'partner', -150],
    ['Parafia pw. św. Jana Chrzciciela w Wągrowcu', 'partner', -150],
    ['Centrum Integracji Społecznej w Wągrowcu', 'partner', -150],
    ['Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”', 'partner', -150],
    ['Spółdzielnia Mieszkaniowa „Przyszłość” w Wągrowcu', 'partner', -150],
    ['Spółdzielnia Socjalna „Zielona Pracownia”', 'partner', -120],
    ['Piekarnia Rzemieślnicza S. Nowicki', 'partner', -90],
    ['Zespół Szkół Zawodowych w Wągrowcu', 'observer', -60],
  ],
  commitments: [
    {
      org: 'Urząd Miasta Wągrowiec',
      // The town's premises for the club enter the ledger month by month from the club's settings.
      kind: 'equipment',
      description: 'Użyczenie nagłośnienia i rzutnika na zgromadzenia partnerów, raz na kwartał',
      quantity: '4',
      unit: 'piece',
      valuePln: '2400',
      period: [-90, 274],
      delivered: -90,
    },
    {
      org: 'Parafia pw. św. Jana Chrzciciela w Wągrowcu',
      kind: 'premises',
      description: 'Udostępnienie salki parafialnej na spotkania grupy samokształceniowej, co drugi czwartek',
      quantity: '6',
      unit: 'month',
      valuePln: '1800',
      period: [7, 190],
    },
    {
      org: 'Parafia pw. św. Jana Chrzciciela w Wągrowcu',
      kind: 'volunteers',
      description: 'Wolontariusze parafialnego zespołu Caritas przy zbiórce żywności i paczkach dla rodzin',
      quantity: '120',
      unit: 'hour',
      valuePln: '3600',
      period: [-60, -30],
      delivered: -28,
    },
    {
      org: 'Powiatowy Urząd Pracy w Wągrowcu',
      kind: 'expertise',
      description: 'Indywidualne konsultacje doradcy zawodowego PUP dla uczestników klubu',
      quantity: '40',
      unit: 'hour',
      valuePln: '4000',
      period: [-100, -10],
      delivered: -10,
    },
    {
      org: 'Miejski Ośrodek Pomocy Społecznej w Wągrowcu',
      kind: 'money',
      description: 'Dofinansowanie kursu lokalnych liderów: materiały, poczęstunek i dojazdy uczestników',
      valuePln: '6500',
      period: [-80, -40],
      delivered: -40,
    },
    {
      org: 'Centrum Integracji Społecznej w Wągrowcu',
      kind: 'equipment',
      description: 'Wypożyczenie 10 stołów i 40 krzeseł na spotkania i warsztaty klubu',
      quantity: '50',
      unit: 'piece',
      valuePln: '1500',
      delivered: -70,
    },
    {
      org: 'Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”',
      kind: 'volunteers',
      description: 'Wolontariusze do pomocy przy dowozie osób z niepełnosprawnościami na zajęcia klubu',
      quantity: '80',
      unit: 'hour',
      valuePln: '2400',
      period: [0, 120],
    },
    {
      org: 'Spółdzielnia Mieszkaniowa „Przyszłość” w Wągrowcu',
      kind: 'premises',
      description:
        'Lokal użytkowy na parterze (30 m²) na punkt informacyjny ekonomii społecznej, bez czynszu',
      quantity: '12',
      unit: 'month',
      valuePln: '9000',
      period: [30, 394],
    },
    {
      org: 'Spółdzielnia Socjalna „Zielona Pracownia”',
      kind: 'expertise',
      description: 'Trzy warsztaty o zakładaniu i prowadzeniu spółdzielni socjalnej dla grupy inicjatywnej',
      quantity: '3',
      unit: 'day',
      valuePln: '2700',
      period: [14, 60],
    },
    {
      org: 'Piekarnia Rzemieślnicza S. Nowicki',
      kind: 'money',
      description: 'Darowizna na wyposażenie kuchni w lokalu klubu',
      valuePln: '2000',
    },
  ],
};

/** Poznań: a city's partnership, 25 organisations, built up over more than a year. */
const POZNAN: PartnershipSeed = {
  name: 'Poznańskie Partnerstwo Lokalne na rzecz Ekonomii Społecznej',
  aim:
    'Sieć instytucji, organizacji pozarządowych, parafii, szkół i firm, która prowadzi Centrum Ekonomii ' +
    'Społecznej, wspiera grupy samokształceniowe na Jeżycach i Wildzie i pomaga zakładać przedsiębiorstwa społeczne.',
  formedOn: -420,
  leader: {
    org: 'Fundacja Wspólna Droga',
    decision: (year) =>
      `Uchwała nr 1/${year} Zgromadzenia Partnerów w sprawie wyboru organizacji lidera (CES)`,
    decidedOn: -420,
  },
  members: [
    // The 14 who signed the agreement (with the leader).
    ['Miejski Ośrodek Pomocy Społecznej w Poznaniu', 'partner', -380],
    ['Powiatowy Urząd Pracy w Poznaniu', 'partner', -380],
    ['Parafia pw. św. Jana Chrzciciela w Poznaniu', 'partner', -380],
    ['Parafia pw. Najświętszego Serca Pana Jezusa w Poznaniu', 'partner', -380],
    ['Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”', 'partner', -380],
    ['Spółdzielnia Socjalna „Zielona Pracownia”', 'partner', -380],
    ['Centrum Integracji Społecznej w Poznaniu', 'partner', -380],
    ['Warsztat Terapii Zajęciowej „Promyk”', 'partner', -380],
    ['Bank Żywności w Poznaniu', 'partner', -380],
    ['Szkoła Podstawowa nr 1 w Poznaniu', 'partner', -380],
    ['Zespół Szkół Zawodowych w Poznaniu', 'partner', -380],
    ['Piekarnia Rzemieślnicza S. Nowicki', 'partner', -380],
    ['Catering Nowak', 'partner', -380],
    // Those who joined later.
    ['Urząd Miasta Poznań', 'partner', -350],
    ['Spółdzielnia Mieszkaniowa „Przyszłość” w Poznaniu', 'partner', -300],
    ['Klub Seniora w Poznaniu', 'partner', -280],
    ['Uniwersytet Trzeciego Wieku w Poznaniu', 'partner', -250],
    ['Stowarzyszenie Kobiet Aktywnych w Poznaniu', 'partner', -200],
    ['Fundacja Pomocy Dzieciom w Poznaniu', 'partner', -180],
    ['Biuro Rachunkowe Wiśniewska', 'partner', -150],
    ['Usługi Remontowe Kowalski', 'partner', -120],
    ['Ochotnicza Straż Pożarna w Poznaniu', 'observer', -90],
    ['Zakład Usług Komunalnych Poznań sp. z o.o.', 'observer', -60],
    ['Drukarnia Lis', 'partner', -30],
  ],
  commitments: [
    {
      org: 'Urząd Miasta Poznań',
      // The city's premises for the club enter the ledger month by month from the club's settings.
      kind: 'expertise',
      description: 'Konsultacje urzędników Wydziału Zdrowia i Spraw Społecznych dla grup inicjatywnych',
      quantity: '48',
      unit: 'hour',
      valuePln: '9600',
      period: [-290, 74],
      delivered: -290,
    },
    {
      org: 'Fundacja Wspólna Droga',
      kind: 'expertise',
      description:
        'Dyżury doradców CES (prawo, księgowość, marketing) dla grup inicjatywnych, 3 dni w tygodniu',
      quantity: '600',
      unit: 'hour',
      valuePln: '90000',
      period: [-150, 215],
    },
    {
      org: 'Miejski Ośrodek Pomocy Społecznej w Poznaniu',
      kind: 'money',
      description: 'Wynagrodzenie animatorki klubu przez pierwsze 12 miesięcy (program osłonowy)',
      valuePln: '78000',
      period: [-270, 95],
      delivered: -270,
    },
    {
      org: 'Powiatowy Urząd Pracy w Poznaniu',
      kind: 'expertise',
      description:
        'Szkolenie z zakładania działalności i spółdzielni socjalnej dla osób bezrobotnych (2 edycje)',
      quantity: '10',
      unit: 'day',
      valuePln: '12000',
      period: [-320, -300],
      delivered: -300,
    },
    {
      org: 'Powiatowy Urząd Pracy w Poznaniu',
      kind: 'money',
      description: 'Środki na utworzenie 4 stanowisk pracy w nowych spółdzielniach socjalnych',
      valuePln: '140000',
      period: [0, 180],
    },
    {
      org: 'Parafia pw. św. Jana Chrzciciela w Poznaniu',
      kind: 'premises',
      description: 'Sala parafialna na cotygodniowe spotkania grupy samokształceniowej na Wildzie',
      quantity: '80',
      unit: 'hour',
      valuePln: '4000',
      period: [-60, 120],
    },
    {
      org: 'Parafia pw. Najświętszego Serca Pana Jezusa w Poznaniu',
      kind: 'volunteers',
      description: 'Wolontariusze Caritas przy wydawaniu paczek z Banku Żywności',
      quantity: '300',
      unit: 'hour',
      valuePln: '9000',
      period: [-200, -20],
      delivered: -20,
    },
    {
      org: 'Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”',
      kind: 'expertise',
      description:
        'Konsultacje dostępności lokalu klubu i materiałów informacyjnych dla osób z niepełnosprawnościami',
      quantity: '16',
      unit: 'hour',
      valuePln: '2400',
      period: [-280, -270],
      delivered: -268,
    },
    {
      org: 'Spółdzielnia Socjalna „Zielona Pracownia”',
      kind: 'expertise',
      description: 'Wizyty studyjne grup inicjatywnych w działającej spółdzielni socjalnej (6 wizyt)',
      quantity: '6',
      unit: 'day',
      valuePln: '4800',
      period: [-100, 60],
    },
    {
      org: 'Centrum Integracji Społecznej w Poznaniu',
      kind: 'volunteers',
      description: 'Uczestnicy CIS przy remoncie i malowaniu lokalu klubu',
      quantity: '240',
      unit: 'hour',
      valuePln: '7200',
      period: [-285, -275],
      delivered: -275,
    },
    {
      org: 'Warsztat Terapii Zajęciowej „Promyk”',
      kind: 'equipment',
      description: '20 krzeseł i 5 stołów wykonanych w pracowni stolarskiej WTZ dla klubu',
      quantity: '25',
      unit: 'piece',
      valuePln: '6250',
      delivered: -260,
    },
    {
      org: 'Bank Żywności w Poznaniu',
      kind: 'equipment',
      description: 'Użyczenie chłodziarki i regału magazynowego dla kuchni klubu',
      quantity: '12',
      unit: 'month',
      valuePln: '2400',
      period: [-200, 164],
      delivered: -200,
    },
    {
      org: 'Szkoła Podstawowa nr 1 w Poznaniu',
      kind: 'premises',
      description: 'Sala gimnastyczna i pracownia komputerowa na warsztaty dla młodzieży w ferie zimowe',
      quantity: '10',
      unit: 'day',
      valuePln: '3000',
      period: [60, 70],
    },
    {
      org: 'Zespół Szkół Zawodowych w Poznaniu',
      kind: 'expertise',
      description:
        'Zajęcia praktyczne z nauczycielami zawodu dla przyszłych pracowników spółdzielni gastronomicznej',
      quantity: '60',
      unit: 'hour',
      valuePln: '6000',
      period: [-120, -30],
      delivered: -30,
    },
    {
      org: 'Piekarnia Rzemieślnicza S. Nowicki',
      kind: 'equipment',
      description: 'Używany piec konwekcyjny i mikser planetarny dla spółdzielni gastronomicznej',
      quantity: '2',
      unit: 'piece',
      valuePln: '12000',
      delivered: -150,
    },
    {
      org: 'Spółdzielnia Mieszkaniowa „Przyszłość” w Poznaniu',
      kind: 'premises',
      description: 'Lokal na parterze (45 m²) na sklep spółdzielni socjalnej, przez rok bez czynszu',
      quantity: '12',
      unit: 'month',
      valuePln: '21600',
      period: [30, 394],
    },
    {
      org: 'Klub Seniora w Poznaniu',
      kind: 'volunteers',
      description: 'Seniorzy-wolontariusze: świetlica dla dzieci podczas spotkań grup samokształceniowych',
      quantity: '200',
      unit: 'hour',
      valuePln: '6000',
      period: [-180, -5],
      delivered: -5,
    },
    {
      org: 'Fundacja Pomocy Dzieciom w Poznaniu',
      kind: 'volunteers',
      description: 'Opieka nad dziećmi uczestniczek kursu liderek na Jeżycach',
      quantity: '96',
      unit: 'hour',
      valuePln: '2880',
      period: [-60, -10],
      delivered: -10,
    },
    {
      org: 'Biuro Rachunkowe Wiśniewska',
      kind: 'expertise',
      description: 'Nieodpłatne prowadzenie księgowości nowej spółdzielni socjalnej przez pierwsze pół roku',
      quantity: '48',
      unit: 'hour',
      valuePln: '7200',
      period: [0, 180],
    },
    {
      org: 'Usługi Remontowe Kowalski',
      kind: 'money',
      description: 'Darowizna na materiały do remontu łazienki w lokalu klubu',
      valuePln: '3500',
      delivered: -100,
    },
  ],
};

export type Place = {
  locality: { id: string; slug: string; name: string };
  coordinator: { id: string; name: string; email: string };
};

/** The coordinator, acting as the app's forms would let them (the same rules, audit and in-kind ledger). */
export async function coordinatorContext(
  db: Db,
  place: Place,
): Promise<{ actor: Actor; locality: ActorLocality }> {
  const [row] = await db
    .select({ kind: localities.kind })
    .from(localities)
    .where(eq(localities.id, place.locality.id));
  const locality: ActorLocality = {
    localityId: place.locality.id,
    slug: place.locality.slug,
    name: place.locality.name,
    kind: row!.kind as ActorLocality['kind'],
    roles: ['coordinator'],
    organisationIds: [],
  };
  const actor: Actor = {
    userId: place.coordinator.id,
    name: place.coordinator.name,
    email: place.coordinator.email,
    isPlatformAdmin: false,
    locale: 'pl',
    memberships: [locality],
    requestId: 'seed-demo',
  };
  return { actor, locality };
}

async function seedPartnership(db: Db, today: string, place: Place, seed: PartnershipSeed): Promise<void> {
  const ctx = await coordinatorContext(db, place);
  const day = (d: Day) => daysFrom(today, d);
  const names = [seed.leader.org, ...seed.members.map(([org]) => org)];
  const orgRows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.localityId, place.locality.id), inArray(organisations.name, names)));
  const orgId = (name: string) => {
    const hit = orgRows.find((o) => o.name === name);
    if (!hit) throw new Error(`Demo seed: no "${name}" in the directory of ${place.locality.name}`);
    return hit.id;
  };

  const partnershipId = await savePartnership(db, {
    ...ctx,
    input: { name: seed.name, aim: seed.aim, formedOn: day(seed.formedOn) },
  });
  for (const [org, role, joinedOn] of seed.members) {
    await addMember(db, { ...ctx, partnershipId, organisationId: orgId(org), role, joinedOn: day(joinedOn) });
  }
  const decidedOn = day(seed.leader.decidedOn);
  await designateLeader(db, {
    ...ctx,
    partnershipId,
    organisationId: orgId(seed.leader.org),
    decision: seed.leader.decision(decidedOn.slice(0, 4)),
    decidedOn,
    today,
  });

  const memberIds = new Map<string, string>();
  for (const m of await db
    .select({ id: partnershipMembers.id, organisationId: partnershipMembers.organisationId })
    .from(partnershipMembers)
    .where(eq(partnershipMembers.partnershipId, partnershipId))) {
    memberIds.set(m.organisationId, m.id);
  }
  for (const c of seed.commitments) {
    // Parsed like the form's fields, so the seed goes through the same validation as a person would.
    const input = commitmentSchema.parse({
      memberId: memberIds.get(orgId(c.org)),
      kind: c.kind,
      description: c.description,
      quantity: c.quantity ?? '',
      unit: c.unit ?? '',
      valuePln: c.valuePln ?? '',
      periodFrom: c.period ? day(c.period[0]) : '',
      periodTo: c.period ? day(c.period[1]) : '',
    });
    const commitmentId = await addCommitment(db, { ...ctx, partnershipId, input });
    if (c.delivered !== undefined) {
      await deliverCommitment(db, {
        ...ctx,
        partnershipId,
        commitmentId,
        deliveredOn: day(c.delivered),
        today,
      });
    }
  }
}

/**
 * The local partnerships of the demo: Wągrowiec's (10 organisations) and Poznań's (25), with
 * commitments of every kind, some delivered (those in kind feed the in-kind ledger). Kwilcz
 * has none: its coordinator builds one from nothing. Everything goes through the app's own
 * use cases, acting as the locality's coordinator.
 */
export async function seedPartnerships(
  db: Db,
  opts: { today: string; wagrowiec: Place; poznan: Place },
): Promise<void> {
  await seedPartnership(db, opts.today, opts.wagrowiec, WAGROWIEC);
  await seedPartnership(db, opts.today, opts.poznan, POZNAN);
}

/** Sizes of the seeded partnerships, for the seed's own test. */
export const SEEDED_PARTNERSHIPS = {
  wagrowiec: {
    name: WAGROWIEC.name,
    members: WAGROWIEC.members.length + 1,
    commitments: WAGROWIEC.commitments.length,
    deliveredInKind: WAGROWIEC.commitments.filter((c) => c.delivered !== undefined && c.kind !== 'money')
      .length,
  },
  poznan: {
    name: POZNAN.name,
    members: POZNAN.members.length + 1,
    commitments: POZNAN.commitments.length,
    deliveredInKind: POZNAN.commitments.filter((c) => c.delivered !== undefined && c.kind !== 'money').length,
  },
} as const;
