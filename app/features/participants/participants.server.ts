import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { participants, people } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { closeSchema, validateParticipant } from './participant.schema.ts';
import { canManageParticipants, canReadParticipants } from './participants.policy.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  id: string | null,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'participant',
    entityId: id,
    details,
  });
}

function validated(values: Record<string, string>, today: string) {
  const r = validateParticipant(values, today);
  if (!r.ok) throw new AppError('BAD_REQUEST', 'participants.form.invalid', {}, r.errors);
  return r.data;
}

/**
 * Registers a participant: the person (with the GDPR basis) and the participant record in one
 * transaction; PESEL optional, "no PESEL" needs birth date and sex; audited.
 */
export async function registerParticipant(
  db: Db,
  ctx: Ctx & { values: Record<string, string>; today: string },
): Promise<string> {
  if (!canManageParticipants(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const { person, participant } = validated(ctx.values, ctx.today);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ ...person, localityId: ctx.locality.localityId, createdBy: ctx.actor.userId })
      .returning({ id: people.id });
    const id = row!.id;
    await tx.insert(participants).values({
      ...participant,
      personId: id,
      localityId: ctx.locality.localityId,
      registeredBy: ctx.actor.userId,
    });
    await audit(tx, ctx, 'participant.create', id, {
      legalBasis: person.legalBasis,
      registeredOn: participant.registeredOn,
      pesel: participant.pesel ? 'given' : participant.noPesel ? 'none' : 'not_given',
    });
    return id;
  });
}

async function requireParticipant(db: Db, ctx: Ctx, id: string) {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({
      id: participants.personId,
      status: participants.status,
      registeredOn: participants.registeredOn,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.personId, id),
        eq(participants.localityId, ctx.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/** Corrects a participant's data and monitoring answers (person and participant in one transaction). */
export async function updateParticipant(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; today: string },
): Promise<void> {
  if (!canManageParticipants(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const { person, participant } = validated(ctx.values, ctx.today);
  await db.transaction(async (tx) => {
    const p = await requireParticipant(tx, ctx, ctx.id);
    const now = new Date();
    await tx
      .update(people)
      .set({ ...person, updatedAt: now })
      .where(eq(people.id, p.id));
    await tx
      .update(participants)
      .set({ ...participant, updatedAt: now })
      .where(eq(participants.personId, p.id));
    await audit(tx, ctx, 'participant.update', p.id, { legalBasis: person.legalBasis });
  });
}

/** Closes a participant's record with a reason (the data stay; support ends). */
export async function closeParticipant(
  db: Db,
  ctx: Ctx & { id: string; values: Record<string, string>; today: string },
): Promise<void> {
  if (!canManageParticipants(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const form = new FormData();
  for (const [k, v] of Object.entries(ctx.values)) form.set(k, v);
  const parsed = parseForm(form, closeSchema);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', 'participants.form.invalid', {}, parsed.errors);
  const closedOn = parsed.data.closedOn ?? ctx.today;
  await db.transaction(async (tx) => {
    const p = await requireParticipant(tx, ctx, ctx.id);
    if (p.status === 'closed') throw new AppError('CONFLICT', 'participants.close.already');
    const errors: Record<
      string,
      'participants.close.closedOn.future' | 'participants.close.closedOn.beforeRegistered'
    > = {};
    if (closedOn > ctx.today) errors.closedOn = 'participants.close.closedOn.future';
    else if (closedOn < p.registeredOn) errors.closedOn = 'participants.close.closedOn.beforeRegistered';
    if (Object.keys(errors).length)
      throw new AppError('BAD_REQUEST', 'participants.form.invalid', {}, errors);
    await tx
      .update(participants)
      .set({ status: 'closed', closedOn, closedReason: parsed.data.closedReason, updatedAt: new Date() })
      .where(eq(participants.personId, p.id));
    await audit(tx, ctx, 'participant.close', p.id, { closedOn });
  });
}

/** Reopens a closed record. */
export async function reopenParticipant(db: Db, ctx: Ctx & { id: string }): Promise<void> {
  if (!canManageParticipants(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  await db.transaction(async (tx) => {
    const p = await requireParticipant(tx, ctx, ctx.id);
    if (p.status !== 'closed') throw new AppError('CONFLICT', 'participants.reopen.notClosed');
    await tx
      .update(participants)
      .set({ status: 'active', closedOn: null, closedReason: '', updatedAt: new Date() })
      .where(eq(participants.personId, p.id));
    await audit(tx, ctx, 'participant.reopen', p.id);
  });
}

/**
 * Guards a staff read of one participant: another role → 403, an id unknown here (another
 * locality's, erased, malformed) → 404; the refusal is audited either way. A permitted read is
 * audited by the caller in the same statement budget (see auditParticipantRead).
 */
export async function refuseParticipantRead(
  db: Db,
  ctx: Ctx & { id: string | null; reason: 'role' | 'unknown' },
) {
  await audit(db, ctx, 'participant.read_refused', ctx.id?.slice(0, 64) ?? null, {
    reason: ctx.reason,
    ...(ctx.id ? {} : { page: 'list' }),
  });
}

export async function auditParticipantRead(db: Db, ctx: Ctx & { id: string; purpose?: string }) {
  await audit(db, ctx, 'participant.read', ctx.id, ctx.purpose ? { purpose: ctx.purpose } : {});
}

export { canReadParticipants };
