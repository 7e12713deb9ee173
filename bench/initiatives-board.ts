// The initiatives board of issue 6: a bench locality with 500 initiatives (bulk SQL: multi-row
// inserts of pre-made rows) with founders, checklists and history, seeded before the server
// starts, and a check that the board shows every stage before it is timed.
// Target: /app/<slug>/initiatives p95 ≤ 100 ms and ≤ 8 SQL statements per request.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CHECKLIST, STAGES } from '../app/features/initiatives/initiative-stages.rules.ts';
import type { Db } from '../db/client.ts';
import {
  initiativeChecklist,
  initiativeFounders,
  initiativeStageHistory,
  initiatives,
  localities,
  memberships,
  users,
} from '../db/schema/index.ts';
import { DEMO_PASSWORD } from '../db/seed/demo.ts';
import { cachedHash } from '../tests/factories/index.ts';
import type { FormClient } from './scenarios.ts';

export const INITIATIVES_BENCH = {
  slug: 'bench-inicjatywy',
  terytCode: '2262011',
  name: 'Gdynia (benchmark inicjatyw)',
  coordinatorEmail: 'koordynator.inicjatywy@splot.demo',
  coordinatorName: 'Koordynator Inicjatyw',
} as const;

export type InitiativesBench = {
  slug: string;
  coordinatorEmail: string;
  initiatives: number;
  founders: number;
};

const FORMS = ['social_cooperative', 'worker_cooperative', 'association', 'foundation', 'non_profit_company'];
const NAMES = ['Kawiarnia', 'Pralnia', 'Catering', 'Ogrody', 'Stolarnia', 'Szwalnia', 'Opieka', 'Remonty'];
const PLACES = ['Oliwa', 'Wrzeszcz', 'Orunia', 'Przymorze', 'Zaspa', 'Stogi'];

async function insertChunks(db: Db, table: Parameters<Db['insert']>[0], rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 1_000)
    await db.insert(table).values(rows.slice(i, i + 1_000) as never);
}

/**
 * 500 initiatives in one locality (by default), spread over the five stages and closed, each with
 * 1–6 founders, part of its stage's checklist ticked, and its stage history.
 */
export async function seedInitiativeBoardScale(
  db: Db,
  opts: { initiatives: number },
): Promise<InitiativesBench> {
  const hash = await cachedHash(DEMO_PASSWORD);
  await db
    .insert(localities)
    .values({
      slug: INITIATIVES_BENCH.slug,
      terytCode: INITIATIVES_BENCH.terytCode,
      name: INITIATIVES_BENCH.name,
      kind: 'urban',
      voivodeship: 'pomorskie',
      population: 480_000,
    })
    .onConflictDoNothing();
  const [loc] = await db
    .select({ id: localities.id })
    .from(localities)
    .where(sql`${localities.slug} = ${INITIATIVES_BENCH.slug}`);
  const localityId = loc!.id;
  await db
    .insert(users)
    .values({
      email: INITIATIVES_BENCH.coordinatorEmail,
      name: INITIATIVES_BENCH.coordinatorName,
      passwordHash: hash,
    })
    .onConflictDoNothing();
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = ${INITIATIVES_BENCH.coordinatorEmail}`);
  await db
    .insert(memberships)
    .values({ userId: u!.id, localityId, role: 'coordinator' })
    .onConflictDoNothing();

  const stages = [...STAGES, 'closed'] as const;
  const I: Record<string, unknown>[] = [];
  const F: Record<string, unknown>[] = [];
  const C: Record<string, unknown>[] = [];
  const H: Record<string, unknown>[] = [];
  const now = Date.now();
  for (let i = 0; i < opts.initiatives; i++) {
    const id = randomUUID();
    const stage = stages[i % stages.length]!;
    const changed = new Date(now - ((i * 7) % 400) * 86_400_000);
    I.push({
      id,
      localityId,
      name: `${NAMES[i % NAMES.length]} ${PLACES[i % PLACES.length]} ${i + 1}`,
      idea: 'Pomysł grupy inicjatywnej',
      intendedLegalForm: FORMS[i % FORMS.length],
      stage,
      stageChangedAt: changed,
      closedReason: stage === 'closed' ? 'Grupa się rozpadła' : null,
      createdBy: u!.id,
    });
    for (let f = 0; f < 1 + (i % 6); f++)
      F.push({
        localityId,
        initiativeId: id,
        kind: 'natural',
        displayName: `Założyciel ${f + 1}`,
        atRisk: f % 2 === 0,
        joinedOn: '2026-01-15',
      });
    if (stage !== 'closed')
      CHECKLIST[stage].slice(0, i % (CHECKLIST[stage].length + 1)).forEach((itemKey) => {
        C.push({ localityId, initiativeId: id, stage, itemKey, doneOn: '2026-02-01', doneBy: u!.id });
      });
    H.push({ localityId, initiativeId: id, fromStage: null, toStage: 'idea', byUserId: u!.id, at: changed });
  }
  await insertChunks(db, initiatives, I);
  await insertChunks(db, initiativeFounders, F);
  await insertChunks(db, initiativeChecklist, C);
  await insertChunks(db, initiativeStageHistory, H);
  return {
    slug: INITIATIVES_BENCH.slug,
    coordinatorEmail: INITIATIVES_BENCH.coordinatorEmail,
    initiatives: I.length,
    founders: F.length,
  };
}

/** Checks that the board shows every stage with its "show all" link before it is timed; returns its size. */
export async function checkInitiativeBoard(client: FormClient, pathname: string): Promise<number> {
  const html = await client.page(pathname);
  for (const stage of ['Pomysł', 'Biznesplan', 'Zakładanie', 'Inkubacja', 'Samodzielność'])
    if (!html.includes(stage)) throw new Error(`${pathname} does not show the stage ${stage}`);
  if (!/\/initiatives\/stage\/idea/.test(html)) throw new Error(`${pathname} has no "show all" link`);
  if (!/Zamknięte inicjatywy \(\d+\)/.test(html)) throw new Error(`${pathname} does not count closed ones`);
  return Buffer.byteLength(html);
}
