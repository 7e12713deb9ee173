import type { MessageKey } from '../../lib/i18n/catalog.ts';

/** The seed's implementation steps, in the seed's order. */
export const STEP_KEYS = [
  'leader_organisation',
  'local_partners',
  'leaders_trained',
  'club_premises',
  'animator_employed',
  'programmes_and_funding',
  'study_groups_started',
  'centre_created',
  'enterprises_founded',
  'cooperation_promoted',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export const STEP_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export function isStepKey(value: string): value is StepKey {
  return (STEP_KEYS as readonly string[]).includes(value);
}

export type StepSnapshot = {
  stepKey: StepKey;
  position: number;
  status: StepStatus;
  dueDate: string | null;
  doneOn: string | null;
  startedOn: string | null;
};

export type StepChange = {
  status: StepStatus;
  dueDate: string | null;
  doneOn: string | null;
  evidenceNotes: string;
  evidenceLinkCount: number;
};

export type RuleViolation = { field: string; key: MessageKey };

/**
 * The rules a step change must satisfy. Pure: dates are ISO calendar dates and `today`
 * is the Warsaw date. Each violation names the field and a message that explains it.
 */
export function checkStepChange(current: StepSnapshot, change: StepChange, today: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (change.status === 'done') {
    if (!change.doneOn) violations.push({ field: 'doneOn', key: 'roadmap.rules.doneOnRequired' });
    else if (change.doneOn > today) violations.push({ field: 'doneOn', key: 'roadmap.rules.doneOnFuture' });
    else if (current.startedOn && change.doneOn < current.startedOn)
      violations.push({ field: 'doneOn', key: 'roadmap.rules.doneBeforeStart' });
    if (!change.evidenceNotes.trim() && change.evidenceLinkCount === 0)
      violations.push({ field: 'evidenceNotes', key: 'roadmap.rules.evidenceRequired' });
  } else if (change.doneOn) {
    violations.push({ field: 'doneOn', key: 'roadmap.rules.doneOnOnlyWhenDone' });
  }
  return violations;
}

export function isOverdue(step: Pick<StepSnapshot, 'status' | 'dueDate'>, today: string): boolean {
  return step.status !== 'done' && step.dueDate !== null && step.dueDate < today;
}

export type RoadmapSummary = {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /** Share of steps done, 0..1. */
  progress: number;
  overdue: StepKey[];
  /** What to do next: the earliest step (in the seed's order) that is not done. */
  next: StepKey | null;
};

export function summarizeRoadmap(
  steps: Pick<StepSnapshot, 'stepKey' | 'position' | 'status' | 'dueDate'>[],
  today: string,
): RoadmapSummary {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const done = ordered.filter((s) => s.status === 'done').length;
  const inProgress = ordered.filter((s) => s.status === 'in_progress').length;
  return {
    total: ordered.length,
    done,
    inProgress,
    notStarted: ordered.length - done - inProgress,
    progress: ordered.length ? done / ordered.length : 0,
    overdue: ordered.filter((s) => isOverdue(s, today)).map((s) => s.stepKey),
    next: ordered.find((s) => s.status !== 'done')?.stepKey ?? null,
  };
}
