import { describe, expect, it } from 'vitest';
import { parseDateInput } from './dates.ts';
import { foldForSearch, slugify } from './text.ts';

describe('foldForSearch', () => {
  it('ignores case and Polish diacritics', () => {
    expect(foldForSearch('ŁÓDŹ')).toBe('lodz');
    expect(foldForSearch('Zielona Góra')).toBe('zielona gora');
    expect(foldForSearch('Świętochłowice')).toBe('swietochlowice');
  });
});

describe('slugify', () => {
  it('makes URL-safe names', () => {
    expect(slugify('Wągrowiec')).toBe('wagrowiec');
    expect(slugify('Kędzierzyn-Koźle')).toBe('kedzierzyn-kozle');
    expect(slugify('Bielsko-Biała ')).toBe('bielsko-biala');
  });
});

describe('parseDateInput', () => {
  it('accepts ISO and the Polish ways of writing a date', () => {
    expect(parseDateInput('2027-03-05')).toBe('2027-03-05');
    expect(parseDateInput('5.03.2027')).toBe('2027-03-05');
    expect(parseDateInput('05.03.2027 r.')).toBe('2027-03-05');
    expect(parseDateInput('5 3 2027')).toBe('2027-03-05');
  });

  it('refuses days that do not exist and other text', () => {
    expect(parseDateInput('2027-02-30')).toBeNull();
    expect(parseDateInput('31.04.2027')).toBeNull();
    expect(parseDateInput('jutro')).toBeNull();
    expect(parseDateInput('')).toBeNull();
  });
});
