/**
 * The admin's view of the dated legal parameters: every row, and adding a new dated value for
 * an existing key (same JSON shape, starting after the current value, which it closes the day
 * before). One transaction with its audit row; then every enterprise is re-checked.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../../db/client.ts';
import { legalParameters } from '../../../../db/schema/index.ts';
import type { Actor } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { parseDateInput } from '../../../lib/dates.ts';
import { AppError } from '../../../lib/errors.ts';
import { requiredDateField } from '../../../lib/form-fields.ts';
import { type FieldErrors, parseForm } from '../../../lib/forms.ts';
import type { MailQueue } from '../../../lib/services.ts';
import { recheckAllEnterprises } from './legal.server.ts';
import { addDays } from './legal-dates.ts';
import { parseJsonValue, shapeProblem } from './parameters.rules.ts';

/** Shown in the hint and in the error about invalid JSON. */
export const JSON_EXAMPLE = '{"min": 3, "minFte": 0.5}';

export async function listLegalParameters(db: Db) {
  return db.select().from(legalParameters).orderBy(asc(legalParameters.key), desc(legalParameters.validFrom));
}

const schema = z.object({
  key: z.string().trim().min(1, 'legal.parameters.form.key.required'),
  validFrom: requiredDateField(
    'legal.parameters.form.validFrom.required',
    'legal.parameters.form.validFrom.invalid',
  ),
  value: z.string().default(''),
  source: z
    .string()
    .trim()
    .min(1, 'legal.parameters.form.source.required')
    .max(1000, 'legal.parameters.form.source.tooLong'),
  verified: z.string().optional(),
  note: z.string().trim().max(2000, 'legal.parameters.form.note.tooLong').default(''),
});

/** A date the way the form takes it (27.03.2027), for messages in either language. */
function typedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${m}.${y}`;
}

export type AddParameterResult = { key: string; validFrom: string; checked: number; failing: number };

export async function addLegalParameterValue(
  db: Db,
  opts: {
    actor: Actor;
    values: Record<string, string>;
    form: FormData;
    today: string;
    mail: MailQueue;
    baseUrl: string;
  },
): Promise<AddParameterResult> {
  const parsed = parseForm(opts.form, schema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const key = (opts.values.key ?? '').trim();
  const [current] = key
    ? await db
        .select()
        .from(legalParameters)
        .where(eq(legalParameters.key, key))
        .orderBy(desc(legalParameters.validFrom))
        .limit(1)
    : [];
  if (key && !current) errors.key = 'legal.parameters.form.key.unknown';
  const json = parseJsonValue(opts.values.value ?? '');
  if (!json.ok)
    errors.value =
      json.problem === 'json'
        ? { key: 'legal.parameters.form.value.json', values: { example: JSON_EXAMPLE } }
        : 'legal.parameters.form.value.required';
  else if (current) {
    const problem = shapeProblem(current.value, json.value);
    if (problem)
      errors.value = {
        key:
          problem.expected === 'none'
            ? 'legal.parameters.form.value.extra'
            : 'legal.parameters.form.value.shape',
        values: { path: problem.path, expected: problem.expected },
      };
  }
  const validFrom = parsed.ok ? parsed.data.validFrom : parseDateInput(opts.values.validFrom ?? '');
  if (!errors.validFrom && validFrom && current && validFrom <= current.validFrom)
    errors.validFrom = {
      key: 'legal.parameters.form.validFrom.notAfter',
      values: { date: typedDate(current.validFrom) },
    };
  if (!parsed.ok || !current || !json.ok || Object.keys(errors).length > 0) {
    // In the order of the form's fields, for the error summary.
    const ordered: FieldErrors = {};
    for (const f of ['key', 'validFrom', 'value', 'source', 'note']) if (errors[f]) ordered[f] = errors[f];
    throw new AppError('BAD_REQUEST', 'common.form.errorSummary', {}, ordered);
  }
  const data = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .update(legalParameters)
      .set({ validTo: addDays(data.validFrom, -1) })
      .where(and(eq(legalParameters.key, key), isNull(legalParameters.validTo)));
    const [row] = await tx
      .insert(legalParameters)
      .values({
        key,
        value: json.value,
        validFrom: data.validFrom,
        validTo: null,
        source: data.source,
        verified: data.verified === 'on' || data.verified === 'true',
        note: data.note || null,
      })
      .returning({ id: legalParameters.id });
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: null,
      requestId: opts.actor.requestId,
      action: 'legal_parameter.add',
      entityType: 'legal_parameter',
      entityId: row?.id ?? null,
      details: { key, validFrom: data.validFrom, previousFrom: current.validFrom, value: json.value },
    });
  });
  const summary = await recheckAllEnterprises(db, {
    today: opts.today,
    mail: opts.mail,
    baseUrl: opts.baseUrl,
  });
  return { key, validFrom: data.validFrom, checked: summary.checked, failing: summary.failing };
}
