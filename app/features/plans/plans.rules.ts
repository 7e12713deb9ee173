import { dateInputValue } from '../../lib/dates.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { Role } from '../../lib/roles.ts';

/**
 * Support plans (individual reintegration plans): pure rules, no I/O. A plan moves through
 * named steps draft → agreed → in_progress → closed; every move is a command with its own
 * conditions, explained in words (message ids with figures).
 */

export const PLAN_STEPS = ['draft', 'agreed', 'in_progress', 'closed'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

export const ACTION_KINDS = [
  'advice',
  'training',
  'self_education_group',
  'club_activities',
  'work_placement',
  'referral',
  'other',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['planned', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CLOSING_REASONS = [
  'goals_achieved',
  'found_work',
  'moved_away',
  'withdrew',
  'no_contact',
  'other',
] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

export const OUTCOME_KINDS = [
  'found_work',
  'joined_enterprise',
  'founded_enterprise',
  'started_education',
  'other',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Who may lead a plan: staff who work with participants directly. */
export const RESPONSIBLE_ROLES: readonly Role[] = ['coordinator', 'advisor', 'animator'];

/** The dated parameter `supportPlans.review` (local practice, not law). */
export const REVIEW_PARAMETER = 'supportPlans.review';
export type ReviewParameter = { defaultIntervalDays: number; remindDaysBefore: number };

export function isPlanStep(v: string): v is PlanStep {
  return (PLAN_STEPS as readonly string[]).includes(v);
}

/** `YYYY-MM-DD` moved by a number of days (calendar arithmetic in UTC, no time zone drift). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
}

/** The step a plan moves to next by the "advance" command; closing is its own command. */
export function nextStep(step: string): 'agreed' | 'in_progress' | null {
  if (step === 'draft') return 'agreed';
  if (step === 'agreed') return 'in_progress';
  return null;
}

export function isOpen(step: string): boolean {
  return step !== 'closed';
}

/** The first review when staff do not choose one: the start plus the parameter's interval. */
export function defaultFirstReview(startsOn: string, param: ReviewParameter): string {
  return addDays(startsOn, param.defaultIntervalDays);
}

type PlanFacts = { step: string; needs: string; goals: string; startsOn: string };
type ActionFacts = { status: string };

/**
 * Why the plan cannot be agreed (field → reason), or an empty object: the needs and the goals
 * written down, at least one planned action, and the day it was agreed (not before the start,
 * not in the future).
 */
export function agreeProblems(
  plan: PlanFacts,
  actions: ActionFacts[],
  agreedOn: string | null,
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  if (plan.step !== 'draft') errors._form = 'plans.step.notDraft';
  if (!plan.needs.trim()) errors.needs = 'plans.agree.needsMissing';
  if (!plan.goals.trim()) errors.goals = 'plans.agree.goalsMissing';
  if (!actions.some((a) => a.status === 'planned')) errors.actionKind = 'plans.agree.noPlannedAction';
  if (!agreedOn) errors.agreedOn = 'plans.agree.dateMissing';
  else if (agreedOn < plan.startsOn)
    errors.agreedOn = { key: 'plans.agree.beforeStart', values: { date: dateInputValue(plan.startsOn) } };
  else if (agreedOn > today) errors.agreedOn = 'plans.date.future';
  return errors;
}

/** An agreed plan keeps its needs and goals written down (they are what was agreed). */
export function editProblems(plan: { step: string }, input: { needs: string; goals: string }): FieldErrors {
  if (plan.step === 'draft') return {};
  const errors: FieldErrors = {};
  if (!input.needs.trim()) errors.needs = 'plans.edit.needsRequired';
  if (!input.goals.trim()) errors.goals = 'plans.edit.goalsRequired';
  return errors;
}

/** An action's due date cannot come before the plan starts. */
export function actionDueProblem(dueOn: string | null, startsOn: string): FieldErrors {
  return dueOn && dueOn < startsOn
    ? { actionDueOn: { key: 'plans.action.dueBeforeStart', values: { date: dateInputValue(startsOn) } } }
    : {};
}

/** Why the plan cannot start being carried out: it must be agreed first. */
export function startProblems(plan: PlanFacts): FieldErrors {
  return plan.step === 'agreed' ? {} : { _form: 'plans.start.notAgreed' };
}

/**
 * Why the plan cannot be closed: it is already closed; a reason from the list; the closing
 * date not before the start and not in the future; a note when the reason is "other".
 */
export function closeProblems(
  plan: PlanFacts,
  input: { reason: string; closedOn: string | null; note: string },
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  if (plan.step === 'closed') errors._form = 'plans.closed.readOnly';
  if (!(CLOSING_REASONS as readonly string[]).includes(input.reason))
    errors.closingReason = 'plans.close.reasonMissing';
  if (!input.closedOn) errors.closedOn = 'plans.close.dateMissing';
  else if (input.closedOn < plan.startsOn)
    errors.closedOn = { key: 'plans.close.beforeStart', values: { date: dateInputValue(plan.startsOn) } };
  else if (input.closedOn > today) errors.closedOn = 'plans.date.future';
  if (input.reason === 'other' && !input.note.trim()) errors.closingNote = 'plans.close.noteRequired';
  return errors;
}

/** A review cannot come before the plan starts (the message carries the start date). */
export function reviewDateProblem(dueOn: string, startsOn: string, field = 'reviewDueOn'): FieldErrors {
  return dueOn < startsOn
    ? { [field]: { key: 'plans.review.beforeStart', values: { date: dateInputValue(startsOn) } } }
    : {};
}

/** A review held: not before the start, not in the future, with a note of what was found. */
export function holdProblems(
  input: { heldOn: string; reviewNote: string; nextDueOn: string | null },
  startsOn: string,
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  if (input.heldOn > today) errors.heldOn = 'plans.date.future';
  else if (input.heldOn < startsOn)
    errors.heldOn = { key: 'plans.review.heldBeforeStart', values: { date: dateInputValue(startsOn) } };
  if (!input.reviewNote.trim()) errors.reviewNote = 'plans.review.noteRequired';
  if (input.nextDueOn && input.nextDueOn <= input.heldOn) errors.nextDueOn = 'plans.review.nextNotAfterHeld';
  return errors;
}

/** An outcome happens on or after the plan's start and not in the future. */
export function outcomeDateProblem(achievedOn: string, startsOn: string, today: string): FieldErrors {
  if (achievedOn > today) return { achievedOn: 'plans.date.future' };
  if (achievedOn < startsOn)
    return { achievedOn: { key: 'plans.outcome.beforeStart', values: { date: dateInputValue(startsOn) } } };
  return {};
}

/** An action done needs the day it was done (not in the future); planned or dropped have none. */
export function actionStatusProblem(status: string, doneOn: string | null, today: string): FieldErrors {
  if (status === 'done' && doneOn && doneOn > today) return { doneOn: 'plans.date.future' };
  return {};
}

export type ReviewFacts = { id: string; dueOn: string; heldOn: string | null };

/** The next review not held yet (the earliest), or null. */
export function nextReview<R extends ReviewFacts>(reviews: R[]): R | null {
  return reviews.filter((r) => !r.heldOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

/** Overdue: its date has passed and it has not been held. */
export function isReviewOverdue(review: { dueOn: string; heldOn: string | null }, today: string): boolean {
  return !review.heldOn && review.dueOn < today;
}

/** How a review's timing reads: overdue by n days, due today, due in n days, held. */
export type ReviewTiming =
  | { kind: 'held' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'upcoming'; days: number };

export function reviewTiming(review: { dueOn: string; heldOn: string | null }, today: string): ReviewTiming {
  if (review.heldOn) return { kind: 'held' };
  const d = daysBetween(today, review.dueOn);
  if (d < 0) return { kind: 'overdue', days: -d };
  if (d === 0) return { kind: 'today' };
  return { kind: 'upcoming', days: d };
}

/** Whether a reminder is due: not held, due within `remindDaysBefore` days or overdue, not reminded today. */
export function needsReminder(
  review: { dueOn: string; heldOn: string | null; remindedOn: string | null },
  today: string,
  param: ReviewParameter,
): boolean {
  if (review.heldOn) return false;
  if (review.remindedOn && review.remindedOn >= today) return false;
  return review.dueOn <= addDays(today, param.remindDaysBefore);
}
