import type { MessageKey } from '../../lib/i18n/catalog.ts';

/** Kinds of local actor, as the seed lists them and as Polish law names them. */
export const ORGANISATION_KINDS = [
  'ops',
  'pup',
  'parish',
  'association',
  'foundation',
  'local_government',
  'school',
  'business',
  'housing_coop',
  'social_coop',
  'worker_coop',
  'cis',
  'kis',
  'zaz',
  'wtz',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Legal forms that decide (with the kind) whether an actor is a social-economy entity. */
export const LEGAL_FORMS = [
  'association',
  'foundation',
  'rural_housewives_circle',
  'social_cooperative',
  'worker_cooperative',
  'disabled_or_blind_cooperative',
  'agricultural_production_cooperative',
  'housing_cooperative',
  'church_legal_person',
  'local_government_unit',
  'local_government_association',
  'budgetary_unit',
  'non_profit_company',
  'company',
  'sole_trader',
  'civil_partnership',
  'political_party',
  'trade_union',
  'employers_organisation',
  'professional_self_government',
  'other',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Kinds whose usual legal form can be suggested when a person picks the kind. */
export const DEFAULT_LEGAL_FORM: Partial<Record<OrganisationKind, LegalForm>> = {
  ops: 'budgetary_unit',
  pup: 'budgetary_unit',
  parish: 'church_legal_person',
  association: 'association',
  foundation: 'foundation',
  local_government: 'local_government_unit',
  school: 'budgetary_unit',
  business: 'company',
  housing_coop: 'housing_cooperative',
  social_coop: 'social_cooperative',
  worker_coop: 'worker_cooperative',
};

/**
 * The legal parameter `pes.entities` (art. 2 pkt 5 of the 2022 Social Economy Act): which
 * legal forms and which reintegration units are social-economy entities, with the letter of
 * the article for each. Loaded from the dated parameter table, never typed in code.
 */
export type PesParameter = { legalForms: Record<string, string>; kinds: Record<string, string> };

export type PesVerdict = {
  isPes: boolean;
  /** e.g. "a" for art. 2 pkt 5 lit. a; null when not an entity. */
  letter: string | null;
  key: MessageKey;
  values: Record<string, string>;
};

/**
 * Whether an actor is a social-economy entity (PES), derived from its legal form and kind,
 * never typed by hand. CIS, KIS, WTZ and ZAZ are entities whatever body runs them.
 */
export function derivePes(
  actor: { kind: OrganisationKind; legalForm: LegalForm },
  param: PesParameter,
): PesVerdict {
  const byKind = param.kinds[actor.kind];
  if (byKind)
    return { isPes: true, letter: byKind, key: 'organisations.pes.yesByKind', values: { letter: byKind } };
  const byForm = param.legalForms[actor.legalForm];
  if (byForm)
    return { isPes: true, letter: byForm, key: 'organisations.pes.yesByForm', values: { letter: byForm } };
  return { isPes: false, letter: null, key: 'organisations.pes.no', values: {} };
}

/** A name reduced for duplicate detection: folded, no punctuation, no legal-form words. */
export function nameKey(folded: string): string {
  return folded
    .replace(/["'„”«»]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(
      /\b(stowarzyszenie|fundacja|spoldzielnia|socjalna|sp z o o|spolka|z ograniczona odpowiedzialnoscia|s a|parafia|rzymskokatolicka|pw|im|gminny|gminna|miejski|miejska)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, bounded: stops early once above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Near-identical names: the same key, or a key at most 1 edit away (2 for longer names). */
export function similarNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const max = Math.min(a.length, b.length) >= 12 ? 2 : 1;
  return editDistance(a, b, max) <= max;
}

/** The roles whose holders speak for one organisation of the directory. */
export const REPRESENTATIVE_ROLES = ['partner_rep', 'enterprise_member'] as const;
export type RepresentativeRole = (typeof REPRESENTATIVE_ROLES)[number];

export function isRepresentativeRole(value: unknown): value is RepresentativeRole {
  return value === 'partner_rep' || value === 'enterprise_member';
}
