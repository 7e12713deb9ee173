import { z } from 'zod';
import { optionalDateField } from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';

/**
 * Referrals between organisations: the status machine, the consent precondition and what the
 * other side may read. Pure rules, no I/O; messages are message ids.
 */

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'done'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export function isReferralStatus(v: unknown): v is ReferralStatus {
  return typeof v === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(v);
}

/** The only moves: sent → accepted | declined, accepted → done. */
export const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'declined'],
  accepted: ['done'],
  declined: [],
  done: [],
};

/** Why a referral with status `from` cannot move to `to`, in words; null when it can. */
export function transitionProblem(from: string, to: ReferralStatus): MessageKey | null {
  if (isReferralStatus(from) && TRANSITIONS[from].includes(to)) return null;
  if (from === 'sent') return 'referrals.transition.notAccepted';
  if (from === 'accepted') return 'referrals.transition.alreadyAccepted';
  if (from === 'declined') return 'referrals.transition.declined';
  if (from === 'done') return 'referrals.transition.done';
  return 'referrals.transition.unknown';
}

export type ShareConsentLike = {
  id: string;
  purpose: string;
  organisationId: string | null;
  givenOn: string;
  withdrawnOn: string | null;
};

/**
 * The record that lets the person's data go to the receiving organisation: purpose
 * share_partner, for that organisation, not withdrawn. When there is none, says whether a
 * withdrawn one exists (so the message can say so).
 */
export function shareConsentFor<C extends ShareConsentLike>(
  consents: C[],
  organisationId: string,
): { ok: true; consent: C } | { ok: false; withdrawnOn: string | null } {
  const forOrg = consents.filter((c) => c.purpose === 'share_partner' && c.organisationId === organisationId);
  const active = forOrg.filter((c) => !c.withdrawnOn).sort((a, b) => b.givenOn.localeCompare(a.givenOn))[0];
  if (active) return { ok: true, consent: active };
  const withdrawn = forOrg
    .map((c) => c.withdrawnOn)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return { ok: false, withdrawnOn: withdrawn ?? null };
}

/** Who is looking at a referral: the locality's staff, or a representative of one of its two organisations. */
export type ReferralSide = 'staff' | 'receiving' | 'sending';

export type ReferralRecord = {
  status: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  reason: string;
  sharedNote: string;
  shareContact: boolean;
  responseNote: string;
  outcomeNote: string;
  /** The consent the referral rests on is no longer in force (or the person was erased). */
  consentWithdrawn: boolean;
  erased: boolean;
};

/** What one side may read about the person. Null fields are not shown at all. */
export type SharedPerson = {
  name: string | null;
  reason: string | null;
  sharedNote: string | null;
  email: string | null;
  phone: string | null;
  responseNote: string | null;
  outcomeNote: string | null;
  /** The organisations see no personal data because the consent was withdrawn or the person erased. */
  hidden: boolean;
};

/**
 * The presenter of a referral for a side. Staff see the whole referral. The organisations see
 * only what the referral shares (the name, the reason, the shared note, and the contact data
 * only when ticked) and nothing of it once the consent is withdrawn or the person erased.
 */
export function sharedFor(side: ReferralSide, r: ReferralRecord): SharedPerson {
  const name = `${r.givenName} ${r.familyName}`.trim();
  if (side === 'staff')
    return {
      name: r.erased ? null : name,
      reason: r.reason,
      sharedNote: r.sharedNote,
      email: r.erased ? null : r.email || null,
      phone: r.erased ? null : r.phone || null,
      responseNote: r.responseNote,
      outcomeNote: r.outcomeNote,
      hidden: false,
    };
  if (r.consentWithdrawn || r.erased)
    return {
      name: null,
      reason: null,
      sharedNote: null,
      email: null,
      phone: null,
      responseNote: null,
      outcomeNote: null,
      hidden: true,
    };
  return {
    name,
    reason: r.reason,
    sharedNote: r.sharedNote,
    email: r.shareContact ? r.email || null : null,
    phone: r.shareContact ? r.phone || null : null,
    responseNote: r.responseNote,
    outcomeNote: r.outcomeNote,
    hidden: false,
  };
}

const trimmed = () =>
  z
    .string()
    .default('')
    .transform((v) => v.trim());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sendReferralSchema = z
  .object({
    fromOrganisationId: trimmed().refine((v) => v === '' || UUID.test(v), {
      message: 'referrals.form.from.invalid',
    }),
    toOrganisationId: trimmed().refine((v) => UUID.test(v), { message: 'referrals.form.to.required' }),
    reason: trimmed()
      .refine((v) => v.length > 0, { message: 'referrals.form.reason.required' })
      .refine((v) => v.length <= 1000, { message: 'referrals.form.tooLong' }),
    sharedNote: trimmed().refine((v) => v.length <= 2000, { message: 'referrals.form.tooLong' }),
    shareContact: z
      .string()
      .default('')
      .transform((v) => v === 'on' || v === '1' || v === 'yes'),
  })
  .superRefine((v, ctx) => {
    if (v.fromOrganisationId && v.fromOrganisationId === v.toOrganisationId)
      ctx.addIssue({ code: 'custom', path: ['toOrganisationId'], message: 'referrals.form.to.same' });
  });
export type SendReferralInput = z.output<typeof sendReferralSchema>;

export const respondSchema = z
  .object({
    decision: z
      .string()
      .default('')
      .refine((v) => v === 'accepted' || v === 'declined', {
        message: 'referrals.respond.decision.required',
      }),
    responseNote: trimmed().refine((v) => v.length <= 1000, { message: 'referrals.form.tooLong' }),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'declined' && !v.responseNote)
      ctx.addIssue({
        code: 'custom',
        path: ['responseNote'],
        message: 'referrals.respond.note.requiredForDecline',
      });
  });
export type RespondInput = { decision: 'accepted' | 'declined'; responseNote: string };

export const completeSchema = z.object({
  doneOn: optionalDateField('referrals.complete.doneOn.invalid'),
  outcomeNote: trimmed()
    .refine((v) => v.length > 0, { message: 'referrals.complete.outcome.required' })
    .refine((v) => v.length <= 1000, { message: 'referrals.form.tooLong' }),
});
export type CompleteInput = z.output<typeof completeSchema>;

/** Why a completion date cannot be used, or null: not in the future, not before the referral was sent. */
export function doneDateProblem(doneOn: string, sentOn: string, today: string): MessageKey | null {
  if (doneOn > today) return 'referrals.complete.doneOn.future';
  if (doneOn < sentOn) return 'referrals.complete.doneOn.beforeSent';
  return null;
}
