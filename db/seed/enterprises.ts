import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { addMonths } from '../../app/features/enterprises/enterprises.rules.ts';
import {
  addDecision,
  createEnterprise,
  createJob,
} from '../../app/features/enterprises/enterprises.server.ts';
import { recheckAllEnterprises } from '../../app/features/enterprises/legal/legal.server.ts';
import { dateInputValue } from '../../app/lib/dates.ts';
import { makeOrganisation } from '../../tests/factories/index.ts';
import type { Db } from '../client.ts';
import {
  enterpriseMembers,
  enterpriseMonthlyFigures,
  enterprises,
  organisations,
  participantCategories,
  people,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type Ctx = Awaited<ReturnType<typeof coordinatorContext>>;
type Places = { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place };

const d = (iso: string) => dateInputValue(iso);

/** An organisation of the directory by name (made when the locality's directory lacks it). */
async function organisation(
  db: Db,
  place: Place,
  name: string,
  kind: Parameters<typeof makeOrganisation>[1]['kind'],
  legalForm?: Parameters<typeof makeOrganisation>[1]['legalForm'],
): Promise<string> {
  const [hit] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.localityId, place.locality.id), eq(organisations.name, name)))
    .limit(1);
  if (hit) return hit.id;
  return (await makeOrganisation(db, { localityId: place.locality.id, name, kind, legalForm, city: '' })).id;
}

/** People of the locality, those with a recorded at-risk category first. */
async function localPeople(db: Db, place: Place, n: number) {
  return db
    .select({
      id: people.id,
      name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
      atRisk: sql<boolean>`exists (select 1 from ${participantCategories} pc where pc.person_id = ${people.id})`,
    })
    .from(people)
    .where(and(eq(people.localityId, place.locality.id), isNull(people.erasedAt)))
    .orderBy(
      sql`4 - (exists (select 1 from participant_categories pc where pc.person_id = ${people.id}))::int`,
      asc(people.familyName),
    )
    .limit(n);
}

/** Monthly figures for `months` months up to last month: own revenue grows, grants fall. */
function figureRows(
  place: Place,
  enterpriseId: string,
  today: string,
  months: number,
  shape: { own: [number, number]; grants: [number, number]; costs: [number, number]; headcount: number },
) {
  const first = addMonths(`${today.slice(0, 7)}-01`, -months);
  return Array.from({ length: months }, (_, i) => {
    const f = months === 1 ? 1 : i / (months - 1);
    const lerp = ([a, b]: [number, number]) => Math.round(a + (b - a) * f);
    return {
      localityId: place.locality.id,
      enterpriseId,
      month: addMonths(first, i),
      ownRevenuePln: String(lerp(shape.own)),
      grantsPln: String(lerp(shape.grants)),
      costsPln: String(lerp(shape.costs)),
      headcount: shape.headcount,
      customers: 5 + Math.round(f * 30),
    };
  });
}

type MemberSeed = {
  name: string;
  personId?: string | null;
  atRisk?: boolean;
  founder?: boolean;
  share?: string;
  kind?: 'natural' | 'legal';
};

async function addMembers(
  db: Db,
  place: Place,
  enterpriseId: string,
  joinedOn: string,
  members: MemberSeed[],
) {
  if (!members.length) return;
  await db.insert(enterpriseMembers).values(
    members.map((m) => ({
      localityId: place.locality.id,
      enterpriseId,
      kind: m.kind ?? 'natural',
      personId: m.personId ?? null,
      displayName: m.name,
      atRisk: m.atRisk ?? false,
      atRiskCategory: m.atRisk ? 'unemployed' : null,
      isFounder: m.founder ?? true,
      shareCapitalPln: m.share ?? '0',
      joinedOn,
    })),
  );
}

type JobSeed = {
  position: string;
  person?: { id: string; name: string; atRisk: boolean } | undefined;
  name?: string;
  contract?: string;
  fte?: string;
  start: number;
  end?: number;
  atRisk?: boolean;
  note?: string;
  keep?: number;
};

