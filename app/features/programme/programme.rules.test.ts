import { describe, expect, it } from 'vitest';
import { parseForm } from '../../lib/forms.ts';
import {
  checkDates,
  checkIndicator,
  checkParent,
  checkTransition,
  completedOnFor,
  derivedProgress,
  isOverdue,
  normaliseProgress,
  outlineNumbers,
} from './programme.rules.ts';
import { programmeFormData, programmeItemSchema } from './programme.schema.ts';

describe('the shape of the programme', () => {
  it('puts goals at the top, actions under goals and tasks under actions', () => {
    expect(checkParent('goal', null)).toBeNull();
    expect(checkParent('goal', { level: 'goal' })).toBe('programme.errors.goalHasNoParent');
    expect(checkParent('action', { level: 'goal' })).toBeNull();
    expect(checkParent('action', null)).toBe('programme.errors.actionNeedsGoal');
    expect(checkParent('action', { level: 'action' })).toBe('programme.errors.actionNeedsGoal');
    expect(checkParent('task', { level: 'action' })).toBeNull();
    expect(checkParent('task', { level: 'goal' })).toBe('programme.errors.taskNeedsAction');
    expect(checkParent('task', null)).toBe('programme.errors.taskNeedsAction');
  });

  it('refuses a due date before the start, and accepts either date missing', () => {
    expect(checkDates('2027-03-10', '2027-03-01')).toBe('programme.errors.datesOrder');
    expect(checkDates('2027-03-01', '2027-03-01')).toBeNull();
    expect(checkDates(null, '2027-03-01')).toBeNull();
    expect(checkDates('2027-03-01', null)).toBeNull();
  });

  it('wants an indicator named when it has a value', () => {
    expect(checkIndicator({ indicatorName: '', indicatorTarget: '20', indicatorActual: null })).toBe(
      'programme.errors.indicatorName',
    );
    expect(
      checkIndicator({ indicatorName: 'Osoby', indicatorTarget: '20', indicatorActual: null }),
    ).toBeNull();
    expect(checkIndicator({ indicatorName: '', indicatorTarget: null, indicatorActual: null })).toBeNull();
  });
});

describe('status and progress', () => {
  it('moves status by the named steps only', () => {
    expect(checkTransition('planned', 'in_progress')).toBeNull();
    expect(checkTransition('in_progress', 'done')).toBeNull();
    expect(checkTransition('done', 'in_progress')).toBeNull();
    expect(checkTransition('done', 'planned')).toBe('programme.errors.transition');
    expect(checkTransition('cancelled', 'done')).toBe('programme.errors.transition');
    expect(checkTransition('cancelled', 'planned')).toBeNull();
    expect(checkTransition('planned', 'planned')).toBeNull();
  });

  it('makes done mean 100% and keeps progress within 0–100', () => {
    expect(normaliseProgress('done', 40)).toBe(100);
    expect(normaliseProgress('in_progress', 140)).toBe(100);
    expect(normaliseProgress('planned', -5)).toBe(0);
    expect(normaliseProgress('in_progress', 45)).toBe(45);
  });

  it('records the completion day once, and clears it when reopened', () => {
    expect(completedOnFor('done', null, '2027-01-05')).toBe('2027-01-05');
    expect(completedOnFor('done', { status: 'done', completedOn: '2026-12-01' }, '2027-01-05')).toBe(
      '2026-12-01',
    );
    expect(
      completedOnFor('in_progress', { status: 'done', completedOn: '2026-12-01' }, '2027-01-05'),
    ).toBeNull();
  });

  it('calls an item overdue when its due date has passed and it is neither done nor cancelled', () => {
    const today = '2027-01-10';
    expect(isOverdue({ dueOn: '2027-01-09', status: 'in_progress' }, today)).toBe(true);
    expect(isOverdue({ dueOn: '2027-01-10', status: 'planned' }, today)).toBe(false);
    expect(isOverdue({ dueOn: '2027-01-09', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ dueOn: '2027-01-09', status: 'cancelled' }, today)).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'planned' }, today)).toBe(false);
  });

  it("derives a goal's and an action's progress from their tasks, leaving cancelled tasks out", () => {
    const items = [
      { id: 'g', parentId: null, level: 'goal', status: 'in_progress', progress: 5 },
      { id: 'a1', parentId: 'g', level: 'action', status: 'in_progress', progress: 0 },
      { id: 't1', parentId: 'a1', level: 'task', status: 'done', progress: 30 },
      { id: 't2', parentId: 'a1', level: 'task', status: 'in_progress', progress: 50 },
      { id: 't3', parentId: 'a1', level: 'task', status: 'cancelled', progress: 0 },
      { id: 'a2', parentId: 'g', level: 'action', status: 'planned', progress: 10 },
      { id: 'g2', parentId: null, level: 'goal', status: 'planned', progress: 20 },
    ];
    const p = derivedProgress(items);
    expect(p.get('a1')).toBe(75); // (100 + 50) / 2
    expect(p.get('a2')).toBe(10); // no tasks: its own
    expect(p.get('g')).toBe(75); // the goal's tasks
    expect(p.get('g2')).toBe(20);
    expect(p.get('t2')).toBe(50);
  });

  it('numbers the tree as an outline', () => {
    const n = outlineNumbers([
      { id: 'g1', parentId: null },
      { id: 'a1', parentId: 'g1' },
      { id: 't1', parentId: 'a1' },
      { id: 't2', parentId: 'a1' },
      { id: 'a2', parentId: 'g1' },
      { id: 'g2', parentId: null },
    ]);
    expect([...n.values()]).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2']);
  });
});

describe('the item form', () => {
  const form = (fields: Record<string, string | string[]>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
    return parseForm(programmeFormData(f), programmeItemSchema);
  };
  const id1 = '11111111-1111-4111-8111-111111111111';
  const id2 = '22222222-2222-4222-8222-222222222222';

  it('reads Polish dates and numbers, and every ticked problem', () => {
    const r = form({
      level: 'task',
      parentId: id1,
      title: '  Nabór uczestników ',
      startsOn: '1.02.2027',
      dueOn: '2027-03-15',
      progress: '40 %',
      indicatorName: 'Osoby',
      indicatorTarget: '1 250,5',
      indicatorActual: '',
      problemIds: [id1, id2, id1],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({
      level: 'task',
      parentId: id1,
      title: 'Nabór uczestników',
      startsOn: '2027-02-01',
      dueOn: '2027-03-15',
      status: 'planned',
      progress: 40,
      indicatorTarget: '1250.5',
      indicatorActual: null,
      responsibleOrganisationId: null,
      problemIds: [id1, id2],
    });
  });

  it('names each bad field with a message id', () => {
    const r = form({
      level: 'milestone',
      title: '',
      dueOn: '31.02.2027',
      progress: '150',
      indicatorTarget: 'dużo',
      responsibleOrganisationId: 'not-an-id',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      level: 'programme.form.level.required',
      title: 'programme.form.title.required',
      dueOn: 'programme.form.date.invalid',
      progress: 'programme.form.progress.invalid',
      indicatorTarget: 'programme.form.indicator.invalid',
      responsibleOrganisationId: 'programme.form.responsible.invalid',
    });
  });
});
