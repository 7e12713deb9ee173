import { Link } from 'react-router';
import { DateField, ErrorSummary, PostForm, SelectField, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

/** Logging (or correcting) one day's hours; works without JavaScript. */
export function HoursForm({
  values,
  errors,
  organisations,
  editing,
  cancelTo,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  organisations: { id: string; name: string }[];
  /** The hours row being corrected, or null for a new one. */
  editing: string | null;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <PostForm className="stack" action={editing ? `?edit=${editing}` : undefined}>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="intent" value={editing ? 'updateHours' : 'logHours'} />
      {editing ? <input type="hidden" name="hoursId" value={editing} /> : null}
      <div className="field-row">
        <DateField
          name="workedOn"
          label={t('volunteers.hours.workedOn.label')}
          defaultValue={values.workedOn}
          error={errors.workedOn}
          required
        />
        <TextField
          name="hours"
          width="short"
          inputMode="text"
          label={t('volunteers.hours.hours.label')}
          hint={t('volunteers.hours.hours.hint')}
          defaultValue={values.hours}
          error={errors.hours}
          required
        />
      </div>
      <TextField
        name="activity"
        label={t('volunteers.hours.activity.label')}
        hint={t('volunteers.hours.activity.hint')}
        defaultValue={values.activity}
        error={errors.activity}
        required
      />
      <SelectField
        name="organisationId"
        label={t('volunteers.form.organisation.label')}
        emptyLabel={t('volunteers.form.organisation.none')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValue={values.organisationId}
        error={errors.organisationId}
      />
      <div className="actions">
        <button type="submit" className="button button--primary">
          {editing ? t('volunteers.hours.save') : t('volunteers.hours.submit')}
        </button>
        {editing ? <Link to={cancelTo}>{t('volunteers.form.cancel')}</Link> : null}
      </div>
    </PostForm>
  );
}
