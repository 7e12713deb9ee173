import { eq } from 'drizzle-orm';
import type { ProblemStatus } from '../../app/features/problems/problem.rules.ts';
import { problemSchema, publicProblemSchema } from '../../app/features/problems/problem.schema.ts';
import {
  changeProblemStatus,
  raiseProblem,
  submitPublicProblem,
} from '../../app/features/problems/problems.server.ts';
import type { Db } from '../client.ts';
import { localProblems } from '../schema/index.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type ProblemSeed = {
  title: string;
  description: string;
  affected?: string;
  evidence?: string;
  proposals?: string;
  /** Where it ends up: accepted problems are raised by staff; `pending` ones come from residents. */
  status: Exclude<ProblemStatus, 'rejected'>;
};

/**
 * Kwilcz: a rural gmina of 6,300. Its partnership starts from nothing, but residents and the
 * GOPS have already named a few problems the coordinator's programme can answer.
 */
const KWILCZ: ProblemSeed[] = [
  {
    title: 'Brak pracy dla kobiet po likwidacji zakładu przetwórstwa',
    description:
      'Po zamknięciu zakładu przetwórstwa owoców w 2025 r. kilkadziesiąt kobiet z sołectw Mościejewo i Chorzępowo zostało bez pracy; dojazd do Międzychodu zajmuje ponad godzinę.',
    affected: 'Około 40 kobiet w wieku 35–60 lat, część z nich samotnie wychowuje dzieci',
    evidence: 'Dane GOPS: 23 rodziny zgłosiły się po zasiłek okresowy w ciągu pół roku.',
    proposals: 'Spółdzielnia socjalna w przetwórstwie lokalnych owoców, kurs liderów w gminie.',
    status: 'open',
  },
  {
    title: 'Samotni seniorzy w oddalonych sołectwach',
    description:
      'Autobus do Kwilcza jeździ dwa razy dziennie; starsi mieszkańcy małych sołectw tygodniami nie wychodzą z domu.',
    affected: 'Seniorzy po 70. roku życia, szczególnie osoby samotne',
    proposals: 'Sąsiedzka pomoc koła gospodyń wiejskich, wolontariusze parafii, spotkania w świetlicach.',
    status: 'open',
  },
  {
    title: 'Młodzi wyjeżdżają, bo nie ma dla nich zajęć',
    description: 'Świetlice wiejskie są zamknięte po południu; absolwenci szkoły nie widzą w gminie pracy.',
    affected: 'Młodzież 15–25 lat',
    status: 'in_progress',
  },
];

/** Wągrowiec: a town of 24,500; invented, realistic problems. */
const WAGROWIEC: ProblemSeed[] = [
  {
    title: 'Długotrwałe bezrobocie kobiet po 50. roku życia',
    description:
      'Na osiedlach Kopernika i Przemysłowym mieszka wiele kobiet, które po likwidacji zakładów odzieżowych nie wróciły do pracy. Część z nich korzysta z zasiłków MOPS od kilku lat.',
    affected: 'Około 140 kobiet w wieku 50–64 lata zarejestrowanych w PUP',
    evidence: 'Dane PUP w Wągrowcu: 38% długotrwale bezrobotnych to kobiety powyżej 50. roku życia.',
    proposals: 'Klub samopomocowy, doradztwo zawodowe, spółdzielnia socjalna w usługach opiekuńczych.',
    status: 'in_progress',
  },
  {
    title: 'Brak miejsca spotkań dla młodzieży po lekcjach',
    description:
      'Po zamknięciu świetlicy przy ul. Lipowej młodzież z rodzin korzystających z pomocy społecznej spędza popołudnia na ulicy i przy sklepach.',
    affected: 'Młodzież w wieku 13–18 lat, zwłaszcza z osiedla Kościuszki',
    proposals: 'Grupa młodzieżowa przy szkole zawodowej, zajęcia prowadzone przez lokalnych liderów.',
    status: 'open',
  },
  {
    title: 'Samotność i wykluczenie cyfrowe seniorów',
    description:
      'Starsi mieszkańcy nie umieją umówić wizyty u lekarza przez internet ani skorzystać z bankowości elektronicznej; wielu mieszka samotnie.',
    affected: 'Seniorzy, szczególnie osoby samotne po 70. roku życia',
    evidence:
      'Ankieta parafialnego zespołu Caritas: 60 osób zgłosiło potrzebę pomocy z telefonem i komputerem.',
    status: 'in_progress',
  },
  {
    title: 'Osoby z niepełnosprawnościami nie mają jak dojechać na zajęcia',
    description:
      'Uczestnicy z niepełnosprawnością ruchową z okolicznych wsi rezygnowali z zajęć klubu, bo nie było dowozu.',
    affected: 'Kilkanaście osób z niepełnosprawnościami i ich opiekunowie',
    proposals: 'Wolontariusze stowarzyszenia „Razem” organizują dowóz dwa razy w tygodniu.',
    status: 'solved',
  },
  {
    title: 'Marnowanie żywności w sklepach i stołówkach',
    description:
      'Sklepy i stołówki szkolne wyrzucają jedzenie, podczas gdy rodziny korzystające z pomocy MOPS mają trudności z zakupem pełnowartościowych posiłków.',
    proposals: 'Catering społeczny przygotowujący posiłki z nadwyżek żywności.',
    status: 'open',
  },
  {
    title: 'Zaniedbane podwórko przy ul. Kcyńskiej',
    description:
      'Podwórko między blokami jest zaniedbane, nie ma ławek ani placu zabaw. Mieszkańcy chętnie pomogliby je uporządkować, gdyby ktoś to zorganizował.',
    status: 'pending',
  },
];

