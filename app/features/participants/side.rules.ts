import { z } from 'zod';
import { optionalDateField, requiredDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';

/**
 * Consents, at-risk categories and labour-market status of a participant: pure rules and the
 * form schemas (messages are message ids). GDPR art. 6/7: a consent can be withdrawn at any
 * time; the other bases are recorded, not withdrawn.
 */

export const CONSENT_PURPOSES = ['support', 'contact', 'photos', 'share_partner'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_BASES = [
  'consent',
  'public_task',
  'legal_obligation',
  'contract',
  'legitimate_interest',
] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export const LABOUR_STATUSES = [
  'unemployed_registered',
  'unemployed_unregistered',
  'long_term_unemployed',
  'inactive',
  'employed',
  'self_employed',
  'in_education',
] as const;
export type LabourStatus = (typeof LABOUR_STATUSES)[number];

/** The dated legal parameter `ues.atRiskCategories` (art. 2 pkt 6 u.e.s.). */
export const AT_RISK_PARAMETER = 'ues.atRiskCategories';
export type AtRiskCategory = { key: string; ref: string; verified: boolean };
export type AtRiskParameter = { categories: AtRiskCategory[] };

export type ConsentLike = {
  id: string;
  purpose: string;
  organisationId: string | null;
  basis: string;
  givenOn: string;
  withdrawnOn: string | null;
};

/** Only a consent (not another legal basis) that is still in force can be withdrawn. */
export function canWithdraw(c: Pick<ConsentLike, 'basis' | 'withdrawnOn'>): boolean {
  return c.basis === 'consent' && !c.withdrawnOn;
}

/** Why a withdrawal date cannot be used, or null: not before the consent was given, not in the future. */
export function withdrawalDateProblem(
  givenOn: string,
  withdrawnOn: string,
  today: string,
): MessageKey | null {
  if (withdrawnOn > today) return 'participants.side.withdraw.future';
  if (withdrawnOn < givenOn) return 'participants.side.withdraw.beforeGiven';
  return null;
}

/** The record still in force for the same purpose (and, for sharing, the same organisation). */
export function activeDuplicate<C extends ConsentLike>(
  consents: C[],
  purpose: string,
  organisationId: string | null,
): C | null {
  return (
    consents.find(
      (c) =>
        c.purpose === purpose &&
        !c.withdrawnOn &&
        (purpose !== 'share_partner' || c.organisationId === organisationId),
    ) ?? null
  );
}

/** Why a labour-status date cannot be used, or null: not in the future, not before registration. */
export function statusDateProblem(fromDate: string, registeredOn: string, today: string): MessageKey | null {
  if (fromDate > today) return 'participants.side.status.future';
  if (fromDate < registeredOn) return 'participants.side.status.beforeRegistration';
  return null;
}

/** Statuses newest first (by date, then by when they were written). */
export function sortStatuses<S extends { fromDate: string; createdAt: string }>(rows: S[]): S[] {
  return [...rows].sort((a, b) =>
    a.fromDate === b.fromDate ? b.createdAt.localeCompare(a.createdAt) : b.fromDate.localeCompare(a.fromDate),
  );
}

/** The status in force today: the newest one that has started. */
export function currentStatus<S extends { fromDate: string; createdAt: string }>(
  rows: S[],
  today: string,
): S | null {
  return sortStatuses(rows).find((s) => s.fromDate <= today) ?? null;
}

/**
 * Support rests on a basis: when the last support record was a consent now withdrawn and
 * nothing else is in force, support may continue only on another legal basis.
 */
export function supportNeedsOtherBasis(consents: ConsentLike[]): boolean {
  const support = consents.filter((c) => c.purpose === 'support');
  if (support.some((c) => !c.withdrawnOn)) return false;
  return support.some((c) => c.basis === 'consent' && c.withdrawnOn);
}

export function isListedCategory(param: AtRiskParameter, key: string): boolean {
  return param.categories.some((c) => c.key === key);
}

const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: MessageKey) =>
  z
    .string()
    .default('')
    .refine((v) => (values as readonly string[]).includes(v), { message });

const trimmed = () =>
  z
    .string()
    .default('')
    .transform((v) => v.trim());

const note = trimmed().refine((v) => v.length <= 500, { message: 'participants.side.note.tooLong' });

export const recordConsentSchema = z.object({
  purpose: oneOf(CONSENT_PURPOSES, 'participants.side.consent.purpose.required'),
  organisationId: trimmed(),
  basis: oneOf(CONSENT_BASES, 'participants.side.consent.basis.required'),
  givenOn: requiredDateField('participants.side.consent.givenOn.required', 'participants.side.date.invalid'),
  consentNote: note,
});

export const withdrawConsentSchema = z.object({
  consentId: z
    .string()
    .default('')
    .refine((v) => /^[0-9a-f-]{36}$/i.test(v.trim()), {
      message: 'participants.side.withdraw.consent.required',
    }),
  withdrawnOn: requiredDateField(
    'participants.side.withdraw.date.required',
    'participants.side.date.invalid',
  ),
});

export const addCategorySchema = z.object({
  category: trimmed().refine((v) => v.length > 0, { message: 'participants.side.category.required' }),
  evidence: trimmed().refine((v) => v.length <= 300, { message: 'participants.side.note.tooLong' }),
  notedOn: optionalDateField('participants.side.date.invalid'),
});

export const removeCategorySchema = z.object({
  category: trimmed().refine((v) => v.length > 0, { message: 'participants.side.category.required' }),
});

export const recordStatusSchema = z.object({
  labourStatus: oneOf(LABOUR_STATUSES, 'participants.side.status.required'),
  fromDate: requiredDateField('participants.side.status.date.required', 'participants.side.date.invalid'),
  statusNote: note,
});
