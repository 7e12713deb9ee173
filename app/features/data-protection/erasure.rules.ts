/** The longest note or reason on an erasure decision. */
export const NOTE_MAX = 500;

/**
 * The last day a closed participant's data are kept: `years` after 31 December of the year
 * the participation closed (parameter participants.retentionYears); null while it goes on.
 */
export function retentionEnd(closedOn: string | null, years: number): string | null {
  if (!closedOn) return null;
  return `${Number(closedOn.slice(0, 4)) + years}-12-31`;
}
