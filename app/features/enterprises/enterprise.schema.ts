import { z } from 'zod';
import {
  optionalDateField,
  optionalPlnField,
  requiredDateField,
  requiredPlnField,
} from '../../lib/form-fields.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';

export const PS_AIMS = ['reintegration', 'social_services'] as const;
export const FOUNDED_BY = ['natural', 'legal'] as const;
export const DECISION_KINDS = ['krs_registered', 'ps_granted', 'ps_lost', 'ps_legacy_ct9'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

const text = (max: number, required?: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { message: required ?? 'enterprises.form.tooLong' })
    .refine((v) => v.length <= max, { message: 'enterprises.form.tooLong' });

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** The enterprise profile (the organisation's own fields are edited in the directory). */
export const profileSchema = z.object({
  registeredOn: optionalDateField('enterprises.profile.registeredOn.invalid'),
  foundedBy: z
    .string()
    .default('')
    .transform((v) => v.trim() || null)
    .refine((v) => v === null || (FOUNDED_BY as readonly string[]).includes(v), {
      message: 'enterprises.profile.foundedBy.invalid',
    }),
  aimReintegration: checkbox,
  aimSocialServices: checkbox,
  publicControl: checkbox,
  servicesToLocality: text(2000),
  beneficiaries: text(2000),
  offerSummary: text(2000),
  openingCash: optionalPlnField('enterprises.profile.openingCash.invalid', { allowNegative: true }),
});
export type ProfileInput = z.output<typeof profileSchema>;

const count = (invalid: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      const s = v.replace(/\s/g, '');
      if (!s) return 0;
      if (!/^\d{1,6}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return Number(s);
    });

/** One month's figures (amounts with a Polish decimal comma). */
export const figuresSchema = z.object({
  month: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const m = /^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})[./](\d{4}))\s*$/.exec(v);
      const year = m ? Number(m[1] ?? m[4]) : 0;
      const month = m ? Number(m[2] ?? m[3]) : 0;
      if (!m || month < 1 || month > 12 || year < 2000 || year > 2100) {
        ctx.addIssue({
          code: 'custom',
          message: (v.trim()
            ? 'enterprises.figures.month.invalid'
            : 'enterprises.figures.month.required') satisfies MessageKey,
        });
        return z.NEVER;
      }
      return `${year}-${String(month).padStart(2, '0')}-01`;
    }),
  ownRevenue: requiredPlnField('enterprises.figures.amount.required', 'enterprises.figures.amount.invalid'),
  grants: requiredPlnField('enterprises.figures.amount.required', 'enterprises.figures.amount.invalid'),
  costs: requiredPlnField('enterprises.figures.amount.required', 'enterprises.figures.amount.invalid'),
  headcount: count('enterprises.figures.count.invalid'),
  customers: count('enterprises.figures.count.invalid'),
});
export type FiguresInput = z.output<typeof figuresSchema>;

/** A member: a person of the locality or an organisation, or a name. */
export const memberSchema = z.object({
  kind: z.enum(['natural', 'legal'], { message: 'enterprises.member.kind.required' }),
  personId: z
    .string()
    .default('')
    .transform((v) => v.trim() || null),
  organisationId: z
    .string()
    .default('')
    .transform((v) => v.trim() || null),
  displayName: text(200),
  atRiskCategory: z
    .string()
    .default('')
    .transform((v) => v.trim() || null),
  isFounder: checkbox,
  shareCapital: optionalPlnField('enterprises.member.shareCapital.invalid'),
  joinedOn: requiredDateField('enterprises.member.joinedOn.required', 'enterprises.member.joinedOn.invalid'),
});
export type MemberInput = z.output<typeof memberSchema>;

/** A status decision. */
export const decisionSchema = z.object({
  kind: z.enum(DECISION_KINDS, { message: 'enterprises.decision.kind.required' }),
  decidedOn: requiredDateField(
    'enterprises.decision.decidedOn.required',
    'enterprises.decision.decidedOn.invalid',
  ),
  finalOn: optionalDateField('enterprises.decision.finalOn.invalid'),
  validUntil: optionalDateField('enterprises.decision.validUntil.invalid'),
  number: text(100),
  authority: text(200),
  note: text(1000),
});
export type DecisionInput = z.output<typeof decisionSchema>;
