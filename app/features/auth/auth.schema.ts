import { z } from 'zod';

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'auth.form.email.required' })
  .max(254, { message: 'auth.form.email.invalid' })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'auth.form.email.invalid' });

export const newPasswordField = z
  .string()
  .min(1, { message: 'auth.form.password.required' })
  .min(10, { message: 'auth.form.password.tooShort' })
  .max(200, { message: 'auth.form.password.tooLong' });

export const loginSchema = z.object({
  email: emailField,
  password: z
    .string()
    .min(1, { message: 'auth.form.password.required' })
    .max(200, { message: 'auth.form.password.tooLong' }),
  next: z.string().optional(),
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z
  .object({ password: newPasswordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.form.confirm.mismatch' });

export const personNameField = z
  .string()
  .trim()
  .min(1, { message: 'auth.form.name.required' })
  .max(120, { message: 'auth.form.name.tooLong' });

export const acceptInvitationSchema = z
  .object({ name: personNameField, password: newPasswordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.form.confirm.mismatch' });

export const setupSchema = z
  .object({ email: emailField, name: personNameField, password: newPasswordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.form.confirm.mismatch' });
