/**
 * PESEL (the Polish personal ID number): 11 digits YYMMDDZZZXQ. The month carries the century
 * (1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60), the 10th digit the sex (odd: male,
 * even: female), the 11th is a check digit over the first ten with weights 1,3,7,9,1,3,7,9,1,3.
 */
export type PeselSex = 'female' | 'male';

export type PeselProblem =
  | { key: 'participants.pesel.notDigits' }
  | { key: 'participants.pesel.length'; values: { count: number } }
  | { key: 'participants.pesel.month'; values: { month: number } }
  | { key: 'participants.pesel.day'; values: { day: number; month: number; year: number } }
  | { key: 'participants.pesel.checkDigit'; values: { expected: number; given: number } };

export type PeselResult =
  | { ok: true; birthDate: string; sex: PeselSex }
  | { ok: false; problem: PeselProblem };

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** The check digit for the first ten digits of a PESEL. */
export function peselCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10;
}

const CENTURY_BY_OFFSET: Record<number, number> = { 80: 1800, 0: 1900, 20: 2000, 40: 2100, 60: 2200 };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Validates a PESEL; on success gives the date of birth (ISO) and sex it encodes. */
export function checkPesel(raw: string): PeselResult {
  const v = raw.replace(/\s+/g, '');
  if (!/^\d*$/.test(v)) return { ok: false, problem: { key: 'participants.pesel.notDigits' } };
  if (v.length !== 11)
    return { ok: false, problem: { key: 'participants.pesel.length', values: { count: v.length } } };
  const yy = Number(v.slice(0, 2));
  const mm = Number(v.slice(2, 4));
  const dd = Number(v.slice(4, 6));
  const offset = Math.floor(mm / 20) * 20;
  const month = mm - offset;
  const century = CENTURY_BY_OFFSET[offset];
  if (century === undefined || month < 1 || month > 12)
    return { ok: false, problem: { key: 'participants.pesel.month', values: { month: mm } } };
  const year = century + yy;
  if (dd < 1 || dd > daysIn(year, month))
    return { ok: false, problem: { key: 'participants.pesel.day', values: { day: dd, month, year } } };
  const expected = peselCheckDigit(v);
  const given = Number(v[10]);
  if (expected !== given)
    return { ok: false, problem: { key: 'participants.pesel.checkDigit', values: { expected, given } } };
  const birthDate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  return { ok: true, birthDate, sex: Number(v[9]) % 2 === 1 ? 'male' : 'female' };
}

/** Builds a valid PESEL (for demo data and tests): birth date ISO, sex, and a 4-digit serial (the last is the sex digit's parity fixed). */
export function makePesel(birthDate: string, sex: PeselSex, serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const offset = y >= 2200 ? 60 : y >= 2100 ? 40 : y >= 2000 ? 20 : y >= 1900 ? 0 : 80;
  const s = String(serial % 1000).padStart(3, '0');
  let sexDigit = Math.floor(serial / 1000) % 10;
  if ((sexDigit % 2 === 1) !== (sex === 'male')) sexDigit = (sexDigit + 1) % 10;
  const first10 = `${String(y % 100).padStart(2, '0')}${String(m + offset).padStart(2, '0')}${String(d).padStart(2, '0')}${s}${sexDigit}`;
  return `${first10}${peselCheckDigit(first10)}`;
}
