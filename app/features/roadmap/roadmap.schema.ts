import { z } from 'zod';
import { optionalDateField } from '../../lib/form-fields.ts';
import { STEP_STATUSES } from './roadmap.rules.ts';

const optionalDate = (message: 'roadmap.form.dueDate.invalid' | 'roadmap.form.doneOn.invalid') =>
  optionalDateField(message);

/** Evidence links: one per line, "https://… label" or just the address. */
export function parseEvidenceLinks(text: string): { url: string; label: string }[] | null {
  const links: { url: string; label: string }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [url = '', ...rest] = line.split(/\s+/);
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    } catch {
      return null;
    }
    links.push({ url, label: rest.join(' ') || url });
  }
  return links;
}

export const updateStepSchema = z.object({
  status: z.enum(STEP_STATUSES, { message: 'roadmap.form.status.required' }),
  responsibleUserId: z
    .string()
    .trim()
    .default('')
    .transform((v) => (v === '' ? null : v))
    .refine((v) => v === null || /^[0-9a-f-]{36}$/i.test(v), { message: 'roadmap.form.responsible.invalid' }),
  dueDate: optionalDate('roadmap.form.dueDate.invalid'),
  doneOn: optionalDate('roadmap.form.doneOn.invalid'),
  evidenceNotes: z.string().max(5000, { message: 'roadmap.form.evidenceNotes.tooLong' }).default(''),
  evidenceLinks: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const links = parseEvidenceLinks(text);
      if (links === null || links.length > 20) {
        ctx.addIssue({ code: 'custom', message: 'roadmap.form.evidenceLinks.invalid' });
        return z.NEVER;
      }
      return links;
    }),
  version: z.coerce
    .number({ message: 'common.form.invalid' })
    .int()
    .positive({ message: 'common.form.invalid' }),
});

export type UpdateStepInput = z.output<typeof updateStepSchema>;
