import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import {
  localities,
  localProblems,
  memberships,
  organisations,
  partnershipMembers,
  partnerships,
  programmeItemProblems,
  programmeItems,
  users,
} from '../../../db/schema/index.ts';
import { derivedProgress, isOverdue, type ProgrammeLevel, type ProgrammeStatus } from './programme.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINKABLE = ['open', 'in_progress', 'solved'];

export type ProgrammeRow = {
  id: string;
  parentId: string | null;
  level: ProgrammeLevel;
  position: number;
  title: string;
  description: string;
  responsibleOrganisationId: string | null;
  responsibleOrganisationName: string | null;
  responsibleUserId: string | null;
  responsibleUserName: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: ProgrammeStatus;
  ownProgress: number;
  progress: number;
  completedOn: string | null;
  indicatorName: string;
  indicatorUnit: string;
  indicatorTarget: string | null;
  indicatorActual: string | null;
  decisionId: string | null;
  version: number;
  overdue: boolean;
  problems: { id: string; title: string }[];
};

/** The partnership of this locality (null for an unknown id or another locality's). */
export async function findPartnership(db: Db, opts: { localityId: string; partnershipId: string }) {
  if (!UUID.test(opts.partnershipId)) return null;
  const [row] = await db
    .select({
      id: partnerships.id,
      name: partnerships.name,
      aim: partnerships.aim,
      publicProgress: partnerships.publicProgress,
    })
    .from(partnerships)
    .where(and(eq(partnerships.id, opts.partnershipId), eq(partnerships.localityId, opts.localityId)))
    .limit(1);
  return row ?? null;
}

/**
 * The whole programme of a partnership in two statements (items with their responsible
 * organisation and person; problem links), assembled in memory with derived progress and
 * the overdue flag. Ordered as a tree: goals, each followed by its actions and their tasks.
 */
export async function loadProgramme(
  db: Db,
  opts: { localityId: string; partnershipId: string; today: string },
): Promise<ProgrammeRow[]> {
  const [items, links] = await Promise.all([
    db
      .select({
        id: programmeItems.id,
        parentId: programmeItems.parentId,
        level: programmeItems.level,
        position: programmeItems.position,
        title: programmeItems.title,
        description: programmeItems.description,
        responsibleOrganisationId: programmeItems.responsibleOrganisationId,
        responsibleOrganisationName: organisations.name,
        responsibleUserId: programmeItems.responsibleUserId,
        responsibleUserName: users.name,
        startsOn: programmeItems.startsOn,
        dueOn: programmeItems.dueOn,
        status: programmeItems.status,
        progress: programmeItems.progress,
        completedOn: programmeItems.completedOn,
        indicatorName: programmeItems.indicatorName,
        indicatorUnit: programmeItems.indicatorUnit,
        indicatorTarget: programmeItems.indicatorTarget,
        indicatorActual: programmeItems.indicatorActual,
        decisionId: programmeItems.decisionId,
        version: programmeItems.version,
      })
      .from(programmeItems)
      .leftJoin(organisations, eq(organisations.id, programmeItems.responsibleOrganisationId))
      .leftJoin(users, eq(users.id, programmeItems.responsibleUserId))
      .where(
        and(
          eq(programmeItems.localityId, opts.localityId),
          eq(programmeItems.partnershipId, opts.partnershipId),
        ),
      )
      .orderBy(asc(programmeItems.position), asc(programmeItems.createdAt)),
    db
      .select({ itemId: programmeItemProblems.itemId, id: localProblems.id, title: localProblems.title })
      .from(programmeItemProblems)
      .innerJoin(programmeItems, eq(programmeItems.id, programmeItemProblems.itemId))
      .innerJoin(localProblems, eq(localProblems.id, programmeItemProblems.problemId))
      .where(
        and(
          eq(programmeItemProblems.localityId, opts.localityId),
          eq(programmeItems.partnershipId, opts.partnershipId),
        ),
      )
      .orderBy(asc(localProblems.title)),
  ]);
  const problems = new Map<string, { id: string; title: string }[]>();
  for (const l of links) {
    const list = problems.get(l.itemId) ?? [];
    list.push({ id: l.id, title: l.title });
    problems.set(l.itemId, list);
  }
  const progress = derivedProgress(items);
  const rows: ProgrammeRow[] = items.map((i) => ({
    ...i,
    level: i.level as ProgrammeLevel,
    status: i.status as ProgrammeStatus,
    ownProgress: i.progress,
    progress: progress.get(i.id) ?? i.progress,
    overdue: isOverdue(i, opts.today),
    problems: problems.get(i.id) ?? [],
  }));
  return treeOrder(rows);
}

