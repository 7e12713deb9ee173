import type { FieldErrors } from '../../../lib/forms.ts';
import type { Attendance } from '../meeting.rules.ts';

/** A form of the meeting page that came back with problems (which form, which fields, what was typed). */
export type MeetingFailure = {
  ok: false;
  intent: string;
  /** The decision whose task form failed. */
  decisionId?: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

export type ParticipantView = {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  name: string;
  /** Empty for those who may not see invitees' addresses. */
  email: string;
  hasEmail: boolean;
  invitedAt: string | null;
  attendance: Attendance | null;
};

export type DecisionView = {
  id: string;
  number: string;
  text: string;
  tasks: { id: string; title: string; status: string }[];
};

export type MemberOption = {
  id: string;
  name: string;
  email: string;
  contacts: { id: string; name: string; role: string; email: string }[];
};

export type Stage = {
  canEdit: boolean;
  canInvite: boolean;
  canRecord: boolean;
  canMarkHeld: boolean;
  canCancel: boolean;
};

/** The failure of one form, or nothing when another form (or none) failed. */
export function failureOf(failed: MeetingFailure | null, ...intents: string[]): MeetingFailure | null {
  return failed && intents.includes(failed.intent) ? failed : null;
}
