import type { MessageKey } from '../../lib/i18n/catalog.ts';

export const PROBLEM_STATUSES = ['pending', 'open', 'in_progress', 'solved', 'rejected'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Statuses the public sees: a problem appears only after moderation accepted it. */
export const PUBLIC_STATUSES: readonly ProblemStatus[] = ['open', 'in_progress', 'solved'];

/** The named moves between statuses; anything else is refused with an explanation. */
export const TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  pending: ['open', 'rejected'],
  open: ['in_progress', 'solved'],
  in_progress: ['open', 'solved'],
  solved: ['in_progress'],
  rejected: [],
};

export function checkTransition(from: ProblemStatus, to: ProblemStatus): MessageKey | null {
  return TRANSITIONS[from].includes(to) ? null : 'problems.errors.transition';
}

/** Spam protection without a third-party service: a hidden field, a minimum fill time, a rate per address. */
export const SPAM = { minSeconds: 3, maxHours: 3, perAddressPerHour: 5 } as const;

export type SpamVerdict = { ok: true } | { ok: false; reason: 'honeypot' | 'too_fast' | 'expired' | 'rate' };

export function checkSpam(opts: {
  honeypot: string;
  renderedAt: number;
  now: number;
  recentFromAddress: number;
}): SpamVerdict {
  if (opts.honeypot.trim() !== '') return { ok: false, reason: 'honeypot' };
  const age = (opts.now - opts.renderedAt) / 1000;
  if (!Number.isFinite(age) || age < SPAM.minSeconds) return { ok: false, reason: 'too_fast' };
  if (age > SPAM.maxHours * 3600) return { ok: false, reason: 'expired' };
  if (opts.recentFromAddress >= SPAM.perAddressPerHour) return { ok: false, reason: 'rate' };
  return { ok: true };
}
