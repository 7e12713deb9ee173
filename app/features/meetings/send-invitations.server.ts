import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetingParticipants } from '../../../db/schema/index.ts';
import type { MailQueue } from '../../lib/services.ts';
import { pendingInvitationMails } from './invitation-mail.server.ts';
import {
  assertManage,
  assertStage,
  audit,
  lockMeeting,
  type MeetingRef,
  requirePartnership,
  ruleError,
} from './meeting-context.server.ts';

/**
 * Sends the invitations: one e-mail per invitee with an e-mail address who has not yet received
 * the invitation for the current time and place, each with its calendar invitation (METHOD:REQUEST,
 * the meeting's UID and SEQUENCE). Marks them invited. Returns how many went out.
 */
export async function sendInvitations(
  db: Db,
  ref: MeetingRef & { mail: MailQueue; baseUrl: string },
): Promise<number> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  const mails = await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'invite');
    const p = await requirePartnership(tx, ref, m.partnershipId);
    const pending = await pendingInvitationMails(tx, {
      ...ref,
      meeting: m,
      partnershipId: p.id,
      partnershipName: p.name,
      baseUrl: ref.baseUrl,
      now,
    });
    if (pending.length === 0) throw ruleError('meetings.invitations.none');
    await tx
      .update(meetingParticipants)
      .set({ invitedAt: now })
      .where(
        and(
          eq(meetingParticipants.meetingId, m.id),
          inArray(
            meetingParticipants.id,
            pending.map((x) => x.participantId),
          ),
          isNull(meetingParticipants.invitedAt),
        ),
      );
    await audit(tx, ref, 'meeting.invitations_send', m.id, {
      sent: pending.length,
      sequence: m.icsSequence,
    });
    return pending.map((x) => x.mail);
  });
  // Queued after the commit, so nobody is marked invited without the e-mail being prepared,
  // and no e-mail leaves for an invitation that was rolled back.
  for (const mail of mails) await ref.mail.send(mail);
  return mails.length;
}
