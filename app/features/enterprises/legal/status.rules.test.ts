import { describe, expect, it } from 'vitest';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import { checkMessageText } from './check-message.ts';
import { checkEnterprise } from './enterprise.rules.ts';
import { testParameters } from './legal.fixture.ts';
import type { CheckResult } from './legal.types.ts';
import {
  annualReportDue,
  checkSocialEnterpriseStatus,
  reapplyBar,
  type StatusEmployee,
} from './status.rules.ts';

const params = testParameters();
const pl = getI18n('pl');
const en = getI18n('en');
const byRule = (results: CheckResult[], rule: string) => {
  const r = results.find((x) => x.rule === rule);
  if (!r) throw new Error(`no result for ${rule}`);
  return r;
};
let n = 0;
const emp = (over: Partial<StatusEmployee> = {}): StatusEmployee => ({
  personKey: `p${n++}`,
  contractType: 'employment',
  fte: 1,
  atRisk: false,
  startOn: '2024-01-01',
  endOn: null,
  ...over,
});
const base = { legalForm: 'social_cooperative', publicControl: false, psAims: ['reintegration'] };
const on = '2025-06-01';

describe('checkSocialEnterpriseStatus: employees (art. 5 ust. 1)', () => {
  it('2 employees fail with the figures in words, 3 pass', () => {
    const two = byRule(
      checkSocialEnterpriseStatus({ ...base, employees: [emp(), emp()] }, params, on),
      'ps.minEmployees',
    );
    expect(two.passed).toBe(false);
    expect(checkMessageText(pl, two.message)).toBe(
      '2 z 3 wymaganych pracowników (umowa o pracę lub spółdzielcza umowa o pracę, co najmniej ½ etatu); brakuje 1.',
    );
    expect(checkMessageText(en, two.message)).toBe(
      '2 of 3 required employees (employment contract or cooperative employment contract, at least ½ FTE); 1 missing.',
    );
    const three = checkSocialEnterpriseStatus({ ...base, employees: [emp(), emp(), emp()] }, params, on);
    expect(byRule(three, 'ps.minEmployees').passed).toBe(true);
  });

  it('0.5 FTE counts, 0.49 does not; civil-law contracts do not count', () => {
    const half = checkSocialEnterpriseStatus(
      {
        ...base,
        employees: [
          emp({ fte: 0.5 }),
          emp({ fte: 0.5 }),
          emp({ fte: 0.5, contractType: 'cooperative_employment' }),
        ],
      },
      params,
      on,
    );
    expect(byRule(half, 'ps.minEmployees').passed).toBe(true);
    const below = byRule(
      checkSocialEnterpriseStatus({ ...base, employees: [emp(), emp(), emp({ fte: 0.49 })] }, params, on),
      'ps.minEmployees',
    );
    expect(below.passed).toBe(false);
    expect(checkMessageText(pl, below.message)).toContain(
      '; 1 osoba na innej umowie lub w mniejszym wymiarze się nie liczy',
    );
    const civil = checkSocialEnterpriseStatus(
      {
        ...base,
        employees: [emp(), emp(), emp({ contractType: 'mandate' }), emp({ contractType: 'specific_work' })],
      },
      params,
      on,
    );
    expect(byRule(civil, 'ps.minEmployees').passed).toBe(false);
  });

  it('counts only jobs active on the date, and one person with two half-time jobs once', () => {
    const ended = checkSocialEnterpriseStatus(
      { ...base, employees: [emp(), emp(), emp({ endOn: '2025-05-31' })] },
      params,
      on,
    );
    expect(byRule(ended, 'ps.minEmployees').passed).toBe(false);
    const twoJobs = checkSocialEnterpriseStatus(
      {
        ...base,
        employees: [emp(), emp(), emp({ personKey: 'x', fte: 0.25 }), emp({ personKey: 'x', fte: 0.25 })],
      },
      params,
      on,
    );
    expect(byRule(twoJobs, 'ps.minEmployees').passed).toBe(true);
  });
});

