import { and, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { createApplication, createSource } from '../../app/features/financing/funding.server.ts';
import { createGrant } from '../../app/features/financing/grants.server.ts';
import { createOffer } from '../../app/features/financing/offers.server.ts';
import { addEvidence, createNiche, ensureCriteria } from '../../app/features/niches/niches.server.ts';
import { makeOrganisation } from '../../tests/factories/index.ts';
import type { Db } from '../client.ts';
import {
  enterpriseJobs,
  enterprises,
  fundingApplications,
  initiatives,
  memberships,
  organisations,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type Ctx = Awaited<ReturnType<typeof coordinatorContext>>;
type Places = { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place };

type NicheSeed = {
  name: string;
  sector: string;
  description: string;
  demand: string;
  competition: 'low' | 'medium' | 'high';
  status: 'identified' | 'researching' | 'pursued' | 'dropped';
  scores: Record<string, number>;
  evidence: { source: string; description: string; amount?: string; days: number; org?: string }[];
  /** Initiatives whose name or idea matches one of these patterns pursue the niche. */
  match: string[];
};

const NICHES: Record<'kwilcz' | 'wagrowiec' | 'poznan', NicheSeed[]> = {
  kwilcz: [
    {
      name: 'Opieka nad osobami starszymi w domu',
      sector: 'usługi opiekuńcze',
      description: 'Usługi opiekuńcze i asystenckie dla seniorów z gminy, zlecane przez GOPS.',
      demand: '180000',
      competition: 'low',
      status: 'pursued',
      scores: { demand: 5, skills: 4, startup_cost: 4, competition: 5, social_value: 5 },
      evidence: [
        {
          source: 'municipality',
          description: 'GOPS: 24 osoby czekają na usługi opiekuńcze',
          amount: '150000',
          days: -60,
        },
        {
          source: 'residents',
          description: 'Ankieta sołectw: 41 rodzin potrzebuje wsparcia w opiece',
          days: -30,
        },
      ],
      match: ['%opiek%', '%senior%'],
    },
    {
      name: 'Lokalne przetwórstwo żywności',
      sector: 'przetwórstwo spożywcze',
      description: 'Przetwory z owoców i warzyw od rolników z gminy; sprzedaż na targach i do szkół.',
      demand: '90000',
      competition: 'medium',
      status: 'researching',
      scores: { demand: 3, skills: 4, startup_cost: 2, social_value: 4 },
      evidence: [
        {
          source: 'partner',
          description: 'Koło gospodyń wiejskich: zbyt na przetwory na jarmarkach',
          days: -45,
        },
      ],
      match: ['%przetw%', '%żywn%', '%zagrod%'],
    },
  ],
  wagrowiec: [
    {
      name: 'Catering dla szkół',
      sector: 'gastronomia',
      description: 'Obiady dla szkół podstawowych i przedszkoli miejskich.',
      demand: '420000',
      competition: 'medium',
      status: 'researching',
      scores: { demand: 5, skills: 3, startup_cost: 2, competition: 3, social_value: 4 },
      evidence: [
        {
          source: 'municipality',
          description: 'Zamówienie miasta na żywienie w 3 szkołach (przetarg co rok)',
          amount: '380000',
          days: -90,
        },
        {
          source: 'residents',
          description: 'Rada rodziców: potrzeba obiadów z lokalnych produktów',
          days: -20,
        },
      ],
      match: ['%catering%', '%stołów%', '%obiad%'],
    },
    {
      name: 'Utrzymanie zieleni miejskiej',
      sector: 'usługi komunalne',
      description: 'Koszenie, nasadzenia i pielęgnacja terenów zielonych na zlecenie miasta.',
      demand: '250000',
      competition: 'high',
      status: 'pursued',
      scores: { demand: 4, skills: 5, startup_cost: 3, competition: 2, social_value: 4 },
      evidence: [
        {
          source: 'municipality',
          description: 'Miasto zleca pielęgnację zieleni w częściach po 50 tys. zł (klauzule społeczne)',
          amount: '250000',
          days: -120,
        },
      ],
      match: ['%zieleń%', '%zielon%', '%ogrod%'],
    },
  ],
  poznan: [
    {
      name: 'Naprawa rowerów',
      sector: 'usługi naprawcze',
      description: 'Warsztat i mobilny serwis rowerów, także dla firm z flotami rowerów.',
      demand: '120000',
      competition: 'medium',
      status: 'identified',
      scores: { demand: 3, skills: 4, startup_cost: 4, competition: 3, social_value: 3 },
      evidence: [
        { source: 'residents', description: 'Rada osiedla: brak serwisu rowerowego w okolicy', days: -15 },
      ],
      match: ['%rower%'],
    },
    {
      name: 'Sprzątanie biur',
      sector: 'usługi porządkowe',
      description: 'Sprzątanie biur i urzędów; zamówienia z klauzulami społecznymi.',
      demand: '600000',
      competition: 'high',
      status: 'pursued',
      scores: { demand: 5, skills: 4, startup_cost: 5, competition: 2, social_value: 3 },
      evidence: [
        {
          source: 'municipality',
          description: 'Urząd miasta: zamówienie zastrzeżone na sprzątanie (art. 94 Pzp)',
          amount: '320000',
          days: -75,
        },
        {
          source: 'partner',
          description: 'Firma z biurowca: zapytanie o stałą usługę',
          amount: '48000',
          days: -10,
          org: 'business',
        },
      ],
      match: ['%sprząt%', '%porządk%'],
    },
    {
      name: 'Kawiarnie społeczne',
      sector: 'gastronomia',
      description: 'Kawiarnie zatrudniające osoby z niepełnosprawnościami.',
      demand: '200000',
      competition: 'high',
      status: 'pursued',
      scores: { demand: 3, skills: 3, startup_cost: 2, competition: 1, social_value: 5 },
      evidence: [{ source: 'partner', description: 'Centrum kultury: lokal na kawiarnię w holu', days: -50 }],
      match: ['%kawiar%', '%kawy%', '%café%'],
    },
  ],
};

const BUSINESSES: Record<'kwilcz' | 'wagrowiec' | 'poznan', string[]> = {
  kwilcz: ['Gospodarstwo Sadownicze Nowak', 'Tartak Kwilcz sp. z o.o.'],
  wagrowiec: ['Drukarnia Pałucka sp. z o.o.', 'Hurtownia Spożywcza „Wągrowianka”'],
  poznan: ['Biurowiec Malta Office sp. z o.o.', 'Serwis Rowerowy Rataje'],
};

/** The locality's business organisations of the directory (two are made when it has none). */
async function businessPartners(db: Db, place: Place, key: keyof typeof BUSINESSES): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, place.locality.id),
        inArray(organisations.kind, ['business', 'company']),
      ),
    )
    .limit(3);
  if (rows.length >= 2) return rows.map((r) => r.id);
  const made: string[] = rows.map((r) => r.id);
  for (const name of BUSINESSES[key].slice(rows.length))
    made.push(
      (await makeOrganisation(db, { localityId: place.locality.id, name, kind: 'business', city: '' })).id,
    );
  return made;
}

