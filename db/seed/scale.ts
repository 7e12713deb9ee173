import { sql } from 'drizzle-orm';
import { nameKey } from '../../app/features/organisations/organisation.rules.ts';
import { STEP_KEYS, STEP_STATUSES } from '../../app/features/roadmap/roadmap.rules.ts';
import { ROLES } from '../../app/lib/roles.ts';
import { foldForSearch, slugify } from '../../app/lib/text.ts';
import { cachedHash } from '../../tests/factories/index.ts';
import type { Db } from '../client.ts';
import {
  adviceSessions,
  appointments,
  clubMembers,
  clubs,
  labourStatuses,
  localities,
  memberships,
  organisations,
  participantCategories,
  participantConsents,
  participants,
  people,
  referrals,
  roadmapSteps,
  supportOutcomes,
  supportPlanActions,
  supportPlanReviews,
  supportPlanSteps,
  supportPlans,
  terytGminas,
  users,
} from '../schema/index.ts';
import { DEMO_LOCALITIES, DEMO_PASSWORD, seedDemo } from './demo.ts';

export const SCALES = ['demo', 'city', 'national', 'participants'] as const;
export type Scale = (typeof SCALES)[number];

/** A deterministic pseudo-random sequence, so every seeded database is the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * demo: the three demo localities. city: demo plus 600 staff and participant accounts in
 * Poznań. national: demo plus a locality for every gmina in the TERYT list, each with a
 * coordinator and a roadmap at a random stage. participants: demo plus a bench locality with
 * 50,000 participants and one participant with a full record (seedParticipantScale). Idempotent.
 */
