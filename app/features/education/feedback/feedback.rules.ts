/** The answers of each question: 1 (worst) – 5 (best), every one labelled in words. */
export const SCALE = [1, 2, 3, 4, 5] as const;
/** The longest comment accepted. */
export const COMMENT_MAX = 2000;
/** How many comments are listed per module (the newest). */
export const COMMENTS_PER_MODULE = 20;

/** Where a session's feedback form is (for links from session pages, the participant's page, QR codes). */
export function feedbackUrl(localitySlug: string, sessionId: string, opts: { paper?: boolean } = {}): string {
  return `/app/${localitySlug}/education/feedback/${sessionId}${opts.paper ? '?paper=1' : ''}`;
}
