import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export type RecordedMail = { to: string[]; subject: string; text: string; receivedAt: string };

export function recordedMail(): RecordedMail[] {
  const dir = inject('e2eMailDir');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RecordedMail);
}

/**
 * Waits (up to ~30 s: mail goes through the pg-boss queue) for a message to `to` that
 * matches, and returns it. `after` skips messages that were already there.
 */
export async function waitForMail(
  to: string,
  opts: { after?: number; timeoutMs?: number; match?: (m: RecordedMail) => boolean } = {},
): Promise<RecordedMail> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    const found = recordedMail()
      .slice(opts.after ?? 0)
      .find((m) => m.to.some((t) => t.toLowerCase() === to.toLowerCase()) && (opts.match?.(m) ?? true));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = recordedMail()
        .map((m) => `${m.to.join(', ')}: ${m.subject}`)
        .join('\n  ');
      throw new Error(
        `No e-mail to ${to} arrived within the timeout. Recorded so far:\n  ${seen || '(none)'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first absolute link in the mail whose path starts with `pathPrefix`. */
export function linkFrom(mail: RecordedMail, pathPrefix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url.href;
  }
  throw new Error(`No ${pathPrefix}… link in the e-mail "${mail.subject}":\n${mail.text}`);
}
