import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { meetingDecisions } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { CATALOGS, type MessageKey } from '../../lib/i18n/catalog.ts';
import { type ProgrammeItemInput, programmeItemSchema } from '../programme/programme.schema.ts';
import { createProgrammeItem } from '../programme/programme.server.ts';
import { isUuid } from './meeting.schema.ts';
import { assertManage, audit, lockMeeting, type MeetingRef, ruleError } from './meeting-context.server.ts';

/**
 * The task form under a decision names its fields apart from the page's other forms
 * (the meeting's own title, the decision's text); the programme's fields they stand for.
 */
export const TASK_FIELDS = {
  title: 'taskTitle',
  parentId: 'taskParentId',
  description: 'taskDescription',
  responsibleOrganisationId: 'taskOrganisationId',
  dueOn: 'taskDueOn',
} as const;

function taskField(programmeField: string): string {
  return (TASK_FIELDS as Record<string, string>)[programmeField] ?? '_form';
}

function isMessageKey(v: string): v is MessageKey {
  return v in CATALOGS.pl;
}

/** Reads the task form into the programme's own item input (a task), with the programme's checks. */
export function parseTaskForm(
  values: Record<string, string>,
): { ok: true; input: ProgrammeItemInput } | { ok: false; errors: FieldErrors } {
  if (!(values[TASK_FIELDS.parentId] ?? '').trim())
    return { ok: false, errors: { [TASK_FIELDS.parentId]: 'meetings.tasks.parent.required' } };
  const result = programmeItemSchema.safeParse({
    level: 'task',
    parentId: values[TASK_FIELDS.parentId],
    title: values[TASK_FIELDS.title],
    description: values[TASK_FIELDS.description],
    responsibleOrganisationId: values[TASK_FIELDS.responsibleOrganisationId],
    dueOn: values[TASK_FIELDS.dueOn],
    status: 'planned',
  });
  if (result.success) return { ok: true, input: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = taskField(String(issue.path[0] ?? ''));
    if (!errors[field]) errors[field] = isMessageKey(issue.message) ? issue.message : 'common.form.invalid';
  }
  return { ok: false, errors };
}

/**
 * Turns a decision of the meeting into a task of the partnership's programme, under one of its
 * actions, through the programme's own use case (its rules, checks and audit), with the
 * decision recorded on the task. The decision must be this meeting's.
 */
export async function createTaskFromDecision(
  db: Db,
  ref: MeetingRef & { decisionId: string; input: ProgrammeItemInput },
): Promise<string> {
  assertManage(ref);
  try {
    return await db.transaction(async (tx) => {
      const m = await lockMeeting(tx, ref);
      if (m.status === 'cancelled') throw ruleError('meetings.errors.cancelled');
      const [d] = isUuid(ref.decisionId)
        ? await tx
            .select({ id: meetingDecisions.id, number: meetingDecisions.number })
            .from(meetingDecisions)
            .where(
              and(
                eq(meetingDecisions.id, ref.decisionId),
                eq(meetingDecisions.meetingId, m.id),
                eq(meetingDecisions.localityId, ref.locality.localityId),
              ),
            )
            .limit(1)
        : [];
      if (!d) throw ruleError('meetings.tasks.decisionUnknown', '_form', {}, 'BAD_REQUEST');
      const id = await createProgrammeItem(tx, {
        actor: ref.actor,
        locality: ref.locality,
        partnershipId: m.partnershipId,
        input: { ...ref.input, level: 'task' },
        decisionId: d.id,
      });
      await audit(tx, ref, 'meeting.decision_task', m.id, {
        decisionId: d.id,
        number: d.number,
        programmeItemId: id,
      });
      return id;
    });
  } catch (error) {
    // The programme names its fields its own way; the task form's fields carry other names.
    if (error instanceof AppError && Object.keys(error.fieldErrors).length > 0) {
      const fields: FieldErrors = {};
      for (const [k, v] of Object.entries(error.fieldErrors)) fields[taskField(k)] = v;
      throw new AppError(error.code, error.messageKey, error.values, fields);
    }
    throw error;
  }
}