async function seedNiches(db: Db, ctx: Ctx, today: string, niches: NicheSeed[], partners: string[]) {
  await ensureCriteria(db, ctx.locality.localityId);
  for (const n of niches) {
    const values: Record<string, string> = {
      name: n.name,
      sector: n.sector,
      description: n.description,
      estimatedDemandPln: n.demand,
      competition: n.competition,
      status: n.status,
    };
    for (const [k, s] of Object.entries(n.scores)) values[`score_${k}`] = String(s);
    const id = await createNiche(db, { ...ctx, values });
    for (const e of n.evidence)
      await addEvidence(db, {
        ...ctx,
        nicheId: id,
        values: {
          source: e.source,
          description: e.description,
          amountPln: e.amount ?? '',
          recordedOn: daysFrom(today, e.days),
          organisationId: e.org ? (partners[0] ?? '') : '',
        },
      });
    const like = n.match.flatMap((p) => [ilike(initiatives.name, p), ilike(initiatives.idea, p)]);
    await db
      .update(initiatives)
      .set({ nicheId: id })
      .where(
        and(eq(initiatives.localityId, ctx.locality.localityId), isNull(initiatives.nicheId), or(...like)),
      );
  }
}

async function seedOffers(db: Db, ctx: Ctx, today: string, partners: string[]) {
  const [a, b] = partners;
  const offers = [
    {
      org: a,
      kind: 'orders',
      title: 'Stałe zlecenia na usługi dla firmy',
      value: '24000',
      from: -30,
      to: 180,
      status: 'open',
    },
    {
      org: b ?? a,
      kind: 'mentoring',
      title: 'Mentoring księgowy i marketingowy (4 h w miesiącu)',
      value: '',
      from: -60,
      to: 300,
      status: 'open',
    },
    {
      org: b ?? a,
      kind: 'equipment',
      title: 'Przekazanie używanego sprzętu biurowego',
      value: '6500',
      from: -90,
      to: -10,
      status: 'closed',
    },
  ];
  for (const o of offers)
    await createOffer(db, {
      ...ctx,
      values: {
        organisationId: o.org ?? '',
        kind: o.kind,
        title: o.title,
        description: '',
        valuePln: o.value,
        validFrom: daysFrom(today, o.from),
        validTo: daysFrom(today, o.to),
        status: o.status,
      },
    });
}

