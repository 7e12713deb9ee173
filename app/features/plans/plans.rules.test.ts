import { describe, expect, it } from 'vitest';
import {
  actionDueProblem,
  addDays,
  agreeProblems,
  closeProblems,
  defaultFirstReview,
  editProblems,
  holdProblems,
  isReviewOverdue,
  needsReminder,
  nextReview,
  nextStep,
  outcomeDateProblem,
  reviewDateProblem,
  reviewTiming,
  startProblems,
} from './plans.rules.ts';

const today = '2027-03-10';
const draft = { step: 'draft', needs: 'Praca blisko domu', goals: 'Zatrudnienie', startsOn: '2027-03-01' };
const param = { defaultIntervalDays: 90, remindDaysBefore: 3 };

describe('named steps', () => {
  it('go draft → agreed → in progress; closing is its own command', () => {
    expect(nextStep('draft')).toBe('agreed');
    expect(nextStep('agreed')).toBe('in_progress');
    expect(nextStep('in_progress')).toBeNull();
    expect(nextStep('closed')).toBeNull();
  });

  it('agree needs needs, goals, a planned action and the agreed date, each explained', () => {
    expect(agreeProblems(draft, [{ status: 'planned' }], '2027-03-05', today)).toEqual({});
    const empty = agreeProblems({ ...draft, needs: ' ', goals: '' }, [{ status: 'done' }], null, today);
    expect(empty).toEqual({
      needs: 'plans.agree.needsMissing',
      goals: 'plans.agree.goalsMissing',
      actionKind: 'plans.agree.noPlannedAction',
      agreedOn: 'plans.agree.dateMissing',
    });
    expect(agreeProblems(draft, [{ status: 'planned' }], '2027-02-28', today).agreedOn).toEqual({
      key: 'plans.agree.beforeStart',
      values: { date: '1.03.2027' },
    });
    expect(agreeProblems(draft, [{ status: 'planned' }], '2027-03-11', today).agreedOn).toBe(
      'plans.date.future',
    );
    expect(agreeProblems({ ...draft, step: 'agreed' }, [{ status: 'planned' }], today, today)._form).toBe(
      'plans.step.notDraft',
    );
  });

  it('start only an agreed plan', () => {
    expect(startProblems({ ...draft, step: 'agreed' })).toEqual({});
    expect(startProblems(draft)).toEqual({ _form: 'plans.start.notAgreed' });
  });

  it('close with a listed reason, a date not before the start, and a note for "other"', () => {
    const ok = { reason: 'found_work', closedOn: '2027-03-09', note: '' };
    expect(closeProblems(draft, ok, today)).toEqual({});
    expect(closeProblems(draft, { reason: 'bored', closedOn: null, note: '' }, today)).toEqual({
      closingReason: 'plans.close.reasonMissing',
      closedOn: 'plans.close.dateMissing',
    });
    expect(closeProblems(draft, { ...ok, closedOn: '2027-02-01' }, today).closedOn).toEqual({
      key: 'plans.close.beforeStart',
      values: { date: '1.03.2027' },
    });
    expect(closeProblems(draft, { ...ok, reason: 'other' }, today)).toEqual({
      closingNote: 'plans.close.noteRequired',
    });
    expect(closeProblems(draft, { ...ok, reason: 'other', note: 'Opieka nad dzieckiem' }, today)).toEqual({});
    expect(closeProblems({ ...draft, step: 'closed' }, ok, today)._form).toBe('plans.closed.readOnly');
  });
});

