import { z } from 'zod';

const text = (max: number, required: string, tooLong: string) =>
  z.string().trim().min(1, required).max(max, tooLong);

export const curriculumSchema = z.object({
  name: text(200, 'education.programmes.form.name.required', 'education.programmes.form.tooLong'),
  description: z.string().trim().max(4000, 'education.programmes.form.tooLong').default(''),
});
export type CurriculumInput = z.output<typeof curriculumSchema>;

export const moduleSchema = z.object({
  title: text(200, 'education.programmes.form.title.required', 'education.programmes.form.tooLong'),
  objectives: z.string().trim().max(4000, 'education.programmes.form.tooLong').default(''),
  plannedHours: z
    .string()
    .trim()
    .min(1, 'education.programmes.form.hours.required')
    .transform((v) => Number(v.replace(',', '.')))
    .refine((n) => Number.isFinite(n) && n > 0 && n <= 200 && Math.round(n * 10) === n * 10, {
      message: 'education.programmes.form.hours.invalid',
    }),
});
export type ModuleInput = z.output<typeof moduleSchema>;
