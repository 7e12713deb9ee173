import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { grantInstalments, grants } from '../../../db/schema/index.ts';
import { parseDateInput } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePlnInput } from '../../lib/form-fields.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { getI18n, type Locale } from '../../lib/i18n/i18n.ts';
import { checkSchedule, equalInstalments, rescheduleRows, SCHEDULE_ROWS } from './financing.rules.ts';
import {
  audit,
  belongs,
  type Ctx,
  notFound,
  throwIfErrors,
  toForm,
  UUID,
} from './financing-common.server.ts';
import { grantSchema } from './funding.schema.ts';
import { applicationRow, assertManage, sourceOf } from './funding.server.ts';

export { rescheduleRows, SCHEDULE_ROWS } from './financing.rules.ts';

type Instalment = { dueOn: string; amountPln: string };

/**
 * The schedule typed on the form: either "N equal monthly instalments from a date" (`months`,
 * `firstDueOn`) or the rows `dueOn_i` / `amount_i`; a half-filled row is an error on its field.
 */
export function typedSchedule(
  values: Record<string, string>,
  amountPln: string | null,
  errors: FieldErrors,
  rowCount: number = SCHEDULE_ROWS,
) {
  const months = (values.months ?? '').trim();
  if (months) {
    const n = Number(months);
    if (!/^\d{1,2}$/.test(months) || n < 1 || n > 60) errors.months = 'financing.grant.months.invalid';
    const first = parseDateInput(values.firstDueOn ?? '');
    if (!first) errors.firstDueOn = 'financing.form.date.required';
    if (errors.months || errors.firstDueOn || !amountPln) return [];
    return equalInstalments(amountPln, n, first as string);
  }
  const rows: Instalment[] = [];
  for (let i = 0; i < rowCount; i++) {
    const due = (values[`dueOn_${i}`] ?? '').trim();
    const amount = (values[`amount_${i}`] ?? '').trim();
    if (!due && !amount) continue;
    const dueOn = parseDateInput(due);
    const pln = parsePlnInput(amount);
    if (!dueOn) errors[`dueOn_${i}`] = due ? 'financing.form.date.invalid' : 'financing.form.date.required';
    if (pln === null || pln === 'invalid' || Number(pln) === 0)
      errors[`amount_${i}`] =
        pln === null ? 'financing.form.amount.required' : 'financing.form.amount.invalid';
    if (dueOn && typeof pln === 'string' && pln !== 'invalid') rows.push({ dueOn, amountPln: pln });
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The schedule against the amount; when it does not add up, the sums in words on the schedule. */
function scheduleError(
  locale: Locale,
  amountPln: string,
  schedule: Instalment[],
  errors: FieldErrors,
  of: 'grant' | 'remaining' = 'grant',
) {
  const check = checkSchedule(amountPln, schedule);
  if (check.ok) return;
  const { money } = getI18n(locale);
  errors.schedule = {
    key:
      of === 'remaining'
        ? check.key === 'missing'
          ? 'financing.grant.reschedule.missing'
          : 'financing.grant.reschedule.excess'
        : check.key === 'missing'
          ? 'financing.grant.schedule.missing'
          : 'financing.grant.schedule.excess',
    values: {
      total: money(Number(check.total)),
      amount: money(Number(check.amount)),
      difference: money(Number(check.difference)),
    },
  };
}

/**
 * Records a grant received with its payment schedule (which must add up to the amount); a grant
 * from an application needs the application granted. One transaction with its audit row.
 */
export async function createGrant(
  db: Db,
  ctx: Ctx & { values: Record<string, string>; locale?: Locale },
): Promise<string> {
  assertManage(ctx);
  const localityId = ctx.locality.localityId;
  const parsed = parseForm(toForm(ctx.values), grantSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const amount = parsed.ok ? parsed.data.amountPln : null;
  const schedule = typedSchedule(ctx.values, amount, errors);
  if (parsed.ok) {
    const d = parsed.data;
    if (!(await sourceOf(db, localityId, d.sourceId))) errors.sourceId = 'financing.form.unknown';
    if (d.applicationId) {
      const app = await applicationRow(db, localityId, d.applicationId);
      if (!app) errors.applicationId = 'financing.form.unknown';
      else if (app.status !== 'granted') errors.applicationId = 'financing.grant.application.notGranted';
    }
    if (!d.enterpriseId && !d.initiativeId) errors.enterpriseId = 'financing.grant.recipient.required';
    if (!(await belongs(db, 'enterprises', localityId, d.enterpriseId)))
      errors.enterpriseId = 'financing.form.unknown';
    if (!(await belongs(db, 'initiatives', localityId, d.initiativeId)))
      errors.initiativeId = 'financing.form.unknown';
    if (d.obligationUntil && d.obligationUntil < d.awardedOn)
      errors.obligationUntil = 'financing.grant.obligationUntil.beforeAwarded';
    if (!errors.months && !Object.keys(errors).some((k) => /^(dueOn|amount)_/.test(k)))
      scheduleError(ctx.locale ?? ctx.actor.locale, d.amountPln, schedule, errors);
  }
  throwIfErrors(errors);
  if (!parsed.ok) throw new Error('unreachable');
  const d = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(grants)
      .values({ localityId, ...d, createdBy: ctx.actor.userId })
      .returning({ id: grants.id });
    await tx.insert(grantInstalments).values(schedule.map((s) => ({ localityId, grantId: row!.id, ...s })));
    await audit(tx, ctx, 'grant.create', 'grant', row!.id, {
      title: d.title,
      amount: d.amountPln,
      instalments: schedule.length,
    });
    return row!.id;
  });
}

/**
 * Changes the unpaid part of a grant's schedule (a funder moved or split instalments): paid
 * instalments stay as they are; the new unpaid rows must add up to what remains to be paid.
 * Refused with the sums in words when they do not, and as a conflict when an instalment was
 * marked paid meanwhile. The audit entry keeps the old and the new rows.
 */
export async function rescheduleGrant(
  db: Db,
  ctx: Ctx & { grantId: string; values: Record<string, string>; locale?: Locale },
): Promise<void> {
  assertManage(ctx);
  if (!UUID.test(ctx.grantId)) notFound();
  const [grant] = await db
    .select({ id: grants.id, amountPln: grants.amountPln })
    .from(grants)
    .where(and(eq(grants.id, ctx.grantId), eq(grants.localityId, ctx.locality.localityId)));
  if (!grant) notFound();
  const before = await instalmentsOf(db, grant.id);
  const unpaid = before.filter((i) => !i.paidOn);
  const paidGrosze = before
    .filter((i) => i.paidOn)
    .reduce((sum, i) => sum + Math.round(Number(i.amountPln) * 100), 0);
  const remainingGrosze = Math.round(Number(grant.amountPln) * 100) - paidGrosze;
  if (remainingGrosze <= 0) throw new AppError('DOMAIN_RULE', 'financing.grant.reschedule.nothing');
  const remaining = (remainingGrosze / 100).toFixed(2);
  const errors: FieldErrors = {};
  const rows = typedSchedule(ctx.values, remaining, errors, rescheduleRows(unpaid.length));
  if (!errors.months && !Object.keys(errors).some((k) => /^(dueOn|amount)_/.test(k)))
    scheduleError(ctx.locale ?? ctx.actor.locale, remaining, rows, errors, 'remaining');
  throwIfErrors(errors, 'financing.grant.reschedule.invalid');
  await db.transaction(async (tx) => {
    const current = await tx
      .select({ id: grantInstalments.id })
      .from(grantInstalments)
      .where(and(eq(grantInstalments.grantId, grant.id), isNull(grantInstalments.paidOn)));
    const same = current.length === unpaid.length && current.every((c) => unpaid.some((u) => u.id === c.id));
    if (!same) throw new AppError('CONFLICT', 'financing.grant.reschedule.conflict');
    await tx
      .delete(grantInstalments)
      .where(and(eq(grantInstalments.grantId, grant.id), isNull(grantInstalments.paidOn)));
    await tx
      .insert(grantInstalments)
      .values(rows.map((r) => ({ localityId: ctx.locality.localityId, grantId: grant.id, ...r })));
    await audit(tx, ctx, 'grant.schedule.change', 'grant', grant.id, {
      before: unpaid.map((u) => ({ dueOn: u.dueOn, amountPln: u.amountPln })),
      after: rows,
    });
  });
}

/** Marks an instalment paid on a day (not in the future); an instalment is paid once. */
export async function markInstalmentPaid(
  db: Db,
  ctx: Ctx & { grantId: string; instalmentId: string; paidOn: string; today: string },
) {
  assertManage(ctx);
  if (!UUID.test(ctx.grantId) || !UUID.test(ctx.instalmentId)) notFound();
  const paidOn = parseDateInput(ctx.paidOn);
  if (!paidOn)
    throwIfErrors({
      paidOn: ctx.paidOn.trim() ? 'financing.form.date.invalid' : 'financing.form.date.required',
    });
  if ((paidOn as string) > ctx.today) throwIfErrors({ paidOn: 'financing.instalment.paidOn.future' });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: grantInstalments.id, paidOn: grantInstalments.paidOn })
      .from(grantInstalments)
      .where(
        and(
          eq(grantInstalments.id, ctx.instalmentId),
          eq(grantInstalments.grantId, ctx.grantId),
          eq(grantInstalments.localityId, ctx.locality.localityId),
        ),
      );
    if (!row) notFound();
    if (row.paidOn) throw new AppError('DOMAIN_RULE', 'financing.instalment.alreadyPaid');
    await tx.update(grantInstalments).set({ paidOn }).where(eq(grantInstalments.id, row.id));
    await audit(tx, ctx, 'grant.instalment.paid', 'grant', ctx.grantId, { instalmentId: row.id, paidOn });
  });
}

export async function instalmentsOf(db: Db, grantId: string) {
  return db
    .select({
      id: grantInstalments.id,
      dueOn: grantInstalments.dueOn,
      amountPln: grantInstalments.amountPln,
      paidOn: grantInstalments.paidOn,
    })
    .from(grantInstalments)
    .where(eq(grantInstalments.grantId, grantId))
    .orderBy(asc(grantInstalments.dueOn));
}
