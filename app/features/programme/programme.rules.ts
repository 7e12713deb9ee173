import type { MessageKey } from '../../lib/i18n/catalog.ts';

export const PROGRAMME_LEVELS = ['goal', 'action', 'task'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];

export const PROGRAMME_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** The level an item's parent must have: a goal has none, an action sits under a goal, a task under an action. */
export const PARENT_LEVEL: Record<ProgrammeLevel, ProgrammeLevel | null> = {
  goal: null,
  action: 'goal',
  task: 'action',
};

export function isProgrammeLevel(v: unknown): v is ProgrammeLevel {
  return typeof v === 'string' && (PROGRAMME_LEVELS as readonly string[]).includes(v);
}
export function isProgrammeStatus(v: unknown): v is ProgrammeStatus {
  return typeof v === 'string' && (PROGRAMME_STATUSES as readonly string[]).includes(v);
}

/** Whether the parent given fits the level (null when it does, else the message explaining why not). */
export function checkParent(
  level: ProgrammeLevel,
  parent: { level: string; status?: string } | null,
): MessageKey | null {
  const wanted = PARENT_LEVEL[level];
  if (wanted === null) return parent ? 'programme.errors.goalHasNoParent' : null;
  if (!parent)
    return level === 'action' ? 'programme.errors.actionNeedsGoal' : 'programme.errors.taskNeedsAction';
  if (parent.level !== wanted)
    return level === 'action' ? 'programme.errors.actionNeedsGoal' : 'programme.errors.taskNeedsAction';
  return null;
}

/** Start on or before the due date; either may be missing. */
export function checkDates(startsOn: string | null, dueOn: string | null): MessageKey | null {
  if (startsOn && dueOn && dueOn < startsOn) return 'programme.errors.datesOrder';
  return null;
}

/** An indicator with a target or an actual value needs a name saying what is counted. */
export function checkIndicator(i: {
  indicatorName: string;
  indicatorTarget: string | null;
  indicatorActual: string | null;
}): MessageKey | null {
  if (!i.indicatorName && (i.indicatorTarget !== null || i.indicatorActual !== null))
    return 'programme.errors.indicatorName';
  return null;
}

/**
 * The named status moves. A responsible partner moves a task between planned, in progress and
 * done (and reopens it); only whoever manages the programme cancels or restores.
 */
export const TRANSITIONS: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['planned', 'done', 'cancelled'],
  done: ['in_progress', 'cancelled'],
  cancelled: ['planned'],
};

export function checkTransition(from: ProgrammeStatus, to: ProgrammeStatus): MessageKey | null {
  if (from === to) return null;
  return TRANSITIONS[from].includes(to) ? null : 'programme.errors.transition';
}

/** Done means 100 %; planned work that has not started reports what was typed (0 by default). */
export function normaliseProgress(status: ProgrammeStatus, progress: number): number {
  if (status === 'done') return 100;
  return Math.max(0, Math.min(100, Math.round(progress)));
}

/** The day work was completed: kept when it stays done, today when it becomes done, cleared otherwise. */
export function completedOnFor(
  status: ProgrammeStatus,
  previous: { status: string; completedOn: string | null } | null,
  today: string,
): string | null {
  if (status !== 'done') return null;
  if (previous?.status === 'done' && previous.completedOn) return previous.completedOn;
  return today;
}

/** Overdue: the due date has passed and the item is neither done nor cancelled. */
export function isOverdue(item: { dueOn: string | null; status: string }, today: string): boolean {
  return Boolean(item.dueOn && item.dueOn < today && item.status !== 'done' && item.status !== 'cancelled');
}

export type ProgressNode = {
  id: string;
  parentId: string | null;
  level: string;
  status: string;
  progress: number;
};

/**
 * Progress shown for every item: a task's own; a goal's or action's the mean of its tasks
 * (cancelled ones left out) when it has any, otherwise its own.
 */
export function derivedProgress(items: readonly ProgressNode[]): Map<string, number> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const t of items) {
    if (t.level !== 'task' || t.status === 'cancelled') continue;
    const value = t.status === 'done' ? 100 : t.progress;
    let parentId = t.parentId;
    while (parentId) {
      const s = sums.get(parentId) ?? { sum: 0, n: 0 };
      s.sum += value;
      s.n += 1;
      sums.set(parentId, s);
      parentId = byId.get(parentId)?.parentId ?? null;
    }
  }
  const out = new Map<string, number>();
  for (const i of items) {
    const s = sums.get(i.id);
    out.set(i.id, s && s.n > 0 ? Math.round(s.sum / s.n) : i.status === 'done' ? 100 : i.progress);
  }
  return out;
}

/** Outline numbers for rows in tree order: goals 1, 2…; actions 1.1; tasks 1.1.1. */
export function outlineNumbers(
  rows: readonly { id: string; parentId: string | null }[],
): Map<string, string> {
  const out = new Map<string, string>();
  const counters = new Map<string | null, number>();
  for (const r of rows) {
    const parent = r.parentId && out.has(r.parentId) ? r.parentId : null;
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    out.set(r.id, parent ? `${out.get(parent)}.${n}` : String(n));
  }
  return out;
}
