/** Market niches: statuses, evidence sources, competition levels and the weighted score. */

export const NICHE_STATUSES = ['identified', 'researching', 'pursued', 'dropped'] as const;
export type NicheStatus = (typeof NICHE_STATUSES)[number];
export const COMPETITION_LEVELS = ['low', 'medium', 'high'] as const;
export const EVIDENCE_SOURCES = ['partner', 'municipality', 'residents', 'other'] as const;

/** Criterion scores go from 1 (poor) to 5 (very good). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** The criteria a locality starts with when it has none (labels are message ids' suffixes). */
export const DEFAULT_CRITERIA: { key: string; weight: number }[] = [
  { key: 'demand', weight: 3 },
  { key: 'skills', weight: 2 },
  { key: 'startup_cost', weight: 2 },
  { key: 'competition', weight: 1 },
  { key: 'social_value', weight: 2 },
];

export type Criterion = { key: string; label: string; weight: number };

export type NicheScore = {
  /** The weighted average over the scored criteria, 1–5 with two decimals; null when none is scored. */
  score: number | null;
  /** Criteria without a score (left out of the average). */
  missing: string[];
  scored: number;
  total: number;
};

/** A score as typed/stored: an integer 1..5, anything else is "not scored". */
export function validScore(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= SCORE_MIN && n <= SCORE_MAX ? n : null;
}

/**
 * The niche's score: the weighted average of its criterion scores, Σ(weight × score) / Σ weight
 * over the criteria that have a score; the unscored ones are listed so the page can say why the
 * score rests on fewer criteria. Criteria with a weight ≤ 0 are ignored.
 */
export function nicheScore(criteria: Criterion[], scores: Record<string, unknown>): NicheScore {
  const active = criteria.filter((c) => c.weight > 0);
  let weighted = 0;
  let weights = 0;
  const missing: string[] = [];
  for (const c of active) {
    const s = validScore(scores[c.key]);
    if (s === null) {
      missing.push(c.label);
      continue;
    }
    weighted += c.weight * s;
    weights += c.weight;
  }
  const score = weights > 0 ? Math.round((weighted / weights) * 100) / 100 : null;
  return { score, missing, scored: active.length - missing.length, total: active.length };
}

/** A criterion key from its label: lower case ASCII with underscores ("Koszt startu" → "koszt_startu"). */
export function criterionKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}