describe('checkSocialEnterpriseStatus: at-risk share (art. 5 ust. 2)', () => {
  const staff = (atRisk: number, total: number) =>
    Array.from({ length: total }, (_, i) => emp({ atRisk: i < atRisk }));

  it('exactly 30% passes, below fails with how many are missing', () => {
    const exact = byRule(
      checkSocialEnterpriseStatus({ ...base, employees: staff(3, 10) }, params, on),
      'ps.atRiskShare',
    );
    expect(exact.passed).toBe(true);
    expect(checkMessageText(pl, exact.message)).toBe(
      'Osoby zagrożone wykluczeniem (umowa o pracę, co najmniej ½ etatu): 3 z 10 zatrudnionych (30%); wymagane co najmniej 30%.',
    );
    const below = byRule(
      checkSocialEnterpriseStatus({ ...base, employees: staff(2, 10) }, params, on),
      'ps.atRiskShare',
    );
    expect(below.passed).toBe(false);
    // 2 of 10 → one more at-risk hire gives 3 of 11 (27%), two give 4 of 12 (33%).
    expect(below.message.values.missing).toBe(2);
    expect(checkMessageText(pl, below.message)).toContain('brakuje 2 takich osób');
  });

  it('1 of 3 (33%) passes; at-risk people below ½ FTE do not count', () => {
    expect(
      byRule(checkSocialEnterpriseStatus({ ...base, employees: staff(1, 3) }, params, on), 'ps.atRiskShare')
        .passed,
    ).toBe(true);
    const part = [emp(), emp(), emp(), emp({ atRisk: true, fte: 0.49 })];
    expect(
      byRule(checkSocialEnterpriseStatus({ ...base, employees: part }, params, on), 'ps.atRiskShare').passed,
    ).toBe(false);
  });

  it('does not apply to the social-services aim', () => {
    const r = byRule(
      checkSocialEnterpriseStatus(
        { ...base, psAims: ['social_services'], employees: staff(0, 3) },
        params,
        on,
      ),
      'ps.atRiskShare',
    );
    expect(r.passed).toBeNull();
  });
});

describe('checkSocialEnterpriseStatus: form, control, aim', () => {
  it('rejects an ineligible form, public control and no aim', () => {
    const r = checkSocialEnterpriseStatus(
      { legalForm: 'company', publicControl: true, psAims: [], employees: [] },
      params,
      on,
    );
    expect(byRule(r, 'ps.form').passed).toBe(false);
    expect(checkMessageText(pl, byRule(r, 'ps.form').message)).toBe(
      'Forma prawna „spółka (inna niż non-profit)” nie może uzyskać statusu przedsiębiorstwa społecznego.'.replace(
        'spółka (inna niż non-profit)',
        pl.t('organisations.legalForm.company'),
      ),
    );
    expect(byRule(r, 'ps.publicControl').passed).toBe(false);
    expect(byRule(r, 'ps.aim').passed).toBe(false);
  });

  it('reports an unverified parameter as such', () => {
    const r = byRule(checkSocialEnterpriseStatus({ ...base, employees: [] }, params, on), 'ps.form');
    expect(r.parameters).toEqual([
      {
        key: 'ps.eligibleForms',
        source: 'Źródło ps.eligibleForms',
        verified: false,
        validFrom: '2022-10-30',
      },
    ]);
    const employees = byRule(
      checkSocialEnterpriseStatus({ ...base, employees: [] }, params, on),
      'ps.minEmployees',
    );
    expect(employees.parameters[0]?.verified).toBe(true);
  });
});

describe('annualReportDue', () => {
  it('is due on 31 March, overdue from 1 April', () => {
    expect(annualReportDue('2026-03-31', params)).toMatchObject({
      reportYear: 2025,
      dueOn: '2026-03-31',
      overdue: false,
      remind: true,
    });
    expect(annualReportDue('2026-04-01', params).overdue).toBe(true);
    expect(annualReportDue('2026-02-28', params).remind).toBe(false);
    expect(annualReportDue('2026-03-01', params).remind).toBe(true);
  });
});

