import { describe, expect, it } from 'vitest';
import type { PlanContent } from './business-plan.rules.ts';
import {
  CHECKLIST,
  daysInStage,
  type MoveFacts,
  missingForMove,
  nextMissingItem,
  nextStage,
  selfSufficiencyCheck,
} from './initiative-stages.rules.ts';

const founder = (atRisk = true) => ({ kind: 'natural' as const, atRisk });
const base = (stage: MoveFacts['stage'], over: Partial<MoveFacts> = {}): MoveFacts => ({
  stage,
  ticked: stage === 'closed' ? [] : [...CHECKLIST[stage]],
  founders: [founder()],
  plan: null,
  intendedLegalForm: 'association',
  ...over,
});
const plan: PlanContent = {
  offer: 'o',
  customers: 'c',
  niche: 'n',
  team: 't',
  breakEvenNote: '',
  startupCosts: [{ label: 'a', amount: '100.00' }],
  monthly: Array.from({ length: 24 }, (_, i) => ({ month: i + 1, revenue: '10.00', costs: '5.00' })),
  fundingSources: [{ label: 'f', kind: 'grant', amount: '100.00' }],
};

describe('the pipeline', () => {
  it('goes idea → business plan → founding → incubation → self-sufficient, then nowhere', () => {
    expect(nextStage('idea')).toBe('business_plan');
    expect(nextStage('incubation')).toBe('self_sufficient');
    expect(nextStage('self_sufficient')).toBeNull();
    expect(nextStage('closed')).toBeNull();
  });
  it('the card shows the first checklist item not ticked', () => {
    expect(nextMissingItem('idea', [])).toBe('problem_described');
    expect(nextMissingItem('idea', ['problem_described'])).toBe('offer_described');
    expect(nextMissingItem('idea', [...CHECKLIST.idea])).toBeNull();
  });
  it('days in the stage count calendar days', () => {
    expect(daysInStage('2027-03-01T10:00:00Z', '2027-03-01')).toBe(0);
    expect(daysInStage('2027-03-01T10:00:00Z', '2027-03-31')).toBe(30);
  });
});

describe('stage rules', () => {
  it('every unticked checklist item is listed by name', () => {
    const m = missingForMove(base('idea', { ticked: ['problem_described'] }));
    expect(m.map((x) => x.values?.item)).toEqual([
      'initiatives.checklist.idea.offer_described',
      'initiatives.checklist.idea.three_founders',
    ]);
  });
  it('idea → business plan needs founders: 0 refused, 1 allowed', () => {
    expect(missingForMove(base('idea', { founders: [] })).map((m) => m.key)).toEqual([
      'initiatives.missing.founders',
    ]);
    expect(missingForMove(base('idea'))).toEqual([]);
  });
  it('business plan → founding needs a complete plan with funding covering start-up costs', () => {
    expect(missingForMove(base('business_plan', { plan })).length).toBe(0);
    const short = { ...plan, fundingSources: [{ label: 'f', kind: 'grant', amount: '99.99' }] };
    expect(missingForMove(base('business_plan', { plan: short })).map((m) => m.key)).toEqual([
      'initiatives.missing.planGap.fundingGap',
    ]);
    expect(missingForMove(base('business_plan')).map((m) => m.key)).toContain('initiatives.missing.plan');
  });
  it('founding → incubation for a social cooperative blocks on a failing legal check only', () => {
    const facts = (passed: boolean | null) =>
      base('founding', {
        intendedLegalForm: 'social_cooperative',
        coopChecks: [
          { passed, message: { key: 'initiatives.coop.minNatural', values: { count: 2, required: 3 } } },
        ],
      });
    expect(missingForMove(facts(false)).map((m) => m.key)).toEqual(['initiatives.coop.minNatural']);
    expect(missingForMove(facts(true))).toEqual([]);
    expect(missingForMove(facts(null))).toEqual([]);
  });
  it('incubation → self-sufficient: own revenue covers costs in each of the last N months', () => {
    const p = { months: 3, minOwnRevenueShare: 1 };
    const m = (own: number, costs: number) => ({ month: '2027-01-01', ownRevenue: own, costs });
    expect(selfSufficiencyCheck([m(100, 100), m(100, 100), m(100, 100)], p).passed).toBe(true);
    expect(selfSufficiencyCheck([m(100, 100), m(99.99, 100), m(100, 100)], p).passed).toBe(false);
    expect(selfSufficiencyCheck([m(100, 100), m(100, 100)], p).passed).toBe(false);
    const r = selfSufficiencyCheck([m(100, 100), m(50, 100), m(100, 100)], p);
    expect(r.values).toEqual({ covered: 2, required: 3, share: 100 });
    expect(
      missingForMove(base('incubation', { selfSufficiency: p, figures: [m(1, 2)] })).map((x) => x.key),
    ).toEqual(['initiatives.missing.selfSufficiency']);
  });
});
