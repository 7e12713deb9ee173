import { describe, expect, it } from 'vitest';
import { parseDecimalInput, parsePlnInput } from './form-fields.ts';

describe('parsePlnInput', () => {
  it('reads amounts typed the Polish way', () => {
    expect(parsePlnInput('1 234,50')).toBe('1234.50');
    expect(parsePlnInput('1234,5 zł')).toBe('1234.50');
    expect(parsePlnInput('31229')).toBe('31229.00');
    expect(parsePlnInput('0.99')).toBe('0.99');
  });
  it('tells empty from malformed', () => {
    expect(parsePlnInput('  ')).toBeNull();
    expect(parsePlnInput('12,345')).toBe('invalid');
    expect(parsePlnInput('abc')).toBe('invalid');
    expect(parsePlnInput('-5')).toBe('invalid');
    expect(parsePlnInput('-5', { allowNegative: true })).toBe('-5.00');
  });
});

describe('parseDecimalInput', () => {
  it('reads a comma or a dot', () => {
    expect(parseDecimalInput('0,5')).toBe(0.5);
    expect(parseDecimalInput('0.75')).toBe(0.75);
    expect(parseDecimalInput('')).toBeNull();
    expect(parseDecimalInput('1,255')).toBe('invalid');
    expect(parseDecimalInput('pół')).toBe('invalid');
  });
});
