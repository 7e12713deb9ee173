import { DateField, ErrorSummary, PostForm, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { type Missing, nextStage, PS_AIMS, type Stage } from '../initiative-stages.rules.ts';
import { MissingList, missingText } from './missing-list.tsx';

type Failed = {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
  refused?: Missing[];
} | null;

/** The named moves: on to the next stage (founding the entity on the way to incubation), or closing. */
export function StageMoveSection({
  stage,
  name,
  version,
  missing,
  failed,
}: {
  stage: Stage;
  name: string;
  version: number;
  missing: Missing[];
  failed: Failed;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const to = nextStage(stage);
  const advanceFailed = failed?.intent === 'advance' ? failed : null;
  const closeFailed = failed?.intent === 'close' ? failed : null;
  const v = advanceFailed?.values ?? {};
  const e = advanceFailed?.errors ?? {};
  const toName = to ? t(`initiatives.stage.${to}` as MessageKey) : '';
  return (
    <section aria-labelledby="move-title" className="stack">
      <h2 id="move-title">{t('initiatives.move.title')}</h2>
      {advanceFailed?.refused ? (
        <MissingList
          title={t('initiatives.move.refused', { stage: toName })}
          missing={advanceFailed.refused}
        />
      ) : null}
      {to ? (
        <>
          {missing.length > 0 && !advanceFailed?.refused ? (
            <div className="initiative-missing">
              <p>{t('initiatives.move.stillMissing', { stage: toName })}</p>
              <ul>
                {missing.map((m, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list per render
                  <li key={i}>{missingText(i18n, m)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {missing.length === 0 ? <p>{t('initiatives.move.ready', { stage: toName })}</p> : null}
          {advanceFailed && !advanceFailed.refused ? <ErrorSummary errors={e} /> : null}
          <PostForm className="stack">
            <input type="hidden" name="intent" value="advance" />
            <input type="hidden" name="version" value={version} />
            {stage === 'founding' ? (
              <fieldset className="field-group">
                <legend>{t('initiatives.founding.legend')}</legend>
                <p className="hint">{t('initiatives.founding.lead')}</p>
                <TextField
                  name="organisationName"
                  label={t('initiatives.founding.name')}
                  required
                  defaultValue={v.organisationName ?? name}
                  error={e.organisationName}
                />
                <TextField
                  name="krs"
                  label={t('initiatives.founding.krs')}
                  required
                  width="medium"
                  inputMode="numeric"
                  defaultValue={v.krs}
                  error={e.krs}
                />
                <DateField
                  name="registeredOn"
                  label={t('initiatives.founding.registeredOn')}
                  required
                  defaultValue={v.registeredOn}
                  error={e.registeredOn}
                />
                <TextField
                  name="nip"
                  label="NIP"
                  width="medium"
                  inputMode="numeric"
                  defaultValue={v.nip}
                  error={e.nip}
                />
                <TextField
                  name="regon"
                  label="REGON"
                  width="medium"
                  inputMode="numeric"
                  defaultValue={v.regon}
                  error={e.regon}
                />
                <fieldset>
                  <legend>{t('initiatives.founding.psAims')}</legend>
                  <div className="checkboxes">
                    {PS_AIMS.map((aim) => (
                      <div className="checkbox" key={aim}>
                        <input type="checkbox" id={`aim-${aim}`} name="psAims" value={aim} />
                        <label htmlFor={`aim-${aim}`}>
                          {t(`initiatives.founding.aim.${aim}` as MessageKey)}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </fieldset>
            ) : null}
            <TextArea
              name="reason"
              label={t('initiatives.move.reason')}
              rows={2}
              defaultValue={v.reason}
              error={e.reason}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('initiatives.move.to', { stage: toName })}
              </button>
            </div>
          </PostForm>
        </>
      ) : (
        <p>{t('initiatives.move.noNext')}</p>
      )}
      <details className="initiative-details" open={Boolean(closeFailed)}>
        <summary>{t('initiatives.close.title')}</summary>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="close" />
          <input type="hidden" name="version" value={version} />
          <div className={closeFailed?.errors.reason ? 'field field--error' : 'field'}>
            <label htmlFor="close-reason">
              {t('initiatives.close.reason')}
              <span className="required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            {closeFailed?.errors.reason ? (
              <p className="field-error" id="close-reason-error" role="alert">
                {t('initiatives.close.reason.required')}
              </p>
            ) : null}
            <textarea
              id="close-reason"
              name="reason"
              rows={2}
              className="input input--full"
              aria-required
              aria-invalid={closeFailed?.errors.reason ? true : undefined}
              aria-describedby={closeFailed?.errors.reason ? 'close-reason-error' : undefined}
              defaultValue={closeFailed?.values.reason ?? ''}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t('initiatives.close.submit')}
            </button>
          </div>
        </PostForm>
      </details>
    </section>
  );
}
