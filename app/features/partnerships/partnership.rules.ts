export const MEMBER_ROLES = ['leader', 'partner', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const COMMITMENT_KINDS = ['premises', 'volunteers', 'money', 'equipment', 'expertise'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_STATUSES = ['promised', 'delivered'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Units a commitment can be counted in, per kind (money is always in złoty). */
export const UNITS: Record<CommitmentKind, readonly string[]> = {
  premises: ['month', 'day', 'hour', 'm2'],
  volunteers: ['hour', 'person'],
  money: ['pln'],
  equipment: ['piece', 'month'],
  expertise: ['hour', 'day'],
};

/** Commitments delivered in kind lower the locality's costs: they go to the in-kind ledger. Money does not. */
export function inKindKindOf(
  kind: CommitmentKind,
): 'premises' | 'volunteers' | 'equipment' | 'expertise' | null {
  return kind === 'money' ? null : kind;
}

export function isMemberRole(v: unknown): v is MemberRole {
  return typeof v === 'string' && (MEMBER_ROLES as readonly string[]).includes(v);
}