/** Goals in order, each followed by its actions, each followed by its tasks; orphans last. */
export function treeOrder<T extends { id: string; parentId: string | null }>(rows: readonly T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  const out: T[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null) => {
    for (const r of children.get(parent) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

/** What the item form offers: the partnership's members, this locality's people, goals and actions, problems. */
export async function programmeFormOptions(db: Db, opts: { localityId: string; partnershipId: string }) {
  const [members, people, parents, problems] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(partnershipMembers)
      .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
      .where(
        and(
          eq(partnershipMembers.localityId, opts.localityId),
          eq(partnershipMembers.partnershipId, opts.partnershipId),
        ),
      )
      .orderBy(asc(organisations.nameFolded)),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.localityId, opts.localityId),
          eq(users.active, true),
          ne(memberships.role, 'participant'),
        ),
      )
      .orderBy(asc(users.name)),
    db
      .select({
        id: programmeItems.id,
        parentId: programmeItems.parentId,
        level: programmeItems.level,
        title: programmeItems.title,
        status: programmeItems.status,
      })
      .from(programmeItems)
      .where(
        and(
          eq(programmeItems.localityId, opts.localityId),
          eq(programmeItems.partnershipId, opts.partnershipId),
          inArray(programmeItems.level, ['goal', 'action']),
        ),
      )
      .orderBy(asc(programmeItems.position), asc(programmeItems.createdAt)),
    db
      .select({ id: localProblems.id, title: localProblems.title, status: localProblems.status })
      .from(localProblems)
      .where(and(eq(localProblems.localityId, opts.localityId), inArray(localProblems.status, LINKABLE)))
      .orderBy(asc(localProblems.title)),
  ]);
  return { members, people, parents: treeOrder(parents), problems };
}

export type ProgrammeSummary = {
  goals: { id: string; title: string; status: ProgrammeStatus; progress: number; tasks: number }[];
  tasks: number;
  done: number;
  overdue: number;
};

/**
 * The partnership page's summary in ONE statement: each goal with the progress of its tasks
 * (its own when it has none) and, over the whole programme, tasks, done and overdue.
 */
export async function programmeSummary(
  db: Db,
  opts: { localityId: string; partnershipId: string; today: string },
): Promise<ProgrammeSummary> {
  const a = alias(programmeItems, 'a');
  const t = alias(programmeItems, 't');
  const live = sql`${t.status} <> 'cancelled'`;
  const rows = await db
    .select({
      id: programmeItems.id,
      title: programmeItems.title,
      status: programmeItems.status,
      own: programmeItems.progress,
      tasks: sql<number>`count(${t.id}) filter (where ${live})`.mapWith(Number),
      taskProgress: sql<
        number | null
      >`round(avg(case when ${t.status} = 'done' then 100 else ${t.progress} end) filter (where ${live}))`,
      done: sql<number>`count(${t.id}) filter (where ${t.status} = 'done')`.mapWith(Number),
      overdue:
        sql<number>`count(${t.id}) filter (where ${t.dueOn} < ${opts.today} and ${t.status} not in ('done', 'cancelled'))`.mapWith(
          Number,
        ),
    })
    .from(programmeItems)
    .leftJoin(a, and(eq(a.parentId, programmeItems.id), eq(a.level, 'action')))
    .leftJoin(t, and(eq(t.parentId, a.id), eq(t.level, 'task')))
    .where(
      and(
        eq(programmeItems.partnershipId, opts.partnershipId),
        eq(programmeItems.localityId, opts.localityId),
        eq(programmeItems.level, 'goal'),
      ),
    )
    .groupBy(programmeItems.id)
    .orderBy(asc(programmeItems.position), asc(programmeItems.createdAt));
  const goals = rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status as ProgrammeStatus,
    tasks: r.tasks,
    progress:
      r.tasks > 0 && r.taskProgress !== null ? Number(r.taskProgress) : r.status === 'done' ? 100 : r.own,
  }));
  return {
    goals,
    tasks: goals.reduce((sum, g) => sum + g.tasks, 0),
    done: rows.reduce((sum, r) => sum + r.done, 0),
    overdue: rows.reduce((sum, r) => sum + r.overdue, 0),
  };
}

