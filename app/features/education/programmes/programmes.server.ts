import { and, asc, count, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { curricula, curriculumModules, studySessionModules } from '../../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { AppError } from '../../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../../lib/forms.ts';
import { LEADERS_PROGRAMME } from './leaders-programme.ts';
import {
  type CurriculumInput,
  curriculumSchema,
  type ModuleInput,
  moduleSchema,
} from './programme.schema.ts';
import { canManageEducation } from './programmes.policy.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Curriculum = typeof curricula.$inferSelect;
export type CurriculumModule = {
  id: string;
  position: number;
  title: string;
  objectives: string;
  plannedHours: number;
};

function assertManage(ctx: Ctx) {
  if (!canManageEducation(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

function invalid(errors: FieldErrors): never {
  throw new AppError('BAD_REQUEST', 'education.programmes.form.invalid', {}, errors);
}

function parse<T>(form: FormData, schema: Parameters<typeof parseForm>[1]): T {
  const r = parseForm(form, schema);
  if (!r.ok) invalid(r.errors);
  return r.data as T;
}

async function audit(
  db: Db,
  e: { actorUserId: string | null; requestId: string | null; localityId: string },
  action: string,
  entityType: string,
  id: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, { ...e, action, entityType, entityId: id, details });
}

const who = (ctx: Ctx) => ({
  actorUserId: ctx.actor.userId,
  requestId: ctx.actor.requestId,
  localityId: ctx.locality.localityId,
});

/** The programmes of a locality with their module count and total hours: one statement. */
export async function listCurricula(db: Db, localityId: string) {
  const rows = await db
    .select({
      id: curricula.id,
      name: curricula.name,
      description: curricula.description,
      isLeadersProgramme: curricula.isLeadersProgramme,
      modules: sql<number>`(select count(*)::int from ${curriculumModules} m where m.curriculum_id = "curricula"."id")`,
      hours: sql<string>`(select coalesce(sum(m.planned_hours), 0)::text from ${curriculumModules} m where m.curriculum_id = "curricula"."id")`,
    })
    .from(curricula)
    .where(eq(curricula.localityId, localityId))
    .orderBy(desc(curricula.isLeadersProgramme), asc(curricula.name));
  return rows.map((r) => ({ ...r, hours: Number(r.hours) }));
}

/**
 * One programme of a locality and its modules in order (two statements), for other features.
 * Null when there is no such programme here (another locality's id included).
 */
export async function loadCurriculum(
  db: Db,
  opts: { localityId: string; curriculumId: string },
): Promise<{ curriculum: Curriculum; modules: CurriculumModule[]; totalHours: number } | null> {
  if (!UUID.test(opts.curriculumId)) return null;
  const [curriculum] = await db
    .select()
    .from(curricula)
    .where(and(eq(curricula.id, opts.curriculumId), eq(curricula.localityId, opts.localityId)))
    .limit(1);
  if (!curriculum) return null;
  const rows = await db
    .select({
      id: curriculumModules.id,
      position: curriculumModules.position,
      title: curriculumModules.title,
      objectives: curriculumModules.objectives,
      plannedHours: curriculumModules.plannedHours,
    })
    .from(curriculumModules)
    .where(
      and(
        eq(curriculumModules.curriculumId, curriculum.id),
        eq(curriculumModules.localityId, opts.localityId),
      ),
    )
    .orderBy(asc(curriculumModules.position));
  const modules = rows.map((m) => ({ ...m, plannedHours: Number(m.plannedHours) }));
  return { curriculum, modules, totalHours: modules.reduce((s, m) => s + m.plannedHours, 0) };
}

export async function createCurriculum(db: Db, ctx: Ctx, form: FormData): Promise<string> {
  assertManage(ctx);
  const input = parse<CurriculumInput>(form, curriculumSchema);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(curricula)
      .values({
        localityId: ctx.locality.localityId,
        name: input.name,
        description: input.description,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: curricula.id });
    await audit(tx, who(ctx), 'education.curriculum.created', 'curriculum', row!.id, { name: input.name });
    return row!.id;
  });
}

export async function updateCurriculum(db: Db, ctx: Ctx, curriculumId: string, form: FormData) {
  assertManage(ctx);
  const input = parse<CurriculumInput>(form, curriculumSchema);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(curricula)
      .set({ name: input.name, description: input.description, updatedAt: new Date() })
      .where(and(eq(curricula.id, curriculumId), eq(curricula.localityId, ctx.locality.localityId)))
      .returning({ id: curricula.id });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    await audit(tx, who(ctx), 'education.curriculum.updated', 'curriculum', curriculumId, {
      name: input.name,
    });
  });
}

