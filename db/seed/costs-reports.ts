import { and, asc, eq } from 'drizzle-orm';
import { defaultPeriod } from '../../app/features/costs/costs.rules.ts';
import { recordDonation } from '../../app/features/costs/donations.server.ts';
import type { Db } from '../client.ts';
import { organisations, supportCosts } from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type DonationSeed = {
  kind: 'money' | 'goods';
  /** An organisation of this kind in the directory (the first by name), or a named donor. */
  donor: { orgKind: string } | { name: string };
  description: string;
  value: string;
  daysAgo: number;
};

/** Monthly support costs per category; the larger the locality, the larger the budget. */
const COSTS: Record<'kwilcz' | 'wagrowiec' | 'poznan', [string, string, string][]> = {
  kwilcz: [
    ['staff', 'Animator (1/4 etatu)', '1450.00'],
    ['materials', 'Materiały na zajęcia', '180.50'],
    ['travel', 'Dojazdy do sołectw', '120.00'],
  ],
  wagrowiec: [
    ['staff', 'Koordynator i doradca (1,5 etatu)', '9800.00'],
    ['premises', 'Media i sprzątanie', '650.00'],
    ['materials', 'Materiały szkoleniowe', '420.00'],
    ['services', 'Księgowość', '700.00'],
    ['travel', 'Dojazdy', '260.00'],
  ],
  poznan: [
    ['staff', 'Zespół Centrum (4 etaty)', '31500.00'],
    ['premises', 'Czynsz i media', '4200.00'],
    ['materials', 'Materiały i wyposażenie', '1350.00'],
    ['services', 'Księgowość, IT, szkolenia', '3100.00'],
    ['travel', 'Dojazdy i delegacje', '780.00'],
    ['other', 'Ubezpieczenia i opłaty', '410.00'],
  ],
};

const DONATIONS: Record<'kwilcz' | 'wagrowiec' | 'poznan', DonationSeed[]> = {
  kwilcz: [
    // Kwilcz's directory starts empty: its donors are named.
    {
      kind: 'money',
      donor: { name: 'Sklep spożywczy „U Basi” w Kwilczu' },
      description: 'Wpłata na materiały do zajęć klubu',
      value: '1500,00',
      daysAgo: 150,
    },
    {
      kind: 'goods',
      donor: { name: 'Mieszkańcy sołectwa Mościejewo' },
      description: 'Żywność na spotkanie wigilijne',
      value: '420,00',
      daysAgo: 340,
    },
    {
      kind: 'goods',
      donor: { name: 'Parafia pw. św. Wawrzyńca w Kwilczu' },
      description: 'Stoły i krzesła do świetlicy',
      value: '1800,00',
      daysAgo: 60,
    },
  ],
  wagrowiec: [
    {
      kind: 'money',
      donor: { orgKind: 'business' },
      description: 'Darowizna na wyprawki dla uczestników',
      value: '3000,00',
      daysAgo: 200,
    },
    {
      kind: 'goods',
      donor: { orgKind: 'parish' },
      description: 'Meble do pokoju klubowego',
      value: '2500,00',
      daysAgo: 90,
    },
    {
      kind: 'goods',
      donor: { name: 'Anna i Piotr Wiśniewscy' },
      description: 'Żywność na warsztaty kulinarne',
      value: '350,50',
      daysAgo: 30,
    },
  ],
  poznan: [
    {
      kind: 'money',
      donor: { orgKind: 'business' },
      description: 'Darowizna na szkolenia zawodowe',
      value: '10000,00',
      daysAgo: 240,
    },
    {
      kind: 'goods',
      donor: { orgKind: 'business' },
      description: 'Catering na forum ekonomii społecznej',
      value: '2800,00',
      daysAgo: 120,
    },
    {
      kind: 'goods',
      donor: { orgKind: 'parish' },
      description: 'Żywność dla uczestników klubu',
      value: '1200,00',
      daysAgo: 45,
    },
    {
      kind: 'goods',
      donor: { name: 'Mieszkańcy osiedla Jeżyce' },
      description: 'Meble i sprzęt AGD do mieszkania treningowego',
      value: '3400,00',
      daysAgo: 20,
    },
  ],
};

async function firstOrganisationOfKind(db: Db, localityId: string, kind: string, skip = 0) {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.localityId, localityId), eq(organisations.kind, kind)))
    .orderBy(asc(organisations.name))
    .limit(skip + 1);
  return rows[skip]?.id ?? null;
}

/** The first day of every one of the last 12 months, oldest first. */
function lastTwelveMonths(today: string): string[] {
  const start = defaultPeriod(today).from;
  const out: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (let i = 0; i < 12; i += 1) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * Demo data for the cost-reduction report: donations in every locality (through the real
 * use-case, so each enters the in-kind ledger) and 12 months of the support system's costs
 * (bulk). Volunteers' hours and the club's premises (the municipality's) are already in the
 * ledger from the volunteers and club seeds.
 */
export async function seedCostsReports(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {
  const { today } = places;
  const months = lastTwelveMonths(today);
  for (const key of ['kwilcz', 'wagrowiec', 'poznan'] as const) {
    const place = places[key];
    const ctx = await coordinatorContext(db, place);
    let businessUsed = 0;
    for (const d of DONATIONS[key]) {
      let orgId: string | null = null;
      if ('orgKind' in d.donor) {
        const skip = d.donor.orgKind === 'business' ? businessUsed++ : 0;
        orgId = await firstOrganisationOfKind(db, place.locality.id, d.donor.orgKind, skip);
      }
      const donorName = 'name' in d.donor ? d.donor.name : orgId ? '' : 'Darczyńca prywatny';
      await recordDonation(db, {
        ...ctx,
        values: {
          kind: d.kind,
          donorOrganisationId: orgId ?? '',
          donorName,
          description: d.description,
          valuePln: d.value,
          receivedOn: daysFrom(today, -d.daysAgo),
        },
      });
    }
    await db.insert(supportCosts).values(
      months.flatMap((month, i) =>
        COSTS[key].map(([category, description, amount]) => ({
          localityId: place.locality.id,
          month,
          category,
          description,
          // A little variation month to month (materials and travel), so the months differ.
          amountPln:
            category === 'materials' || category === 'travel'
              ? (Number(amount) * (0.8 + ((i * 7) % 5) / 10)).toFixed(2)
              : amount,
          createdBy: place.coordinator.id,
        })),
      ),
    );
  }
}
