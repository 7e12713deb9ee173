import { and, count as countRows, eq, inArray, isNull, sql } from 'drizzle-orm';
import { setPublicProgress } from '../../app/features/partnerships/manage-partnership.server.ts';
import type { ProgrammeStatus } from '../../app/features/programme/programme.rules.ts';
import { programmeItemSchema } from '../../app/features/programme/programme.schema.ts';
import { createProgrammeItem } from '../../app/features/programme/programme.server.ts';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import type { Db } from '../client.ts';
import {
  localities,
  localProblems,
  organisations,
  partnerships,
  programmeItemProblems,
  programmeItems,
  users,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';
import { problemIdsByTitle } from './problems.ts';

/** Days relative to the day the seed runs (negative: in the past). */
type Day = number;
type Indicator = [name: string, unit: string, target: number, actual: number];
type Status = 'done' | 'in_progress' | 'planned';

type TaskSeed = {
  title: string;
  /** The member's name in the seeded partnership. */
  org: string;
  from: Day;
  due: Day;
  status: Status;
  progress?: number;
  /** A demo user's e-mail: the person responsible. */
  person?: string;
  problems?: string[];
};
type ActionSeed = {
  title: string;
  org: string;
  indicator?: Indicator;
  problems?: string[];
  tasks: TaskSeed[];
};
type GoalSeed = {
  title: string;
  description: string;
  org: string;
  indicator?: Indicator;
  problems?: string[];
  actions: ActionSeed[];
};

const task = (
  title: string,
  org: string,
  from: Day,
  due: Day,
  status: Status,
  extra: Partial<Pick<TaskSeed, 'progress' | 'person' | 'problems'>> = {},
): TaskSeed => ({ title, org, from, due, status, ...extra });

// Wągrowiec's members.
const W = {
  mops: 'Miejski Ośrodek Pomocy Społecznej w Wągrowcu',
  pup: 'Powiatowy Urząd Pracy w Wągrowcu',
  um: 'Urząd Miasta Wągrowiec',
  parish: 'Parafia pw. św. Jana Chrzciciela w Wągrowcu',
  cis: 'Centrum Integracji Społecznej w Wągrowcu',
  razem: 'Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”',
  sm: 'Spółdzielnia Mieszkaniowa „Przyszłość” w Wągrowcu',
  zp: 'Spółdzielnia Socjalna „Zielona Pracownia”',
  bakery: 'Piekarnia Rzemieślnicza S. Nowicki',
  school: 'Zespół Szkół Zawodowych w Wągrowcu',
};

/** Wągrowiec: 3 goals, 7 actions, 20 tasks; 6 done, 4 overdue. */
const WAGROWIEC: GoalSeed[] = [
  {
    title: 'Osoby długotrwale bezrobotne wracają do pracy',
    description:
      'Klub samopomocowy, doradztwo zawodowe i giełda pracy partnerów dla mieszkańców zagrożonych wykluczeniem.',
    org: W.mops,
    indicator: ['Osoby, które podjęły pracę', 'osób', 15, 4],
    problems: ['Długotrwałe bezrobocie kobiet po 50. roku życia'],
    actions: [
      {
        title: 'Klub samopomocowy w domu kultury',
        org: W.um,
        indicator: ['Uczestnicy klubu', 'osób', 30, 22],
        tasks: [
          task('Podpisać umowę użyczenia sali w domu kultury', W.um, -120, -90, 'done'),
          task('Ustalić harmonogram spotkań klubu na półrocze', W.mops, -90, -75, 'done'),
          task('Nabór uczestników przez pracowników socjalnych', W.mops, -80, -20, 'in_progress', {
            progress: 70,
            person: 'koordynator.wagrowiec@splot.demo',
            problems: ['Długotrwałe bezrobocie kobiet po 50. roku życia'],
          }),
        ],
      },
      {
        title: 'Doradztwo zawodowe dla uczestników klubu',
        org: W.pup,
        tasks: [
          task('Konsultacje indywidualne doradcy PUP (40 godzin)', W.pup, -100, -10, 'done'),
          task('Warsztaty pisania CV i rozmowy kwalifikacyjnej', W.pup, -30, 14, 'in_progress', {
            progress: 50,
          }),
          task('Staże u partnerów dla pięciu uczestników', W.pup, 0, 90, 'planned'),
        ],
      },
      {
        title: 'Giełda pracy partnerstwa',
        org: W.cis,
        tasks: [
          task('Zebrać oferty pracy od firm partnerskich', W.cis, -40, -7, 'in_progress', { progress: 40 }),
          task('Zorganizować giełdę w hali sportowej', W.um, 10, 45, 'planned'),
          task('Podsumować giełdę i przekazać wyniki do PUP', W.cis, 45, 60, 'planned'),
        ],
      },
    ],
  },
  {
    title: 'Lokalni liderzy prowadzą grupy samokształceniowe',
    description: 'Kurs dla lokalnych liderów i pierwsze grupy, które poprowadzą absolwenci kursu.',
    org: W.mops,
    indicator: ['Liderzy przeszkoleni', 'osób', 12, 8],
    problems: ['Samotność i wykluczenie cyfrowe seniorów', 'Brak miejsca spotkań dla młodzieży po lekcjach'],
    actions: [
      {
        title: 'Kurs lokalnych liderów',
        org: W.mops,
        tasks: [
          task('Rekrutacja kandydatów na liderów', W.mops, -90, -70, 'done'),
          task('Sześć spotkań kursu liderów', W.mops, -70, -14, 'in_progress', {
            progress: 80,
            person: 'doradca@splot.demo',
          }),
          task('Wręczenie zaświadczeń ukończenia kursu', W.mops, -14, 7, 'planned'),
        ],
      },
      {
        title: 'Pierwsze grupy samokształceniowe',
        org: W.parish,
        tasks: [
          task('Sala parafialna na spotkania grupy seniorów', W.parish, -20, -5, 'done'),
          task('Uruchomić grupę „Cyfrowy senior”', W.razem, 0, 30, 'planned', {
            problems: ['Samotność i wykluczenie cyfrowe seniorów'],
          }),
          task('Uruchomić grupę młodzieżową przy szkole zawodowej', W.school, 14, 60, 'planned', {
            problems: ['Brak miejsca spotkań dla młodzieży po lekcjach'],
          }),
        ],
      },
    ],
  },
  {
    title: 'Powstaje spółdzielnia socjalna w Wągrowcu',
    description: 'Grupa inicjatywna zakłada spółdzielnię cateringową, która gotuje z nadwyżek żywności.',
    org: W.zp,
    indicator: ['Miejsca pracy w spółdzielni', 'miejsc', 5, 0],
    problems: ['Marnowanie żywności w sklepach i stołówkach'],
    actions: [
      {
        title: 'Grupa inicjatywna spółdzielni',
        org: W.zp,
        tasks: [
          task('Spotkanie informacyjne o spółdzielniach socjalnych', W.zp, -45, -30, 'done'),
          task('Trzy warsztaty o zakładaniu spółdzielni', W.zp, 14, 60, 'planned'),
          task('Wybrać niszę rynkową: catering z nadwyżek żywności', W.mops, -20, -3, 'in_progress', {
            progress: 30,
            problems: ['Marnowanie żywności w sklepach i stołówkach'],
          }),
        ],
      },
      {
        title: 'Lokal i wyposażenie',
        org: W.sm,
        tasks: [
          task('Umowa na lokal użytkowy od spółdzielni mieszkaniowej', W.sm, 0, 30, 'in_progress', {
            progress: 20,
          }),
          task('Wyposażenie kuchni z darowizny piekarni', W.bakery, 30, 90, 'planned'),
        ],
      },
    ],
  },
];

// Poznań's members.
const P = {
  fund: 'Fundacja Wspólna Droga',
  mops: 'Miejski Ośrodek Pomocy Społecznej w Poznaniu',
  pup: 'Powiatowy Urząd Pracy w Poznaniu',
  stJohn: 'Parafia pw. św. Jana Chrzciciela w Poznaniu',
  heart: 'Parafia pw. Najświętszego Serca Pana Jezusa w Poznaniu',
  razem: 'Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”',
  zp: 'Spółdzielnia Socjalna „Zielona Pracownia”',
  cis: 'Centrum Integracji Społecznej w Poznaniu',
  wtz: 'Warsztat Terapii Zajęciowej „Promyk”',
  sp1: 'Szkoła Podstawowa nr 1 w Poznaniu',
  zsz: 'Zespół Szkół Zawodowych w Poznaniu',
  bakery: 'Piekarnia Rzemieślnicza S. Nowicki',
  um: 'Urząd Miasta Poznań',
  sm: 'Spółdzielnia Mieszkaniowa „Przyszłość” w Poznaniu',
  seniors: 'Klub Seniora w Poznaniu',
  utw: 'Uniwersytet Trzeciego Wieku w Poznaniu',
  women: 'Stowarzyszenie Kobiet Aktywnych w Poznaniu',
  children: 'Fundacja Pomocy Dzieciom w Poznaniu',
  accounts: 'Biuro Rachunkowe Wiśniewska',
  builder: 'Usługi Remontowe Kowalski',
  zuk: 'Zakład Usług Komunalnych Poznań sp. z o.o.',
  print: 'Drukarnia Lis',
};
const LEADER = 'lider.poznan@splot.demo';

/** Poznań: 4 goals, 10 actions, 45 tasks; 19 done, 8 overdue. */
const POZNAN: GoalSeed[] = [
  {
    title: 'Centrum Ekonomii Społecznej wspiera grupy inicjatywne',
    description:
      'Doradztwo, wizyty studyjne i szkolenia dla osób, które chcą założyć przedsiębiorstwo społeczne.',
    org: P.fund,
    indicator: ['Grupy inicjatywne objęte wsparciem', 'grup', 8, 5],
    problems: ['Brak pracy dla absolwentów szkół specjalnych'],
    actions: [
      {
        title: 'Dyżury doradców CES',
        org: P.fund,
        indicator: ['Godziny doradztwa', 'godz.', 600, 340],
        tasks: [
          task('Grafik dyżurów prawnika, księgowej i specjalisty od marketingu', P.fund, -150, -140, 'done'),
          task('Dyżury doradców w pierwszym kwartale', P.fund, -140, -50, 'done'),
          task('Dyżury doradców w drugim kwartale', P.fund, -50, 40, 'in_progress', { progress: 60 }),
          task('Ankieta satysfakcji uczestników dyżurów', P.fund, -30, -5, 'in_progress', {
            progress: 50,
            person: 'doradca@splot.demo',
          }),
          task('Raport z doradztwa dla zgromadzenia partnerów', P.fund, 40, 60, 'planned'),
        ],
      },
      {
        title: 'Wizyty studyjne w działających przedsiębiorstwach społecznych',
        org: P.zp,
        tasks: [
          task('Wizyta w Spółdzielni Socjalnej „Zielona Pracownia”', P.zp, -100, -95, 'done'),
          task('Wizyta w spółdzielni gastronomicznej', P.zp, -60, -55, 'done'),
          task('Wizyta w Centrum Integracji Społecznej', P.cis, -40, -35, 'done'),
          task('Wizyta w Warsztacie Terapii Zajęciowej „Promyk”', P.wtz, -20, -10, 'planned', {
            problems: ['Brak pracy dla absolwentów szkół specjalnych'],
          }),
          task('Dwie wizyty dla grupy inicjatywnej z Łazarza', P.zp, 20, 60, 'planned'),
        ],
      },
      {
        title: 'Szkolenia z zakładania spółdzielni socjalnej',
        org: P.pup,
        tasks: [
          task('Pierwsza edycja szkolenia dla osób bezrobotnych', P.pup, -320, -310, 'done'),
          task('Druga edycja szkolenia dla osób bezrobotnych', P.pup, -305, -300, 'done'),
          task('Edycja dla absolwentów szkół specjalnych i ich rodziców', P.pup, 30, 60, 'planned', {
            problems: ['Brak pracy dla absolwentów szkół specjalnych'],
          }),
          task('Wnioski o środki PUP na cztery stanowiska pracy', P.pup, 0, 90, 'in_progress', {
            progress: 10,
          }),
        ],
      },
    ],
  },
  {
    title: 'Grupy samokształceniowe działają w dzielnicach programu',
    description:
      'Jeżyce, Wilda i Łazarz: grupy prowadzone przez lokalnych liderów, z opieką nad dziećmi uczestników.',
    org: P.heart,
    indicator: ['Działające grupy', 'grup', 6, 4],
    problems: ['Osamotnienie seniorów na Jeżycach', 'Dzieci bez wsparcia w nauce po lekcjach na Łazarzu'],
    actions: [
      {
        title: 'Grupy na Jeżycach',
        org: P.heart,
        tasks: [
          task('Grupa seniorów „Razem raźniej”', P.heart, -200, -150, 'done', {
            person: LEADER,
            problems: ['Osamotnienie seniorów na Jeżycach'],
          }),
          task('Grupa mam wracających do pracy', P.heart, -120, -60, 'done', {
            person: LEADER,
            problems: ['Brak opieki nad dziećmi dla rodziców wracających na rynek pracy'],
          }),
          task('Opieka nad dziećmi podczas spotkań grupy mam', P.children, -60, -10, 'done'),
          task('Spotkanie podsumowujące półrocze', P.heart, -15, -2, 'planned', { person: LEADER }),
          task('Nabór do trzeciej grupy na Jeżycach', P.heart, 0, 45, 'in_progress', { progress: 20 }),
        ],
      },
      {
        title: 'Grupy na Wildzie',
        org: P.stJohn,
        tasks: [
          task('Sala parafialna na cotygodniowe spotkania', P.stJohn, -60, -50, 'done'),
          task('Grupa „Wilda po godzinach”: dwanaście spotkań', P.stJohn, -50, 70, 'in_progress', {
            progress: 45,
            problems: ['Zadłużenie czynszowe rodzin w kamienicach na Wildzie'],
          }),
          task('Świetlica seniorów-wolontariuszy dla dzieci uczestników', P.seniors, -180, -5, 'done'),
          task('Wspólny festyn grup samokształceniowych', P.seniors, 60, 75, 'planned'),
        ],
      },
      {
        title: 'Korepetycje sąsiedzkie na Łazarzu',
        org: P.sp1,
        indicator: ['Uczniowie objęci korepetycjami', 'uczniów', 30, 18],
        problems: ['Dzieci bez wsparcia w nauce po lekcjach na Łazarzu'],
        tasks: [
          task('Porozumienie ze szkołą o udostępnieniu sal', P.sp1, -40, -25, 'done'),
          task('Nabór wolontariuszy: studenci i słuchacze UTW', P.utw, -30, -8, 'in_progress', {
            progress: 60,
          }),
          task('Zajęcia w ferie zimowe', P.sp1, 60, 70, 'planned'),
          task('Zajęcia wyrównawcze z matematyki w pierwszym semestrze', P.sp1, -20, 100, 'in_progress', {
            progress: 15,
          }),
          task('Ocena korepetycji razem z rodzicami', P.children, 100, 120, 'planned'),
        ],
      },
    ],
  },
  {
    title: 'Nowe miejsca pracy w przedsiębiorstwach społecznych',
    description:
      'Spółdzielnia gastronomiczna i spółdzielnia remontowa zatrudniające osoby zagrożone wykluczeniem.',
    org: P.fund,
    indicator: ['Miejsca pracy dla osób zagrożonych wykluczeniem', 'miejsc', 10, 3],
    problems: ['Bezrobocie osób opuszczających zakłady karne', 'Bezdomność i brak mieszkań treningowych'],
    actions: [
      {
        title: 'Spółdzielnia gastronomiczna',
        org: P.zsz,
        tasks: [
          task('Zajęcia praktyczne w szkole zawodowej dla przyszłych pracowników', P.zsz, -120, -30, 'done'),
          task('Piec konwekcyjny i mikser od piekarni', P.bakery, -160, -150, 'done'),
          task('Rejestracja spółdzielni w KRS', P.accounts, -30, -5, 'in_progress', {
            progress: 70,
            person: 'koordynator.poznan@splot.demo',
          }),
          task('Lokal na sklep od spółdzielni mieszkaniowej', P.sm, 30, 60, 'planned'),
        ],
      },
      {
        title: 'Spółdzielnia remontowa dla osób po wyrokach',
        org: P.builder,
        problems: ['Bezrobocie osób opuszczających zakłady karne'],
        tasks: [
          task('Współpraca z kuratorami sądowymi przez MOPR', P.mops, -90, -60, 'done'),
          task('Praktyki w firmie remontowej dla czterech osób', P.builder, -45, 15, 'in_progress', {
            progress: 50,
          }),
          task('Biznesplan spółdzielni remontowej', P.fund, -10, 30, 'in_progress', {
            progress: 25,
            person: 'doradca@splot.demo',
          }),
          task('Pierwsze zlecenia od zakładu usług komunalnych', P.zuk, -20, -1, 'planned'),
        ],
      },
    ],
  },
  {
    title: 'Mieszkańcy znają ekonomię społeczną i korzystają z jej usług',
    description: 'Katalog usług przedsiębiorstw społecznych i Dni Ekonomii Społecznej na Starym Rynku.',
    org: P.um,
    indicator: ['Zapytania o usługi przedsiębiorstw społecznych', 'zapytań', 100, 35],
    problems: ['Niska aktywność mieszkańców w radach osiedli'],
    actions: [
      {
        title: 'Katalog usług przedsiębiorstw społecznych',
        org: P.print,
        tasks: [
          task('Zebrać opisy usług od dwunastu podmiotów', P.fund, -60, -20, 'done'),
          task('Zdjęcia i projekt katalogu', P.print, -20, -3, 'in_progress', { progress: 80 }),
          task('Druk 2000 egzemplarzy', P.print, 0, 20, 'planned'),
          task('Kolportaż przez rady osiedli i parafie', P.women, 20, 50, 'planned', {
            problems: ['Niska aktywność mieszkańców w radach osiedli'],
          }),
          task('Wersja katalogu dostępna dla osób niewidomych', P.razem, 20, 50, 'planned'),
        ],
      },
      {
        title: 'Dni Ekonomii Społecznej',
        org: P.um,
        tasks: [
          task('Zgoda na kiermasz na Starym Rynku', P.um, -40, -30, 'done'),
          task('Kiermasz produktów spółdzielni', P.um, -12, -10, 'done'),
          task('Debata z radnymi o klauzulach społecznych w zamówieniach', P.um, 15, 30, 'planned'),
          task('Relacja w lokalnych mediach', P.women, -10, -2, 'in_progress', { progress: 30 }),
        ],
      },
    ],
  },
];

async function seedPlace(db: Db, today: string, place: Place, goals: GoalSeed[], publish: boolean) {
  const ctx = await coordinatorContext(db, place);
  const day = (d: Day) => daysFrom(today, d);
  const [partnership] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.localityId, place.locality.id))
    .limit(1);
  if (!partnership) throw new Error(`Demo seed: no partnership in ${place.locality.name}`);
  const partnershipId = partnership.id;
  const orgRows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.localityId, place.locality.id));
  const orgId = (name: string) => {
    const hit = orgRows.find((o) => o.name === name);
    if (!hit) throw new Error(`Demo seed: no "${name}" in the directory of ${place.locality.name}`);
    return hit.id;
  };
  const emails = goals.flatMap((g) =>
    g.actions.flatMap((a) => a.tasks.flatMap((t) => (t.person ? [t.person] : []))),
  );
  const people = emails.length
    ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
    : [];
  const problems = await problemIdsByTitle(db, place.locality.id);
  const problemIds = (titles: string[] = []) =>
    titles.map((title) => {
      const id = problems.get(title);
      if (!id) throw new Error(`Demo seed: no problem "${title}" in ${place.locality.name}`);
      return id;
    });
  const add = (
    fields: {
      level: 'goal' | 'action' | 'task';
      parentId?: string;
      title: string;
      description?: string;
      org: string;
      person?: string;
      from?: Day;
      due?: Day;
      status?: ProgrammeStatus;
      progress?: number;
      indicator?: Indicator;
      problems?: string[];
    },
    // The day a done task was completed: its due date, or today if that is still ahead.
    completedOn?: string,
  ) =>
    // Parsed like the form's fields, so the seed goes through the same validation as a person would.
    createProgrammeItem(db, {
      ...ctx,
      partnershipId,
      today: completedOn ?? today,
      input: programmeItemSchema.parse({
        level: fields.level,
        parentId: fields.parentId ?? '',
        title: fields.title,
        description: fields.description ?? '',
        responsibleOrganisationId: orgId(fields.org),
        responsibleUserId: fields.person ? (people.find((p) => p.email === fields.person)?.id ?? '') : '',
        startsOn: fields.from === undefined ? '' : day(fields.from),
        dueOn: fields.due === undefined ? '' : day(fields.due),
        status: fields.status ?? 'planned',
        progress: String(fields.progress ?? 0),
        indicatorName: fields.indicator?.[0] ?? '',
        indicatorUnit: fields.indicator?.[1] ?? '',
        indicatorTarget: fields.indicator ? String(fields.indicator[2]) : '',
        indicatorActual: fields.indicator ? String(fields.indicator[3]) : '',
        problemIds: problemIds(fields.problems),
      }),
    });
  for (const g of goals) {
    const dues = g.actions.flatMap((a) => a.tasks.map((t) => t.due));
    const goalId = await add({
      level: 'goal',
      title: g.title,
      description: g.description,
      org: g.org,
      from: Math.min(...g.actions.flatMap((a) => a.tasks.map((t) => t.from))),
      due: Math.max(...dues),
      status: 'in_progress',
      indicator: g.indicator,
      problems: g.problems,
    });
    for (const a of g.actions) {
      const actionId = await add({
        level: 'action',
        parentId: goalId,
        title: a.title,
        org: a.org,
        from: Math.min(...a.tasks.map((t) => t.from)),
        due: Math.max(...a.tasks.map((t) => t.due)),
        status: a.tasks.every((t) => t.status === 'done')
          ? 'done'
          : a.tasks.some((t) => t.status !== 'planned')
            ? 'in_progress'
            : 'planned',
        indicator: a.indicator,
        problems: a.problems,
      });
      for (const t of a.tasks) {
        await add(
          {
            level: 'task',
            parentId: actionId,
            title: t.title,
            org: t.org,
            person: t.person,
            from: t.from,
            due: t.due,
            status: t.status,
            progress: t.progress,
            problems: t.problems,
          },
          t.status === 'done' ? day(Math.min(t.due, 0)) : undefined,
        );
      }
    }
  }
  if (publish) await setPublicProgress(db, { ...ctx, partnershipId, value: true });
}

