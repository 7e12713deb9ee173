import { z } from 'zod';
import {
  isAllowedUrl,
  MATERIAL_KINDS,
  MATERIAL_LANGUAGES,
  MATERIAL_VISIBILITIES,
} from './materials.rules.ts';

export const materialSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'education.materials.form.title.required')
      .max(200, 'education.materials.form.tooLong'),
    description: z.string().trim().max(4000, 'education.materials.form.tooLong').default(''),
    kind: z.enum(MATERIAL_KINDS, { message: 'education.materials.form.kind.required' }),
    language: z.enum(MATERIAL_LANGUAGES, { message: 'education.materials.form.language.required' }),
    licence: z.string().trim().max(120, 'education.materials.form.tooLong').default(''),
    visibility: z.enum(MATERIAL_VISIBILITIES, { message: 'education.materials.form.visibility.required' }),
    url: z.string().trim().max(2000, 'education.materials.form.tooLong').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'link') {
      if (!v.url)
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'education.materials.form.url.required' });
      else if (!isAllowedUrl(v.url))
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'education.materials.form.url.invalid' });
    }
  });
export type MaterialInput = z.output<typeof materialSchema>;
