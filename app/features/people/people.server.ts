import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { canErasePeople, canManagePeople } from './people.policy.ts';
import { type PersonFields, type PersonInput, personSchema } from './person.schema.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

/** Validates a person's fields; a failure carries a message per field (nothing is written). */
export function validatePerson(fields: PersonFields): PersonInput {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') form.set(k, v);
  const parsed = parseForm(form, personSchema);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', 'club.people.invalid', {}, parsed.errors);
  return parsed.data;
}

async function audit(db: Db, ctx: Ctx, action: string, id: string, details: Record<string, unknown> = {}) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'person',
    entityId: id,
    details,
  });
}

/** Records a person in this locality: names required, contact optional, the GDPR basis required. */
export async function createPerson(db: Db, ctx: Ctx & { input: PersonFields }): Promise<string> {
  if (!canManagePeople(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const input = validatePerson(ctx.input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ ...input, localityId: ctx.locality.localityId, createdBy: ctx.actor.userId })
      .returning({ id: people.id });
    await audit(tx, ctx, 'person.create', row!.id, { legalBasis: input.legalBasis });
    return row!.id;
  });
}

/** A person of this locality who has not been erased; another locality's id is unknown. */
async function requirePerson(db: Db, ctx: Ctx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, id), eq(people.localityId, ctx.locality.localityId), isNull(people.erasedAt)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

export async function updatePerson(db: Db, ctx: Ctx & { id: string; input: PersonFields }): Promise<void> {
  if (!canManagePeople(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const input = validatePerson(ctx.input);
  await db.transaction(async (tx) => {
    const p = await requirePerson(tx, ctx, ctx.id);
    await tx
      .update(people)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(people.id, p.id));
    await audit(tx, ctx, 'person.update', p.id, { legalBasis: input.legalBasis });
  });
}

/**
 * Erases a person (GDPR art. 17): names, contact and notes are blanked and the link to a user
 * account removed; the row stays, so counts in reports (club members by group, attendance)
 * do not change.
 */
export async function erasePerson(db: Db, ctx: Ctx & { id: string }): Promise<void> {
  if (!canErasePeople(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  await db.transaction(async (tx) => {
    const p = await requirePerson(tx, ctx, ctx.id);
    await tx
      .update(people)
      .set({
        givenName: '',
        familyName: '',
        email: '',
        phone: '',
        basisNote: '',
        userId: null,
        erasedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(people.id, p.id));
    await audit(tx, ctx, 'person.erase', p.id);
  });
}
