import { ErrorSummary, PostForm, TextArea } from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import { failureOf, type MeetingFailure, type Stage } from './types.ts';

/** The minutes; for the coordinator, the form that keeps them and marks the meeting as held. */
export function MinutesSection({
  minutes,
  stage,
  canManage,
  failed,
}: {
  minutes: string;
  stage: Stage;
  canManage: boolean;
  failed: MeetingFailure | null;
}) {
  const t = useT();
  const mine = failureOf(failed, 'minutes', 'markHeld');
  const editable = canManage && stage.canRecord;
  return (
    <section aria-labelledby="minutes" className="section">
      <h2 id="minutes">{t('meetings.minutes.title')}</h2>
      {!editable ? (
        minutes ? (
          <div className="pre-line prose">{minutes}</div>
        ) : (
          <p>{stage.canRecord ? t('meetings.minutes.none') : t('meetings.minutes.afterStart')}</p>
        )
      ) : (
        <>
          <ErrorSummary errors={mine?.errors} />
          <PostForm className="stack">
            <TextArea
              name="minutes"
              rows={10}
              label={t('meetings.minutes.label')}
              hint={t('meetings.minutes.hint')}
              defaultValue={mine?.values.minutes ?? minutes}
              error={mine?.errors.minutes}
            />
            <div className="actions">
              <button type="submit" name="intent" value="minutes" className="button button--secondary">
                {t('meetings.minutes.submit')}
              </button>
              {stage.canMarkHeld ? (
                <button type="submit" name="intent" value="markHeld" className="button button--primary">
                  {t('meetings.minutes.markHeld')}
                </button>
              ) : null}
            </div>
          </PostForm>
        </>
      )}
    </section>
  );
}