describe('reviews', () => {
  it('default to the start plus the interval, and never come before the start', () => {
    expect(defaultFirstReview('2027-01-15', param)).toBe('2027-04-15');
    expect(reviewDateProblem('2027-03-01', '2027-03-01')).toEqual({});
    expect(reviewDateProblem('2027-02-27', '2027-03-01')).toEqual({
      reviewDueOn: { key: 'plans.review.beforeStart', values: { date: '1.03.2027' } },
    });
    expect(reviewDateProblem('2027-02-27', '2027-03-01', 'firstReviewOn')).toHaveProperty('firstReviewOn');
  });

  it('held: not before the start, not in the future, with a note; the next one after it', () => {
    expect(
      holdProblems({ heldOn: '2027-03-09', reviewNote: 'OK', nextDueOn: '2027-06-01' }, '2027-03-01', today),
    ).toEqual({});
    expect(
      holdProblems({ heldOn: '2027-03-11', reviewNote: '', nextDueOn: '2027-03-11' }, '2027-03-01', today),
    ).toEqual({
      heldOn: 'plans.date.future',
      reviewNote: 'plans.review.noteRequired',
      nextDueOn: 'plans.review.nextNotAfterHeld',
    });
    expect(
      holdProblems({ heldOn: '2027-02-01', reviewNote: 'x', nextDueOn: null }, '2027-03-01', today).heldOn,
    ).toEqual({
      key: 'plans.review.heldBeforeStart',
      values: { date: '1.03.2027' },
    });
  });

  it('next, overdue and timing in words', () => {
    const reviews = [
      { id: 'a', dueOn: '2027-03-01', heldOn: '2027-03-01' },
      { id: 'c', dueOn: '2027-06-01', heldOn: null },
      { id: 'b', dueOn: '2027-03-05', heldOn: null },
    ];
    expect(nextReview(reviews)?.id).toBe('b');
    expect(nextReview([])).toBeNull();
    expect(isReviewOverdue({ dueOn: '2027-03-09', heldOn: null }, today)).toBe(true);
    expect(isReviewOverdue({ dueOn: today, heldOn: null }, today)).toBe(false);
    expect(isReviewOverdue({ dueOn: '2027-03-01', heldOn: '2027-03-02' }, today)).toBe(false);
    expect(reviewTiming({ dueOn: '2027-03-05', heldOn: null }, today)).toEqual({ kind: 'overdue', days: 5 });
    expect(reviewTiming({ dueOn: today, heldOn: null }, today)).toEqual({ kind: 'today' });
    expect(reviewTiming({ dueOn: '2027-03-12', heldOn: null }, today)).toEqual({ kind: 'upcoming', days: 2 });
    expect(reviewTiming({ dueOn: '2027-03-12', heldOn: '2027-03-09' }, today)).toEqual({ kind: 'held' });
  });

  it('reminders: due within remindDaysBefore or overdue, not held, once a day', () => {
    const r = (dueOn: string, extra: Partial<{ heldOn: string; remindedOn: string }> = {}) => ({
      dueOn,
      heldOn: null,
      remindedOn: null,
      ...extra,
    });
    expect(needsReminder(r(addDays(today, 3)), today, param)).toBe(true);
    expect(needsReminder(r(addDays(today, 4)), today, param)).toBe(false);
    expect(needsReminder(r('2027-01-01'), today, param)).toBe(true);
    expect(needsReminder(r('2027-01-01', { heldOn: '2027-01-01' }), today, param)).toBe(false);
    expect(needsReminder(r('2027-01-01', { remindedOn: today }), today, param)).toBe(false);
    expect(needsReminder(r('2027-01-01', { remindedOn: '2027-03-09' }), today, param)).toBe(true);
  });
});

describe('outcomes', () => {
  it('happen between the start and today', () => {
    expect(outcomeDateProblem('2027-03-05', '2027-03-01', today)).toEqual({});
    expect(outcomeDateProblem('2027-03-11', '2027-03-01', today)).toEqual({
      achievedOn: 'plans.date.future',
    });
    expect(outcomeDateProblem('2027-02-11', '2027-03-01', today).achievedOn).toEqual({
      key: 'plans.outcome.beforeStart',
      values: { date: '1.03.2027' },
    });
  });
});

describe('editing', () => {
  it('keeps needs and goals once agreed; a draft may still be rough', () => {
    expect(editProblems({ step: 'draft' }, { needs: '', goals: '' })).toEqual({});
    expect(editProblems({ step: 'agreed' }, { needs: ' ', goals: '' })).toEqual({
      needs: 'plans.edit.needsRequired',
      goals: 'plans.edit.goalsRequired',
    });
  });

  it('refuses an action due before the plan starts', () => {
    expect(actionDueProblem(null, '2027-03-01')).toEqual({});
    expect(actionDueProblem('2027-03-01', '2027-03-01')).toEqual({});
    expect(actionDueProblem('2027-02-28', '2027-03-01')).toEqual({
      actionDueOn: { key: 'plans.action.dueBeforeStart', values: { date: '1.03.2027' } },
    });
  });
});
