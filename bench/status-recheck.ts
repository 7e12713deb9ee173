// The status re-check of issue 6: 1,000 enterprises (social cooperatives and foundations) with
// members and jobs in one locality (bulk SQL: multi-row inserts of pre-made rows), then a change
// of a legal parameter (a new dated value of ps.minEmployees) and a timed `recheckAllEnterprises`.
// Target: ≤ 5 s for 1,000 enterprises.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { recheckAllEnterprises } from '../app/features/enterprises/legal/legal.server.ts';
import { addDays } from '../app/features/enterprises/legal/legal-dates.ts';
import type { Mail } from '../app/lib/services.ts';
import type { Db } from '../db/client.ts';
import {
  enterpriseJobs,
  enterpriseMembers,
  enterprises,
  legalParameters,
  localities,
  memberships,
  organisations,
  users,
} from '../db/schema/index.ts';

export const STATUS_BENCH = {
  slug: 'bench-status',
  terytCode: '0264011',
  name: 'Wrocław (benchmark statusu)',
  coordinatorEmail: 'koordynator.status@splot.demo',
} as const;

export type StatusRecheckFigures = {
  enterprises: number;
  members: number;
  jobs: number;
  seedMs: number;
  /** The first check of every enterprise (nothing stored before). */
  firstRecheckMs: number;
  /** The re-check after the parameter change: the figure against the 5 s target. */
  recheckMs: number;
  failingBefore: number;
  failingAfter: number;
  newlyFailing: number;
  mails: number;
};

async function insertChunks(db: Db, table: Parameters<Db['insert']>[0], rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 1_000)
    await db.insert(table).values(rows.slice(i, i + 1_000) as never);
}

async function benchLocality(db: Db): Promise<string> {
  await db
    .insert(localities)
    .values({
      slug: STATUS_BENCH.slug,
      terytCode: STATUS_BENCH.terytCode,
      name: STATUS_BENCH.name,
      kind: 'urban',
      voivodeship: 'dolnośląskie',
      population: 670_000,
    })
    .onConflictDoNothing();
  const [loc] = await db
    .select({ id: localities.id })
    .from(localities)
    .where(eq(localities.slug, STATUS_BENCH.slug));
  await db
    .insert(users)
    .values({ email: STATUS_BENCH.coordinatorEmail, name: 'Koordynator Statusu', passwordHash: 'x' })
    .onConflictDoNothing();
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, STATUS_BENCH.coordinatorEmail));
  await db
    .insert(memberships)
    .values({ userId: u!.id, localityId: loc!.id, role: 'coordinator' })
    .onConflictDoNothing();
  return loc!.id;
}

/**
 * Seeds `count` enterprises in the locality (a new bench locality when none is given): every
 * other one a social cooperative with 5 natural-person members, the rest foundations; each with
 * 3 or 4 jobs (employment contracts, some at risk). Then checks all once, adds a new dated value
 * of ps.minEmployees (4 instead of 3, from `today`), and times the re-check of all of them.
 */
export async function benchStatusRecheck(
  db: Db,
  opts: { today: string; count?: number; localityId?: string },
): Promise<StatusRecheckFigures> {
  const count = opts.count ?? 1_000;
  const started = performance.now();
  const localityId = opts.localityId ?? (await benchLocality(db));
  const orgRows: Record<string, unknown>[] = [];
  const entRows: Record<string, unknown>[] = [];
  const memberRows: Record<string, unknown>[] = [];
  const jobRows: Record<string, unknown>[] = [];
  const registeredOn = addDays(opts.today, -800);
  for (let i = 0; i < count; i++) {
    const coop = i % 2 === 0;
    const orgId = randomUUID();
    const entId = randomUUID();
    const name = coop ? `Spółdzielnia Socjalna Bench ${i}` : `Fundacja Bench ${i}`;
    const folded = name.toLowerCase();
    orgRows.push({
      id: orgId,
      localityId,
      name,
      nameFolded: folded,
      nameKey: `${folded}-${i}`,
      kind: coop ? 'social_coop' : 'foundation',
      legalForm: coop ? 'social_cooperative' : 'foundation',
      isPes: true,
    });
    entRows.push({
      id: entId,
      localityId,
      organisationId: orgId,
      registeredOn,
      foundedBy: coop ? 'natural' : null,
      psAims: i % 3 === 0 ? ['social_services'] : ['reintegration'],
    });
    if (coop)
      for (let k = 0; k < 5; k++)
        memberRows.push({
          localityId,
          enterpriseId: entId,
          kind: 'natural',
          displayName: `Członek ${k + 1}`,
          atRisk: k < 3,
          isFounder: k < 3,
          joinedOn: registeredOn,
          shareCapitalPln: '100.00',
        });
    const jobs = 3 + (i % 2);
    for (let j = 0; j < jobs; j++)
      jobRows.push({
        localityId,
        enterpriseId: entId,
        position: `Stanowisko ${j + 1}`,
        displayName: `Pracownik ${j + 1}`,
        contractType: j === 0 && coop ? 'cooperative_employment' : 'employment',
        fte: j === 2 && i % 5 === 0 ? '0.49' : '1.00',
        startOn: addDays(registeredOn, 30),
        atRiskCategory: j === 0 ? 'long_term_unemployed' : null,
      });
  }
  await insertChunks(db, organisations, orgRows);
  await insertChunks(db, enterprises, entRows);
  await insertChunks(db, enterpriseMembers, memberRows);
  await insertChunks(db, enterpriseJobs, jobRows);
  const seedMs = performance.now() - started;

  const sent: Mail[] = [];
  const mail = {
    async send(m: Mail) {
      sent.push(m);
    },
  };
  const baseUrl = 'https://splot.example';
  const t0 = performance.now();
  const before = await recheckAllEnterprises(db, { today: opts.today, mail, baseUrl, localityId });
  const firstRecheckMs = performance.now() - t0;

  // The parameter change: a new dated value (what the admin page does), closing the current one.
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(legalParameters)
      .where(and(eq(legalParameters.key, 'ps.minEmployees'), isNull(legalParameters.validTo)));
    await tx
      .update(legalParameters)
      .set({ validTo: addDays(opts.today, -1) })
      .where(and(eq(legalParameters.key, 'ps.minEmployees'), isNull(legalParameters.validTo)));
    await tx.insert(legalParameters).values({
      key: 'ps.minEmployees',
      value: { ...(current?.value as object), min: 4 },
      validFrom: opts.today,
      source: 'Benchmark: zmiana parametru',
      verified: false,
    });
  });
  const mailsBefore = sent.length;
  const t1 = performance.now();
  const after = await recheckAllEnterprises(db, { today: opts.today, mail, baseUrl, localityId });
  const recheckMs = performance.now() - t1;
  return {
    enterprises: count,
    members: memberRows.length,
    jobs: jobRows.length,
    seedMs,
    firstRecheckMs,
    recheckMs,
    failingBefore: before.failing,
    failingAfter: after.failing,
    newlyFailing: after.newlyFailing,
    mails: sent.length - mailsBefore,
  };
}