/** The organisation a partner representative of the locality speaks for (the parish in Wągrowiec). */
async function partnerRepOrganisation(db: Db, place: Place): Promise<string | null> {
  const [row] = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.localityId, place.locality.id), eq(memberships.role, 'partner_rep')))
    .limit(1);
  return row?.id ?? null;
}

const SOURCES = (gmina: string) => [
  {
    key: 'efs',
    name: 'Fundusze Europejskie dla Wielkopolski (EFS+) — przez OWES',
    kind: 'efs_plus',
    description:
      'Dotacje na utworzenie miejsc pracy i wsparcie pomostowe w przedsiębiorstwach społecznych, przez Ośrodek Wsparcia Ekonomii Społecznej.',
    url: 'https://funduszeue.wielkopolskie.pl/',
  },
  {
    key: 'fp',
    name: 'Fundusz Pracy — przez Powiatowy Urząd Pracy',
    kind: 'labour_fund',
    description:
      'Jednorazowe środki na założenie lub przystąpienie do spółdzielni socjalnej; refundacja wyposażenia stanowiska pracy.',
    url: '',
  },
  {
    key: 'pfron',
    name: 'PFRON',
    kind: 'pfron',
    description: 'Dofinansowanie zatrudnienia osób z niepełnosprawnościami.',
    url: 'https://www.pfron.org.pl/',
  },
  {
    key: 'gmina',
    name: `Program grantowy gminy ${gmina}`,
    kind: 'municipality',
    description: 'Małe granty gminy na zadania publiczne.',
    url: '',
  },
];

async function enterpriseByName(db: Db, localityId: string, pattern: string) {
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(and(eq(enterprises.localityId, localityId), ilike(organisations.name, pattern)))
    .limit(1);
  return row?.id ?? null;
}

async function anyEnterprise(db: Db, localityId: string) {
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.localityId, localityId))
    .limit(1);
  return row?.id ?? null;
}

