import {
  CsrfInput,
  ErrorSummary,
  errorText,
  fieldId,
  PostForm,
  SelectField,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldError } from '../../../lib/forms.ts';
import {
  failureOf,
  type MeetingFailure,
  type MemberOption,
  type ParticipantView,
  type Stage,
} from './types.ts';

/** Invited organisations and people, the invitations and the forms that add to the list. */
export function InviteesSection({
  participants,
  members,
  stage,
  canManage,
  showEmails,
  updated,
  attendanceColumn,
  failed,
}: {
  participants: ParticipantView[];
  members: MemberOption[];
  stage: Stage;
  canManage: boolean;
  showEmails: boolean;
  /** The time or place changed after invitations went out (the calendar SEQUENCE rose). */
  updated: boolean;
  /** Attendance shown in the list (not when the attendance form below shows it). */
  attendanceColumn: boolean;
  failed: MeetingFailure | null;
}) {
  const { t, dateTime } = useI18n();
  const pending = participants.filter((p) => p.hasEmail && !p.invitedAt).length;
  const manageList = canManage && stage.canEdit;
  return (
    <section aria-labelledby="invitees" className="section">
      <h2 id="invitees">{t('meetings.invitees.title', { count: participants.length })}</h2>
      <ErrorSummary errors={failureOf(failed, 'inviteMembers', 'removeInvitee', 'sendInvitations')?.errors} />
      {canManage && stage.canInvite && updated && pending > 0 ? (
        <p className="warning-box">{t('meetings.invitations.updateNeeded', { count: pending })}</p>
      ) : null}
      {participants.length === 0 ? (
        <p>{t('meetings.invitees.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption className="visually-hidden">{t('meetings.invitees.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.invitees.col.organisation')}</th>
                <th scope="col">{t('meetings.invitees.col.name')}</th>
                {showEmails ? <th scope="col">{t('meetings.invitees.col.email')}</th> : null}
                <th scope="col">{t('meetings.invitees.col.invitation')}</th>
                {attendanceColumn ? <th scope="col">{t('meetings.invitees.col.attendance')}</th> : null}
                {manageList ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('meetings.invitees.col.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('meetings.invitees.col.organisation')}>{p.organisationName ?? '—'}</td>
                  <th scope="row">{p.name || t('meetings.invitees.wholeOrganisation')}</th>
                  {showEmails ? (
                    <td data-label={t('meetings.invitees.col.email')}>
                      {p.email || t('meetings.invitees.noEmail')}
                    </td>
                  ) : null}
                  <td data-label={t('meetings.invitees.col.invitation')}>
                    {p.invitedAt
                      ? t('meetings.invitees.invitedAt', { date: dateTime(p.invitedAt) })
                      : p.hasEmail
                        ? stage.canInvite
                          ? t('meetings.invitees.notInvited')
                          : t('meetings.invitees.notSent')
                        : t('meetings.invitees.walkInOrNoEmail')}
                  </td>
                  {attendanceColumn ? (
                    <td data-label={t('meetings.invitees.col.attendance')}>
                      {p.attendance ? t(`meetings.attendance.${p.attendance}`) : '—'}
                    </td>
                  ) : null}
                  {manageList ? (
                    <td>
                      <form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="removeInvitee" />
                        <input type="hidden" name="participantId" value={p.id} />
                        <button type="submit" className="button button--danger button--small">
                          {t('meetings.invitees.remove')}
                          <span className="visually-hidden">: {p.name || p.organisationName || p.email}</span>
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canManage && stage.canInvite ? (
        pending > 0 ? (
          <form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="sendInvitations" />
            <p>{t('meetings.invitations.lead', { count: pending })}</p>
            <button type="submit" className="button button--primary">
              {t('meetings.invitations.send', { count: pending })}
            </button>
          </form>
        ) : participants.length > 0 ? (
          <p className="muted">{t('meetings.invitations.allSent')}</p>
        ) : null
      ) : null}

      {manageList ? (
        <>
          <form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="inviteMembers" />
            <p>{t('meetings.invitees.membersLead', { count: members.length })}</p>
            <button type="submit" className="button button--secondary">
              {t('meetings.invitees.addMembers')}
            </button>
          </form>
          {/* Keyed by the list: after an addition the forms start again closed and empty. */}
          <AddFromDirectory
            key={`directory-${participants.length}`}
            members={members}
            failed={failureOf(failed, 'addInvitee')}
          />
          <AddPerson
            key={`person-${participants.length}`}
            members={members}
            failed={failureOf(failed, 'addPerson')}
          />
        </>
      ) : null}
    </section>
  );
}

function AddFromDirectory({ members, failed }: { members: MemberOption[]; failed: MeetingFailure | null }) {
  const { t } = useI18n();
  const error: FieldError | undefined = failed?.errors.invitee;
  const name = 'invitee';
  const describedBy = [`${fieldId(name)}-hint`, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return (
    <details className="panel-details" open={Boolean(failed)}>
      <summary>{t('meetings.invitees.addOne')}</summary>
      <ErrorSummary errors={failed?.errors} />
      {members.length === 0 ? (
        <p>{t('meetings.invitees.noMembersYet')}</p>
      ) : (
        <PostForm className="stack">
          <input type="hidden" name="intent" value="addInvitee" />
          <div className={error ? 'field field--error' : 'field'}>
            <label htmlFor={fieldId(name)}>{t('meetings.invitees.choose.label')}</label>
            <p className="hint" id={`${fieldId(name)}-hint`}>
              {t('meetings.invitees.choose.hint')}
            </p>
            {error ? (
              <p className="field-error" id={`${fieldId(name)}-error`}>
                <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
                {errorText(t, error)}
              </p>
            ) : null}
            <select
              id={fieldId(name)}
              name={name}
              className="input input--medium"
              defaultValue={failed?.values.invitee ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy.join(' ')}
            >
              <option value="">{t('meetings.invitees.choose.empty')}</option>
              {members.map((o) => (
                <optgroup key={o.id} label={o.name}>
                  <option value={`org:${o.id}`}>
                    {t('meetings.invitees.choose.organisation', {
                      name: o.name,
                      email: o.email || t('meetings.invitees.noEmail'),
                    })}
                  </option>
                  {o.contacts.map((c) => (
                    <option key={c.id} value={`contact:${c.id}`}>
                      {[c.name, c.role, c.email || t('meetings.invitees.noEmail')].filter(Boolean).join(', ')}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('meetings.invitees.addSubmit')}
            </button>
          </div>
        </PostForm>
      )}
    </details>
  );
}

function AddPerson({ members, failed }: { members: MemberOption[]; failed: MeetingFailure | null }) {
  const { t } = useI18n();
  return (
    <details className="panel-details" open={Boolean(failed)}>
      <summary>{t('meetings.person.add')}</summary>
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="addPerson" />
        <TextField
          name="name"
          label={t('meetings.person.name.label')}
          autoComplete="off"
          defaultValue={failed?.values.name}
          error={failed?.errors.name}
        />
        <TextField
          name="email"
          type="email"
          autoComplete="off"
          label={t('meetings.person.email.label')}
          defaultValue={failed?.values.email}
          error={failed?.errors.email}
        />
        <SelectField
          name="organisationId"
          label={t('meetings.person.organisation.label')}
          emptyLabel={t('meetings.person.organisation.none')}
          defaultValue={failed?.values.organisationId}
          options={members.map((m) => ({ value: m.id, label: m.name }))}
          error={failed?.errors.organisationId}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('meetings.person.submit')}
          </button>
        </div>
      </PostForm>
    </details>
  );
}