export async function seedScale(db: Db, scale: Scale): Promise<void> {
  await seedDemo(db);
  if (scale === 'demo') return;
  if (scale === 'participants') {
    await seedParticipantScale(db, { participants: 50_000 });
    return;
  }
  const random = rng(2026);
  const hash = await cachedHash(DEMO_PASSWORD);
  if (scale === 'city') {
    const [poznan] = await db
      .select({ id: localities.id })
      .from(localities)
      .where(sql`${localities.terytCode} = ${DEMO_LOCALITIES.poznan.terytCode}`);
    const people = Array.from({ length: 600 }, (_, i) => ({
      email: `osoba${i + 1}@poznan.splot.demo`,
      name: `Osoba Testowa ${i + 1}`,
      passwordHash: hash,
    }));
    await insertInChunks(people, 200, (chunk) => db.insert(users).values(chunk).onConflictDoNothing());
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.email} like '%@poznan.splot.demo'`);
    await insertInChunks(
      rows.map((u) => ({
        userId: u.id,
        localityId: poznan!.id,
        role: ROLES[Math.floor(random() * ROLES.length)]!,
      })),
      300,
      (chunk) => db.insert(memberships).values(chunk).onConflictDoNothing(),
    );
    return;
  }
  // national
  const gminas = await db.select().from(terytGminas);
  const slugs = new Map<string, number>();
  const locRows = gminas.map((g) => {
    const base = slugify(g.name);
    const n = slugs.get(base) ?? 0;
    slugs.set(base, n + 1);
    return {
      slug: n === 0 ? base : `${base}-${g.code}`,
      terytCode: g.code,
      name: g.name,
      kind: g.kind,
      voivodeship: g.voivodeship,
      population: null,
    };
  });
  await insertInChunks(locRows, 500, (chunk) => db.insert(localities).values(chunk).onConflictDoNothing());
  const all = await db.select({ id: localities.id, terytCode: localities.terytCode }).from(localities);
  const steps = all.flatMap((l) => {
    const stage = Math.floor(random() * (STEP_KEYS.length + 1));
    return STEP_KEYS.map((stepKey, i) => ({
      localityId: l.id,
      stepKey,
      position: i + 1,
      status: i < stage ? 'done' : i === stage ? STEP_STATUSES[Math.floor(random() * 2)]! : 'not_started',
    }));
  });
  await insertInChunks(steps, 1000, (chunk) => db.insert(roadmapSteps).values(chunk).onConflictDoNothing());
  const coords = all.map((l) => ({
    email: `koordynator.${l.terytCode}@gminy.splot.demo`,
    name: `Koordynator ${l.terytCode}`,
    passwordHash: hash,
  }));
  await insertInChunks(coords, 500, (chunk) => db.insert(users).values(chunk).onConflictDoNothing());
  const coordRows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`${users.email} like '%@gminy.splot.demo'`);
  const byCode = new Map(all.map((l) => [l.terytCode, l.id]));
  await insertInChunks(
    coordRows.map((u) => ({
      userId: u.id,
      localityId: byCode.get(u.email.slice(12, 19))!,
      role: 'coordinator',
    })),
    500,
    (chunk) => db.insert(memberships).values(chunk).onConflictDoNothing(),
  );
}

// ---------------------------------------------------------------------------------------------
// Participants at scale (issue 4 targets: search over 50,000 participants, one participant's page).

/** The locality the participant benchmark fills; not a demo locality, so demo data stays as it is. */
export const PARTICIPANT_BENCH = {
  slug: 'bench-lodz',
  terytCode: '1061011',
  name: 'Łódź (benchmark)',
  coordinatorEmail: 'koordynator.bench@splot.demo',
  coordinatorName: 'Koordynatorka Benchmarku',
} as const;

const WOMEN = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Małgorzata',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Elżbieta',
  'Zofia',
  'Joanna',
  'Łucja',
  'Magdalena',
  'Monika',
  'Jadwiga',
  'Bożena',
  'Żaneta',
  'Dorota',
  'Halina',
  'Teresa',
  'Grażyna',
  'Urszula',
  'Beata',
  'Jolanta',
  'Iwona',
  'Marianna',
  'Wiesława',
  'Aleksandra',
  'Natalia',
  'Weronika',
];
const MEN = [
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Tomasz',
  'Paweł',
  'Jan',
  'Michał',
  'Marcin',
  'Grzegorz',
  'Józef',
  'Łukasz',
  'Stanisław',
  'Wojciech',
  'Jerzy',
  'Zbigniew',
  'Mieczysław',
  'Ryszard',
  'Tadeusz',
  'Dariusz',
  'Mariusz',
  'Kazimierz',
  'Henryk',
  'Adam',
  'Marek',
  'Rafał',
  'Sławomir',
  'Bogdan',
  'Przemysław',
  'Jacek',
  'Zdzisław',
];
/** Family names in the masculine form; -ski/-cki/-dzki take -ska/-cka/-dzka for women. */
const FAMILY_NAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Kwiatkowski',
  'Krawczyk',
  'Piotrowski',
  'Grabowski',
  'Nowakowski',
  'Pawłowski',
  'Michalski',
  'Nowicki',
  'Adamczyk',
  'Dudek',
  'Zając',
  'Wieczorek',
  'Jabłoński',
  'Król',
  'Majewski',
  'Olszewski',
  'Jaworski',
  'Wróbel',
  'Malinowski',
  'Pawlak',
  'Witkowski',
  'Walczak',
  'Stępień',
  'Górski',
  'Rutkowski',
  'Michalak',
  'Sikora',
  'Ostrowski',
  'Baran',
  'Duda',
  'Szewczyk',
  'Tomaszewski',
  'Pietrzak',
  'Marciniak',
  'Wróblewski',
  'Zalewski',
  'Jakubowski',
  'Jasiński',
  'Zawadzki',
  'Sadowski',
  'Bąk',
  'Chmielewski',
  'Włodarczyk',
  'Borkowski',
  'Czarnecki',
  'Sawicki',
  'Sokołowski',
  'Urbański',
  'Kubiak',
  'Maciejewski',
  'Szczepański',
  'Kucharski',
  'Wilk',
  'Kalinowski',
  'Lis',
  'Mazurek',
  'Wysocki',
  'Adamski',
  'Kaźmierczak',
  'Wasilewski',
  'Sobczak',
  'Czerwiński',
  'Andrzejewski',
  'Cieślak',
  'Głowacki',
  'Zakrzewski',
  'Kołodziej',
  'Sikorski',
  'Krajewski',
  'Gajewski',
  'Szymczak',
  'Szulc',
  'Baranowski',
  'Laskowski',
  'Brzeziński',
  'Makowski',
  'Ziółkowski',
  'Przybylski',
  'Domański',
  'Nowacki',
  'Borowski',
  'Błaszczyk',
  'Chojnacki',
  'Ciesielski',
  'Mróz',
  'Szczepaniak',
  'Wesołowski',
  'Górecki',
  'Krupa',
  'Kaczmarek',
  'Leśniak',
  'Kaczmarczyk',
  'Żak',
  'Śliwiński',
  'Łuczak',
  'Ślusarczyk',
];
const feminine = (name: string) => name.replace(/(sk|ck|dzk)i$/, '$1a');

/** A realistic Polish name: given name, family name (feminine form for women), and sex. */
export function benchName(random: () => number): {
  givenName: string;
  familyName: string;
  sex: 'female' | 'male';
} {
  const woman = random() < 0.52;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let family = pick(FAMILY_NAMES);
  // One in twenty has a double-barrelled name, as many married women in Poland do.
  if (random() < 0.05) family = `${family}-${pick(FAMILY_NAMES)}`;
  return woman
    ? {
        givenName: pick(WOMEN),
        familyName: feminine(family).replace(/-(.*)$/, (_, b) => `-${feminine(b)}`),
        sex: 'female',
      }
    : { givenName: pick(MEN), familyName: family, sex: 'male' };
}

const isoDay = (base: string, days: number) => {
  const d = new Date(`${base}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The bench locality with `participants` participants (bulk SQL: 5,000 people and participants
 * per statement, about a hundred of them erased), a coordinator and an advisor, and one
 * participant with a full record inserted directly: consents, categories, labour statuses, an
 * open support plan with actions, reviews and step history, 20 advice sessions, 3 referrals,
 * appointments and a club membership. Idempotent: a second call only looks the data up.
 */
export async function seedParticipantScale(
  db: Db,
  opts: { participants: number; today?: string },
): Promise<{ slug: string; localityId: string; coordinatorEmail: string; recordId: string }> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const hash = await cachedHash(DEMO_PASSWORD);
  await db
    .insert(localities)
    .values({
      slug: PARTICIPANT_BENCH.slug,
      terytCode: PARTICIPANT_BENCH.terytCode,
      name: PARTICIPANT_BENCH.name,
      kind: 'urban',
      voivodeship: 'łódzkie',
      population: 650_000,
    })
    .onConflictDoNothing();
  const [loc] = await db
    .select({ id: localities.id })
    .from(localities)
    .where(sql`${localities.slug} = ${PARTICIPANT_BENCH.slug}`);
  const localityId = loc!.id;
  await db
    .insert(users)
    .values({
      email: PARTICIPANT_BENCH.coordinatorEmail,
      name: PARTICIPANT_BENCH.coordinatorName,
      passwordHash: hash,
    })
    .onConflictDoNothing();
  const [coordinator] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = ${PARTICIPANT_BENCH.coordinatorEmail}`);
  const userId = coordinator!.id;
  for (const role of ['coordinator', 'advisor'] as const) {
    await db.insert(memberships).values({ userId, localityId, role }).onConflictDoNothing();
  }

  const existing = await db
    .select({ id: people.id })
    .from(people)
    .where(
      sql`${people.localityId} = ${localityId} and ${people.email} = 'katarzyna.wojcik@bench.splot.demo'`,
    );
  if (existing[0]) {
    return {
      slug: PARTICIPANT_BENCH.slug,
      localityId,
      coordinatorEmail: PARTICIPANT_BENCH.coordinatorEmail,
      recordId: existing[0].id,
    };
  }

  const random = rng(4_2026);
  const CHUNK = 5_000;
  for (let start = 0; start < opts.participants; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, opts.participants - start) }, (_, k) => {
      const i = start + k;
      const n = benchName(random);
      const age = 18 + Math.floor(random() * 50);
      return {
        g: n.givenName,
        f: n.familyName,
        s: n.sex,
        b: isoDay(today, -age * 365 - Math.floor(random() * 365)),
        r: isoDay(today, -Math.floor(random() * 5 * 365)),
        st: random() < 0.12 ? 'closed' : 'active',
        ed: ['isced0_2', 'isced3_4', 'isced5_8', 'refused', ''][Math.floor(random() * 5)]!,
        // About one in five hundred was erased: anonymised, still counted in statistics.
        er: i % 500 === 499,
      };
    });
    await db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as t(g text, f text, s text, b date, r date, st text, ed text, er boolean)
      ), numbered as (
        select input.*, gen_random_uuid() as id from input
      ), person as (
        insert into ${people} (id, locality_id, given_name, family_name, legal_basis, created_by, erased_at)
        select id, ${localityId}, case when er then '' else g end, case when er then '' else f end,
          'public_task', ${userId}, case when er then now() end
        from numbered
        returning id
      )
      insert into ${participants} (person_id, locality_id, registered_on, registered_by, status, no_pesel,
        birth_date, sex, gender, education, closed_on, closed_reason)
      select n.id, ${localityId}, n.r, ${userId}, n.st, true, n.b, n.s,
        case n.s when 'female' then 'woman' else 'man' end, n.ed,
        case when n.st = 'closed' then n.r + 180 end, case when n.st = 'closed' then 'support_completed' else '' end
      from numbered n join person p on p.id = n.id
    `);
  }
  await db.execute(sql`analyze people`);
  await db.execute(sql`analyze participants`);
  const recordId = await seedFullRecord(db, { localityId, userId, today });
  return {
    slug: PARTICIPANT_BENCH.slug,
    localityId,
    coordinatorEmail: PARTICIPANT_BENCH.coordinatorEmail,
    recordId,
  };
}

