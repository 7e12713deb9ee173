import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  fieldId,
  PostForm,
  RequiredNote,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { ADVICE_KINDS } from '../advice.policy.ts';

export type SessionFormTarget =
  | { type: 'person'; id: string; name: string }
  | { type: 'organisation'; id: string; name: string }
  | { type: 'initiative'; name: string }
  | { type: 'choose'; organisations: { id: string; name: string }[] };

/** The record/edit form of an advice session; works without JavaScript. */
export function SessionForm({
  target,
  values,
  errors,
  submitLabel,
  cancelTo,
}: {
  target: SessionFormTarget;
  values: Record<string, string>;
  errors: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <PostForm className="stack">
      <input type="hidden" name="intent" value="save" />
      <ErrorSummary errors={errors} />
      <RequiredNote />
      <fieldset className="field-group" id={fieldId('target')}>
        <legend>{t('advice.session.for')}</legend>
        {errors.target ? (
          <p className="field-error">
            {t(typeof errors.target === 'string' ? errors.target : errors.target.key)}
          </p>
        ) : null}
        {target.type === 'person' ? (
          <>
            <input type="hidden" name="personId" value={target.id} />
            <p>{t('advice.session.forPerson', { name: target.name })}</p>
          </>
        ) : target.type === 'organisation' ? (
          <>
            <input type="hidden" name="organisationId" value={target.id} />
            <p>{t('advice.session.forOrganisation', { name: target.name })}</p>
          </>
        ) : target.type === 'initiative' ? (
          <TextField
            name="initiative"
            label={t('advice.session.initiative.label')}
            defaultValue={values.initiative ?? target.name}
            error={errors.initiative}
            required
          />
        ) : (
          <>
            <p className="hint">{t('advice.session.for.hint')}</p>
            <SelectField
              name="organisationId"
              label={t('advice.session.organisation.label')}
              emptyLabel="—"
              options={target.organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={values.organisationId}
              error={errors.organisationId}
            />
            <TextField
              name="initiative"
              label={t('advice.session.initiative.label')}
              hint={t('advice.session.initiative.hint')}
              defaultValue={values.initiative}
              error={errors.initiative}
            />
          </>
        )}
      </fieldset>
      <SelectField
        name="kind"
        label={t('advice.session.kind.label')}
        emptyLabel="—"
        options={ADVICE_KINDS.map((k) => ({ value: k, label: t(`advice.kind.${k}`) }))}
        defaultValue={values.kind}
        error={errors.kind}
        required
      />
      <DateField
        name="givenOn"
        label={t('advice.session.givenOn.label')}
        defaultValue={values.givenOn}
        error={errors.givenOn}
        required
      />
      <TextField
        name="minutes"
        type="number"
        width="short"
        inputMode="numeric"
        label={t('advice.session.minutes.label')}
        hint={t('advice.session.minutes.hint')}
        defaultValue={values.minutes}
        error={errors.minutes}
        required
      />
      <TextField
        name="topic"
        label={t('advice.session.topic.label')}
        defaultValue={values.topic}
        error={errors.topic}
        required
      />
      <TextArea
        name="notes"
        label={t('advice.session.notes.label')}
        defaultValue={values.notes}
        error={errors.notes}
      />
      <div className="field">
        <div className="checkbox">
          <input
            type="checkbox"
            id={fieldId('confidential')}
            name="confidential"
            value="on"
            defaultChecked={values.confidential === 'on'}
            aria-describedby={`${fieldId('confidential')}-hint`}
          />
          <label htmlFor={fieldId('confidential')}>{t('advice.session.confidential.label')}</label>
        </div>
        <p className="hint" id={`${fieldId('confidential')}-hint`}>
          {t('advice.session.confidential.hint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        <Link to={cancelTo}>{t('advice.form.cancel')}</Link>
      </div>
    </PostForm>
  );
}