describe('reapplyBar', () => {
  it('blocks until one year from the final decision, to the day', () => {
    expect(reapplyBar('2025-03-10', '2026-03-09', params)).toEqual({ blocked: true, until: '2026-03-10' });
    expect(reapplyBar('2025-03-10', '2026-03-10', params)).toEqual({ blocked: false, until: '2026-03-10' });
  });
});

describe('checkEnterprise', () => {
  const input = {
    ...base,
    foundedBy: 'natural' as const,
    registeredOn: '2025-03-15',
    members: [],
    employees: [],
    decisions: [],
  };
  it('adds the cooperative rules for a social cooperative only', () => {
    const coop = checkEnterprise(input, params, on);
    expect(coop.results.some((r) => r.rule === 'coop.members.min')).toBe(true);
    const foundation = checkEnterprise({ ...input, legalForm: 'foundation' }, params, on);
    expect(foundation.results.some((r) => r.rule.startsWith('coop.'))).toBe(false);
    expect(foundation.passed).toBe(false);
  });

  it('adds the annual report for a PS holder and the bar after losing it', () => {
    const granted = checkEnterprise(
      {
        ...input,
        decisions: [{ kind: 'ps_granted', decidedOn: '2025-04-01', finalOn: null, validUntil: null }],
      },
      params,
      on,
    );
    expect(granted.results.some((r) => r.rule === 'ps.annualReport')).toBe(true);
    const lost = checkEnterprise(
      {
        ...input,
        decisions: [
          { kind: 'ps_granted', decidedOn: '2024-01-01', finalOn: null, validUntil: null },
          { kind: 'ps_lost', decidedOn: '2025-01-10', finalOn: '2025-02-01', validUntil: null },
        ],
      },
      params,
      on,
    );
    const bar = byRule(lost.results, 'ps.reapplyBar');
    expect(bar.pending).toBe(true);
    expect(checkMessageText(pl, bar.message)).toBe(
      'Status utracono decyzją ostateczną z 1 lutego 2025 r.; nowy wniosek można złożyć od 1 lutego 2026 r.',
    );
  });

  it('passes when every applicable rule holds', () => {
    const employees = [emp({ atRisk: true }), emp(), emp()];
    const r = checkEnterprise({ ...input, legalForm: 'foundation', employees }, params, on);
    expect(r.passed).toBe(true);
  });

  it('shows the status criteria for information only to an enterprise that neither holds nor seeks the status', () => {
    const employees = [emp(), emp()];
    const trading = checkEnterprise({ ...input, legalForm: 'foundation', psAims: [], employees }, params, on);
    expect(trading.passed).toBe(true);
    const staff = byRule(trading.results, 'ps.minEmployees');
    expect(staff.passed).toBeNull();
    expect(staff.advisory).toBe(true);
    // The figures are still there in words.
    expect(checkMessageText(pl, staff.message)).toContain('2 z 3');
    expect(byRule(trading.results, 'ps.aim').advisory).toBe(true);
    // Declaring an aim makes them binding; so does holding the status without one.
    const seeking = checkEnterprise({ ...input, legalForm: 'foundation', employees }, params, on);
    expect(seeking.passed).toBe(false);
    expect(byRule(seeking.results, 'ps.minEmployees').passed).toBe(false);
    const holder = checkEnterprise(
      {
        ...input,
        legalForm: 'foundation',
        psAims: [],
        employees,
        decisions: [{ kind: 'ps_granted', decidedOn: '2025-04-01', finalOn: null, validUntil: null }],
      },
      params,
      on,
    );
    expect(byRule(holder.results, 'ps.minEmployees').passed).toBe(false);
  });
});
