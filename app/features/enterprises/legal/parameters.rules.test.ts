import { describe, expect, it } from 'vitest';
import { parseJsonValue, shapeProblem } from './parameters.rules.ts';

describe('shapeProblem', () => {
  const ref = { min: 3, contractTypes: ['employment'], minFte: 0.5 };
  it('accepts the same shape with other values', () => {
    expect(shapeProblem(ref, { min: 4, contractTypes: ['employment', 'x'], minFte: 0.25 })).toBeNull();
  });
  it('names a missing key, a wrong kind, an extra key and a wrong array element', () => {
    expect(shapeProblem(ref, { min: 3, contractTypes: [] })).toEqual({ path: 'minFte', expected: 'number' });
    expect(shapeProblem(ref, { min: '3', contractTypes: [], minFte: 0.5 })).toEqual({
      path: 'min',
      expected: 'number',
    });
    expect(shapeProblem(ref, { ...ref, extra: 1 })).toEqual({ path: 'extra', expected: 'none' });
    expect(shapeProblem(ref, { ...ref, contractTypes: [1] })).toEqual({
      path: 'contractTypes[0]',
      expected: 'string',
    });
    expect(shapeProblem(ref, [1])).toEqual({ path: '$', expected: 'object' });
  });
});

describe('parseJsonValue', () => {
  it('tells empty from not JSON', () => {
    expect(parseJsonValue(' ')).toEqual({ ok: false, problem: 'required' });
    expect(parseJsonValue('{min: 3}')).toEqual({ ok: false, problem: 'json' });
    expect(parseJsonValue('{"min": 3}')).toEqual({ ok: true, value: { min: 3 } });
  });
});
