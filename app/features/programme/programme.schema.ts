import { z } from 'zod';
import { optionalDateField } from '../../lib/form-fields.ts';
import { PROGRAMME_LEVELS, PROGRAMME_STATUSES } from './programme.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalDate = optionalDateField('programme.form.date.invalid');

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= max, { message: 'programme.form.tooLong' });

/** An optional id picked from a list: empty means none; anything else must look like an id. */
const optionalId = (message: 'programme.form.parent.invalid' | 'programme.form.responsible.invalid') =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const clean = (v ?? '').trim();
      if (!clean) return null;
      if (!UUID.test(clean)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return clean.toLowerCase();
    });

/** A number typed the Polish way or the English way (`1 250,5`, `1250.5`); empty means none. */
const indicatorValue = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return null;
    const clean = String(v)
      .replace(/[\s\u00a0]/g, '')
      .replace(',', '.');
    if (!clean) return null;
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(clean)) {
      ctx.addIssue({ code: 'custom', message: 'programme.form.indicator.invalid' });
      return z.NEVER;
    }
    return clean;
  });

const progressValue = z
  .union([z.string(), z.number()])
  .default('0')
  .transform((v, ctx) => {
    const clean = String(v).trim().replace(/%$/, '').trim();
    if (!clean) return 0;
    const n = Number(clean);
    if (!/^\d{1,3}$/.test(clean) || n > 100) {
      ctx.addIssue({ code: 'custom', message: 'programme.form.progress.invalid' });
      return z.NEVER;
    }
    return n;
  });

/** Linked problems: repeated form fields arrive joined by commas (see `programmeFormData`), or as a list. */
const problemIds = z
  .union([z.array(z.string()), z.string()])
  .default([])
  .transform((v, ctx) => {
    const list = (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean);
    if (list.some((id) => !UUID.test(id))) {
      ctx.addIssue({ code: 'custom', message: 'programme.form.problems.invalid' });
      return z.NEVER;
    }
    return [...new Set(list)];
  });

/** The goal / action / task form (add and edit); messages are message ids. */
export const programmeItemSchema = z.object({
  level: z.enum(PROGRAMME_LEVELS, { message: 'programme.form.level.required' }),
  parentId: optionalId('programme.form.parent.invalid'),
  title: text(200).refine((v) => v.length > 0, { message: 'programme.form.title.required' }),
  description: text(3000),
  responsibleOrganisationId: optionalId('programme.form.responsible.invalid'),
  responsibleUserId: optionalId('programme.form.responsible.invalid'),
  startsOn: optionalDate,
  dueOn: optionalDate,
  status: z.enum(PROGRAMME_STATUSES, { message: 'programme.form.status.required' }).default('planned'),
  progress: progressValue,
  indicatorName: text(200),
  indicatorUnit: text(40),
  indicatorTarget: indicatorValue,
  indicatorActual: indicatorValue,
  problemIds,
});
export type ProgrammeItemInput = z.output<typeof programmeItemSchema>;

/** What a responsible partner or person reports: status, progress and the indicator's actual value. */
export const progressUpdateSchema = z.object({
  status: z.enum(PROGRAMME_STATUSES, { message: 'programme.form.status.required' }),
  progress: progressValue,
  indicatorActual: indicatorValue,
  version: z.coerce.number().int().default(0),
});
export type ProgressUpdateInput = z.output<typeof progressUpdateSchema>;

export const programmeFilterSchema = z.object({
  overdue: z
    .string()
    .optional()
    .transform((v) => v === '1' || v === 'on'),
  status: z.enum(PROGRAMME_STATUSES).optional().catch(undefined),
  organisation: z
    .string()
    .optional()
    .transform((v) => (v && UUID.test(v) ? v.toLowerCase() : undefined)),
});
export type ProgrammeFilter = z.output<typeof programmeFilterSchema>;

/** Copies a submitted form, joining the repeated `problemIds` checkboxes so `parseForm` keeps them all. */
export function programmeFormData(form: FormData): FormData {
  const out = new FormData();
  for (const [k, v] of form.entries()) {
    if (k !== 'problemIds' && typeof v === 'string') out.set(k, v);
  }
  out.set(
    'problemIds',
    form
      .getAll('problemIds')
      .filter((v) => typeof v === 'string')
      .join(','),
  );
  return out;
}
