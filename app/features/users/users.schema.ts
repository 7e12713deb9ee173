import { z } from 'zod';
import { ROLES } from '../../lib/roles.ts';
import { emailField } from '../auth/auth.schema.ts';

export const inviteSchema = z.object({
  email: emailField,
  localityId: z.string().regex(/^[0-9a-f-]{36}$/i, { message: 'admin.invite.locality.required' }),
  role: z.enum(ROLES, { message: 'admin.invite.role.required' }),
});
export type InviteInput = z.output<typeof inviteSchema>;
