import { asc, count, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { LOCALITY_KINDS, type LocalityKind } from '../../../db/reference/teryt.ts';
import { localities, roadmapSteps, terytGminas } from '../../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { foldForSearch, slugify } from '../../lib/text.ts';
import { createRoadmap } from '../roadmap/create-roadmap.server.ts';
import type { StepKey, StepStatus } from '../roadmap/roadmap.rules.ts';

export function isLocalityKind(value: unknown): value is LocalityKind {
  return typeof value === 'string' && (LOCALITY_KINDS as readonly string[]).includes(value);
}

/** Gminas from the official TERYT list whose name starts with (or contains) the query, ignoring case and diacritics. */
export async function searchGminas(db: Db, opts: { query: string; limit?: number }) {
  const q = foldForSearch(opts.query);
  if (q.length < 2) return [];
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return (
    db
      .select({
        code: terytGminas.code,
        name: terytGminas.name,
        kind: terytGminas.kind,
        voivodeship: terytGminas.voivodeship,
        powiat: terytGminas.powiat,
        taken: sql<boolean>`exists (select 1 from "localities" l where l."teryt_code" = "teryt_gminas"."code")`,
      })
      .from(terytGminas)
      .where(like(terytGminas.nameFolded, `%${escaped}%`))
      // Exact name first, then names starting with the query, then a later word starting with it.
      .orderBy(
        sql`${terytGminas.nameFolded} <> ${q}`,
        sql`${terytGminas.nameFolded} not like ${`${escaped}%`}`,
        sql`(' ' || ${terytGminas.nameFolded}) not like ${`% ${escaped}%`}`,
        sql`position(${q} in ${terytGminas.nameFolded})`,
        asc(terytGminas.name),
      )
      .limit(opts.limit ?? 30)
  );
}

/** A platform admin creates a locality from a gmina of the official list; it gets the seed's roadmap. */
export async function createLocality(
  db: Db,
  opts: { actor: Actor; terytCode: string; population: number | null },
): Promise<{ id: string; slug: string }> {
  if (!opts.actor.isPlatformAdmin) throw new AppError('FORBIDDEN', 'errors.403.body');
  return db.transaction(async (tx) => {
    const [gmina] = await tx.select().from(terytGminas).where(eq(terytGminas.code, opts.terytCode)).limit(1);
    if (!gmina)
      throw new AppError(
        'BAD_REQUEST',
        'admin.localities.form.gmina.required',
        {},
        { terytCode: 'admin.localities.form.gmina.required' },
      );
    const [existing] = await tx
      .select({ id: localities.id })
      .from(localities)
      .where(eq(localities.terytCode, gmina.code))
      .limit(1);
    if (existing)
      throw new AppError(
        'CONFLICT',
        'admin.localities.form.gmina.taken',
        { name: gmina.name },
        { terytCode: 'admin.localities.form.gmina.taken' },
      );
    const slug = await uniqueSlug(tx, gmina.name, gmina.code);
    const [created] = await tx
      .insert(localities)
      .values({
        slug,
        terytCode: gmina.code,
        name: gmina.name,
        kind: gmina.kind,
        voivodeship: gmina.voivodeship,
        population: opts.population,
      })
      .returning({ id: localities.id, slug: localities.slug });
    await createRoadmap(tx, { localityId: created!.id });
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: created!.id,
      requestId: opts.actor.requestId,
      action: 'locality.create',
      entityType: 'locality',
      entityId: created!.id,
      details: { terytCode: gmina.code, name: gmina.name },
    });
    return created!;
  });
}

async function uniqueSlug(db: Db, name: string, code: string): Promise<string> {
  const base = slugify(name) || code;
  const taken = await db
    .select({ slug: localities.slug })
    .from(localities)
    .where(like(localities.slug, `${base}%`));
  const set = new Set(taken.map((r) => r.slug));
  if (!set.has(base)) return base;
  return `${base}-${code}`;
}

export type LocalityProgressRow = {
  id: string;
  slug: string;
  name: string;
  kind: LocalityKind;
  voivodeship: string;
  population: number | null;
  done: number;
  inProgress: number;
  total: number;
  overdue: number;
  statuses: Partial<Record<StepKey, StepStatus>>;
};

/** Every locality's roadmap progress, side by side: one page, one aggregate statement plus a count. */
export async function listLocalitiesWithProgress(
  db: Db,
  opts: { kind: LocalityKind | null; offset: number; limit: number; today: string },
) {
  const where = opts.kind ? eq(localities.kind, opts.kind) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: localities.id,
        slug: localities.slug,
        name: localities.name,
        kind: localities.kind,
        voivodeship: localities.voivodeship,
        population: localities.population,
        done: sql<number>`count(*) filter (where ${roadmapSteps.status} = 'done')`.mapWith(Number),
        inProgress: sql<number>`count(*) filter (where ${roadmapSteps.status} = 'in_progress')`.mapWith(
          Number,
        ),
        total: sql<number>`count(${roadmapSteps.id})`.mapWith(Number),
        overdue:
          sql<number>`count(*) filter (where ${roadmapSteps.status} <> 'done' and ${roadmapSteps.dueDate} < ${opts.today})`.mapWith(
            Number,
          ),
        statuses: sql<
          Partial<Record<StepKey, StepStatus>>
        >`coalesce(json_object_agg(${roadmapSteps.stepKey}, ${roadmapSteps.status}) filter (where ${roadmapSteps.id} is not null), '{}'::json)`,
      })
      .from(localities)
      .leftJoin(roadmapSteps, eq(roadmapSteps.localityId, localities.id))
      .where(where)
      .groupBy(localities.id)
      .orderBy(asc(localities.name), asc(localities.terytCode))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(localities).where(where),
  ]);
  return { rows: rows as LocalityProgressRow[], total: total?.n ?? 0 };
}

/** How many localities the invitation form offers at a time. */
export const LOCALITY_OPTION_LIMIT = 50;

/**
 * Localities to choose from (e.g. when inviting someone): those whose name contains the search,
 * ignoring case and Polish diacritics, at most LOCALITY_OPTION_LIMIT, plus whether more matched.
 * The already selected locality, if any, is always among them.
 */
export async function searchLocalityOptions(db: Db, opts: { query: string; selectedId?: string | null }) {
  const q = foldForSearch(opts.query).replace(/[\\%_]/g, (c) => `\\${c}`);
  const columns = {
    id: localities.id,
    name: localities.name,
    kind: localities.kind,
    voivodeship: localities.voivodeship,
  };
  const rows = await db
    .select(columns)
    .from(localities)
    .leftJoin(terytGminas, eq(terytGminas.code, localities.terytCode))
    .where(
      q ? like(sql`coalesce(${terytGminas.nameFolded}, lower(${localities.name}))`, `%${q}%`) : undefined,
    )
    .orderBy(asc(localities.name), asc(localities.terytCode))
    .limit(LOCALITY_OPTION_LIMIT + 1);
  const shown = rows.slice(0, LOCALITY_OPTION_LIMIT);
  const selectedId = opts.selectedId && /^[0-9a-f-]{36}$/i.test(opts.selectedId) ? opts.selectedId : null;
  if (selectedId && !shown.some((r) => r.id === selectedId)) {
    const [selected] = await db.select(columns).from(localities).where(eq(localities.id, selectedId));
    if (selected) shown.unshift(selected);
  }
  return { rows: shown, more: rows.length > LOCALITY_OPTION_LIMIT };
}