/**
 * Demo data for the programme part in Wągrowiec and Poznań (Kwilcz starts from nothing):
 * goals, actions and tasks with responsible members, some done, some overdue, some answering
 * the seeded local problems. Wągrowiec's public progress page is on. Written through the
 * app's own use cases, like the partnerships seed.
 */
export async function seedProgramme(
  db: Db,
  opts: { today: string; wagrowiec: Place; poznan: Place },
): Promise<void> {
  await seedPlace(db, opts.today, opts.wagrowiec, WAGROWIEC, true);
  await seedPlace(db, opts.today, opts.poznan, POZNAN, false);
}

const count = (goals: GoalSeed[]) => {
  const tasks = goals.flatMap((g) => g.actions.flatMap((a) => a.tasks));
  return {
    goals: goals.length,
    actions: goals.reduce((n, g) => n + g.actions.length, 0),
    tasks: tasks.length,
    done: tasks.filter((t) => t.status === 'done').length,
    overdue: tasks.filter((t) => t.status !== 'done' && t.due < 0).length,
  };
};

/** Sizes of the seeded programmes, for the seed's own test. */
export const SEEDED_PROGRAMME = { wagrowiec: count(WAGROWIEC), poznan: count(POZNAN) } as const;

/**
 * What the seed left in a demo locality, counted the way SEEDED_PROGRAMME and SEEDED_PROBLEMS
 * are (items a meeting decision added later are left out), for the seed's own test.
 */
