import {
  ErrorSummary,
  errorText,
  fieldId,
  PostForm,
  SelectField,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { ATTENDANCE } from '../meeting.rules.ts';
import { attendanceField } from '../meeting.schema.ts';
import { failureOf, type MeetingFailure, type MemberOption, type ParticipantView } from './types.ts';

/**
 * Attendance for everyone on the list in one form with one submit (a present / absent / excused
 * choice per row; plain radio buttons, no JavaScript needed), and a walk-in form below.
 */
export function AttendanceSection({
  participants,
  members,
  failed,
}: {
  participants: ParticipantView[];
  members: MemberOption[];
  failed: MeetingFailure | null;
}) {
  const { t } = useI18n();
  const mine = failureOf(failed, 'attendance');
  const walkIn = failureOf(failed, 'walkIn');
  const present = participants.filter((p) => p.attendance === 'present').length;
  return (
    <section aria-labelledby="attendance" className="section">
      <h2 id="attendance">{t('meetings.attendance.title')}</h2>
      <p>{t('meetings.attendance.summary', { present, count: participants.length })}</p>
      <ErrorSummary errors={mine?.errors} />
      {participants.length === 0 ? (
        <p>{t('meetings.attendance.nobody')}</p>
      ) : (
        <PostForm>
          <input type="hidden" name="intent" value="attendance" />
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption className="visually-hidden">{t('meetings.attendance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.invitees.col.name')}</th>
                  <th scope="col">{t('meetings.invitees.col.organisation')}</th>
                  <th scope="col">{t('meetings.invitees.col.attendance')}</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => {
                  const name = attendanceField(p.id);
                  const label = p.name || p.organisationName || t('meetings.invitees.wholeOrganisation');
                  const error = mine?.errors[name];
                  const chosen = mine ? (mine.values[name] ?? '') : (p.attendance ?? '');
                  return (
                    <tr key={p.id}>
                      <th scope="row">{p.name || t('meetings.invitees.wholeOrganisation')}</th>
                      <td data-label={t('meetings.invitees.col.organisation')}>
                        {p.organisationName ?? '—'}
                      </td>
                      <td>
                        <fieldset
                          id={fieldId(name)}
                          className={error ? 'field--error' : undefined}
                          aria-describedby={error ? `${fieldId(name)}-error` : undefined}
                        >
                          <legend className="visually-hidden">
                            {t('meetings.attendance.legend', { name: label })}
                          </legend>
                          {error ? (
                            <p className="field-error" id={`${fieldId(name)}-error`}>
                              <span className="visually-hidden">{t('common.form.errorPrefix')} </span>
                              {errorText(t, error)}
                            </p>
                          ) : null}
                          <div className="inline-form">
                            {ATTENDANCE.map((a) => (
                              <div className="radio" key={a}>
                                <input
                                  type="radio"
                                  id={`${fieldId(name)}-${a}`}
                                  name={name}
                                  value={a}
                                  defaultChecked={chosen === a}
                                />
                                <label htmlFor={`${fieldId(name)}-${a}`}>
                                  {t(`meetings.attendance.${a}`)}
                                </label>
                              </div>
                            ))}
                          </div>
                        </fieldset>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('meetings.attendance.submit')}
            </button>
          </div>
        </PostForm>
      )}
      {/* Keyed by the list: after an addition it starts again closed and empty. */}
      <details key={`walk-in-${participants.length}`} className="panel-details" open={Boolean(walkIn)}>
        <summary>{t('meetings.walkIn.add')}</summary>
        <ErrorSummary errors={walkIn?.errors} />
        <PostForm className="stack">
          <input type="hidden" name="intent" value="walkIn" />
          <TextField
            name="walkInName"
            autoComplete="off"
            label={t('meetings.walkIn.name.label')}
            hint={t('meetings.walkIn.name.hint')}
            defaultValue={walkIn?.values.walkInName}
            error={walkIn?.errors.walkInName}
          />
          <SelectField
            name="walkInOrganisationId"
            label={t('meetings.walkIn.organisation.label')}
            emptyLabel={t('meetings.person.organisation.none')}
            defaultValue={walkIn?.values.walkInOrganisationId}
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            error={walkIn?.errors.walkInOrganisationId}
          />
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t('meetings.walkIn.submit')}
            </button>
          </div>
        </PostForm>
      </details>
    </section>
  );
}
