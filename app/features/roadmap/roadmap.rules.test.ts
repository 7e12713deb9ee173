import { describe, expect, it } from 'vitest';
import {
  checkStepChange,
  isOverdue,
  STEP_KEYS,
  type StepSnapshot,
  summarizeRoadmap,
} from './roadmap.rules.ts';

const step = (over: Partial<StepSnapshot> = {}): StepSnapshot => ({
  stepKey: 'local_partners',
  position: 2,
  status: 'in_progress',
  dueDate: null,
  doneOn: null,
  startedOn: '2026-10-01',
  ...over,
});
const TODAY = '2026-11-27';

describe('checkStepChange', () => {
  it('lets a step be marked done with evidence and a past date', () => {
    expect(
      checkStepChange(
        step(),
        {
          status: 'done',
          dueDate: null,
          doneOn: '2026-11-20',
          evidenceNotes: 'Umowa podpisana',
          evidenceLinkCount: 0,
        },
        TODAY,
      ),
    ).toEqual([]);
    expect(
      checkStepChange(
        step(),
        { status: 'done', dueDate: null, doneOn: TODAY, evidenceNotes: '', evidenceLinkCount: 1 },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('refuses "done" without evidence and says what is missing', () => {
    const v = checkStepChange(
      step(),
      { status: 'done', dueDate: null, doneOn: TODAY, evidenceNotes: '  ', evidenceLinkCount: 0 },
      TODAY,
    );
    expect(v).toEqual([{ field: 'evidenceNotes', key: 'roadmap.rules.evidenceRequired' }]);
  });

  it('refuses a date done in the future or before the step started', () => {
    expect(
      checkStepChange(
        step(),
        { status: 'done', dueDate: null, doneOn: '2026-11-28', evidenceNotes: 'x', evidenceLinkCount: 0 },
        TODAY,
      ),
    ).toEqual([{ field: 'doneOn', key: 'roadmap.rules.doneOnFuture' }]);
    expect(
      checkStepChange(
        step(),
        { status: 'done', dueDate: null, doneOn: '2026-09-30', evidenceNotes: 'x', evidenceLinkCount: 0 },
        TODAY,
      ),
    ).toEqual([{ field: 'doneOn', key: 'roadmap.rules.doneBeforeStart' }]);
  });

  it('refuses a date done on a step that is not done', () => {
    expect(
      checkStepChange(
        step(),
        {
          status: 'in_progress',
          dueDate: null,
          doneOn: '2026-11-01',
          evidenceNotes: '',
          evidenceLinkCount: 0,
        },
        TODAY,
      ),
    ).toEqual([{ field: 'doneOn', key: 'roadmap.rules.doneOnOnlyWhenDone' }]);
  });
});

describe('summarizeRoadmap', () => {
  const steps = STEP_KEYS.map((stepKey, i) => ({
    stepKey,
    position: i + 1,
    status: i < 3 ? ('done' as const) : i === 3 ? ('in_progress' as const) : ('not_started' as const),
    dueDate: i === 3 ? '2026-11-01' : i === 4 ? '2026-12-31' : null,
  }));

  it('counts progress and finds the next step in the seed order', () => {
    const s = summarizeRoadmap(steps, TODAY);
    expect(s).toMatchObject({
      total: 10,
      done: 3,
      inProgress: 1,
      notStarted: 6,
      progress: 0.3,
      next: 'club_premises',
    });
  });

  it('flags a step past its due date unless it is done', () => {
    expect(summarizeRoadmap(steps, TODAY).overdue).toEqual(['club_premises']);
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'not_started', dueDate: TODAY }, TODAY)).toBe(false);
  });

  it('has nothing next when every step is done', () => {
    expect(
      summarizeRoadmap(
        steps.map((s) => ({ ...s, status: 'done' as const })),
        TODAY,
      ).next,
    ).toBeNull();
  });
});
