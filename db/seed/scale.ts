import { sql } from 'drizzle-orm';
import { STEP_KEYS, STEP_STATUSES } from '../../app/features/roadmap/roadmap.rules.ts';
import { ROLES } from '../../app/lib/roles.ts';
import { slugify } from '../../app/lib/text.ts';
import { cachedHash } from '../../tests/factories/index.ts';
import type { Db } from '../client.ts';
import { localities, memberships, roadmapSteps, terytGminas, users } from '../schema/index.ts';
import { DEMO_LOCALITIES, DEMO_PASSWORD, seedDemo } from './demo.ts';

export const SCALES = ['demo', 'city', 'national'] as const;
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
 * coordinator and a roadmap at a random stage. Idempotent.
 */
export async function seedScale(db: Db, scale: Scale): Promise<void> {
  await seedDemo(db);
  if (scale === 'demo') return;
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
