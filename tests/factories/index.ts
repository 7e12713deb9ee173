import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../app/features/auth/password.server.ts';
import { createRoadmap } from '../../app/features/roadmap/create-roadmap.server.ts';
import type { StepKey, StepStatus } from '../../app/features/roadmap/roadmap.rules.ts';
import type { Role } from '../../app/lib/roles.ts';
import { slugify } from '../../app/lib/text.ts';
import type { Db } from '../../db/client.ts';
import {
  localities,
  memberships,
  roadmapStepEvents,
  roadmapSteps,
  terytGminas,
  users,
} from '../../db/schema/index.ts';

/** Factories shared by the tests and the demo seed: one way to make each record. */

const hashCache = new Map<string, Promise<string>>();
/** argon2 is slow on purpose; factories hash each distinct password once per process. */
export function cachedHash(password: string): Promise<string> {
  let h = hashCache.get(password);
  if (!h) {
    h = hashPassword(password);
    hashCache.set(password, h);
  }
  return h;
}

export async function makeLocality(
  db: Db,
  opts: { terytCode: string; population?: number | null; slug?: string },
): Promise<{ id: string; slug: string; name: string }> {
  const [existing] = await db
    .select({ id: localities.id, slug: localities.slug, name: localities.name })
    .from(localities)
    .where(eq(localities.terytCode, opts.terytCode));
  if (existing) return existing;
  const [gmina] = await db.select().from(terytGminas).where(eq(terytGminas.code, opts.terytCode));
  if (!gmina) throw new Error(`No gmina with TERYT code ${opts.terytCode}`);
  const [created] = await db
    .insert(localities)
    .values({
      slug: opts.slug ?? slugify(gmina.name),
      terytCode: gmina.code,
      name: gmina.name,
      kind: gmina.kind,
      voivodeship: gmina.voivodeship,
      population: opts.population ?? null,
    })
    .returning({ id: localities.id, slug: localities.slug, name: localities.name });
  await createRoadmap(db, { localityId: created!.id });
  return created!;
}

let userSeq = 0;

export async function makeUser(
  db: Db,
  opts: {
    email?: string;
    name?: string;
    password?: string;
    isPlatformAdmin?: boolean;
    active?: boolean;
    locale?: 'pl' | 'en';
    roles?: { localityId: string; role: Role }[];
  } = {},
): Promise<{ id: string; email: string; password: string }> {
  userSeq += 1;
  const email = (opts.email ?? `user${userSeq}-${Date.now()}@example.test`).toLowerCase();
  const password = opts.password ?? 'correct horse battery';
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  let id = existing?.id;
  if (!id) {
    const [created] = await db
      .insert(users)
      .values({
        email,
        name: opts.name ?? `Test User ${userSeq}`,
        passwordHash: await cachedHash(password),
        isPlatformAdmin: opts.isPlatformAdmin ?? false,
        active: opts.active ?? true,
        locale: opts.locale ?? 'pl',
      })
      .returning({ id: users.id });
    id = created!.id;
  }
  for (const r of opts.roles ?? []) {
    await db
      .insert(memberships)
      .values({ userId: id, localityId: r.localityId, role: r.role })
      .onConflictDoNothing();
  }
  return { id, email, password };
}

/** Puts a roadmap step into a state, with a history entry as if a person had done it. */
export async function setStep(
  db: Db,
  opts: {
    localityId: string;
    stepKey: StepKey;
    status: StepStatus;
    responsibleUserId?: string | null;
    dueDate?: string | null;
    startedOn?: string | null;
    doneOn?: string | null;
    evidenceNotes?: string;
    evidenceLinks?: { url: string; label: string }[];
    actorUserId?: string | null;
    at?: Date;
  },
): Promise<void> {
  const [step] = await db
    .update(roadmapSteps)
    .set({
      status: opts.status,
      responsibleUserId: opts.responsibleUserId ?? null,
      dueDate: opts.dueDate ?? null,
      startedOn: opts.startedOn ?? (opts.status === 'not_started' ? null : (opts.doneOn ?? null)),
      doneOn: opts.status === 'done' ? (opts.doneOn ?? null) : null,
      evidenceNotes: opts.evidenceNotes ?? '',
      evidenceLinks: opts.evidenceLinks ?? [],
      updatedAt: opts.at ?? new Date(),
    })
    .where(eqStep(opts.localityId, opts.stepKey))
    .returning({ id: roadmapSteps.id });
  if (!step) throw new Error(`No step ${opts.stepKey}`);
  if (opts.status !== 'not_started') {
    await db.insert(roadmapStepEvents).values({
      localityId: opts.localityId,
      stepId: step.id,
      actorUserId: opts.actorUserId ?? null,
      at: opts.at ?? new Date(),
      changes: { status: { from: 'not_started', to: opts.status } },
    });
  }
}

function eqStep(localityId: string, stepKey: StepKey) {
  return and(eq(roadmapSteps.localityId, localityId), eq(roadmapSteps.stepKey, stepKey));
}
