import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, initiatives, organisations } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One audit row for a write of this area, in the caller's transaction. */
export async function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  entityType: string,
  id: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType,
    entityId: id,
    details,
  });
}

export function toForm(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** Field errors (if any) as one BAD_REQUEST: the form shows them next to the fields. */
export function throwIfErrors(errors: FieldErrors, key: MessageKey = 'financing.form.invalid') {
  if (Object.keys(errors).length > 0) throw new AppError('BAD_REQUEST', key, {}, errors);
}

export function notFound(): never {
  throw new AppError('NOT_FOUND', 'errors.404.body');
}

/** Whether an id is an organisation / enterprise / initiative of this locality. */
export async function belongs(
  db: Db,
  table: 'organisations' | 'enterprises' | 'initiatives',
  localityId: string,
  id: string | null,
): Promise<boolean> {
  if (!id) return true;
  if (!UUID.test(id)) return false;
  const t = { organisations, enterprises, initiatives }[table];
  const [row] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.id, id), eq(t.localityId, localityId)))
    .limit(1);
  return Boolean(row);
}

/** Organisations of the directory, enterprises and initiatives of a locality, for the selects. */
export async function linkOptions(db: Db, localityId: string) {
  const [orgs, ents, inits] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.localityId, localityId))
      .orderBy(organisations.nameFolded)
      .limit(500),
    db
      .select({ id: enterprises.id, name: organisations.name })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(eq(enterprises.localityId, localityId))
      .orderBy(organisations.nameFolded),
    db
      .select({ id: initiatives.id, name: initiatives.name })
      .from(initiatives)
      .where(eq(initiatives.localityId, localityId))
      .orderBy(initiatives.name)
      .limit(500),
  ]);
  return { organisations: orgs, enterprises: ents, initiatives: inits };
}
