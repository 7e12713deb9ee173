import { describe, expect, it } from 'vitest';
import { formatPageLabel, parsePageTemplate } from './model.ts';

describe('page label template', () => {
  it('fills in the page and the page count', () => {
    expect(formatPageLabel('Strona {page} z {pages}', 2, 5)).toBe('Strona 2 z 5');
    expect(formatPageLabel('{page}/{pages}', 1, 1)).toBe('1/1');
    expect(formatPageLabel('Page {page}', 3, 9)).toBe('Page 3');
  });

  it('splits a template into text and placeholders in order', () => {
    expect(parsePageTemplate('Strona {page} z {pages}')).toEqual([
      { kind: 'text', text: 'Strona ' },
      { kind: 'page' },
      { kind: 'text', text: ' z ' },
      { kind: 'pages' },
    ]);
  });
});