export async function seededProgrammeCounts(db: Db, slug: string, today: string = todayInWarsaw()) {
  const [loc] = await db
    .select({ id: localities.id, publicProgress: partnerships.publicProgress })
    .from(localities)
    .innerJoin(partnerships, eq(partnerships.localityId, localities.id))
    .where(eq(localities.slug, slug));
  if (!loc) throw new Error(`No demo partnership in ${slug}`);
  const fromSeed = and(eq(programmeItems.localityId, loc.id), isNull(programmeItems.decisionId));
  const n = (level: string, extra?: ReturnType<typeof sql>) =>
    db
      .select({ n: countRows() })
      .from(programmeItems)
      .where(and(fromSeed, eq(programmeItems.level, level), extra))
      .then((r) => r[0]?.n ?? 0);
  const [problems] = await db
    .select({
      total: countRows(),
      pending: sql<number>`count(*) filter (where ${localProblems.status} = 'pending')`.mapWith(Number),
    })
    .from(localProblems)
    .where(eq(localProblems.localityId, loc.id));
  const [linked] = await db
    .select({ n: sql<number>`count(distinct ${programmeItemProblems.itemId})`.mapWith(Number) })
    .from(programmeItemProblems)
    .innerJoin(programmeItems, eq(programmeItems.id, programmeItemProblems.itemId))
    .where(and(fromSeed, eq(programmeItems.level, 'task')));
  return {
    problems: { total: problems?.total ?? 0, pending: problems?.pending ?? 0 },
    programme: {
      goals: await n('goal'),
      actions: await n('action'),
      tasks: await n('task'),
      done: await n('task', sql`${programmeItems.status} = 'done'`),
      overdue: await n(
        'task',
        sql`${programmeItems.dueOn} < ${today} and ${programmeItems.status} not in ('done', 'cancelled')`,
      ),
    },
    linkedTasks: linked?.n ?? 0,
    publicProgress: loc.publicProgress,
  };
}
