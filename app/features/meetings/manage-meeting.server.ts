import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetingParticipants, meetings } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { MailQueue } from '../../lib/services.ts';
import { cancellationMails } from './invitation-mail.server.ts';
import { meetingInstants, timeOrPlaceChanged } from './meeting.rules.ts';
import type { MeetingInput } from './meeting.schema.ts';
import {
  assertManage,
  assertStage,
  audit,
  type Ctx,
  lockMeeting,
  type MeetingRef,
  requirePartnership,
  ruleError,
} from './meeting-context.server.ts';

function instantsOf(input: MeetingInput) {
  const r = meetingInstants(input);
  if (!r.ok) throw ruleError(r.key, r.field);
  return r;
}

/** Plans a meeting of the partnership: title, day, Warsaw start and end times, place, agenda. */
export async function createMeeting(
  db: Db,
  ctx: Ctx & { partnershipId: string; input: MeetingInput },
): Promise<string> {
  assertManage(ctx);
  const { startsAt, endsAt } = instantsOf(ctx.input);
  return db.transaction(async (tx) => {
    const p = await requirePartnership(tx, ctx, ctx.partnershipId);
    const [row] = await tx
      .insert(meetings)
      .values({
        localityId: ctx.locality.localityId,
        partnershipId: p.id,
        title: ctx.input.title,
        startsAt,
        endsAt,
        place: ctx.input.place,
        agenda: ctx.input.agenda,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: meetings.id });
    await audit(tx, ctx, 'meeting.create', row!.id, {
      partnershipId: p.id,
      title: ctx.input.title,
      startsAt: startsAt.toISOString(),
    });
    return row!.id;
  });
}

/**
 * Changes a planned meeting. When the time or place changes after invitations went out, the
 * calendar SEQUENCE rises and every invitee is marked as needing the updated invitation
 * (`invitedAt` is the time the invitation for the current time and place went out).
 * Returns how many invitees need the update.
 */
export async function updateMeeting(
  db: Db,
  ref: MeetingRef & { input: MeetingInput; version?: number | null },
): Promise<{ reinvite: number }> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  const { startsAt, endsAt } = instantsOf(ref.input);
  return db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'edit');
    if (ref.version != null && ref.version !== m.version)
      throw new AppError('CONFLICT', 'meetings.errors.changedMeanwhile');
    const changed = timeOrPlaceChanged(m, { startsAt, endsAt, place: ref.input.place });
    let reinvite = 0;
    if (changed) {
      const reset = await tx
        .update(meetingParticipants)
        .set({ invitedAt: null })
        .where(and(eq(meetingParticipants.meetingId, m.id), isNotNull(meetingParticipants.invitedAt)))
        .returning({ id: meetingParticipants.id });
      reinvite = reset.length;
    }
    await tx
      .update(meetings)
      .set({
        title: ref.input.title,
        startsAt,
        endsAt,
        place: ref.input.place,
        agenda: ref.input.agenda,
        icsSequence: reinvite > 0 ? sql`${meetings.icsSequence} + 1` : m.icsSequence,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(eq(meetings.id, m.id));
    await audit(tx, ref, 'meeting.update', m.id, {
      title: ref.input.title,
      startsAt: startsAt.toISOString(),
      timeOrPlaceChanged: changed,
      reinvite,
    });
    return { reinvite };
  });
}

/** Saves the minutes (from the start of the meeting); with `markHeld`, also records that it took place. */
export async function saveMinutes(
  db: Db,
  ref: MeetingRef & { minutes: string; markHeld?: boolean },
): Promise<void> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, ref.markHeld ? 'markHeld' : 'record');
    await tx
      .update(meetings)
      .set({
        minutes: ref.minutes,
        status: ref.markHeld ? 'held' : m.status,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(eq(meetings.id, m.id));
    await audit(tx, ref, ref.markHeld ? 'meeting.held' : 'meeting.minutes', m.id, {
      minutesLength: ref.minutes.length,
    });
  });
}

/**
 * Cancels a planned meeting: everyone who received the invitation gets a cancellation that
 * removes the meeting from their calendar (same UID, raised SEQUENCE). Returns the e-mails queued.
 */
export async function cancelMeeting(
  db: Db,
  ref: MeetingRef & { mail: MailQueue; baseUrl: string },
): Promise<number> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  const mails = await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'cancel');
    const p = await requirePartnership(tx, ref, m.partnershipId);
    await tx
      .update(meetings)
      .set({
        status: 'cancelled',
        icsSequence: m.icsSequence + 1,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(eq(meetings.id, m.id));
    const out = await cancellationMails(tx, {
      ...ref,
      meeting: { ...m, icsSequence: m.icsSequence + 1 },
      partnershipName: p.name,
      now,
    });
    await audit(tx, ref, 'meeting.cancel', m.id, { notified: out.length });
    return out;
  });
  // Queued after the commit: nobody is told of a cancellation that did not happen.
  for (const mail of mails) await ref.mail.send(mail);
  return mails.length;
}
