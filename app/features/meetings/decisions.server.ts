import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetingDecisions } from '../../../db/schema/index.ts';
import { decisionNumberKey } from './meeting.rules.ts';
import type { DecisionInput } from './meeting.schema.ts';
import {
  assertManage,
  assertStage,
  audit,
  lockMeeting,
  type MeetingRef,
  ruleError,
} from './meeting-context.server.ts';

/** A short quotation of a decision's text, for messages. */
function excerpt(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * Records a decision taken at the meeting ("3/2026" and its text). A number is used once per
 * meeting: a clash is explained with the decision that already has it.
 */
export async function addDecision(db: Db, ref: MeetingRef & { input: DecisionInput }): Promise<string> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  return db.transaction(async (tx) => {
    // The lock on the meeting makes the number check and the insert one step.
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'record');
    const taken = await tx
      .select({ number: meetingDecisions.number, text: meetingDecisions.text })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, m.id));
    const clash = taken.find((d) => decisionNumberKey(d.number) === decisionNumberKey(ref.input.number));
    if (clash)
      throw ruleError(
        'meetings.decisions.number.taken',
        'number',
        { number: clash.number, text: excerpt(clash.text) },
        'CONFLICT',
      );
    const [row] = await tx
      .insert(meetingDecisions)
      .values({
        localityId: ref.locality.localityId,
        meetingId: m.id,
        number: ref.input.number,
        text: ref.input.text,
        createdBy: ref.actor.userId,
      })
      .returning({ id: meetingDecisions.id });
    await audit(tx, ref, 'meeting.decision_add', m.id, { decisionId: row!.id, number: ref.input.number });
    return row!.id;
  });
}
