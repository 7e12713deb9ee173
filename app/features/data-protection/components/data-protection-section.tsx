import { useLocation } from 'react-router';
import { ErrorSummary, errorText, PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

type Failed = { intent: string; errors: FieldErrors; values?: Record<string, string> } | null | undefined;

/**
 * The erasure form: what erasure does, an optional note and a tick that it cannot be undone.
 * `suffix` keeps ids unique when a page shows one form per row; the form that failed is
 * rendered without it so the error summary's links reach its fields.
 */
export function EraseForm({
  legend,
  requestId,
  personId,
  failed,
  suffix = '',
  action,
}: {
  legend: string;
  requestId?: string;
  personId?: string;
  failed?: Failed;
  suffix?: string;
  action?: string;
}) {
  const { t } = useI18n();
  const errors = failed?.errors ?? {};
  const id = (name: string) => `f-${name}${failed ? '' : suffix}`;
  return (
    <PostForm className="stack dp-erase" action={action}>
      <ErrorSummary errors={failed?.errors} />
      <input type="hidden" name="intent" value="erase" />
      {requestId ? <input type="hidden" name="requestId" value={requestId} /> : null}
      {personId ? <input type="hidden" name="personId" value={personId} /> : null}
      <fieldset className="fieldset">
        <legend>{legend}</legend>
        <div className={errors.note ? 'field field--error' : 'field'}>
          <label htmlFor={id('note')}>{t('participants.dp.erasure.note.label')}</label>
          {errors.note ? (
            <p className="field-error" id={`${id('note')}-error`}>
              {errorText(t, errors.note)}
            </p>
          ) : null}
          <textarea
            id={id('note')}
            name="note"
            rows={2}
            className="input"
            defaultValue={failed?.values?.note ?? ''}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${id('note')}-error` : undefined}
          />
        </div>
        <div className={errors.confirm ? 'field field--error' : 'field'} id={id('confirm')}>
          {errors.confirm ? (
            <p className="field-error" id={`${id('confirm')}-error`}>
              {errorText(t, errors.confirm)}
            </p>
          ) : null}
          <div className="checkbox">
            <input
              type="checkbox"
              id={`${id('confirm')}-input`}
              name="confirm"
              value="yes"
              aria-describedby={errors.confirm ? `${id('confirm')}-error` : undefined}
            />
            <label htmlFor={`${id('confirm')}-input`}>{t('participants.dp.erasure.confirm.label')}</label>
          </div>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--danger">
          {t('participants.dp.page.erase.submit')}
        </button>
      </div>
    </PostForm>
  );
}

/**
 * "Ochrona danych" on a participant's page: download of everything held about the person
 * (JSON, PDF) and erasure for the coordinator, with the open-plan rule explained; staff
 * who cannot erase record the person's request instead. The page's action hands the forms
 * (intents 'erase' and 'requestErasure') to `handleDataProtectionIntent`.
 */
export function DataProtectionSection({
  localitySlug,
  personId,
  canErase,
  hasOpenPlan,
  canDownload = canErase,
  canRequest = true,
  failed = null,
}: {
  localitySlug: string;
  personId: string;
  canErase: boolean;
  hasOpenPlan: boolean;
  canDownload?: boolean;
  canRequest?: boolean;
  failed?: Failed;
}) {
  const { t } = useI18n();
  const { key: navigation } = useLocation();
  const base = `/app/${localitySlug}/participants/${personId}`;
  const f = (intent: string) => (failed && failed.intent === intent ? failed : null);
  const erase = f('erase');
  const request = f('requestErasure');
  return (
    <section aria-labelledby="data-protection" className="section dp-section">
      <h2 id="data-protection">{t('participants.dp.section.title')}</h2>
      <p className="hint">{t('participants.dp.section.lead')}</p>
      {canDownload ? (
        <ul className="plain-list dp-downloads">
          <li>
            <a className="button button--secondary" href={`${base}/data.pdf`}>
              {t('participants.dp.section.downloadPdf')}
            </a>
          </li>
          <li>
            <a className="button button--secondary" href={`${base}/data.json`}>
              {t('participants.dp.section.downloadJson')}
            </a>
          </li>
        </ul>
      ) : null}
      {canErase ? (
        <>
          <h3>{t('participants.dp.section.erase.title')}</h3>
          <p>{t('participants.dp.section.erase.explain')}</p>
          {hasOpenPlan ? (
            <p className="notice">{t('participants.dp.section.erase.openPlan')}</p>
          ) : (
            <details key={`erase-${navigation}`} className="panel-details" open={Boolean(erase)}>
              <summary>{t('participants.dp.page.erase.submit')}</summary>
              <EraseForm legend={t('participants.dp.section.erase.title')} failed={erase} />
            </details>
          )}
        </>
      ) : canRequest ? (
        <>
          <p>{t('participants.dp.section.request.explain')}</p>
          <ErrorSummary errors={request?.errors} />
          <PostForm>
            <input type="hidden" name="intent" value="requestErasure" />
            <button type="submit" className="button button--secondary">
              {t('participants.dp.section.request.submit')}
            </button>
          </PostForm>
        </>
      ) : null}
    </section>
  );
}
