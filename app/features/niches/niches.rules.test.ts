import { describe, expect, it } from 'vitest';
import { criterionKey, nicheScore, validScore } from './niches.rules.ts';

const criteria = [
  { key: 'demand', label: 'Popyt', weight: 3 },
  { key: 'skills', label: 'Umiejętności', weight: 1 },
];

describe('nicheScore', () => {
  it('is the weighted average of the scores', () => {
    expect(nicheScore(criteria, { demand: 5, skills: 1 })).toEqual({
      score: 4,
      missing: [],
      scored: 2,
      total: 2,
    });
    expect(nicheScore(criteria, { demand: 2, skills: 3 }).score).toBe(2.25);
  });
  it('leaves out and names the criteria without a score', () => {
    expect(nicheScore(criteria, { demand: 4 })).toEqual({
      score: 4,
      missing: ['Umiejętności'],
      scored: 1,
      total: 2,
    });
  });
  it('has no score when nothing is scored', () => {
    expect(nicheScore(criteria, {}).score).toBeNull();
    expect(nicheScore([], { demand: 5 }).score).toBeNull();
  });
  it('ignores scores outside 1–5 and criteria with weight 0', () => {
    expect(nicheScore(criteria, { demand: 6, skills: 0 }).score).toBeNull();
    expect(
      nicheScore([...criteria, { key: 'x', label: 'X', weight: 0 }], { demand: 5, skills: 5 }).total,
    ).toBe(2);
  });
  it('accepts 1 and 5 at the bounds, not 0 or 2.5', () => {
    expect(validScore(1)).toBe(1);
    expect(validScore('5')).toBe(5);
    expect(validScore(0)).toBeNull();
    expect(validScore(2.5)).toBeNull();
    expect(validScore('')).toBeNull();
  });
});

describe('criterionKey', () => {
  it('folds Polish letters', () => {
    expect(criterionKey('Niski koszt startu / łatwość')).toBe('niski_koszt_startu_latwosc');
  });
});
