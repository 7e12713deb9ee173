import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message.ts';

describe('formatMessage', () => {
  it('fills named arguments', () => {
    expect(formatMessage('pl-PL', 'Witaj, {name}!', { name: 'Ewa' })).toBe('Witaj, Ewa!');
  });

  it('picks exact and CLDR plural branches and replaces # with the formatted number', () => {
    const m = '{n, plural, =0 {brak} one {# plik} few {# pliki} many {# plików} other {# pliku}}';
    expect(formatMessage('pl-PL', m, { n: 0 })).toBe('brak');
    expect(formatMessage('pl-PL', m, { n: 1 })).toBe('1 plik');
    expect(formatMessage('pl-PL', m, { n: 3 })).toBe('3 pliki');
    expect(formatMessage('pl-PL', m, { n: 11 })).toBe('11 plików');
    expect(formatMessage('pl-PL', m, { n: 1.5 })).toBe('1,5 pliku');
  });

  it('supports select and nested arguments', () => {
    const m = '{kind, select, a {Alfa {x}} other {Inne}}';
    expect(formatMessage('pl-PL', m, { kind: 'a', x: 'X' })).toBe('Alfa X');
    expect(formatMessage('pl-PL', m, { kind: 'z' })).toBe('Inne');
  });

  it('leaves an argument it was not given visible instead of inventing one', () => {
    expect(formatMessage('pl-PL', 'A {b} c', {})).toBe('A {b} c');
  });
});
