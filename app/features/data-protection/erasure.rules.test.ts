import { describe, expect, it } from 'vitest';
import { retentionEnd } from './erasure.rules.ts';

describe('retentionEnd', () => {
  it('counts the years from 31 December of the closing year', () => {
    expect(retentionEnd('2026-06-30', 5)).toBe('2031-12-31');
    expect(retentionEnd('2026-01-01', 5)).toBe('2031-12-31');
    expect(retentionEnd('2020-12-31', 10)).toBe('2030-12-31');
  });

  it('has no end while support goes on', () => {
    expect(retentionEnd(null, 5)).toBeNull();
  });
});