async function addJobs(db: Db, ctx: Ctx, today: string, enterpriseId: string, jobs: JobSeed[]) {
  for (const j of jobs) {
    await createJob(db, {
      ...ctx,
      enterpriseId,
      values: {
        position: j.position,
        personId: j.person?.id ?? '',
        displayName: j.person ? '' : (j.name ?? ''),
        contractType: j.contract ?? 'employment',
        fte: j.fte ?? '1',
        startOn: d(daysFrom(today, j.start)),
        endOn: j.end === undefined ? '' : d(daysFrom(today, j.end)),
        atRiskCategory: j.person?.atRisk ? 'auto' : j.atRisk ? 'long_term_unemployed' : 'none',
        fundingNote: j.note ?? '',
        keepUntil: j.keep === undefined ? '' : d(daysFrom(today, j.keep)),
      },
    });
  }
}

async function enterprise(db: Db, ctx: Ctx, organisationId: string, values: Record<string, string>) {
  const [has] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.organisationId, organisationId))
    .limit(1);
  if (has) return { id: has.id, fresh: false };
  return { id: await createEnterprise(db, { ...ctx, organisationId, values }), fresh: true };
}

/**
 * Demo enterprises in all three localities, through the real use-cases: Wągrowiec's social
 * cooperative „Zielona Pracownia” (18 months reaching break-even, members with share capital,
 * jobs for people at risk, status granted; one job's obligation ends within the reminder
 * window), a foundation with economic activity and a non-profit company in Poznań, a small
 * social cooperative of 5 in Kwilcz that fails the status check (2 eligible employees), and
 * figures and jobs for the enterprises the initiatives seed founded.
 */