/** Poznań: a regional capital; invented, realistic problems of a few districts. */
const POZNAN: ProblemSeed[] = [
  {
    title: 'Bezrobocie osób opuszczających zakłady karne',
    description:
      'Osoby wychodzące z zakładów karnych nie znajdują pracy i wracają do przestępczości. Pracodawcy obawiają się je zatrudniać.',
    affected: 'Około 300 osób rocznie wracających do Poznania po odbyciu kary',
    evidence: 'Dane kuratorów sądowych i MOPR: 70% podopiecznych pozostaje bez pracy pół roku po wyjściu.',
    proposals: 'Spółdzielnia socjalna w usługach remontowych, praktyki u partnerów z branży budowlanej.',
    status: 'in_progress',
  },
  {
    title: 'Brak pracy dla absolwentów szkół specjalnych',
    description:
      'Absolwenci szkół przysposabiających do pracy zostają w domach; nie ma dla nich miejsc pracy ani wsparcia w pierwszych miesiącach zatrudnienia.',
    affected: 'Młodzi dorośli z niepełnosprawnością intelektualną i ich rodziny',
    proposals: 'Zatrudnienie wspomagane w spółdzielniach socjalnych, praktyki w WTZ i CIS.',
    status: 'open',
  },
  {
    title: 'Zadłużenie czynszowe rodzin w kamienicach na Wildzie',
    description:
      'Rodziny w komunalnych kamienicach mają zaległości czynszowe i boją się eksmisji; nie wiedzą, gdzie szukać porady.',
    affected: 'Kilkadziesiąt rodzin z Wildy, w tym z małymi dziećmi',
    evidence: 'Zarząd Komunalnych Zasobów Lokalowych: 212 lokali z zaległościami ponad 3 miesiące.',
    status: 'in_progress',
  },
  {
    title: 'Osamotnienie seniorów na Jeżycach',
    description: 'Wielu seniorów mieszka samotnie na wyższych piętrach kamienic i rzadko wychodzi z domu.',
    affected: 'Seniorzy z Jeżyc, zwłaszcza osoby samotne',
    proposals: 'Grupa samokształceniowa seniorów, sąsiedzkie odwiedziny, zajęcia w klubie.',
    status: 'solved',
  },
  {
    title: 'Brak opieki nad dziećmi dla rodziców wracających na rynek pracy',
    description:
      'Matki samotnie wychowujące dzieci nie mogą uczestniczyć w szkoleniach ani podjąć pracy, bo brakuje miejsc w żłobkach i przedszkolach.',
    affected: 'Samotni rodzice, głównie matki dzieci do lat 6',
    proposals: 'Opieka nad dziećmi podczas zajęć, spółdzielnia socjalna prowadząca klub dziecięcy.',
    status: 'open',
  },
  {
    title: 'Bezdomność i brak mieszkań treningowych',
    description:
      'Osoby wychodzące z bezdomności nie mają gdzie nauczyć się samodzielnego życia; w mieście brakuje mieszkań treningowych.',
    affected: 'Mieszkańcy schronisk i noclegowni gotowi do usamodzielnienia',
    status: 'open',
  },
  {
    title: 'Niska aktywność mieszkańców w radach osiedli',
    description:
      'W wyborach do rad osiedli głosuje kilka procent mieszkańców; mało kto wie o budżecie obywatelskim i o tym, co robią lokalne organizacje.',
    proposals: 'Katalog lokalnych usług i organizacji, spotkania informacyjne w parafiach i szkołach.',
    status: 'solved',
  },
  {
    title: 'Dzieci bez wsparcia w nauce po lekcjach na Łazarzu',
    description: 'Dzieci z rodzin w trudnej sytuacji nie mają pomocy w odrabianiu lekcji i powtarzają klasy.',
    affected: 'Uczniowie klas 4–8 szkół podstawowych na Łazarzu',
    evidence: 'Szkoła Podstawowa nr 1: 27 uczniów z ocenami niedostatecznymi na koniec semestru.',
    proposals: 'Korepetycje sąsiedzkie prowadzone przez wolontariuszy i seniorów.',
    status: 'in_progress',
  },
  {
    title: 'Pustostany w kamienicach przy ul. Głogowskiej',
    description:
      'Kilka mieszkań komunalnych stoi pustych od lat, a ludzie czekają na mieszkanie. Może spółdzielnia socjalna mogłaby je wyremontować?',
    status: 'pending',
  },
  {
    title: 'Brak ławek i cienia na skwerze przy Rynku Jeżyckim',
    description: 'Starsi ludzie nie mają gdzie odpocząć w drodze z targu; latem na skwerze nie ma cienia.',
    status: 'pending',
  },
];

