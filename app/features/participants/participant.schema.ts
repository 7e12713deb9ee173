import { z } from 'zod';
import { dateInputValue } from '../../lib/dates.ts';
import { optionalDateField } from '../../lib/form-fields.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { parseForm } from '../../lib/forms.ts';
import { personFields, personSchema } from '../people/person.schema.ts';
import { checkPesel } from './pesel.ts';

export const SEXES = ['female', 'male'] as const;
export const GENDERS = ['woman', 'man', 'non_binary', 'refused'] as const;
export const EDUCATION = ['isced0_2', 'isced3_4', 'isced5_8', 'refused'] as const;
export const ANSWERS = ['yes', 'no', 'refused'] as const;
/** The sensitive monitoring questions; each may be answered yes, no or refused. */
export const SENSITIVE = [
  'disability',
  'foreignBackground',
  'thirdCountryNational',
  'minority',
  'homeless',
  'otherDisadvantage',
] as const;
export type SensitiveField = (typeof SENSITIVE)[number];

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v === '' || (values as readonly string[]).includes(v), {
      message: 'participants.form.choiceInvalid',
    })
    .transform((v) => v as T[number] | '');

/** The fields of the register/edit form apart from the person's own (names, contact, basis). */
const participantOnly = z.object({
  registeredOn: optionalDateField('participants.form.registeredOn.invalid'),
  pesel: z
    .string()
    .default('')
    .transform((v) => v.replace(/\s+/g, '')),
  noPesel: z
    .string()
    .default('')
    .transform((v) => v === 'on' || v === 'true' || v === '1'),
  birthDate: optionalDateField('participants.form.birthDate.invalid'),
  sex: optionalChoice(SEXES),
  gender: optionalChoice(GENDERS),
  education: optionalChoice(EDUCATION),
  disability: optionalChoice(ANSWERS),
  foreignBackground: optionalChoice(ANSWERS),
  thirdCountryNational: optionalChoice(ANSWERS),
  minority: optionalChoice(ANSWERS),
  homeless: optionalChoice(ANSWERS),
  otherDisadvantage: optionalChoice(ANSWERS),
});
export type ParticipantOnly = z.output<typeof participantOnly>;

export type ParticipantInput = {
  person: z.output<typeof personSchema>;
  participant: ParticipantOnly & { registeredOn: string; birthDate: string | null };
};

export type ParticipantValidation = { ok: true; data: ParticipantInput } | { ok: false; errors: FieldErrors };

/**
 * Validates the whole form: the person (names, contact, GDPR basis), the PESEL (or, without
 * one, birth date and sex), the registration date (not in the future) and the monitoring answers.
 * A PESEL whose date of birth or sex contradicts what was typed is refused, in words.
 */
export function validateParticipant(values: Record<string, string>, today: string): ParticipantValidation {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  const person = parseForm(form, personSchema);
  const rest = parseForm(form, participantOnly);
  const errors: FieldErrors = { ...(person.ok ? {} : person.errors), ...(rest.ok ? {} : rest.errors) };
  if (rest.ok) {
    const p = rest.data;
    const registeredOn = p.registeredOn ?? today;
    if (registeredOn > today) errors.registeredOn = 'participants.form.registeredOn.future';
    if (p.birthDate && p.birthDate > registeredOn) errors.birthDate = 'participants.form.birthDate.future';
    if (p.noPesel) {
      if (p.pesel) errors.pesel = 'participants.form.pesel.notWithNoPesel';
      if (!p.birthDate && !errors.birthDate) errors.birthDate = 'participants.form.birthDate.requiredNoPesel';
      if (!p.sex) errors.sex = 'participants.form.sex.requiredNoPesel';
    } else if (p.pesel) {
      const r = checkPesel(p.pesel);
      if (!r.ok)
        errors.pesel =
          'values' in r.problem ? { key: r.problem.key, values: r.problem.values } : r.problem.key;
      else {
        if (p.birthDate && p.birthDate !== r.birthDate && !errors.birthDate)
          errors.birthDate = {
            key: 'participants.form.birthDate.contradicts',
            values: { date: dateInputValue(r.birthDate) },
          };
        if (p.sex && p.sex !== r.sex)
          errors.sex = { key: 'participants.form.sex.contradicts', values: { sex: r.sex } };
        if (!errors.birthDate && !errors.sex) {
          p.birthDate = r.birthDate;
          p.sex = r.sex;
        }
      }
    }
    if (person.ok && Object.keys(errors).length === 0)
      return { ok: true, data: { person: person.data, participant: { ...p, registeredOn } } };
  }
  return { ok: false, errors };
}

export { personFields };

/** Age band on a given day (EU monitoring): below 18, 18–29, 30–54, 55 and over; null without a birth date. */
export type AgeBand = 'under18' | 'age18_29' | 'age30_54' | 'age55plus';
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
export function ageBand(birthDate: string | null, day: string): AgeBand | null {
  if (!birthDate) return null;
  const age = ageOn(birthDate, day);
  if (age < 18) return 'under18';
  if (age < 30) return 'age18_29';
  if (age < 55) return 'age30_54';
  return 'age55plus';
}

export const closeSchema = z.object({
  closedOn: optionalDateField('participants.close.closedOn.invalid'),
  closedReason: z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, { message: 'participants.close.reason.required' })
    .refine((v) => v.length <= 500, { message: 'participants.form.tooLong' }),
});
