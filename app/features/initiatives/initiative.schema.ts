import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { checkKrs, checkNip, checkRegon, type IdCheck } from '../organisations/identifiers.ts';
import { INTENDED_LEGAL_FORMS } from './initiative-stages.rules.ts';

const text = (max: number, required?: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'initiatives.form.tooLong' })
    .refine((v) => v.length <= max, { message: 'initiatives.form.tooLong' });

const optionalId = z
  .string()
  .default('')
  .transform((v) => v.trim() || null);

/** Name, idea, intended legal form and market niche of an initiative group. */
export const initiativeSchema = z.object({
  name: text(200, 'initiatives.form.name.required'),
  idea: text(5000, 'initiatives.form.idea.required'),
  intendedLegalForm: z.enum(INTENDED_LEGAL_FORMS, { message: 'initiatives.form.legalForm.required' }),
  nicheId: optionalId,
});
export type InitiativeInput = z.output<typeof initiativeSchema>;

/** A founder: a natural person (from the locality's people) or an organisation from the directory. */
export const founderSchema = z
  .object({
    kind: z.enum(['natural', 'legal'], { message: 'initiatives.founders.kind.required' }),
    personId: optionalId,
    organisationId: optionalId,
    /** auto: from the participant's recorded categories; yes/no: set by staff. */
    atRisk: z.enum(['auto', 'yes', 'no']).default('auto'),
    role: text(120),
    joinedOn: requiredDateField(
      'initiatives.founders.joinedOn.required',
      'initiatives.founders.joinedOn.invalid',
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'natural' && !v.personId)
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'initiatives.founders.person.required' });
    if (v.kind === 'legal' && !v.organisationId)
      ctx.addIssue({
        code: 'custom',
        path: ['organisationId'],
        message: 'initiatives.founders.organisation.required',
      });
  });
export type FounderInput = z.output<typeof founderSchema>;

export const tickSchema = z.object({
  item: z.string().default(''),
  doneOn: requiredDateField('initiatives.checklist.doneOn.required', 'initiatives.checklist.doneOn.invalid'),
  note: text(500),
});

function identifier(check: (raw: string) => IdCheck) {
  return z
    .string()
    .default('')
    .transform((raw, ctx) => {
      if (raw.trim() === '') return null;
      const r = check(raw);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.key, params: r.values });
        return z.NEVER;
      }
      return r.value;
    });
}

/** The registration details asked for the move to incubation (founding the entity). */
export const foundingSchema = z.object({
  organisationName: text(300, 'initiatives.founding.name.required'),
  krs: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      if (raw.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'initiatives.founding.krs.required' });
        return z.NEVER;
      }
      const r = checkKrs(raw);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.key, params: r.values });
        return z.NEVER;
      }
      return r.value;
    }),
  registeredOn: requiredDateField(
    'initiatives.founding.registeredOn.required',
    'initiatives.founding.registeredOn.invalid',
  ),
  nip: identifier(checkNip),
  regon: identifier(checkRegon),
  reason: text(1000),
});
export type FoundingInput = z.output<typeof foundingSchema>;

export const closeSchema = z.object({ reason: text(1000, 'initiatives.close.reason.required') });
export const advanceSchema = z.object({ reason: text(1000) });
export { optionalDateField };