/** One participant with everything a participant's page shows, inserted directly. */
async function seedFullRecord(
  db: Db,
  ctx: { localityId: string; userId: string; today: string },
): Promise<string> {
  const { localityId, userId, today } = ctx;
  const orgNames: [name: string, kind: string, legalForm: string][] = [
    ['Miejski Ośrodek Pomocy Społecznej w Łodzi', 'ops', 'budgetary_unit'],
    ['Powiatowy Urząd Pracy w Łodzi', 'pup', 'budgetary_unit'],
    ['Parafia Rzymskokatolicka pw. św. Józefa', 'parish', 'church_legal_person'],
    ['Spółdzielnia Socjalna „Łódzka Pracownia”', 'social_coop', 'social_cooperative'],
  ];
  const orgIds: string[] = [];
  for (const [name, kind, legalForm] of orgNames) {
    const folded = foldForSearch(name);
    const [org] = await db
      .insert(organisations)
      .values({ localityId, name, nameFolded: folded, nameKey: nameKey(folded), kind, legalForm })
      .returning({ id: organisations.id });
    orgIds.push(org!.id);
  }
  const [ops, pup, parish, coop] = orgIds as [string, string, string, string];
  const [person] = await db
    .insert(people)
    .values({
      localityId,
      givenName: 'Katarzyna',
      familyName: 'Wójcik-Śliwińska',
      email: 'katarzyna.wojcik@bench.splot.demo',
      phone: '+48 600 100 200',
      legalBasis: 'public_task',
      basisNote: 'Zadanie publiczne: reintegracja społeczna i zawodowa (u.e.s.)',
      createdBy: userId,
    })
    .returning({ id: people.id });
  const personId = person!.id;
  await db.insert(participants).values({
    personId,
    localityId,
    registeredOn: isoDay(today, -400),
    registeredBy: userId,
    noPesel: true,
    birthDate: '1984-03-12',
    sex: 'female',
    gender: 'woman',
    education: 'isced3_4',
    disability: 'refused',
    foreignBackground: 'no',
    thirdCountryNational: 'no',
    minority: 'refused',
    homeless: 'no',
    otherDisadvantage: 'yes',
  });
  const consents = await db
    .insert(participantConsents)
    .values([
      {
        localityId,
        personId,
        purpose: 'support',
        basis: 'public_task',
        givenOn: isoDay(today, -400),
        recordedBy: userId,
      },
      {
        localityId,
        personId,
        purpose: 'contact',
        basis: 'consent',
        givenOn: isoDay(today, -400),
        recordedBy: userId,
      },
      {
        localityId,
        personId,
        purpose: 'photos',
        basis: 'consent',
        givenOn: isoDay(today, -400),
        recordedBy: userId,
        withdrawnOn: isoDay(today, -100),
        withdrawnBy: userId,
        note: 'Wycofała zgodę na zdjęcia',
      },
      ...[pup, parish, coop].map((organisationId) => ({
        localityId,
        personId,
        purpose: 'share_partner',
        organisationId,
        basis: 'consent',
        givenOn: isoDay(today, -300),
        recordedBy: userId,
      })),
    ])
    .returning({ id: participantConsents.id, organisationId: participantConsents.organisationId });
  await db.insert(participantCategories).values([
    {
      personId,
      localityId,
      category: 'long_term_unemployed',
      evidence: 'Zaświadczenie z PUP',
      notedOn: isoDay(today, -400),
      recordedBy: userId,
    },
    {
      personId,
      localityId,
      category: 'social_assistance_beneficiary',
      evidence: 'Skierowanie z MOPS',
      notedOn: isoDay(today, -400),
      recordedBy: userId,
    },
  ]);
  await db.insert(labourStatuses).values([
    {
      localityId,
      personId,
      status: 'long_term_unemployed',
      fromDate: isoDay(today, -400),
      recordedBy: userId,
    },
    {
      localityId,
      personId,
      status: 'unemployed_registered',
      fromDate: isoDay(today, -200),
      recordedBy: userId,
    },
    {
      localityId,
      personId,
      status: 'employed',
      fromDate: isoDay(today, -20),
      note: 'Umowa na okres próbny',
      recordedBy: userId,
    },
  ]);
  // A closed earlier plan and the open one.
  const [oldPlan] = await db
    .insert(supportPlans)
    .values({
      localityId,
      personId,
      step: 'closed',
      needs: 'Aktywizacja po długiej przerwie',
      goals: 'Powrót do aktywności',
      startsOn: isoDay(today, -390),
      responsibleUserId: userId,
      agreedOn: isoDay(today, -385),
      closedOn: isoDay(today, -250),
      closingReason: 'goals_achieved',
      createdBy: userId,
    })
    .returning({ id: supportPlans.id });
  const [plan] = await db
    .insert(supportPlans)
    .values({
      localityId,
      personId,
      step: 'in_progress',
      needs:
        'Kwalifikacje zawodowe w gastronomii, wsparcie w opiece nad dzieckiem, doradztwo prawne (zadłużenie).',
      goals: 'Zatrudnienie w spółdzielni socjalnej; uregulowanie zadłużenia.',
      startsOn: isoDay(today, -240),
      responsibleUserId: userId,
      agreedOn: isoDay(today, -235),
      createdBy: userId,
    })
    .returning({ id: supportPlans.id });
  const planId = plan!.id;
  await db.insert(supportPlanSteps).values([
    { planId: oldPlan!.id, localityId, fromStep: '', toStep: 'draft', byUserId: userId },
    { planId: oldPlan!.id, localityId, fromStep: 'in_progress', toStep: 'closed', byUserId: userId },
    { planId, localityId, fromStep: '', toStep: 'draft', byUserId: userId },
    { planId, localityId, fromStep: 'draft', toStep: 'agreed', byUserId: userId },
    { planId, localityId, fromStep: 'agreed', toStep: 'in_progress', byUserId: userId },
  ]);
  const kinds = [
    'advice',
    'training',
    'self_education_group',
    'club_activities',
    'work_placement',
    'referral',
    'advice',
    'training',
  ];
  await db.insert(supportPlanActions).values(
    kinds.map((kind, i) => ({
      planId,
      localityId,
      kind,
      position: i + 1,
      description: `Działanie ${i + 1}: ${['doradztwo prawne', 'kurs kucharza', 'grupa samokształceniowa', 'zajęcia w klubie', 'staż w spółdzielni', 'skierowanie do PUP', 'doradztwo finansowe', 'kurs HACCP'][i]}`,
      responsibleUserId: i % 2 === 0 ? userId : null,
      responsibleOrganisationId: i % 2 === 1 ? coop : null,
      dueOn: isoDay(today, -200 + i * 40),
      status: i < 4 ? 'done' : 'planned',
      doneOn: i < 4 ? isoDay(today, -200 + i * 40) : null,
    })),
  );
  await db.insert(supportPlanReviews).values([
    {
      planId,
      localityId,
      dueOn: isoDay(today, -150),
      heldOn: isoDay(today, -148),
      note: 'Postępy zgodnie z planem',
      createdBy: userId,
    },
    {
      planId,
      localityId,
      dueOn: isoDay(today, -60),
      heldOn: isoDay(today, -58),
      note: 'Kurs ukończony',
      createdBy: userId,
    },
    { planId, localityId, dueOn: isoDay(today, 30), createdBy: userId },
  ]);
  await db.insert(supportOutcomes).values({
    localityId,
    personId,
    planId,
    kind: 'found_work',
    achievedOn: isoDay(today, -20),
    organisationId: coop,
    recordedBy: userId,
  });
  const adviceKinds = ['legal', 'financial', 'accounting', 'vocational', 'business'];
  await db.insert(adviceSessions).values(
    Array.from({ length: 20 }, (_, i) => ({
      localityId,
      kind: adviceKinds[i % adviceKinds.length]!,
      advisorUserId: userId,
      personId,
      givenOn: isoDay(today, -380 + i * 18),
      minutes: 30 + (i % 4) * 15,
      topic: `Porada ${i + 1}: ${['zadłużenie alimentacyjne', 'budżet domowy', 'rozliczenie PIT', 'ścieżka zawodowa', 'założenie spółdzielni'][i % 5]}`,
      notes: 'Omówiono sytuację i kolejne kroki; ustalono termin następnego spotkania.',
      confidential: i % 4 === 0,
      createdBy: userId,
    })),
  );
  const shareFor = (org: string) => consents.find((c) => c.organisationId === org)!.id;
  await db.insert(referrals).values([
    {
      localityId,
      personId,
      fromOrganisationId: ops,
      toOrganisationId: pup,
      consentId: shareFor(pup),
      reason: 'Rejestracja i oferta szkoleń',
      status: 'done',
      sentOn: isoDay(today, -300),
      sentBy: userId,
      respondedAt: new Date(),
      respondedBy: userId,
      doneOn: isoDay(today, -280),
      outcomeNote: 'Zarejestrowana',
    },
    {
      localityId,
      personId,
      fromOrganisationId: null,
      toOrganisationId: parish,
      consentId: shareFor(parish),
      reason: 'Klub rodzica i pomoc w opiece',
      shareContact: true,
      status: 'accepted',
      sentOn: isoDay(today, -120),
      sentBy: userId,
      respondedAt: new Date(),
      respondedBy: userId,
    },
    {
      localityId,
      personId,
      fromOrganisationId: null,
      toOrganisationId: coop,
      consentId: shareFor(coop),
      reason: 'Staż i zatrudnienie',
      sharedNote: 'Ukończony kurs kucharza',
      status: 'sent',
      sentOn: isoDay(today, -10),
      sentBy: userId,
    },
  ]);
  await db.insert(appointments).values([
    {
      localityId,
      kind: 'legal',
      personId,
      topic: 'Ugoda z wierzycielem',
      status: 'requested',
      requestedBy: userId,
    },
    {
      localityId,
      kind: 'vocational',
      personId,
      topic: 'Plan rozwoju zawodowego',
      status: 'done',
      requestedBy: userId,
    },
  ]);
  const [club] = await db
    .insert(clubs)
    .values({
      localityId,
      name: 'Klub Integracji Społecznej „Bałuty”',
      runByOrganisationId: ops,
      openedOn: isoDay(today, -900),
    })
    .returning({ id: clubs.id });
  await db.insert(clubMembers).values({
    localityId,
    clubId: club!.id,
    personId,
    joinedOn: isoDay(today, -330),
    socialContract: true,
    atRiskGroup: 'long_term_unemployed',
  });
  return personId;
}
