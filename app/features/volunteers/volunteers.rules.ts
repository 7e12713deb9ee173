/**
 * Pure rules of volunteering (ustawa o działalności pożytku publicznego i o wolontariacie):
 * the written-agreement rule, reading typed hours, valuing hours at a dated rate. No I/O;
 * the parameters come from the dated `legal_parameters` rows.
 */

/** `volunteers.agreement`: above this many days the agreement must be written; up to it, accident insurance. */
export type AgreementParameter = { writtenAboveDays: number; accidentInsuranceUpToDays: number };

/** `volunteers.hourlyRate`: the value of one hour of volunteer work, PLN as a decimal string. */
export type HourlyRateParameter = { ratePln: string };

export type AgreementTerms = {
  agreementFrom: string | null;
  agreementTo: string | null;
  agreementSignedOn: string | null;
};

/**
 * What the law asks of an agreement, in a form the page turns into words:
 * - `noPeriod`: no start date, so the length is unknown;
 * - `writtenMissing`: longer than the limit (or open-ended) and no signing date recorded;
 * - `written`: longer than the limit, signed on the recorded date;
 * - `insurance`: up to the limit, the organisation must insure the volunteer against accidents.
 */
export type AgreementCheck =
  | { kind: 'noPeriod' }
  | { kind: 'writtenMissing'; days: number | null; limit: number }
  | { kind: 'written'; days: number | null; limit: number; signedOn: string }
  | { kind: 'insurance'; days: number; limit: number; signedOn: string | null };

/** Calendar days from `from` to `to`, both counted (1 March – 30 March is 30 days). */
export function periodDays(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000) + 1;
}

export function checkAgreement(terms: AgreementTerms, p: AgreementParameter): AgreementCheck {
  if (!terms.agreementFrom) return { kind: 'noPeriod' };
  const days = terms.agreementTo ? periodDays(terms.agreementFrom, terms.agreementTo) : null;
  if (days === null || days > p.writtenAboveDays) {
    return terms.agreementSignedOn
      ? { kind: 'written', days, limit: p.writtenAboveDays, signedOn: terms.agreementSignedOn }
      : { kind: 'writtenMissing', days, limit: p.writtenAboveDays };
  }
  return {
    kind: 'insurance',
    days,
    limit: p.accidentInsuranceUpToDays,
    signedOn: terms.agreementSignedOn,
  };
}

export const MIN_HOURS = 0.25;
export const MAX_HOURS = 24;

export type HoursParse =
  | { ok: true; hours: number; hundredths: number }
  | { ok: false; problem: 'required' | 'invalid' | 'range' };

/**
 * Hours as a person types them: `2`, `2,5` (the Polish decimal comma), `2.5`, `0,25`; at most
 * two decimals; from a quarter of an hour to 24 hours in a day.
 */
export function parseHours(raw: string): HoursParse {
  const v = raw.trim().replace(/\s+/g, '');
  if (v === '') return { ok: false, problem: 'required' };
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(v)) return { ok: false, problem: 'invalid' };
  const [whole, frac = ''] = v.split(/[.,]/) as [string, string?];
  const hundredths = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (hundredths < MIN_HOURS * 100 || hundredths > MAX_HOURS * 100) return { ok: false, problem: 'range' };
  return { ok: true, hours: hundredths / 100, hundredths };
}

/** A decimal string of PLN ("31.40") in grosze (3140); null when it is not an amount. */
export function toGrosze(pln: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(pln.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function fromGrosze(g: number): string {
  return `${Math.floor(g / 100)}.${String(g % 100).padStart(2, '0')}`;
}

/**
 * The value of the hours at the rate (PLN per hour), rounded half up to the grosz, as the
 * decimal strings the database stores: 2.5 h × 31.40 = "78.50".
 */
export function valueHours(hours: number, ratePln: string): { ratePln: string; valuePln: string } {
  const rate = toGrosze(ratePln);
  if (rate === null) throw new Error(`Not an hourly rate: ${ratePln}`);
  const hundredths = Math.round(hours * 100);
  const grosze = Math.floor((hundredths * rate + 50) / 100);
  return { ratePln: fromGrosze(rate), valuePln: fromGrosze(grosze) };
}

/** Hours written the Polish way for the ledger: 2 → "2", 2.5 → "2,5", 0.25 → "0,25". */
export function hoursPl(hours: number): string {
  return String(Math.round(hours * 100) / 100).replace('.', ',');
}

/** The in-kind ledger's line for an hours row; no personal data (partners read the ledger). */
export function ledgerDescription(activity: string, hours: number): string {
  return `Wolontariat: ${activity} (${hoursPl(hours)} h)`;
}
