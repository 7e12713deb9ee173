import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetings, partnerships } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { type MeetingStatus, stageError } from './meeting.rules.ts';
import { isUuid } from './meeting.schema.ts';
import { canManageMeetings } from './meetings.policy.ts';

/** Who acts and where: every meeting use case takes these. */
export type Ctx = { actor: Actor; locality: ActorLocality };
export type MeetingRef = Ctx & { partnershipId: string; meetingId: string; now?: Date };

export function assertManage(ctx: Ctx): void {
  if (!canManageMeetings(ctx.actor, ctx.locality))
    throw new AppError('FORBIDDEN', 'meetings.errors.cannotManage');
}

/** A rule failure tied to a form field (the same words in the error summary and next to the field). */
export function ruleError(
  key: MessageKey,
  field = '_form',
  values: Record<string, string | number> = {},
  code: 'DOMAIN_RULE' | 'BAD_REQUEST' | 'CONFLICT' = 'DOMAIN_RULE',
): AppError {
  const fieldError = Object.keys(values).length ? { key, values } : key;
  return new AppError(code, key, values, field === '_form' ? {} : { [field]: fieldError });
}

export async function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  meetingId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'meeting',
    entityId: meetingId,
    details,
  });
}

/** The partnership, in this locality; anything else is unknown. */
export async function requirePartnership(db: Db, ctx: Ctx, partnershipId: string) {
  if (!isUuid(partnershipId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({ id: partnerships.id, name: partnerships.name })
    .from(partnerships)
    .where(and(eq(partnerships.id, partnershipId), eq(partnerships.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

/**
 * The meeting of this partnership in this locality, locked for the rest of the transaction
 * (so two people recording decisions or attendance at once do not overwrite each other).
 */
export async function lockMeeting(db: Db, ref: MeetingRef) {
  if (!isUuid(ref.meetingId) || !isUuid(ref.partnershipId))
    throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({
      id: meetings.id,
      partnershipId: meetings.partnershipId,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      place: meetings.place,
      agenda: meetings.agenda,
      status: meetings.status,
      icsSequence: meetings.icsSequence,
      version: meetings.version,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.id, ref.meetingId),
        eq(meetings.partnershipId, ref.partnershipId),
        eq(meetings.localityId, ref.locality.localityId),
      ),
    )
    .limit(1)
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  return { ...row, status: row.status as MeetingStatus };
}

/** Refuses a command the meeting's stage does not allow, with the reason. */
export function assertStage(
  meeting: { status: MeetingStatus; startsAt: Date },
  now: Date,
  need: Parameters<typeof stageError>[2],
): void {
  const key = stageError(meeting, now, need);
  if (key) throw ruleError(key);
}
