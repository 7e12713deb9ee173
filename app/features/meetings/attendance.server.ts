import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetingParticipants, organisations } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Attendance } from './meeting.rules.ts';
import { parseAttendance, type WalkInInput } from './meeting.schema.ts';
import {
  assertManage,
  assertStage,
  audit,
  lockMeeting,
  type MeetingRef,
  ruleError,
} from './meeting-context.server.ts';

/**
 * Takes attendance for everyone on the list at once, from the one attendance form: present,
 * absent or excused per row (a row left empty stays "not recorded"). A row that is not this
 * meeting's, or a value that is not one of the three, refuses the whole form: nothing is saved.
 */
export async function recordAttendance(
  db: Db,
  ref: MeetingRef & { values: Record<string, string> },
): Promise<{ present: number; absent: number; excused: number; unknown: number }> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  return db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'record');
    const rows = await tx
      .select({ id: meetingParticipants.id })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, m.id));
    const parsed = parseAttendance(
      ref.values,
      rows.map((r) => r.id),
    );
    if (!parsed.ok) {
      const { _form, ...fields } = parsed.errors;
      throw new AppError('BAD_REQUEST', _form ?? 'meetings.attendance.invalid', {}, fields);
    }
    const groups = new Map<Attendance | null, string[]>();
    for (const [id, value] of parsed.data) groups.set(value, [...(groups.get(value) ?? []), id]);
    for (const [value, ids] of groups) {
      await tx
        .update(meetingParticipants)
        .set({ attendance: value })
        .where(and(eq(meetingParticipants.meetingId, m.id), inArray(meetingParticipants.id, ids)));
    }
    const summary = {
      present: groups.get('present')?.length ?? 0,
      absent: groups.get('absent')?.length ?? 0,
      excused: groups.get('excused')?.length ?? 0,
      unknown: groups.get(null)?.length ?? 0,
    };
    await audit(tx, ref, 'meeting.attendance', m.id, summary);
    return summary;
  });
}

/** Someone who came without an invitation: added to the list as present. */
export async function addWalkIn(db: Db, ref: MeetingRef & { input: WalkInInput }): Promise<void> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  const { input } = ref;
  await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'record');
    if (input.walkInOrganisationId) {
      const [o] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            eq(organisations.id, input.walkInOrganisationId),
            eq(organisations.localityId, ref.locality.localityId),
          ),
        )
        .limit(1);
      if (!o)
        throw ruleError('meetings.invitees.organisation.unknown', 'walkInOrganisationId', {}, 'BAD_REQUEST');
    }
    const [row] = await tx
      .insert(meetingParticipants)
      .values({
        localityId: ref.locality.localityId,
        meetingId: m.id,
        organisationId: input.walkInOrganisationId,
        name: input.walkInName,
        attendance: 'present',
      })
      .returning({ id: meetingParticipants.id });
    await audit(tx, ref, 'meeting.walk_in', m.id, {
      participantId: row!.id,
      organisationId: input.walkInOrganisationId,
    });
  });
}
