import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { advanceInitiativeStage } from '../../app/features/initiatives/advance-initiative-stage.server.ts';
import { closeInitiative } from '../../app/features/initiatives/close-initiative.server.ts';
import { createInitiative } from '../../app/features/initiatives/create-initiative.server.ts';
import { tickChecklistItem } from '../../app/features/initiatives/initiative-checklist.server.ts';
import { addFounder } from '../../app/features/initiatives/initiative-founders.server.ts';
import { CHECKLIST, STAGES, type Stage } from '../../app/features/initiatives/initiative-stages.rules.ts';
import { saveBusinessPlan } from '../../app/features/initiatives/save-business-plan.server.ts';
import { dateInputValue } from '../../app/lib/dates.ts';
import type { Db } from '../client.ts';
import {
  enterpriseMonthlyFigures,
  enterprises,
  initiativeStageHistory,
  initiatives,
  organisations,
  participantCategories,
  participants,
  people,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type Ctx = Awaited<ReturnType<typeof coordinatorContext>>;
type Target = Stage | 'closed';

type PlanSeed = {
  offer: string;
  customers: string;
  niche: string;
  team: string;
  startup: [string, string][];
  funding: [string, string, string][];
  /** Revenue and costs of month 1 and month 24 (typed the Polish way); months between ramp up. */
  revenue: [number, number];
  costs: [number, number];
};

type InitiativeSeed = {
  name: string;
  idea: string;
  form: string;
  target: Target;
  /** Days since the group was created. */
  age: number;
  founders: number;
  /** How many of the natural founders are at risk (set explicitly). */
  atRisk?: number;
  /** An organisation of the directory joins as a founder, by its name's beginning. */
  orgFounder?: string;
  plan?: PlanSeed;
  krs?: string;
  closedReason?: string;
  /** Stage the closed one got to before closing. */
  closedAt?: Stage;
};

const pl = (n: number) => n.toFixed(2).replace('.', ',');

function planValues(p: PlanSeed): Record<string, string> {
  const v: Record<string, string> = { offer: p.offer, customers: p.customers, niche: p.niche, team: p.team };
  p.startup.forEach(([label, amount], i) => {
    v[`startup.${i}.label`] = label;
    v[`startup.${i}.amount`] = amount;
  });
  p.funding.forEach(([label, kind, amount], i) => {
    v[`funding.${i}.label`] = label;
    v[`funding.${i}.kind`] = kind;
    v[`funding.${i}.amount`] = amount;
  });
  for (let m = 1; m <= 24; m++) {
    const f = (m - 1) / 23;
    v[`m.${m}.revenue`] = pl(Math.round(p.revenue[0] + (p.revenue[1] - p.revenue[0]) * f));
    v[`m.${m}.costs`] = pl(Math.round(p.costs[0] + (p.costs[1] - p.costs[0]) * f));
  }
  return v;
}

const CATERING: PlanSeed = {
  offer:
    'Obiady abonamentowe dla szkół i przedszkoli, catering na uroczystości gminne, paczki obiadowe dla seniorów z dowozem.',
  customers:
    'Szkoły i przedszkola gminy (ok. 420 obiadów dziennie), MOPS (obiady dla podopiecznych), mieszkańcy i firmy.',
  niche:
    'Gmina kupuje dziś obiady szkolne od firmy spoza powiatu; lokalna kuchnia skraca dowóz i daje pracę mieszkańcom.',
  team: 'Kucharka z 12-letnim stażem, dwie pomoce kuchenne, kierowca z prawem jazdy kat. B, księgowość zlecona.',
  startup: [
    ['Wyposażenie kuchni (piec konwekcyjno-parowy, chłodnie)', '68 500,00'],
    ['Samochód dostawczy z termoboksami', '54 000,00'],
    ['Adaptacja lokalu i zgody sanepidu', '21 300,00'],
    ['Wkład do kapitału i koszty rejestracji', '2 500,00'],
  ],
  funding: [
    ['Dotacja na utworzenie miejsc pracy (OWES)', 'grant', '120 000,00'],
    ['Pożyczka TISE', 'loan', '20 000,00'],
    ['Wkład własny założycieli', 'own', '6 300,00'],
  ],
  revenue: [20_000, 52_000],
  costs: [26_000, 39_000],
};

const GARDEN: PlanSeed = {
  offer: 'Pielęgnacja zieleni miejskiej i przydomowej, nasadzenia, odśnieżanie w zimie.',
  customers: 'Zarząd Zieleni Miejskiej (zamówienia do 130 tys. zł), wspólnoty mieszkaniowe, parafie.',
  niche:
    'Wspólnoty mieszkaniowe na osiedlach nie mają stałej firmy; zlecenia sezonowe bez konkurencji lokalnej.',
  team: 'Ogrodnik z uprawnieniami, trzech pracowników po reintegracji w CIS.',
  startup: [
    ['Kosiarki, podkaszarki i narzędzia', '24 800,00'],
    ['Przyczepa i odśnieżarka', '15 200,00'],
  ],
  funding: [
    ['Dotacja na utworzenie miejsc pracy', 'grant', '36 000,00'],
    ['Wkład własny', 'own', '4 000,00'],
  ],
  revenue: [10_000, 27_000],
  costs: [14_000, 20_500],
};

const SEWING: PlanSeed = {
  offer: 'Szycie i naprawa odzieży, torby z recyklingu banerów, szycie na zamówienie firm.',
  customers: 'Mieszkańcy, lokalne firmy (gadżety), urząd (torby na wydarzenia).',
  niche: 'Brak krawcowej w promieniu 15 km; rosnący popyt na naprawy zamiast zakupu.',
  team: 'Dwie krawcowe, osoba do sprzedaży internetowej.',
  startup: [['Maszyny szwalnicze i overlock', '18 400,00']],
  funding: [['Darowizna fundacji lokalnej', 'donation', '18 400,00']],
  revenue: [5_000, 14_500],
  costs: [7_000, 11_000],
};

const POZNAN: InitiativeSeed[] = [
  {
    name: 'Kawiarnia społeczna „Na Wildzie”',
    idea: 'Kawiarnia zatrudniająca osoby po kryzysie bezdomności.',
    form: 'social_cooperative',
    target: 'idea',
    age: 12,
    founders: 2,
  },
  {
    name: 'Rowerownia Jeżyce',
    idea: 'Naprawa rowerów i wypożyczalnia dla mieszkańców.',
    form: 'association',
    target: 'idea',
    age: 30,
    founders: 1,
  },
  {
    name: 'Opieka wytchnieniowa „Oddech”',
    idea: 'Opieka nad osobami zależnymi, by opiekunowie mogli odpocząć.',
    form: 'foundation',
    target: 'idea',
    age: 5,
    founders: 0,
  },
  {
    name: 'Pracownia krawiecka „Nitka”',
    idea: 'Szycie i naprawy odzieży, torby z recyklingu.',
    form: 'social_cooperative',
    target: 'business_plan',
    age: 80,
    founders: 4,
    atRisk: 3,
    plan: { ...SEWING, team: '' },
  },
  {
    name: 'Zielona Ekipa Rataje',
    idea: 'Pielęgnacja zieleni na osiedlach.',
    form: 'worker_cooperative',
    target: 'business_plan',
    age: 60,
    founders: 3,
    plan: GARDEN,
  },
  {
    name: 'Catering „Smak Łazarza”',
    idea: 'Obiady dla szkół i seniorów z Łazarza.',
    form: 'social_cooperative',
    target: 'founding',
    age: 150,
    founders: 5,
    atRisk: 3,
    plan: CATERING,
  },
  {
    name: 'Fundacja „Drugie Życie Mebli”',
    idea: 'Renowacja mebli z odzysku i sprzedaż.',
    form: 'foundation',
    target: 'founding',
    age: 130,
    founders: 2,
    orgFounder: 'Bank',
    plan: GARDEN,
  },
  {
    name: 'Spółdzielnia Socjalna „Porządek”',
    idea: 'Sprzątanie biur i klatek schodowych.',
    form: 'social_cooperative',
    target: 'incubation',
    age: 260,
    founders: 5,
    atRisk: 3,
    plan: GARDEN,
    krs: '0000981231',
  },
  {
    name: 'Spółdzielnia Socjalna „Pralnia Wilda”',
    idea: 'Pralnia dla hosteli i mieszkańców.',
    form: 'social_cooperative',
    target: 'incubation',
    age: 300,
    founders: 4,
    atRisk: 3,
    plan: SEWING,
    krs: '0000981232',
  },
  {
    name: 'Spółdzielnia Socjalna „Dobre Obiady”',
    idea: 'Stołówka i catering.',
    form: 'social_cooperative',
    target: 'self_sufficient',
    age: 520,
    founders: 5,
    atRisk: 4,
    plan: CATERING,
    krs: '0000981233',
  },
  {
    name: 'Sklep z drugiej ręki „Szafa”',
    idea: 'Sklep z odzieżą z darów.',
    form: 'association',
    target: 'closed',
    closedAt: 'business_plan',
    age: 200,
    founders: 2,
    plan: SEWING,
    closedReason: 'Grupa nie znalazła lokalu; założyciele dołączyli do „Nitki”.',
  },
];

const WAGROWIEC: InitiativeSeed[] = [
  {
    name: 'Świetlica „Pod Lipami”',
    idea: 'Płatne zajęcia dla dzieci po szkole w dawnej szkole.',
    form: 'association',
    target: 'idea',
    age: 20,
    founders: 2,
  },
  {
    name: 'Usługi remontowe „Fachowcy”',
    idea: 'Drobne remonty dla seniorów i wspólnot.',
    form: 'worker_cooperative',
    target: 'business_plan',
    age: 70,
    founders: 3,
    plan: { ...GARDEN, offer: 'Drobne remonty, malowanie, naprawy dla seniorów i wspólnot.' },
  },
  {
    name: 'Spółdzielnia Socjalna „Smaki Wągrowca”',
    idea: 'Catering i obiady dla szkół, przedszkoli i seniorów w Wągrowcu; praca dla osób bezrobotnych długotrwale i z niepełnosprawnością.',
    form: 'social_cooperative',
    target: 'founding',
    age: 170,
    founders: 5,
    atRisk: 3,
    plan: { ...CATERING, customers: 'Szkoły i przedszkola Wągrowca, MOPS, mieszkańcy i firmy z okolicy.' },
  },
  {
    name: 'Agroturystyka „Nad Wełną”',
    idea: 'Noclegi i warsztaty kulinarne.',
    form: 'non_profit_company',
    target: 'closed',
    closedAt: 'idea',
    age: 150,
    founders: 1,
    closedReason: 'Brak lokalu i wkładu własnego.',
  },
  {
    name: 'Spółdzielnia Socjalna „Czysty Wągrowiec”',
    idea: 'Sprzątanie i drobne usługi porządkowe.',
    form: 'social_cooperative',
    target: 'incubation',
    age: 280,
    founders: 4,
    atRisk: 3,
    plan: GARDEN,
    krs: '0000981234',
  },
  {
    name: 'Fundacja „Wełniana Pracownia”',
    idea: 'Warsztaty rękodzieła i sklep.',
    form: 'foundation',
    target: 'self_sufficient',
    age: 480,
    founders: 3,
    plan: SEWING,
    krs: '0000981235',
  },
];

const KWILCZ: InitiativeSeed[] = [
  {
    name: 'Koło gospodyń – przetwory',
    idea: 'Przetwory z lokalnych owoców na sprzedaż.',
    form: 'association',
    target: 'idea',
    age: 15,
    founders: 2,
  },
  {
    name: 'Usługi opiekuńcze Kwilcz',
    idea: 'Opieka domowa nad seniorami.',
    form: 'social_cooperative',
    target: 'business_plan',
    age: 55,
    founders: 3,
    atRisk: 2,
    plan: { ...GARDEN, niche: '' },
  },
  {
    name: 'Spółdzielnia Socjalna „Kwilecki Ogród”',
    idea: 'Pielęgnacja zieleni gminnej.',
    form: 'social_cooperative',
    target: 'incubation',
    age: 260,
    founders: 3,
    atRisk: 2,
    plan: GARDEN,
    krs: '0000981236',
  },
  {
    name: 'Spółdzielnia Socjalna „Stolarnia”',
    idea: 'Stolarka i meble ogrodowe.',
    form: 'social_cooperative',
    target: 'self_sufficient',
    age: 500,
    founders: 3,
    atRisk: 2,
    plan: SEWING,
    krs: '0000981237',
  },
  {
    name: 'Warsztat rowerowy „Szprycha”',
    idea: 'Naprawa rowerów przy szkole.',
    form: 'association',
    target: 'founding',
    age: 90,
    founders: 2,
    plan: SEWING,
  },
];

/** The locality's participants, those with recorded at-risk categories first. */
async function candidates(db: Db, localityId: string) {
  const rows = await db
    .select({
      id: people.id,
      atRisk: sql<boolean>`exists (select 1 from ${participantCategories} pc where pc.person_id = ${people.id})`,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(and(eq(participants.localityId, localityId), isNull(people.erasedAt)))
    .orderBy(asc(people.familyName), asc(people.givenName));
  return rows;
}

async function seedPlace(db: Db, place: Place, today: string, seeds: InitiativeSeed[]) {
  const ctx: Ctx = await coordinatorContext(db, place);
  const pool = await candidates(db, place.locality.id);
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.localityId, place.locality.id));
  let cursor = 0;
  const typed = (days: number) => dateInputValue(daysFrom(today, days));
  for (const s of seeds) {
    const id = await createInitiative(db, {
      ...ctx,
      values: { name: s.name, idea: s.idea, intendedLegalForm: s.form },
    });
    const joined = typed(-s.age + 2);
    for (let i = 0; i < Math.min(s.founders, pool.length); i++) {
      const p = pool[cursor++ % pool.length]!;
      const atRisk = s.atRisk === undefined ? 'auto' : i < s.atRisk ? 'yes' : 'no';
      await addFounder(db, {
        ...ctx,
        initiativeId: id,
        values: {
          kind: 'natural',
          personId: p.id,
          atRisk,
          role: i === 0 ? 'lider grupy' : '',
          joinedOn: joined,
        },
      });
    }
    const org = s.orgFounder ? orgs.find((o) => o.name.startsWith(s.orgFounder!)) : undefined;
    if (org)
      await addFounder(db, {
        ...ctx,
        initiativeId: id,
        values: { kind: 'legal', organisationId: org.id, atRisk: 'no', role: 'partner', joinedOn: joined },
      });
    if (s.plan)
      await saveBusinessPlan(db, {
        ...ctx,
        initiativeId: id,
        values: { ...planValues(s.plan), version: '0' },
      });
    const target: Stage = s.target === 'closed' ? (s.closedAt ?? 'idea') : s.target;
    const steps = STAGES.indexOf(target);
    for (let k = 0; k < steps; k++) {
      const stage = STAGES[k]!;
      const doneDay = -s.age + Math.round(((k + 1) * s.age) / (steps + 2));
      for (const item of CHECKLIST[stage])
        await tickChecklistItem(db, {
          ...ctx,
          initiativeId: id,
          values: { item, doneOn: typed(doneDay) },
          today,
        });
      if (stage === 'incubation') await seedFigures(db, place, id, today);
      await advanceInitiativeStage(db, {
        ...ctx,
        id,
        today,
        psAims: ['reintegration'],
        values:
          stage === 'founding'
            ? {
                organisationName: s.name,
                krs: s.krs ?? '',
                registeredOn: typed(doneDay),
                reason: 'Wpis do KRS.',
              }
            : { reason: '' },
      });
    }
    // Some checklist items of the current stage already done.
    if (s.target !== 'closed' && s.target !== 'self_sufficient') {
      const first = CHECKLIST[target][0]!;
      await tickChecklistItem(db, {
        ...ctx,
        initiativeId: id,
        values: { item: first, doneOn: typed(-2) },
        today,
      });
    }
    if (s.target === 'closed')
      await closeInitiative(db, {
        ...ctx,
        id,
        today,
        values: { reason: s.closedReason ?? 'Grupa się rozpadła.' },
      });
    await backdate(db, id, today, s.age);
  }
}

/** Three months of figures in which own revenue covers costs (for the move to self-sufficient). */
async function seedFigures(db: Db, place: Place, initiativeId: string, today: string) {
  const [ent] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.initiativeId, initiativeId));
  if (!ent) return;
  const first = `${today.slice(0, 7)}-01`;
  const rows = [3, 2, 1].map((back) => {
    const d = new Date(`${first}T12:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    return {
      localityId: place.locality.id,
      enterpriseId: ent.id,
      month: d.toISOString().slice(0, 10),
      ownRevenuePln: String(31_000 + back * 700),
      grantsPln: '0',
      costsPln: String(29_500 + back * 300),
      headcount: 5,
      customers: 14 + back,
    };
  });
  await db.insert(enterpriseMonthlyFigures).values(rows).onConflictDoNothing();
}

/** Spreads the history over the group's life (the moves above all happened "now"). */
async function backdate(db: Db, id: string, today: string, age: number) {
  const history = await db
    .select({ id: initiativeStageHistory.id })
    .from(initiativeStageHistory)
    .where(eq(initiativeStageHistory.initiativeId, id))
    .orderBy(asc(initiativeStageHistory.id));
  const at = (days: number) => new Date(`${daysFrom(today, days)}T09:00:00Z`);
  const n = history.length;
  for (let i = 0; i < n; i++) {
    const day = i === 0 ? -age : -age + Math.round((i * age) / (n + 1));
    await db
      .update(initiativeStageHistory)
      .set({ at: at(day) })
      .where(eq(initiativeStageHistory.id, history[i]!.id));
  }
  const lastDay = n <= 1 ? -age : -age + Math.round(((n - 1) * age) / (n + 1));
  await db
    .update(initiatives)
    .set({ createdAt: at(-age), stageChangedAt: at(lastDay) })
    .where(eq(initiatives.id, id));
}

/** Demo data for issue 6: initiatives at every stage in the three places (Poznań most, Kwilcz fewest). */
export async function seedInitiatives(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {
  await seedPlace(db, places.poznan, places.today, POZNAN);
  await seedPlace(db, places.wagrowiec, places.today, WAGROWIEC);
  await seedPlace(db, places.kwilcz, places.today, KWILCZ);
}