export async function seedEnterprises(db: Db, places: Places): Promise<void> {
  const { today, wagrowiec, poznan, kwilcz } = places;

  // Wągrowiec: „Zielona Pracownia”.
  const wg = await coordinatorContext(db, wagrowiec);
  const zpOrg = await organisation(db, wagrowiec, 'Spółdzielnia Socjalna „Zielona Pracownia”', 'social_coop');
  const zpReg = daysFrom(today, -700);
  const zp = await enterprise(db, wg, zpOrg, {
    registeredOn: d(zpReg),
    foundedBy: 'natural',
    aimReintegration: 'on',
    aimSocialServices: 'on',
    servicesToLocality:
      'Utrzymanie zieleni miejskiej, skwerów i terenów przy szkołach; ogródki społeczne przy klubie.',
    beneficiaries: 'Mieszkańcy osiedli, szkoły, seniorzy z klubu; pracownicy — osoby długotrwale bezrobotne.',
    offerSummary: 'Pielęgnacja zieleni, nasadzenia, koszenie, zimowe utrzymanie chodników.',
    openingCash: '12 000,00',
  });
  if (zp.fresh) {
    const ppl = await localPeople(db, wagrowiec, 6);
    await addMembers(db, wagrowiec, zp.id, zpReg, [
      ...ppl
        .slice(0, 5)
        .map((p, i) => ({ name: p.name, personId: p.id, atRisk: p.atRisk || i < 4, share: '500.00' })),
      { name: 'Anna Kaczmarek', share: '500.00', atRisk: false },
    ]);
    await db.insert(enterpriseMonthlyFigures).values(
      figureRows(wagrowiec, zp.id, today, 18, {
        own: [4000, 24000],
        grants: [16000, 2000],
        costs: [17000, 21000],
        headcount: 6,
      }),
    );
    await addJobs(db, wg, today, zp.id, [
      {
        position: 'Ogrodnik',
        person: ppl[0],
        atRisk: true,
        start: -680,
        note: 'Dotacja PUP na utworzenie stanowiska (art. 46)',
        keep: 25,
      },
      {
        position: 'Ogrodniczka',
        person: ppl[1],
        atRisk: true,
        start: -680,
        note: 'Dotacja PUP na utworzenie stanowiska (art. 46)',
        keep: 25,
      },
      {
        position: 'Pracownik gospodarczy',
        person: ppl[2],
        atRisk: true,
        start: -600,
        fte: '0,75',
        note: 'FEW 2021–2027, Działanie 6.9',
        keep: 200,
      },
      {
        position: 'Koordynatorka zleceń',
        person: ppl[3],
        contract: 'cooperative_employment',
        start: -500,
        note: 'środki własne',
      },
      {
        position: 'Pomocnik ogrodnika',
        person: ppl[4],
        fte: '0,5',
        start: -400,
        end: -120,
        note: 'FEW 2021–2027, Działanie 6.9',
        keep: -130,
      },
      {
        position: 'Księgowa',
        name: 'Anna Kaczmarek',
        contract: 'mandate',
        fte: '0,25',
        start: -650,
        note: 'środki własne',
      },
    ]);
    await addDecision(db, {
      ...wg,
      enterpriseId: zp.id,
      values: {
        kind: 'krs_registered',
        decidedOn: d(zpReg),
        number: 'KRS 0000987654',
        authority: 'Sąd Rejonowy Poznań – Nowe Miasto i Wilda',
      },
    });
    await addDecision(db, {
      ...wg,
      enterpriseId: zp.id,
      values: {
        kind: 'ps_granted',
        decidedOn: d(daysFrom(today, -420)),
        number: 'WPS-II.8531.12.2025',
        authority: 'Wojewoda Wielkopolski',
      },
    });
  }

  // Poznań: a foundation with economic activity and a non-profit company.
  const pz = await coordinatorContext(db, poznan);
  const fOrg = await organisation(
    db,
    poznan,
    'Fundacja „Dobry Start” (działalność gospodarcza)',
    'foundation',
    'foundation',
  );
  const fReg = daysFrom(today, -900);
  const f = await enterprise(db, pz, fOrg, {
    registeredOn: d(fReg),
    foundedBy: 'legal',
    aimReintegration: 'on',
    servicesToLocality: 'Kawiarnia społeczna przy klubie; catering na spotkania partnerstwa.',
    beneficiaries: 'Młodzież opuszczająca pieczę zastępczą; mieszkańcy Jeżyc.',
    offerSummary: 'Kawiarnia, catering, warsztaty kulinarne.',
    openingCash: '40 000,00',
  });
  const npOrg = await organisation(
    db,
    poznan,
    'Poznańskie Usługi Opiekuńcze sp. z o.o. non-profit',
    'business',
    'non_profit_company',
  );
  const npReg = daysFrom(today, -300);
  const np = await enterprise(db, pz, npOrg, {
    registeredOn: d(npReg),
    foundedBy: 'legal',
    aimSocialServices: 'on',
    servicesToLocality: 'Usługi opiekuńcze w domu dla seniorów na zlecenie MOPR.',
    beneficiaries: 'Seniorzy i osoby z niepełnosprawnością.',
    offerSummary: 'Usługi opiekuńcze, asystencja osobista.',
    openingCash: '25 000,00',
  });
  const pzPeople = await localPeople(db, poznan, 8);
  if (f.fresh) {
    await db.insert(enterpriseMonthlyFigures).values(
      figureRows(poznan, f.id, today, 12, {
        own: [9000, 15000],
        grants: [8000, 6000],
        costs: [20000, 22000],
        headcount: 4,
      }),
    );
    await addJobs(db, pz, today, f.id, [
      {
        position: 'Barista',
        person: pzPeople[0],
        atRisk: true,
        start: -800,
        note: 'Fundusze Europejskie dla Wielkopolski',
        keep: 300,
      },
      {
        position: 'Kucharz',
        person: pzPeople[1],
        start: -760,
        note: 'Fundusze Europejskie dla Wielkopolski',
        keep: 300,
      },
      { position: 'Pomoc kuchenna', person: pzPeople[2], fte: '0,5', start: -380, note: 'środki własne' },
      { position: 'Kelnerka', name: 'Maria Lis', start: -700, end: -500 },
    ]);
  }
  if (np.fresh) {
    await db.insert(enterpriseMonthlyFigures).values(
      figureRows(poznan, np.id, today, 8, {
        own: [6000, 14000],
        grants: [10000, 9000],
        costs: [18000, 19000],
        headcount: 5,
      }),
    );
    await addJobs(db, pz, today, np.id, [
      {
        position: 'Opiekunka',
        person: pzPeople[3],
        atRisk: true,
        start: -280,
        note: 'Dotacja PUP (art. 46)',
        keep: 450,
      },
      {
        position: 'Opiekunka',
        person: pzPeople[4],
        start: -280,
        fte: '0,75',
        note: 'Dotacja PUP (art. 46)',
        keep: 450,
      },
      { position: 'Opiekun', person: pzPeople[5], start: -200, note: 'środki własne' },
      { position: 'Asystentka osobista', person: pzPeople[6], fte: '0,5', start: -150, contract: 'mandate' },
    ]);
  }

  // Kwilcz: a small social cooperative of 5 that fails the status check (2 eligible employees).
  const kw = await coordinatorContext(db, kwilcz);
  const kOrg = await organisation(
    db,
    kwilcz,
    'Spółdzielnia Socjalna „Kwilecka Zagroda”',
    'social_coop',
    'social_cooperative',
  );
  const kReg = daysFrom(today, -240);
  const k = await enterprise(db, kw, kOrg, {
    registeredOn: d(kReg),
    foundedBy: 'natural',
    aimReintegration: 'on',
    servicesToLocality: 'Catering dla szkoły i przedszkola w Kwilczu; przetwory z lokalnych owoców.',
    beneficiaries: 'Dzieci ze szkoły, rolnicy sprzedający owoce, członkowie spółdzielni.',
    offerSummary: 'Obiady, przetwory, catering na uroczystości gminne.',
    openingCash: '8 000,00',
  });
  if (k.fresh) {
    const kwPeople = await localPeople(db, kwilcz, 5);
    const names = ['Barbara Nowak', 'Tomasz Wrona', 'Halina Mazur', 'Krzysztof Sowa', 'Jolanta Kruk'];
    await addMembers(
      db,
      kwilcz,
      k.id,
      kReg,
      names.map((name, i) => ({
        name: kwPeople[i]?.name ?? name,
        personId: kwPeople[i]?.id ?? null,
        atRisk: i < 3,
        share: '200.00',
      })),
    );
    await db.insert(enterpriseMonthlyFigures).values(
      figureRows(kwilcz, k.id, today, 7, {
        own: [2000, 7000],
        grants: [9000, 7000],
        costs: [11000, 12000],
        headcount: 3,
      }),
    );
    await addJobs(db, kw, today, k.id, [
      {
        position: 'Kucharka',
        name: names[0],
        atRisk: true,
        start: -230,
        note: 'Dotacja PUP (art. 46)',
        keep: 135,
      },
      {
        position: 'Pomoc kuchenna',
        name: names[1],
        atRisk: true,
        start: -230,
        fte: '0,5',
        note: 'Dotacja PUP (art. 46)',
        keep: 135,
      },
      { position: 'Kierowca', name: names[2], fte: '0,25', start: -200, contract: 'mandate' },
    ]);
  }

  // Enterprises the initiatives seed founded: six months of figures and two jobs each.
  const founded = await db
    .select({
      id: enterprises.id,
      localityId: enterprises.localityId,
      registeredOn: enterprises.registeredOn,
    })
    .from(enterprises)
    .where(
      and(
        isNotNull(enterprises.initiativeId),
        inArray(enterprises.localityId, [kwilcz.locality.id, wagrowiec.locality.id, poznan.locality.id]),
        sql`not exists (select 1 from enterprise_monthly_figures f where f.enterprise_id = ${enterprises.id})`,
      ),
    );
  for (const e of founded) {
    const place = [kwilcz, wagrowiec, poznan].find((p) => p.locality.id === e.localityId)!;
    const ctx = await coordinatorContext(db, place);
    const start =
      e.registeredOn && e.registeredOn > daysFrom(today, -150) ? e.registeredOn : daysFrom(today, -150);
    const offset = Math.round((Date.parse(start) - Date.parse(today)) / 86_400_000) + 1;
    await db.insert(enterpriseMonthlyFigures).values(
      figureRows(place, e.id, today, 6, {
        own: [1000, 6000],
        grants: [8000, 8000],
        costs: [9000, 11000],
        headcount: 2,
      }),
    );
    if (offset <= 0)
      await addJobs(db, ctx, today, e.id, [
        {
          position: 'Pracownik',
          name: 'Pracownik spółdzielni',
          atRisk: true,
          start: offset,
          note: 'Dotacja na utworzenie stanowiska',
          keep: offset + 365,
        },
        {
          position: 'Pracownica',
          name: 'Pracownica spółdzielni',
          atRisk: true,
          start: offset,
          fte: '0,5',
          note: 'Dotacja na utworzenie stanowiska',
          keep: offset + 365,
        },
      ]);
  }

  await recheckAllEnterprises(db, { today, mail: { send: async () => {} }, baseUrl: '' });
}
