// The cascade figure of issue 5: a bench locality with a cascade of 5 generations and 2,000
// people (bulk SQL: multi-row inserts of pre-made rows), seeded before the server starts, and a
// check that the cascade page shows every generation before it is timed.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, openDatabase } from '../db/client.ts';
import {
  curricula,
  curriculumModules,
  leaderQualifications,
  localities,
  memberships,
  people,
  studyAttendance,
  studyGroupFacilitators,
  studyGroupMembers,
  studyGroups,
  studySessionModules,
  studySessions,
  users,
} from '../db/schema/index.ts';
import { DEMO_PASSWORD } from '../db/seed/demo.ts';
import { cachedHash } from '../tests/factories/index.ts';
import type { FormClient } from './scenarios.ts';

export const CASCADE_BENCH = {
  slug: 'bench-kaskada',
  terytCode: '1261011',
  name: 'Kraków (benchmark kaskady)',
  coordinatorEmail: 'koordynator.kaskada@splot.demo',
  coordinatorName: 'Koordynator Kaskady',
} as const;

export type CascadeBench = {
  slug: string;
  /** A running group of 25 members with one session whose attendance is not taken yet. */
  attendance: { groupId: string; sessionId: string; memberIds: string[] };
  coordinatorEmail: string;
  people: number;
  leaders: number;
  groups: number;
  generations: number;
  seedMs: number;
};

const GIVEN = [
  'Anna',
  'Piotr',
  'Maria',
  'Krzysztof',
  'Katarzyna',
  'Tomasz',
  'Agnieszka',
  'Paweł',
  'Ewa',
  'Marcin',
];
const FAMILY = [
  'Nowak',
  'Kowalska',
  'Wiśniewski',
  'Wójcik',
  'Kamińska',
  'Lewandowski',
  'Zielińska',
  'Szymański',
];

async function insertChunks<T extends Record<string, unknown>>(
  db: Db,
  table: Parameters<Db['insert']>[0],
  rows: T[],
) {
  for (let i = 0; i < rows.length; i += 1_000)
    await db.insert(table).values(rows.slice(i, i + 1_000) as never);
}

/**
 * The cascade: 4 leaders' courses of 10 (5 qualify in each), then every leader of generations
 * 1–3 runs a group of 8 of whom 2 qualify, and 105 of the 160 generation-4 leaders run a group
 * of 8: 5 generations, 2,000 people, 300 leaders, 249 groups, ~14,000 attendance marks.
 */
