import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../app/features/auth/password.server.ts';
import {
  DEFAULT_LEGAL_FORM,
  derivePes,
  type LegalForm,
  nameKey,
  type OrganisationKind,
  type PesParameter,
} from '../../app/features/organisations/organisation.rules.ts';
import { createRoadmap } from '../../app/features/roadmap/create-roadmap.server.ts';
import type { StepKey, StepStatus } from '../../app/features/roadmap/roadmap.rules.ts';
import { legalParameter } from '../../app/lib/legal-parameters.server.ts';
import type { Role } from '../../app/lib/roles.ts';
import { foldForSearch, slugify } from '../../app/lib/text.ts';
import type { Db } from '../../db/client.ts';
import {
  localities,
  memberships,
  organisations,
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

/** A valid NIP from a number: 9 digits plus the check digit (numbers whose check would be 10 are skipped). */
export function validNip(seed: number): string {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (let n = seed; ; n++) {
    const base = String(100_000_000 + (n % 800_000_000)).slice(0, 9);
    const c = [...base].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11;
    if (c !== 10) return base + String(c);
  }
}

export async function makeOrganisation(
  db: Db,
  opts: {
    localityId: string;
    name: string;
    kind: OrganisationKind;
    legalForm?: LegalForm;
    nip?: string | null;
    city?: string;
    today?: string;
  },
): Promise<{ id: string }> {
  const legalForm = opts.legalForm ?? DEFAULT_LEGAL_FORM[opts.kind] ?? 'other';
  const param = await legalParameter<PesParameter>(db, 'pes.entities', opts.today ?? '2026-01-01');
  const pes = derivePes({ kind: opts.kind, legalForm }, param.value);
  const folded = foldForSearch(opts.name);
  const [row] = await db
    .insert(organisations)
    .values({
      localityId: opts.localityId,
      name: opts.name,
      nameFolded: folded,
      nameKey: nameKey(folded),
      kind: opts.kind,
      legalForm,
      nip: opts.nip ?? null,
      isPes: pes.isPes,
      pesLetter: pes.letter,
      city: opts.city ?? '',
    })
    .returning({ id: organisations.id });
  return row!;
}
