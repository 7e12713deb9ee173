import { CsrfInput, ErrorSummary } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MeetingStatus } from '../meeting.rules.ts';
import { meetingDay, meetingHours } from '../meeting-format.ts';
import { MeetingForm, type MeetingFormValues } from './meeting-form.tsx';
import { MeetingStatusBadge } from './meeting-status.tsx';
import { failureOf, type MeetingFailure, type Stage } from './types.ts';

type Meeting = {
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  agenda: string;
  status: MeetingStatus;
  version: number;
};

/** When, where, what about; for the coordinator, the change form. */
export function MeetingDetails({
  meeting: m,
  formValues,
  stage,
  canManage,
  failed,
}: {
  meeting: Meeting;
  formValues: MeetingFormValues;
  stage: Stage;
  canManage: boolean;
  failed: MeetingFailure | null;
}) {
  const { t, locale } = useI18n();
  const edit = failureOf(failed, 'update');
  return (
    <section aria-labelledby="details" className="section">
      <h2 id="details">{t('meetings.details.title')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('meetings.details.date')}</dt>
          <dd>{meetingDay(locale, m.startsAt)}</dd>
        </div>
        <div>
          <dt>{t('meetings.details.time')}</dt>
          <dd>{meetingHours(m.startsAt, m.endsAt)}</dd>
        </div>
        <div>
          <dt>{t('meetings.details.place')}</dt>
          <dd>{m.place || t('meetings.details.noPlace')}</dd>
        </div>
        <div>
          <dt>{t('meetings.details.status')}</dt>
          <dd>
            <MeetingStatusBadge status={m.status} />
          </dd>
        </div>
        <div>
          <dt>{t('meetings.details.agenda')}</dt>
          <dd className="pre-line">{m.agenda || t('meetings.details.noAgenda')}</dd>
        </div>
      </dl>
      {canManage && stage.canEdit ? (
        <details className="panel-details" open={Boolean(edit)}>
          <summary>{t('meetings.edit.title')}</summary>
          <p className="hint">{t('meetings.edit.hint')}</p>
          <MeetingForm
            intent="update"
            version={m.version}
            values={edit?.values ?? formValues}
            errors={edit?.errors}
            submitLabel={t('meetings.edit.submit')}
          />
        </details>
      ) : null}
    </section>
  );
}

/** Cancelling a planned meeting: those invited get a calendar cancellation. */
export function CancelMeeting({ invited, failed }: { invited: number; failed: MeetingFailure | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="cancel" className="section">
      <h2 id="cancel">{t('meetings.cancel.title')}</h2>
      <ErrorSummary errors={failureOf(failed, 'cancel')?.errors} />
      <form method="post" className="inline-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="cancel" />
        <p>{t('meetings.cancel.lead', { count: invited })}</p>
        <button type="submit" className="button button--danger">
          {t('meetings.cancel.submit')}
        </button>
      </form>
    </section>
  );
}
