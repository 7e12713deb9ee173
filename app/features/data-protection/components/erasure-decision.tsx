import { ErrorSummary, errorText, PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { EraseForm } from './data-protection-section.tsx';

type Failed = { intent: string; errors: FieldErrors; values: Record<string, string> } | null;

/**
 * The coordinator's decision on one row of the data-protection page: erase (unless an open
 * plan keeps the data, which is said instead) and, for a request, refuse with a reason.
 * Ids carry the row's key, except in the form that failed, so the error summary links work.
 */
export function ErasureDecision({
  name,
  personId,
  requestId,
  hasOpenPlan,
  eraseFailed,
  refuseFailed = null,
}: {
  name: string;
  personId: string;
  requestId?: string;
  hasOpenPlan: boolean;
  eraseFailed: Failed;
  refuseFailed?: Failed;
}) {
  const { t } = useI18n();
  const key = requestId ? `r${requestId}` : `p${personId}`;
  return (
    <>
      {hasOpenPlan ? (
        <>
          <ErrorSummary errors={eraseFailed?.errors} />
          <p className="notice">{t('participants.dp.erasure.openPlanStaff')}</p>
        </>
      ) : (
        <details className="panel-details" open={Boolean(eraseFailed)}>
          <summary>{t('participants.dp.page.erase.submit')}</summary>
          <EraseForm
            legend={t('participants.dp.page.erase.legend', { name })}
            requestId={requestId}
            personId={personId}
            failed={eraseFailed}
            suffix={`-${key}`}
          />
        </details>
      )}
      {requestId ? (
        <details className="panel-details" open={Boolean(refuseFailed)}>
          <summary>{t('participants.dp.page.refuse.submit')}</summary>
          <ErrorSummary errors={refuseFailed?.errors} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="refuse" />
            <input type="hidden" name="requestId" value={requestId} />
            <fieldset className="fieldset">
              <legend>{t('participants.dp.page.refuse.legend', { name })}</legend>
              <RefuseReason id={refuseFailed ? 'f-reason' : `f-reason-${key}`} failed={refuseFailed} />
            </fieldset>
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t('participants.dp.page.refuse.submit')}
              </button>
            </div>
          </PostForm>
        </details>
      ) : null}
    </>
  );
}

function RefuseReason({ id, failed }: { id: string; failed: Failed }) {
  const { t } = useI18n();
  const error = failed?.errors.reason;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{t('participants.dp.erasure.reason.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('participants.dp.erasure.reason.hint')}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {errorText(t, error)}
        </p>
      ) : null}
      <textarea
        id={id}
        name="reason"
        rows={2}
        className="input"
        defaultValue={failed?.values.reason ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}
