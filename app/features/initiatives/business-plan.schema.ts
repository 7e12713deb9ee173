import { parsePlnInput } from '../../lib/form-fields.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import {
  FUNDING_KINDS,
  type FundingRow,
  type MonthRow,
  PLAN_MONTHS,
  type PlanContent,
  type StartupCost,
} from './business-plan.rules.ts';

/** Rows of start-up costs and funding sources the form can carry at most. */
export const MAX_ROWS = 30;
const TEXT_MAX = 5000;
const LABEL_MAX = 200;

/**
 * Reads the business-plan form (works without JavaScript: fixed rows named `startup.0.label`,
 * `m.1.revenue`, `funding.0.kind`, …). Amounts accept the Polish decimal comma. Every problem is
 * reported at once, next to its field.
 */
export function parsePlanForm(values: Record<string, string>): { plan: PlanContent; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const txt = (key: 'offer' | 'customers' | 'niche' | 'team' | 'breakEvenNote') => {
    const v = (values[key] ?? '').trim();
    if (v.length > TEXT_MAX) errors[key] = 'initiatives.form.tooLong';
    return v;
  };
  const amount = (name: string, required: boolean): string => {
    const raw = values[name] ?? '';
    const parsed = parsePlnInput(raw);
    if (parsed === 'invalid') {
      errors[name] = 'initiatives.plan.amount.invalid';
      return '';
    }
    if (parsed === null && required) errors[name] = 'initiatives.plan.amount.required';
    return parsed ?? '';
  };
  const startupCosts: StartupCost[] = [];
  const fundingSources: FundingRow[] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    const label = (values[`startup.${i}.label`] ?? '').trim();
    const typed = (values[`startup.${i}.amount`] ?? '').trim();
    if (label || typed) {
      if (!label) errors[`startup.${i}.label`] = 'initiatives.plan.label.required';
      else if (label.length > LABEL_MAX) errors[`startup.${i}.label`] = 'initiatives.form.tooLong';
      startupCosts.push({ label, amount: amount(`startup.${i}.amount`, true) });
    }
    const fLabel = (values[`funding.${i}.label`] ?? '').trim();
    const fTyped = (values[`funding.${i}.amount`] ?? '').trim();
    if (fLabel || fTyped) {
      if (!fLabel) errors[`funding.${i}.label`] = 'initiatives.plan.label.required';
      else if (fLabel.length > LABEL_MAX) errors[`funding.${i}.label`] = 'initiatives.form.tooLong';
      const kind = values[`funding.${i}.kind`] ?? '';
      if (!(FUNDING_KINDS as readonly string[]).includes(kind))
        errors[`funding.${i}.kind`] = 'initiatives.plan.fundingKind.required';
      fundingSources.push({ label: fLabel, kind, amount: amount(`funding.${i}.amount`, true) });
    }
  }
  const monthly: MonthRow[] = [];
  for (let month = 1; month <= PLAN_MONTHS; month++) {
    const revenue = amount(`m.${month}.revenue`, false);
    const costs = amount(`m.${month}.costs`, false);
    if (revenue !== '' || costs !== '') monthly.push({ month, revenue, costs });
  }
  return {
    plan: {
      offer: txt('offer'),
      customers: txt('customers'),
      niche: txt('niche'),
      team: txt('team'),
      breakEvenNote: txt('breakEvenNote'),
      startupCosts,
      monthly,
      fundingSources,
    },
    errors,
  };
}

/** The form's field values of a stored plan (amounts with the Polish comma when `pl`). */
export function planFormValues(plan: PlanContent, locale: 'pl' | 'en'): Record<string, string> {
  const show = (a: string) => (locale === 'pl' ? a.replace('.', ',') : a);
  const v: Record<string, string> = {
    offer: plan.offer,
    customers: plan.customers,
    niche: plan.niche,
    team: plan.team,
    breakEvenNote: plan.breakEvenNote,
  };
  plan.startupCosts.forEach((r, i) => {
    v[`startup.${i}.label`] = r.label;
    v[`startup.${i}.amount`] = show(r.amount);
  });
  plan.fundingSources.forEach((r, i) => {
    v[`funding.${i}.label`] = r.label;
    v[`funding.${i}.kind`] = r.kind;
    v[`funding.${i}.amount`] = show(r.amount);
  });
  for (const m of plan.monthly) {
    v[`m.${m.month}.revenue`] = show(m.revenue);
    v[`m.${m.month}.costs`] = show(m.costs);
  }
  return v;
}