/**
 * The public progress page: the partnership (only when its coordinator published it) and its
 * goals and actions with progress and indicators, plus counts of tasks. No personal data: no
 * people, no e-mails, no responsible persons; organisation names are not shown either.
 */
export async function loadPublicProgress(
  db: Db,
  opts: { localitySlug: string; partnershipId: string; today: string },
) {
  if (!UUID.test(opts.partnershipId)) return null;
  const [p] = await db
    .select({
      id: partnerships.id,
      name: partnerships.name,
      aim: partnerships.aim,
      localityId: localities.id,
      localityName: localities.name,
      localitySlug: localities.slug,
    })
    .from(partnerships)
    .innerJoin(localities, eq(localities.id, partnerships.localityId))
    .where(
      and(
        eq(localities.slug, opts.localitySlug),
        eq(partnerships.id, opts.partnershipId),
        eq(partnerships.publicProgress, true),
      ),
    )
    .limit(1);
  if (!p) return null;
  const items = await db
    .select({
      id: programmeItems.id,
      parentId: programmeItems.parentId,
      level: programmeItems.level,
      title: programmeItems.title,
      description: programmeItems.description,
      startsOn: programmeItems.startsOn,
      dueOn: programmeItems.dueOn,
      status: programmeItems.status,
      progress: programmeItems.progress,
      indicatorName: programmeItems.indicatorName,
      indicatorUnit: programmeItems.indicatorUnit,
      indicatorTarget: programmeItems.indicatorTarget,
      indicatorActual: programmeItems.indicatorActual,
    })
    .from(programmeItems)
    .where(and(eq(programmeItems.localityId, p.localityId), eq(programmeItems.partnershipId, p.id)))
    .orderBy(asc(programmeItems.position), asc(programmeItems.createdAt));
  const progress = derivedProgress(items);
  const tasksUnder = new Map<string, { total: number; done: number }>();
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const t of items) {
    if (t.level !== 'task' || t.status === 'cancelled') continue;
    let parentId = t.parentId;
    while (parentId) {
      const c = tasksUnder.get(parentId) ?? { total: 0, done: 0 };
      c.total += 1;
      if (t.status === 'done') c.done += 1;
      tasksUnder.set(parentId, c);
      parentId = byId.get(parentId)?.parentId ?? null;
    }
  }
  const shown = treeOrder(items.filter((i) => i.level !== 'task')).map((i) => ({
    ...i,
    level: i.level as ProgrammeLevel,
    status: i.status as ProgrammeStatus,
    progress: progress.get(i.id) ?? i.progress,
    tasks: tasksUnder.get(i.id) ?? { total: 0, done: 0 },
  }));
  const tasks = items.filter((i) => i.level === 'task' && i.status !== 'cancelled');
  return {
    partnership: { id: p.id, name: p.name, aim: p.aim },
    locality: { name: p.localityName, slug: p.localitySlug },
    items: shown,
    tasks: {
      total: tasks.length,
      done: tasks.filter((t) => t.status === 'done').length,
      overdue: tasks.filter((t) => isOverdue(t, opts.today)).length,
    },
  };
}

/** Live evidence for the roadmap's "programmes and funding" step: goals, tasks and tasks done, in one statement. */
/** The programme counts as one JSON value ({goals, tasks, done}), for a single-statement caller. */
export function programmeEvidenceJson(localityId: string) {
  return sql`(select json_build_object(
      'goals', count(*) filter (where p.level = 'goal'),
      'tasks', count(*) filter (where p.level = 'task'),
      'done', count(*) filter (where p.level = 'task' and p.status = 'done'))
    from programme_items p
    where p.locality_id = ${localityId} and p.status <> 'cancelled')`;
}

export async function programmeEvidence(db: Db, opts: { localityId: string }) {
  const [row] = await db
    .select({
      goals: sql<number>`count(*) filter (where ${programmeItems.level} = 'goal')`.mapWith(Number),
      tasks: sql<number>`count(*) filter (where ${programmeItems.level} = 'task')`.mapWith(Number),
      done: sql<number>`count(*) filter (where ${programmeItems.level} = 'task' and ${programmeItems.status} = 'done')`.mapWith(
        Number,
      ),
    })
    .from(programmeItems)
    .where(and(eq(programmeItems.localityId, opts.localityId), ne(programmeItems.status, 'cancelled')));
  return { goals: row?.goals ?? 0, tasks: row?.tasks ?? 0, done: row?.done ?? 0 };
}