async function requireCurriculum(db: Db, localityId: string, curriculumId: string) {
  if (!UUID.test(curriculumId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({ id: curricula.id })
    .from(curricula)
    .where(and(eq(curricula.id, curriculumId), eq(curricula.localityId, localityId)))
    .for('update')
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
}

async function requireModule(db: Db, localityId: string, curriculumId: string, moduleId: string) {
  if (!UUID.test(moduleId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({
      id: curriculumModules.id,
      position: curriculumModules.position,
      title: curriculumModules.title,
    })
    .from(curriculumModules)
    .where(
      and(
        eq(curriculumModules.id, moduleId),
        eq(curriculumModules.curriculumId, curriculumId),
        eq(curriculumModules.localityId, localityId),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

async function touch(db: Db, curriculumId: string) {
  await db.update(curricula).set({ updatedAt: new Date() }).where(eq(curricula.id, curriculumId));
}

async function insertModule(db: Db, localityId: string, curriculumId: string, input: ModuleInput) {
  const [row] = await db
    .insert(curriculumModules)
    .values({
      curriculumId,
      localityId,
      position: sql`(select coalesce(max(position), 0) + 1 from ${curriculumModules} where curriculum_id = ${curriculumId})`,
      title: input.title,
      objectives: input.objectives,
      plannedHours: String(input.plannedHours),
    })
    .returning({ id: curriculumModules.id });
  return row!.id;
}

/** Adds a module at the end of the programme. */
export async function addModule(db: Db, ctx: Ctx, curriculumId: string, form: FormData): Promise<string> {
  assertManage(ctx);
  const input = parse<ModuleInput>(form, moduleSchema);
  return db.transaction(async (tx) => {
    await requireCurriculum(tx, ctx.locality.localityId, curriculumId);
    const id = await insertModule(tx, ctx.locality.localityId, curriculumId, input);
    await touch(tx, curriculumId);
    await audit(tx, who(ctx), 'education.module.added', 'curriculum_module', id, {
      curriculumId,
      title: input.title,
      plannedHours: input.plannedHours,
    });
    return id;
  });
}

export async function updateModule(db: Db, ctx: Ctx, curriculumId: string, moduleId: string, form: FormData) {
  assertManage(ctx);
  const input = parse<ModuleInput>(form, moduleSchema);
  await db.transaction(async (tx) => {
    await requireCurriculum(tx, ctx.locality.localityId, curriculumId);
    await requireModule(tx, ctx.locality.localityId, curriculumId, moduleId);
    await tx
      .update(curriculumModules)
      .set({ title: input.title, objectives: input.objectives, plannedHours: String(input.plannedHours) })
      .where(eq(curriculumModules.id, moduleId));
    await touch(tx, curriculumId);
    await audit(tx, who(ctx), 'education.module.updated', 'curriculum_module', moduleId, {
      curriculumId,
      title: input.title,
      plannedHours: input.plannedHours,
    });
  });
}

/** Swaps a module with its neighbour above or below; at either end nothing changes. */
export async function moveModule(
  db: Db,
  ctx: Ctx,
  curriculumId: string,
  moduleId: string,
  direction: 'up' | 'down',
) {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    await requireCurriculum(tx, ctx.locality.localityId, curriculumId);
    const mod = await requireModule(tx, ctx.locality.localityId, curriculumId, moduleId);
    const [neighbour] = await tx
      .select({ id: curriculumModules.id, position: curriculumModules.position })
      .from(curriculumModules)
      .where(
        and(
          eq(curriculumModules.curriculumId, curriculumId),
          direction === 'up'
            ? lt(curriculumModules.position, mod.position)
            : gt(curriculumModules.position, mod.position),
        ),
      )
      .orderBy(direction === 'up' ? desc(curriculumModules.position) : asc(curriculumModules.position))
      .limit(1);
    if (!neighbour) return;
    await tx
      .update(curriculumModules)
      .set({ position: neighbour.position })
      .where(eq(curriculumModules.id, mod.id));
    await tx
      .update(curriculumModules)
      .set({ position: mod.position })
      .where(eq(curriculumModules.id, neighbour.id));
    await touch(tx, curriculumId);
    await audit(tx, who(ctx), 'education.module.moved', 'curriculum_module', moduleId, {
      curriculumId,
      direction,
      from: mod.position,
      to: neighbour.position,
    });
  });
}

/** Removes a module no session has covered yet (a covered one stays: attendance history needs it). */
export async function removeModule(db: Db, ctx: Ctx, curriculumId: string, moduleId: string) {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    await requireCurriculum(tx, ctx.locality.localityId, curriculumId);
    const mod = await requireModule(tx, ctx.locality.localityId, curriculumId, moduleId);
    const [used] = await tx
      .select({ n: count() })
      .from(studySessionModules)
      .where(eq(studySessionModules.moduleId, moduleId));
    if ((used?.n ?? 0) > 0)
      throw new AppError('DOMAIN_RULE', 'education.programmes.module.inUse', { count: used!.n });
    await tx.delete(curriculumModules).where(eq(curriculumModules.id, moduleId));
    // Close the gap so positions stay 1…n.
    await tx
      .update(curriculumModules)
      .set({ position: sql`${curriculumModules.position} - 1` })
      .where(
        and(eq(curriculumModules.curriculumId, curriculumId), gt(curriculumModules.position, mod.position)),
      );
    await touch(tx, curriculumId);
    await audit(tx, who(ctx), 'education.module.removed', 'curriculum_module', moduleId, {
      curriculumId,
      title: mod.title,
    });
  });
}

/**
 * The locality's leaders' programme: created from the editable demo content when absent.
 * Returns its id. Other features' seeds call this so they all share one programme.
 */
export async function ensureLeadersProgramme(
  db: Db,
  opts: { localityId: string; actorUserId: string | null },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: curricula.id })
      .from(curricula)
      .where(and(eq(curricula.localityId, opts.localityId), eq(curricula.isLeadersProgramme, true)))
      .orderBy(asc(curricula.createdAt))
      .limit(1);
    if (existing) return existing.id;
    const [row] = await tx
      .insert(curricula)
      .values({
        localityId: opts.localityId,
        name: LEADERS_PROGRAMME.name,
        description: LEADERS_PROGRAMME.description,
        isLeadersProgramme: true,
        createdBy: opts.actorUserId,
      })
      .returning({ id: curricula.id });
    await tx.insert(curriculumModules).values(
      LEADERS_PROGRAMME.modules.map((m, i) => ({
        curriculumId: row!.id,
        localityId: opts.localityId,
        position: i + 1,
        title: m.title,
        objectives: m.objectives,
        plannedHours: String(m.plannedHours),
      })),
    );
    await audit(
      tx,
      { actorUserId: opts.actorUserId, requestId: null, localityId: opts.localityId },
      'education.curriculum.created',
      'curriculum',
      row!.id,
      { name: LEADERS_PROGRAMME.name, leadersProgramme: true, modules: LEADERS_PROGRAMME.modules.length },
    );
    return row!.id;
  });
}
