/**
 * The social enterprise's (PS) annual report draft for a year, computed from its jobs, members,
 * monthly figures and status decisions (u.e.s. art. 10 ust. 1: sent to the voivode by 31 March
 * of the next year). Which contracts and working time count comes from the dated parameter
 * `ps.minEmployees`. No I/O.
 */

export type ReportJob = {
  personKey: string | null;
  jobKey: string;
  contractType: string;
  fte: number;
  atRisk: boolean;
  startOn: string;
  endOn: string | null;
};

export type ReportMember = { joinedOn: string; leftOn: string | null };

export type ReportMonth = { month: string; ownRevenuePln: number; grantsPln: number; costsPln: number };

export type EmploymentRule = { contractTypes: string[]; minFte: number };

export type MissingItem =
  | 'nip'
  | 'regon'
  | 'krs'
  | 'address'
  | 'psDecision'
  | 'aims'
  | 'jobs'
  | 'figures'
  | 'services'
  | 'beneficiaries'
  | 'members';

export type AnnualFigures = {
  year: number;
  yearEnd: string;
  employment: {
    /** Persons on counted contracts at ≥ minFte on 31 December. */
    atYearEnd: number;
    atRiskAtYearEnd: number;
    /** Share at risk of those counted at year end (0..1), null when nobody is counted. */
    atRiskShare: number | null;
    /** Everybody with any job on 31 December. */
    allAtYearEnd: number;
    /** Mean of the counted persons at the 12 month-ends, to one decimal. */
    average: number;
    created: number;
    ended: number;
  };
  finance: {
    ownRevenue: number;
    grants: number;
    costs: number;
    result: number;
    ownRevenueShare: number | null;
    monthsRecorded: number;
    monthsMissing: string[];
  };
  membersAtYearEnd: number | null;
};

const active = (j: { startOn: string; endOn: string | null }, day: string) =>
  j.startOn <= day && (j.endOn === null || j.endOn >= day);

function lastDayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** Persons (by person key, else by job) counted on a day, and how many of them are at risk. */
export function countedOn(
  jobs: ReportJob[],
  rule: EmploymentRule,
  day: string,
): { n: number; atRisk: number } {
  const people = new Map<string, { fte: number; atRisk: boolean }>();
  for (const j of jobs) {
    if (!active(j, day) || !rule.contractTypes.includes(j.contractType)) continue;
    const key = j.personKey ?? `job:${j.jobKey}`;
    const p = people.get(key) ?? { fte: 0, atRisk: false };
    p.fte += j.fte;
    p.atRisk ||= j.atRisk;
    people.set(key, p);
  }
  const counted = [...people.values()].filter((p) => p.fte + 1e-9 >= rule.minFte);
  return { n: counted.length, atRisk: counted.filter((p) => p.atRisk).length };
}

const cents = (n: number) => Math.round(n * 100);

export function annualFigures(input: {
  year: number;
  jobs: ReportJob[];
  members: ReportMember[] | null;
  months: ReportMonth[];
  rule: EmploymentRule;
}): AnnualFigures {
  const { year, jobs, rule } = input;
  const yearEnd = `${year}-12-31`;
  const end = countedOn(jobs, rule, yearEnd);
  const monthEnds = Array.from({ length: 12 }, (_, i) => lastDayOf(year, i + 1));
  const total = monthEnds.reduce((s, d) => s + countedOn(jobs, rule, d).n, 0);
  const inYear = (d: string | null) => Boolean(d?.startsWith(`${year}-`));
  const months = input.months.filter((m) => m.month.startsWith(`${year}-`));
  const sum = (f: (m: ReportMonth) => number) => months.reduce((s, m) => s + cents(f(m)), 0) / 100;
  const ownRevenue = sum((m) => m.ownRevenuePln);
  const grants = sum((m) => m.grantsPln);
  const costs = sum((m) => m.costsPln);
  const recorded = new Set(months.map((m) => m.month.slice(0, 7)));
  const all = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return {
    year,
    yearEnd,
    employment: {
      atYearEnd: end.n,
      atRiskAtYearEnd: end.atRisk,
      atRiskShare: end.n > 0 ? end.atRisk / end.n : null,
      allAtYearEnd: new Set(
        jobs.filter((j) => active(j, yearEnd)).map((j) => j.personKey ?? `job:${j.jobKey}`),
      ).size,
      average: Math.round((total / 12) * 10) / 10,
      created: jobs.filter((j) => inYear(j.startOn)).length,
      ended: jobs.filter((j) => inYear(j.endOn)).length,
    },
    finance: {
      ownRevenue,
      grants,
      costs,
      result: (cents(ownRevenue) + cents(grants) - cents(costs)) / 100,
      ownRevenueShare: ownRevenue + grants > 0 ? ownRevenue / (ownRevenue + grants) : null,
      monthsRecorded: recorded.size,
      monthsMissing: all.filter((m) => !recorded.has(m)),
    },
    membersAtYearEnd:
      input.members === null
        ? null
        : input.members.filter((m) => active({ startOn: m.joinedOn, endOn: m.leftOn }, yearEnd)).length,
  };
}

/** What the draft cannot fill in from the data, in the order of the report's sections. */
export function missingItems(input: {
  organisation: {
    nip: string | null;
    regon: string | null;
    krs: string | null;
    street: string;
    city: string;
  };
  hasPsDecision: boolean;
  aims: string[];
  jobs: number;
  figures: AnnualFigures;
  servicesToLocality: string;
  beneficiaries: string;
  isCooperative: boolean;
}): MissingItem[] {
  const out: MissingItem[] = [];
  const o = input.organisation;
  if (!o.nip) out.push('nip');
  if (!o.regon) out.push('regon');
  if (!o.krs) out.push('krs');
  if (!o.street.trim() || !o.city.trim()) out.push('address');
  if (!input.hasPsDecision) out.push('psDecision');
  if (input.aims.length === 0) out.push('aims');
  if (input.jobs === 0) out.push('jobs');
  if (input.figures.finance.monthsMissing.length > 0) out.push('figures');
  if (!input.servicesToLocality.trim()) out.push('services');
  if (!input.beneficiaries.trim()) out.push('beneficiaries');
  if (input.isCooperative && (input.figures.membersAtYearEnd ?? 0) === 0) out.push('members');
  return out;
}

/** The report years one can ask for: from the year of registration (or creation) to last year. */
export function reportYear(raw: string | null, today: string): number | null {
  const last = Number(today.slice(0, 4)) - 1;
  if (raw === null || raw === '') return last;
  if (!/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 2022 && y <= last + 1 ? y : null;
}
