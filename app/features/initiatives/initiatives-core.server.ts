import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { initiatives } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { canCreateInitiatives, canManageInitiatives } from './initiatives.policy.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function auditInitiative(
  db: Db,
  ctx: Ctx,
  action: string,
  id: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'initiative',
    entityId: id,
    details,
  });
}

export function assertManage(ctx: Ctx) {
  if (!canManageInitiatives(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}
export function assertCreate(ctx: Ctx) {
  if (!canCreateInitiatives(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

export function invalid(errors: FieldErrors, key: MessageKey = 'initiatives.form.invalid'): never {
  throw new AppError('BAD_REQUEST', key, {}, errors);
}

export function toForm(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** The initiative of this locality (another locality's, or an unknown id: 404). */
export async function loadInitiative(db: Db, localityId: string, id: string) {
  const [row] = UUID.test(id)
    ? await db
        .select()
        .from(initiatives)
        .where(and(eq(initiatives.id, id), eq(initiatives.localityId, localityId)))
        .limit(1)
    : [];
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/**
 * Moves the version on after a change; a form that carried an older version (someone else
 * changed the initiative meanwhile) is refused.
 */
export async function bumpVersion(db: Db, row: { id: string; version: number }, typed?: string) {
  if (typed && Number(typed) !== row.version) throw new AppError('CONFLICT', 'initiatives.conflict');
  await db
    .update(initiatives)
    .set({ version: row.version + 1, updatedAt: new Date() })
    .where(eq(initiatives.id, row.id));
}
