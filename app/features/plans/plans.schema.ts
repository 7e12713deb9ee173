import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { ACTION_KINDS, ACTION_STATUSES, CLOSING_REASONS, OUTCOME_KINDS } from './plans.rules.ts';

/** The forms of a support plan (messages are message ids in the `plans` namespace). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v.length <= max, { message: 'plans.form.tooLong' });

const requiredText = (max: number, required: MessageKey) =>
  text(max).refine((v) => v.length > 0, { message: required });

const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: MessageKey) =>
  z
    .string()
    .default('')
    .refine((v) => (values as readonly string[]).includes(v), { message })
    .transform((v) => v as T[number]);

/** An optional id (empty → null); anything that is not an id is refused with `message`. */
const optionalId = (message: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => v === '' || UUID.test(v), { message })
    .transform((v) => v || null);

const requiredId = (message: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => UUID.test(v), { message });

const date = (required: MessageKey) => requiredDateField(required, 'plans.date.invalid');
const optionalDate = () => optionalDateField('plans.date.invalid');

/** Create or edit: needs and goals may still be drafts; the first review only when creating. */
export const planSchema = z.object({
  needs: text(4000),
  goals: text(4000),
  startsOn: date('plans.form.startsOn.required'),
  responsibleUserId: requiredId('plans.form.responsible.required'),
  firstReviewOn: optionalDate(),
});
export type PlanInput = z.output<typeof planSchema>;

export const actionSchema = z.object({
  actionKind: oneOf(ACTION_KINDS, 'plans.action.kind.required'),
  actionDescription: requiredText(1000, 'plans.action.description.required'),
  actionResponsibleUserId: optionalId('plans.action.responsible.invalid'),
  actionOrganisationId: optionalId('plans.action.organisation.invalid'),
  actionDueOn: optionalDate(),
});
export type ActionInput = z.output<typeof actionSchema>;

export const editActionSchema = actionSchema.extend({
  actionId: requiredId('plans.action.unknown'),
});

export const actionStatusSchema = z.object({
  actionId: requiredId('plans.action.unknown'),
  actionStatus: oneOf(ACTION_STATUSES, 'plans.action.status.required'),
  doneOn: optionalDate(),
});

export const agreeSchema = z.object({
  agreedOn: optionalDate(),
  stepNote: text(1000),
});

export const startSchema = z.object({ stepNote: text(1000) });

export const closeSchema = z.object({
  closingReason: z.string().default(''),
  closedOn: optionalDate(),
  closingNote: text(2000),
});

export const reviewSchema = z.object({
  reviewDueOn: date('plans.review.dueOn.required'),
});

export const holdReviewSchema = z.object({
  reviewId: requiredId('plans.review.unknown'),
  heldOn: date('plans.review.heldOn.required'),
  reviewNote: text(4000),
  nextDueOn: optionalDate(),
});

export const outcomeSchema = z.object({
  outcomeKind: oneOf(OUTCOME_KINDS, 'plans.outcome.kind.required'),
  achievedOn: date('plans.outcome.achievedOn.required'),
  outcomeOrganisationId: optionalId('plans.outcome.organisation.invalid'),
  outcomeNote: text(1000),
});

export { CLOSING_REASONS };
