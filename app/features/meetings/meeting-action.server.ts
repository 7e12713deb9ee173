import { data, type RouterContextProvider } from 'react-router';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Flash } from '../../lib/flash.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, services, throwAppError } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import { addWalkIn, recordAttendance } from './attendance.server.ts';
import type { MeetingFailure } from './components/types.ts';
import { createTaskFromDecision, parseTaskForm } from './decision-task.server.ts';
import { addDecision } from './decisions.server.ts';
import { addInvitee, addPerson, inviteAllMembers, removeInvitee } from './invitees.server.ts';
import { cancelMeeting, saveMinutes, updateMeeting } from './manage-meeting.server.ts';
import {
  decisionSchema,
  inviteeSchema,
  meetingSchema,
  minutesSchema,
  personSchema,
  walkInSchema,
} from './meeting.schema.ts';
import { sendInvitations } from './send-invitations.server.ts';

/**
 * The meeting page's forms, one intent each; every one posts and redirects without JavaScript.
 * Invalid input and refused rules come back to the page with the reasons and the input kept.
 */
export async function meetingAction(opts: {
  request: Request;
  context: Readonly<RouterContextProvider>;
  actor: Actor;
  locality: ActorLocality;
  partnershipId: string;
  meetingId: string;
}) {
  const { context, actor, locality, partnershipId, meetingId } = opts;
  const { db, mail, config } = services(context);
  const form = await opts.request.formData();
  const intent = String(form.get('intent') ?? '');
  const decisionId = String(form.get('decisionId') ?? '') || undefined;
  const ref = { actor, locality, partnershipId, meetingId };
  const page = `/app/${locality.slug}/partnerships/${partnershipId}/meetings/${meetingId}`;
  const fail = (errors: FieldErrors, status: number) =>
    data<MeetingFailure>({ ok: false, intent, decisionId, errors, values: formValues(form) }, { status });
  const done = (flash: Flash, anchor = '') => redirectWithFlash(context, `${page}${anchor}`, flash);
  const ok = (key: Flash['key'], anchor = '', values?: Flash['values']) =>
    done({ kind: 'success', key, values }, anchor);
  try {
    switch (intent) {
      case 'update': {
        const p = parseForm(form, meetingSchema);
        if (!p.ok) return fail(p.errors, 400);
        const version = Number(form.get('version'));
        const r = await updateMeeting(db, {
          ...ref,
          input: p.data,
          version: Number.isInteger(version) && version > 0 ? version : null,
        });
        return r.reinvite > 0
          ? done({ kind: 'info', key: 'meetings.savedReinvite', values: { count: r.reinvite } }, '#invitees')
          : ok('meetings.saved');
      }
      case 'inviteMembers': {
        const r = await inviteAllMembers(db, ref);
        if (r.withoutEmail.length > 0)
          return done(
            {
              kind: 'info',
              key: 'meetings.invitees.addedMembersMissing',
              values: { count: r.added, missing: r.withoutEmail.length, names: r.withoutEmail.join(', ') },
            },
            '#invitees',
          );
        return ok('meetings.invitees.addedMembers', '#invitees', { count: r.added });
      }
      case 'addInvitee': {
        const p = parseForm(form, inviteeSchema);
        if (!p.ok) return fail(p.errors, 400);
        await addInvitee(db, { ...ref, invitee: p.data.invitee });
        return ok('meetings.invitees.added', '#invitees');
      }
      case 'addPerson': {
        const p = parseForm(form, personSchema);
        if (!p.ok) return fail(p.errors, 400);
        await addPerson(db, { ...ref, input: p.data });
        return ok('meetings.invitees.added', '#invitees');
      }
      case 'removeInvitee': {
        await removeInvitee(db, { ...ref, participantId: String(form.get('participantId') ?? ''), mail });
        return ok('meetings.invitees.removed', '#invitees');
      }
      case 'sendInvitations': {
        const sent = await sendInvitations(db, { ...ref, mail, baseUrl: baseUrl(opts.request, config) });
        return ok('meetings.invitations.sent', '#invitees', { count: sent });
      }
      case 'attendance': {
        const r = await recordAttendance(db, { ...ref, values: formValues(form) });
        return ok('meetings.attendance.saved', '#attendance', { count: r.present });
      }
      case 'walkIn': {
        const p = parseForm(form, walkInSchema);
        if (!p.ok) return fail(p.errors, 400);
        await addWalkIn(db, { ...ref, input: p.data });
        return ok('meetings.walkIn.added', '#attendance');
      }
      case 'minutes':
      case 'markHeld': {
        const p = parseForm(form, minutesSchema);
        if (!p.ok) return fail(p.errors, 400);
        await saveMinutes(db, { ...ref, minutes: p.data.minutes, markHeld: intent === 'markHeld' });
        return ok(intent === 'markHeld' ? 'meetings.markedHeld' : 'meetings.minutes.saved', '#minutes');
      }
      case 'cancel': {
        const n = await cancelMeeting(db, { ...ref, mail, baseUrl: baseUrl(opts.request, config) });
        return ok('meetings.cancelled', '', { count: n });
      }
      case 'addDecision': {
        const p = parseForm(form, decisionSchema);
        if (!p.ok) return fail(p.errors, 400);
        await addDecision(db, { ...ref, input: p.data });
        return ok('meetings.decisions.added', '#decisions');
      }
      case 'createTask': {
        const p = parseTaskForm(formValues(form));
        if (!p.ok) return fail(p.errors, 400);
        await createTaskFromDecision(db, { ...ref, decisionId: decisionId ?? '', input: p.input });
        return ok('meetings.tasks.created', `#decision-${decisionId}`);
      }
      default:
        throw new AppError('BAD_REQUEST', 'errors.400.body');
    }
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      const fields = Object.keys(error.fieldErrors).length > 0;
      return fail(
        fields ? error.fieldErrors : { _form: { key: error.messageKey, values: error.values } },
        error.status,
      );
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}