export async function seedCascadeScale(
  db: Db,
  opts: { people: number },
): Promise<Omit<CascadeBench, 'seedMs'>> {
  const hash = await cachedHash(DEMO_PASSWORD);
  await db
    .insert(localities)
    .values({
      slug: CASCADE_BENCH.slug,
      terytCode: CASCADE_BENCH.terytCode,
      name: CASCADE_BENCH.name,
      kind: 'urban',
      voivodeship: 'małopolskie',
      population: 800_000,
    })
    .onConflictDoNothing();
  const [loc] = await db
    .select({ id: localities.id })
    .from(localities)
    .where(sql`${localities.slug} = ${CASCADE_BENCH.slug}`);
  const localityId = loc!.id;
  await db
    .insert(users)
    .values({
      email: CASCADE_BENCH.coordinatorEmail,
      name: CASCADE_BENCH.coordinatorName,
      passwordHash: hash,
    })
    .onConflictDoNothing();
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.email} = ${CASCADE_BENCH.coordinatorEmail}`);
  await db
    .insert(memberships)
    .values({ userId: u!.id, localityId, role: 'coordinator' })
    .onConflictDoNothing();

  const curriculumId = randomUUID();
  await db
    .insert(curricula)
    .values({ id: curriculumId, localityId, name: 'Program dla liderów', isLeadersProgramme: true });
  const moduleIds = Array.from({ length: 7 }, () => randomUUID());
  await db.insert(curriculumModules).values(
    moduleIds.map((id, i) => ({
      id,
      curriculumId,
      localityId,
      position: i + 1,
      title: `Moduł ${i + 1}`,
      plannedHours: '3',
    })),
  );

  const P: (typeof people.$inferInsert)[] = [];
  const G: (typeof studyGroups.$inferInsert)[] = [];
  const F: (typeof studyGroupFacilitators.$inferInsert)[] = [];
  const M: (typeof studyGroupMembers.$inferInsert)[] = [];
  const S: (typeof studySessions.$inferInsert)[] = [];
  const SM: (typeof studySessionModules.$inferInsert)[] = [];
  const A: (typeof studyAttendance.$inferInsert)[] = [];
  const Q: (typeof leaderQualifications.$inferInsert)[] = [];
  const person = () => {
    const id = randomUUID();
    const i = P.length;
    P.push({
      id,
      localityId,
      givenName: GIVEN[i % GIVEN.length]!,
      familyName: `${FAMILY[(i * 3) % FAMILY.length]!} ${i}`,
      legalBasis: 'consent',
    });
    return id;
  };
  const day = (d: number) => new Date(Date.now() + d * 86_400_000);
  let certificate = 0;
  /** A finished group: members, sessions covering `modules` modules (one each), everyone present; `qualify` of them qualify. */
  const group = (
    g: number,
    kind: 'leaders_course' | 'self_education',
    size: number,
    qualify: number,
    facilitator: { personId: string; qualificationId: string | null },
    modules: number,
  ) => {
    const id = randomUUID();
    const start = -500 + g * 80;
    G.push({
      id,
      localityId,
      kind,
      name: `${kind === 'leaders_course' ? 'Kurs liderów' : 'Grupa samokształceniowa'} ${G.length + 1} (pokolenie ${g})`,
      curriculumId,
      startsOn: day(start).toISOString().slice(0, 10),
      endsOn: day(start + 60)
        .toISOString()
        .slice(0, 10),
      status: 'finished',
    });
    F.push({ groupId: id, localityId, ...facilitator });
    const members = Array.from({ length: size }, () => ({ memberId: randomUUID(), personId: person() }));
    for (const m of members)
      M.push({
        id: m.memberId,
        groupId: id,
        personId: m.personId,
        localityId,
        joinedOn: G.at(-1)!.startsOn!,
      });
    for (let s = 0; s < modules; s++) {
      const sessionId = randomUUID();
      S.push({ id: sessionId, groupId: id, localityId, startsAt: day(start + 1 + s * 7), minutes: 180 });
      SM.push({ sessionId, moduleId: moduleIds[s]!, localityId });
      for (const m of members) A.push({ sessionId, memberId: m.memberId, localityId, status: 'present' });
    }
    const leaders: { personId: string; qualificationId: string }[] = [];
    if (modules === moduleIds.length)
      for (const m of members.slice(0, qualify)) {
        const qid = randomUUID();
        certificate += 1;
        Q.push({
          id: qid,
          localityId,
          personId: m.personId,
          curriculumId,
          groupId: id,
          grantedOn: day(start + 65)
            .toISOString()
            .slice(0, 10),
          attendanceShare: '1.000',
          modulesShare: '1.000',
          certificateNumber: `BEN/${2020 + g}/${String(certificate).padStart(4, '0')}`,
        });
        leaders.push({ personId: m.personId, qualificationId: qid });
      }
    return leaders;
  };

  let current: { personId: string; qualificationId: string }[] = [];
  for (let c = 0; c < 4; c++)
    current.push(...group(1, 'leaders_course', 10, 5, { personId: person(), qualificationId: null }, 7));
  let generations = 1;
  for (let g = 2; g <= 5; g++) {
    const next: typeof current = [];
    for (const leader of current) {
      if (P.length + 8 > opts.people) break;
      next.push(...group(g, 'self_education', 8, g < 5 ? 2 : 0, leader, g === 5 ? 5 : 7));
      generations = g;
    }
    current = next;
  }
  // Issue 5's attendance figure: a running leaders' course of 25 with yesterday's session.
  const attendanceGroup = randomUUID();
  const attendanceSession = randomUUID();
  G.push({
    id: attendanceGroup,
    localityId,
    kind: 'leaders_course',
    name: 'Kurs liderów – pomiar listy obecności (25 osób)',
    curriculumId,
    startsOn: day(-30).toISOString().slice(0, 10),
    endsOn: day(60).toISOString().slice(0, 10),
    status: 'running',
  });
  F.push({ groupId: attendanceGroup, localityId, personId: person(), qualificationId: null });
  const attendanceMembers = Array.from({ length: 25 }, () => randomUUID());
  for (const id of attendanceMembers)
    M.push({
      id,
      groupId: attendanceGroup,
      personId: person(),
      localityId,
      joinedOn: day(-30).toISOString().slice(0, 10),
    });
  S.push({ id: attendanceSession, groupId: attendanceGroup, localityId, startsAt: day(-1), minutes: 120 });
  await insertChunks(db, people, P);
  await insertChunks(db, studyGroups, G);
  await insertChunks(db, leaderQualifications, Q);
  await insertChunks(db, studyGroupFacilitators, F);
  await insertChunks(db, studyGroupMembers, M);
  await insertChunks(db, studySessions, S);
  await insertChunks(db, studySessionModules, SM);
  await insertChunks(db, studyAttendance, A);
  await db.execute(sql`analyze`);
  return {
    slug: CASCADE_BENCH.slug,
    coordinatorEmail: CASCADE_BENCH.coordinatorEmail,
    attendance: { groupId: attendanceGroup, sessionId: attendanceSession, memberIds: attendanceMembers },
    people: P.length,
    leaders: Q.length,
    groups: G.length,
    generations,
  };
}

/** Migrates and fills the bench locality before the server opens the database (PGlite: one owner at a time). */
export async function seedCascadeDatabase(opts: {
  dataDir?: string;
  databaseUrl?: string;
  people: number;
}): Promise<CascadeBench> {
  const handle = await openDatabase({
    databaseUrl: opts.databaseUrl,
    pgliteDir: path.join(opts.dataDir ?? '', 'pglite'),
  });
  try {
    await handle.migrate();
    const started = performance.now();
    const r = await seedCascadeScale(handle.db, opts);
    return { ...r, seedMs: performance.now() - started };
  } finally {
    await handle.close();
  }
}

/** Checks that the cascade page shows every generation, the picture and the tables; returns the page size. */
export async function checkCascadePage(
  client: FormClient,
  pathname: string,
  generations: number,
): Promise<number> {
  const html = await client.page(pathname);
  if (!/<svg[^>]*role="img"/.test(html)) throw new Error(`${pathname} has no accessible picture`);
  for (let g = 1; g <= generations; g++)
    if (!html.includes(`Pokolenie ${g}`)) throw new Error(`${pathname} does not show generation ${g}`);
  if (!/<caption>/.test(html)) throw new Error(`${pathname} has no table`);
  return Buffer.byteLength(html);
}