async function seedPlace(db: Db, place: Place, seeds: ProblemSeed[], now: Date): Promise<void> {
  const ctx = await coordinatorContext(db, place);
  for (const [i, s] of seeds.entries()) {
    const fields = {
      title: s.title,
      description: s.description,
      affected: s.affected ?? '',
      evidence: s.evidence ?? '',
      proposals: s.proposals ?? '',
    };
    if (s.status === 'pending') {
      // A resident's report from the public form: waits for moderation.
      await submitPublicProblem(db, {
        localityId: place.locality.id,
        input: publicProblemSchema.parse({
          ...fields,
          renderedAt: String(now.getTime() - 120_000),
        }),
        ip: `seed-${place.locality.slug}-${i}`,
        requestId: 'seed-demo',
        now,
      });
      continue;
    }
    const id = await raiseProblem(db, { ...ctx, input: problemSchema.parse(fields) });
    if (s.status !== 'open') {
      await changeProblemStatus(db, {
        ...ctx,
        id,
        to: s.status === 'solved' ? 'in_progress' : s.status,
        note: '',
      });
      if (s.status === 'solved') await changeProblemStatus(db, { ...ctx, id, to: 'solved', note: '' });
    }
  }
}

/**
 * Demo entries of the local problems register (before the programme, which answers them):
 * Wągrowiec 6, Poznań 10, open, in progress and solved, with residents' reports waiting for
 * moderation. Written through the problems use cases, as the coordinator or a resident would.
 */
export async function seedProblems(
  db: Db,
  opts: { today: string; kwilcz?: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {
  const now = new Date(`${opts.today}T09:00:00Z`);
  if (opts.kwilcz) await seedPlace(db, opts.kwilcz, KWILCZ, now);
  await seedPlace(db, opts.wagrowiec, WAGROWIEC, now);
  await seedPlace(db, opts.poznan, POZNAN, now);
}

/** Counts of the seeded register, for the seed's own test. */
export const SEEDED_PROBLEMS = {
  kwilcz: { total: KWILCZ.length, pending: 0 },
  wagrowiec: { total: WAGROWIEC.length, pending: WAGROWIEC.filter((p) => p.status === 'pending').length },
  poznan: { total: POZNAN.length, pending: POZNAN.filter((p) => p.status === 'pending').length },
} as const;

/** The ids of a locality's seeded problems by title (for the programme seed to link them). */
export async function problemIdsByTitle(db: Db, localityId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: localProblems.id, title: localProblems.title })
    .from(localProblems)
    .where(eq(localProblems.localityId, localityId));
  return new Map(rows.map((r) => [r.title, r.id]));
}
