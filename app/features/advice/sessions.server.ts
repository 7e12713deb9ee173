import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { adviceSessions } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import { canRecordAdvice } from './advice.policy.ts';
import { auditAdvice, resolveTarget, UUID } from './appointments.server.ts';
import { type SessionInput, sessionSchema } from './session.schema.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

/** Checks the form and how many of person / organisation / initiative were given; all problems at once. */
function validated(values: Record<string, string>, today: string): SessionInput {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  const parsed = parseForm(form, sessionSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && parsed.data.givenOn > today) errors.givenOn = 'advice.session.givenOn.future';
  const given = ['personId', 'organisationId', 'initiative'].filter((k) => values[k]?.trim()).length;
  if (given === 0) errors.target = 'advice.form.target.required';
  if (given > 1) errors.target = 'advice.form.target.one';
  if (!parsed.ok || Object.keys(errors).length)
    throw new AppError('BAD_REQUEST', 'advice.form.invalid', {}, errors);
  return parsed.data;
}

/** Who the session was for: exactly one of a person, an organisation or an initiative (named). */
async function sessionTarget(db: Db, ctx: Ctx, input: SessionInput) {
  if (input.initiative) return { personId: null, organisationId: null, initiative: input.initiative };
  const t = await resolveTarget(db, ctx, { personId: input.personId, organisationId: input.organisationId });
  return { personId: t.personId, organisationId: t.organisationId, initiative: '' };
}

/** Records an advice session given by the advisor signed in; audited (notes never go to the log). */
export async function recordSession(
  db: Db,
  ctx: Ctx & { values: Record<string, string>; today: string },
): Promise<string> {
  if (!canRecordAdvice(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const input = validated(ctx.values, ctx.today);
  return db.transaction(async (tx) => {
    const target = await sessionTarget(tx, ctx, input);
    const [row] = await tx
      .insert(adviceSessions)
      .values({
        localityId: ctx.locality.localityId,
        kind: input.kind,
        advisorUserId: ctx.actor.userId,
        ...target,
        givenOn: input.givenOn,
        minutes: input.minutes,
        topic: input.topic,
        notes: input.notes,
        confidential: input.confidential,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: adviceSessions.id });
    await auditAdvice(tx, ctx, 'advice_session.create', 'advice_session', row!.id, {
      kind: input.kind,
      confidential: input.confidential,
      ...(target.personId ? { personId: target.personId } : {}),
      ...(target.organisationId ? { organisationId: target.organisationId } : {}),
    });
    return row!.id;
  });
}

/**
 * Corrects a session (advisors of the locality). Who it was for stays as recorded, except that
 * an initiative's name may be corrected.
 */
export async function updateSession(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; today: string },
): Promise<void> {
  if (!canRecordAdvice(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  if (!UUID.test(ctx.id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: adviceSessions.id,
        personId: adviceSessions.personId,
        organisationId: adviceSessions.organisationId,
        initiative: adviceSessions.initiative,
      })
      .from(adviceSessions)
      .where(and(eq(adviceSessions.id, ctx.id), eq(adviceSessions.localityId, ctx.locality.localityId)))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    const input = validated(
      {
        ...ctx.values,
        personId: row.personId ?? '',
        organisationId: row.organisationId ?? '',
        initiative: row.initiative ? ctx.values.initiative || row.initiative : '',
      },
      ctx.today,
    );
    await tx
      .update(adviceSessions)
      .set({
        kind: input.kind,
        givenOn: input.givenOn,
        minutes: input.minutes,
        topic: input.topic,
        notes: input.notes,
        confidential: input.confidential,
        initiative: input.initiative,
        updatedAt: new Date(),
      })
      .where(eq(adviceSessions.id, row.id));
    await auditAdvice(tx, ctx, 'advice_session.update', 'advice_session', row.id, {
      confidential: input.confidential,
    });
  });
}