async function seedFunding(
  db: Db,
  ctx: Ctx,
  today: string,
  place: Place,
  key: 'kwilcz' | 'wagrowiec' | 'poznan',
) {
  const src: Record<string, string> = {};
  for (const s of SOURCES(place.locality.name)) {
    const { key: k, ...values } = s;
    src[k] = await createSource(db, { ...ctx, values });
  }
  const localityId = ctx.locality.localityId;
  const enterprise =
    key === 'wagrowiec'
      ? await enterpriseByName(db, localityId, '%Zielona Pracownia%')
      : await anyEnterprise(db, localityId);
  const apps: {
    call: string;
    source: string;
    deadline: number;
    amount: string;
    status: string;
    sub?: number;
    dec?: number;
  }[] = [
    {
      call: 'Nabór OWES: dotacje na miejsca pracy (runda 3)',
      source: 'efs',
      deadline: 5,
      amount: '84000',
      status: 'planned',
    },
    {
      call: `Mały grant gminy ${place.locality.name} na usługi społeczne`,
      source: 'gmina',
      deadline: 12,
      amount: '10000',
      status: 'planned',
    },
    {
      call: 'PFRON: refundacja wynagrodzeń',
      source: 'pfron',
      deadline: 20,
      amount: '36000',
      status: 'submitted',
      sub: -3,
    },
    {
      call: 'Nabór OWES: dotacje na miejsca pracy (runda 2)',
      source: 'efs',
      deadline: -120,
      amount: '60000',
      status: 'granted',
      sub: -130,
      dec: -100,
    },
    {
      call: 'Fundusz Pracy: wyposażenie stanowiska',
      source: 'fp',
      deadline: -60,
      amount: '30000',
      status: 'rejected',
      sub: -70,
      dec: -40,
    },
    {
      call: 'Konkurs gminy na animację lokalną',
      source: 'gmina',
      deadline: -20,
      amount: '8000',
      status: 'withdrawn',
    },
  ];
  const appIds: Record<string, string> = {};
  for (const a of apps) {
    const id = await createApplication(db, {
      ...ctx,
      values: {
        sourceId: src[a.source] ?? '',
        callName: a.call,
        deadline: daysFrom(today, a.deadline),
        amountPln: a.amount,
        enterpriseId: enterprise ?? '',
        initiativeId: '',
        notes: '',
      },
    });
    appIds[a.status] = id;
    if (a.status !== 'planned')
      await db
        .update(fundingApplications)
        .set({
          status: a.status,
          submittedOn: a.sub === undefined ? null : daysFrom(today, a.sub),
          decidedOn: a.dec === undefined ? null : daysFrom(today, a.dec),
        })
        .where(eq(fundingApplications.id, id));
  }
  if (!enterprise) return;
  // A job-creation grant from the granted application, its obligation ending within the reminder window.
  const jobGrant = await createGrant(db, {
    ...ctx,
    values: {
      sourceId: src.efs ?? '',
      applicationId: appIds.granted ?? '',
      enterpriseId: enterprise,
      kind: 'job_creation',
      title: 'Dotacja OWES na utworzenie 2 miejsc pracy',
      amountPln: '60000',
      awardedOn: daysFrom(today, -100),
      obligation: 'Utrzymanie 2 miejsc pracy dla osób zagrożonych wykluczeniem przez 12 miesięcy.',
      obligationUntil: daysFrom(today, key === 'wagrowiec' ? 20 : 200),
      dueOn_0: daysFrom(today, -95),
      amount_0: '60000',
    },
  });
  await db.execute(sql`update grant_instalments set paid_on = due_on where grant_id = ${jobGrant}`);
  const jobs = await db
    .select({ id: enterpriseJobs.id })
    .from(enterpriseJobs)
    .where(and(eq(enterpriseJobs.enterpriseId, enterprise), isNull(enterpriseJobs.grantId)))
    .orderBy(sql`${enterpriseJobs.atRiskCategory} is null`, enterpriseJobs.startOn)
    .limit(2);
  if (jobs.length)
    await db
      .update(enterpriseJobs)
      .set({ grantId: jobGrant })
      .where(
        inArray(
          enterpriseJobs.id,
          jobs.map((j) => j.id),
        ),
      );
  // Bridging support: 6 equal monthly instalments, the first two paid.
  const bridging = await createGrant(db, {
    ...ctx,
    values: {
      sourceId: src.efs ?? '',
      enterpriseId: enterprise,
      kind: 'bridging',
      title: 'Wsparcie pomostowe (6 miesięcy)',
      amountPln: '15000',
      awardedOn: daysFrom(today, -70),
      obligation: 'Prowadzenie działalności przez okres wsparcia.',
      obligationUntil: daysFrom(today, 120),
      months: '6',
      firstDueOn: daysFrom(today, -60),
    },
  });
  await db.execute(sql`
    update grant_instalments set paid_on = due_on
    where grant_id = ${bridging} and due_on <= ${daysFrom(today, -20)}`);
}

/**
 * Demo data for market niches, business partners' offers and financing, in every locality:
 * default criteria, niches with evidence (initiatives linked by their name or idea), offers from
 * business organisations, the four kinds of funding sources, applications in each status (two
 * planned with a deadline within the reminder window) and grants for an enterprise — in Wągrowiec
 * a job-creation grant for „Zielona Pracownia” whose obligation ends within 30 days, and a bridging
 * grant with 6 monthly instalments.
 */
export async function seedNichesFinancing(db: Db, places: Places): Promise<void> {
  const { today } = places;
  for (const key of ['kwilcz', 'wagrowiec', 'poznan'] as const) {
    const place = places[key];
    const ctx = await coordinatorContext(db, place);
    const partners = await businessPartners(db, place, key);
    await seedNiches(db, ctx, today, NICHES[key], partners);
    await seedOffers(db, ctx, today, partners);
    const parish = key === 'wagrowiec' ? await partnerRepOrganisation(db, place) : null;
    if (parish)
      await createOffer(db, {
        ...ctx,
        values: {
          organisationId: parish,
          kind: 'premises',
          title: 'Sala parafialna na warsztaty (2 dni w tygodniu)',
          description: 'Bezpłatnie, z dostępem do kuchni.',
          valuePln: '1200',
          validFrom: daysFrom(today, -10),
          validTo: '',
          status: 'open',
        },
      });
    await seedFunding(db, ctx, today, place, key);
  }
}
