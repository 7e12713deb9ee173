import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubs, organisations } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { canDeleteClub, canManageClub, canSeeMembers, canViewClub } from './club.policy.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };

export const isUuid = (v: string) => /^[0-9a-f-]{36}$/i.test(v);

export function assertView(ctx: Ctx) {
  if (!canViewClub(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}
export function assertManage(ctx: Ctx) {
  if (!canManageClub(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'club.errors.cannotManage');
}
export function assertDelete(ctx: Ctx) {
  if (!canDeleteClub(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'club.errors.cannotDelete');
}
export function assertSeeMembers(ctx: Ctx) {
  if (!canSeeMembers(ctx.actor, ctx.locality))
    throw new AppError('FORBIDDEN', 'club.errors.membersOnlyStaff');
}

/** Rule failures with a message per field; nothing has been written when this is thrown. */
export function throwIfErrors(errors: FieldErrors): void {
  const entries = Object.entries(errors).filter((e): e is [string, FieldError] => e[1] !== undefined);
  if (entries.length === 0) return;
  const [, first] = entries[0]!;
  const key: MessageKey = typeof first === 'string' ? first : first.key;
  throw new AppError('DOMAIN_RULE', key, {}, errors);
}

export async function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  entityId: string,
  details: Record<string, unknown> = {},
  entityType = 'club',
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType,
    entityId,
    details,
  });
}

/** A club of this locality (another locality's id behaves as unknown). */
export async function requireClub(db: Db, ctx: Ctx, clubId: string) {
  if (!isUuid(clubId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select()
    .from(clubs)
    .where(and(eq(clubs.id, clubId), eq(clubs.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}
export type ClubRow = Awaited<ReturnType<typeof requireClub>>;

/** An organisation of this locality's directory, or a field error naming the field. */
export async function requireOrganisation(db: Db, ctx: Ctx, id: string, field: string) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!org)
    throw new AppError(
      'BAD_REQUEST',
      'club.form.organisation.unknown',
      {},
      {
        [field]: 'club.form.organisation.unknown',
      },
    );
  return org;
}
