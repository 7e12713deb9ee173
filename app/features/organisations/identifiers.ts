import type { MessageKey } from '../../lib/i18n/catalog.ts';

/**
 * Polish identifiers, validated with their check digits (polish-law-and-data.md §8) and
 * explained in words when wrong. Input may contain spaces, hyphens and (NIP) a PL prefix.
 */
export type IdCheck =
  | { ok: true; value: string }
  | { ok: false; key: MessageKey; values?: Record<string, string | number> };

function digitsOf(raw: string, prefix?: string): string {
  let v = raw.replace(/[\s\-.]/g, '').toUpperCase();
  if (prefix && v.startsWith(prefix)) v = v.slice(prefix.length);
  return v;
}

function weighted(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;
const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;
const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

export function checkNip(raw: string): IdCheck {
  const v = digitsOf(raw, 'PL');
  if (!/^\d+$/.test(v)) return { ok: false, key: 'organisations.id.nip.digits' };
  if (v.length !== 10) return { ok: false, key: 'organisations.id.nip.length', values: { count: v.length } };
  const c = weighted(v, NIP_WEIGHTS) % 11;
  if (c === 10) return { ok: false, key: 'organisations.id.nip.neverIssued' };
  if (c !== Number(v[9]))
    return { ok: false, key: 'organisations.id.checkDigit', values: { typed: Number(v[9]), expected: c } };
  return { ok: true, value: v };
}

export function checkRegon(raw: string): IdCheck {
  const v = digitsOf(raw);
  if (!/^\d+$/.test(v)) return { ok: false, key: 'organisations.id.regon.digits' };
  if (v.length !== 9 && v.length !== 14)
    return { ok: false, key: 'organisations.id.regon.length', values: { count: v.length } };
  if (/^0+$/.test(v)) return { ok: false, key: 'organisations.id.regon.zeros' };
  const c9 = (weighted(v, REGON9_WEIGHTS) % 11) % 10;
  if (c9 !== Number(v[8]))
    return {
      ok: false,
      key: v.length === 9 ? 'organisations.id.checkDigit' : 'organisations.id.regon.parentCheckDigit',
      values: { typed: Number(v[8]), expected: c9 },
    };
  if (v.length === 14) {
    const c14 = (weighted(v, REGON14_WEIGHTS) % 11) % 10;
    if (c14 !== Number(v[13]))
      return {
        ok: false,
        key: 'organisations.id.checkDigit',
        values: { typed: Number(v[13]), expected: c14 },
      };
  }
  return { ok: true, value: v };
}

/** KRS numbers have no check digit: 10 digits, zero-padded; shorter numbers are padded. */
export function checkKrs(raw: string): IdCheck {
  const v = digitsOf(raw);
  if (!/^\d+$/.test(v)) return { ok: false, key: 'organisations.id.krs.digits' };
  if (v.length > 10) return { ok: false, key: 'organisations.id.krs.length', values: { count: v.length } };
  if (/^0+$/.test(v)) return { ok: false, key: 'organisations.id.krs.zeros' };
  return { ok: true, value: v.padStart(10, '0') };
}

export type PeselFacts = { birthDate: string; sex: 'female' | 'male' };

/** PESEL: check digit, a real date of birth (century in the month), and sex from digit 10. */
export function checkPesel(raw: string): IdCheck & { facts?: PeselFacts } {
  const v = digitsOf(raw);
  if (!/^\d+$/.test(v)) return { ok: false, key: 'organisations.id.pesel.digits' };
  if (v.length !== 11)
    return { ok: false, key: 'organisations.id.pesel.length', values: { count: v.length } };
  const c = (10 - (weighted(v, PESEL_WEIGHTS) % 10)) % 10;
  if (c !== Number(v[10]))
    return { ok: false, key: 'organisations.id.checkDigit', values: { typed: Number(v[10]), expected: c } };
  const yy = Number(v.slice(0, 2));
  const mmRaw = Number(v.slice(2, 4));
  const dd = Number(v.slice(4, 6));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(mmRaw / 20)];
  const mm = mmRaw % 20;
  const date = century === undefined ? null : new Date(Date.UTC(century + yy, mm - 1, dd));
  if (!date || mm < 1 || mm > 12 || date.getUTCDate() !== dd || date.getUTCMonth() !== mm - 1) {
    return { ok: false, key: 'organisations.id.pesel.date' };
  }
  const birthDate = date.toISOString().slice(0, 10);
  return { ok: true, value: v, facts: { birthDate, sex: Number(v[9]) % 2 === 1 ? 'male' : 'female' } };
}
