import type { OpeningHours } from '../../../db/schema/club.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { addDays, addMonths, daysBetween, monthEnd, monthOf, monthStart } from './club-dates.ts';

/** Activities of a KIS (art. 18 ust. 2 u.z.s.) and the club's own integration activities. */
export const ACTIVITY_KINDS = [
  'job_search',
  'socially_useful_work',
  'public_works',
  'legal_advice',
  'self_help',
  'traineeship',
  'integration',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const STAFF_ROLES = ['animator', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_BASES = ['employment_contract', 'civil_law_contract', 'volunteer', 'secondment'] as const;
export type StaffBasis = (typeof STAFF_BASES)[number];

/** How a member's participation ended; all but `no_effect` are reintegration effects. */
export const OUTCOMES = ['job_found', 'education', 'enterprise', 'other_effect', 'no_effect'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

export function hasReintegrationEffect(outcome: string | null | undefined): boolean {
  return isOneOf(OUTCOMES, outcome) && outcome !== 'no_effect';
}

/**
 * The club issues the certificate on completion without delay (art. 18 ust. 5a): a member who
 * left with an effect and has no certificate date is flagged.
 */
export function missingCertificate(m: {
  leftOn: string | null;
  outcome: string | null;
  certificateIssuedOn: string | null;
}): boolean {
  return Boolean(m.leftOn) && hasReintegrationEffect(m.outcome) && !m.certificateIssuedOn;
}

// ---- Opening hours ----

/** A time typed by a person: `9`, `9:00`, `09.30`, `9 30` → `HH:MM`; null when it is not a time. */
export function parseTime(raw: string): string | null {
  const m = /^(\d{1,2})(?:[:.\s](\d{2}))?$/.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2] ?? '0');
  if (h > 24 || mi > 59 || (h === 24 && mi > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

export const hoursField = (d: Weekday, part: 'Opens' | 'Closes') => `hours${d}${part}`;

/** One row per weekday in the form; both fields empty means closed that day. */
export function openingHoursFromForm(values: Record<string, string>): {
  hours: OpeningHours;
  errors: FieldErrors;
} {
  const hours: OpeningHours = [];
  const errors: FieldErrors = {};
  for (const d of WEEKDAYS) {
    const rawOpens = (values[hoursField(d, 'Opens')] ?? '').trim();
    const rawCloses = (values[hoursField(d, 'Closes')] ?? '').trim();
    if (!rawOpens && !rawCloses) continue;
    const opens = parseTime(rawOpens);
    const closes = parseTime(rawCloses);
    if (!rawOpens) errors[hoursField(d, 'Opens')] = 'club.hours.opens.required';
    else if (!opens) errors[hoursField(d, 'Opens')] = 'club.hours.invalid';
    if (!rawCloses) errors[hoursField(d, 'Closes')] = 'club.hours.closes.required';
    else if (!closes) errors[hoursField(d, 'Closes')] = 'club.hours.invalid';
    if (opens && closes) hours.push({ weekday: d, opens, closes });
  }
  return { hours, errors: { ...errors, ...checkOpeningHours(hours) } };
}

/** Each day at most once, times well formed, opening before closing. */
export function checkOpeningHours(hours: OpeningHours): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<number>();
  for (const h of hours) {
    const d = h.weekday as Weekday;
    if (!isOneOf(WEEKDAYS.map(String), String(h.weekday)) || seen.has(h.weekday)) {
      errors._form = 'club.hours.invalid';
      continue;
    }
    seen.add(h.weekday);
    if (parseTime(h.opens) !== h.opens || parseTime(h.closes) !== h.closes)
      errors[hoursField(d, 'Opens')] = 'club.hours.invalid';
    else if (h.opens >= h.closes) errors[hoursField(d, 'Closes')] = 'club.hours.order';
  }
  return errors;
}

export function openingHoursFormValues(hours: OpeningHours): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of hours) {
    out[hoursField(h.weekday as Weekday, 'Opens')] = h.opens;
    out[hoursField(h.weekday as Weekday, 'Closes')] = h.closes;
  }
  return out;
}

// ---- Premises ----

export type PremisesTerms = {
  premisesAddress: string;
  premisesProviderId: string | null;
  premisesLent: boolean;
  premisesMonthlyValuePln: string | null;
  premisesFrom: string | null;
  premisesTo: string | null;
};

/** Lent premises need who lends them, their value per month and since when; the period in order. */
export function checkPremises(p: PremisesTerms): FieldErrors {
  const errors: FieldErrors = {};
  if (p.premisesFrom && p.premisesTo && p.premisesTo < p.premisesFrom)
    errors.premisesTo = 'club.premises.periodOrder';
  if (p.premisesLent) {
    if (!p.premisesAddress) errors.premisesAddress = 'club.premises.address.required';
    if (!p.premisesProviderId) errors.premisesProviderId = 'club.premises.provider.requiredWhenLent';
    if (!p.premisesMonthlyValuePln || Number(p.premisesMonthlyValuePln) <= 0)
      errors.premisesMonthlyValuePln = 'club.premises.value.requiredWhenLent';
    if (!p.premisesFrom) errors.premisesFrom = 'club.premises.from.requiredWhenLent';
  }
  return errors;
}

/** The later of two ISO dates. */
const laterOf = (a: string, b: string) => [a, b].sort()[1]!;

export type LedgerMonth = { month: string; from: string; to: string };

/**
 * The months lent premises count in the in-kind ledger: every month from the first month of
 * lending up to the current month, never past the end of lending.
 */
export function premisesLedgerMonths(p: PremisesTerms, today: string): LedgerMonth[] {
  if (!p.premisesLent || !p.premisesFrom || !p.premisesMonthlyValuePln) return [];
  if (Number(p.premisesMonthlyValuePln) <= 0 || p.premisesFrom > today) return [];
  const last = p.premisesTo && p.premisesTo < today ? p.premisesTo : today;
  if (last < p.premisesFrom) return [];
  const out: LedgerMonth[] = [];
  for (let m = monthOf(p.premisesFrom); m <= monthOf(last); m = addMonths(m, 1)) {
    const start = monthStart(m);
    const end = monthEnd(m);
    out.push({
      month: m,
      from: laterOf(start, p.premisesFrom),
      to: p.premisesTo && p.premisesTo < end ? p.premisesTo : end,
    });
  }
  return out;
}

// ---- The voivode's register and the annual report ----

export type RegisterDeadline = {
  due: string;
  state: 'entered_on_time' | 'entered_late' | 'waiting' | 'overdue';
  /** Days until the deadline (waiting) or past it (overdue, entered_late). */
  days: number;
};

/** The entry is due within `days` of the notification (art. 18a); where things stand on `today`. */
export function registerDeadline(opts: {
  notifiedOn: string | null;
  enteredOn: string | null;
  days: number;
  today: string;
}): RegisterDeadline | null {
  if (!opts.notifiedOn) return null;
  const due = addDays(opts.notifiedOn, opts.days);
  if (opts.enteredOn) {
    const late = daysBetween(due, opts.enteredOn);
    return late > 0 ? { due, state: 'entered_late', days: late } : { due, state: 'entered_on_time', days: 0 };
  }
  const left = daysBetween(opts.today, due);
  return left >= 0 ? { due, state: 'waiting', days: left } : { due, state: 'overdue', days: -left };
}

export function checkRegister(r: { registerNotifiedOn: string | null; registerEnteredOn: string | null }) {
  const errors: FieldErrors = {};
  if (r.registerEnteredOn && !r.registerNotifiedOn)
    errors.registerNotifiedOn = 'club.register.notifiedOn.requiredWhenEntered';
  else if (r.registerEnteredOn && r.registerNotifiedOn && r.registerEnteredOn < r.registerNotifiedOn)
    errors.registerEnteredOn = 'club.register.enteredOn.beforeNotified';
  return errors;
}

export type AnnualReportParameter = { dueMonth: number; dueDay: number; sections: string[] };

/** The report for a year is due in the next year, on the day the law sets (31 March). */
export function annualReportDue(year: number, p: AnnualReportParameter): string {
  return `${year + 1}-${String(p.dueMonth).padStart(2, '0')}-${String(p.dueDay).padStart(2, '0')}`;
}

// ---- Members, staff, activities ----

/** A member takes part on a day when they had joined and not yet left. */
export function isMemberOn(m: { joinedOn: string; leftOn: string | null }, day: string): boolean {
  return m.joinedOn <= day && (!m.leftOn || m.leftOn >= day);
}

export function checkJoin(m: { joinedOn: string }, today: string): FieldErrors {
  return m.joinedOn > today ? { joinedOn: 'club.members.joinedOn.future' } : {};
}

export function checkLeave(
  m: { joinedOn: string },
  l: { leftOn: string; certificateIssuedOn: string | null },
  today: string,
): FieldErrors {
  const errors: FieldErrors = {};
  if (l.leftOn > today) errors.leftOn = 'club.members.leftOn.future';
  else if (l.leftOn < m.joinedOn) errors.leftOn = 'club.members.leftOn.beforeJoined';
  if (l.certificateIssuedOn) Object.assign(errors, checkCertificate(l.leftOn, l.certificateIssuedOn, today));
  return errors;
}

export function checkCertificate(leftOn: string | null, issuedOn: string, today: string): FieldErrors {
  if (!leftOn) return { certificateIssuedOn: 'club.members.certificate.notLeft' };
  if (issuedOn > today) return { certificateIssuedOn: 'club.members.certificate.future' };
  if (issuedOn < leftOn) return { certificateIssuedOn: 'club.members.certificate.beforeLeft' };
  return {};
}

export function checkStaff(s: { fromDate: string; toDate: string | null }): FieldErrors {
  return s.toDate && s.toDate < s.fromDate ? { toDate: 'club.staff.toDate.order' } : {};
}

/** Staff counted in the report for a year: working at some point in it. */
export function isStaffInYear(s: { fromDate: string; toDate: string | null }, year: number): boolean {
  return s.fromDate <= `${year}-12-31` && (!s.toDate || s.toDate >= `${year}-01-01`);
}

export function checkActivityTimes(a: { startTime: string; endTime: string }): FieldErrors {
  return a.endTime <= a.startTime ? { endTime: 'club.activities.endTime.order' } : {};
}

export function checkGrant(g: { grantedPln: string; spentPln: string | null }): FieldErrors {
  return g.spentPln !== null && Number(g.spentPln) > Number(g.grantedPln)
    ? { spentPln: 'club.grants.spent.moreThanGranted' }
    : {};
}

/** The attendance form: one field `a_<memberId>` per member, valued present/absent/excused or empty. */
export function attendanceFromForm(values: Record<string, string>): {
  marks: { memberId: string; status: AttendanceStatus }[];
  cleared: string[];
  invalid: boolean;
} {
  const marks: { memberId: string; status: AttendanceStatus }[] = [];
  const cleared: string[] = [];
  let invalid = false;
  for (const [k, v] of Object.entries(values)) {
    if (!k.startsWith('a_')) continue;
    const memberId = k.slice(2);
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) invalid = true;
    else if (v === '') cleared.push(memberId);
    else if (isOneOf(ATTENDANCE_STATUSES, v)) marks.push({ memberId, status: v });
    else invalid = true;
  }
  return { marks, cleared, invalid };
}
