import { DateField, ErrorSummary, PostForm, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

export type MeetingFormValues = Partial<Record<string, string>>;

/** Title, day, start and end (Warsaw time), place and agenda: for a new meeting and for changes. */
export function MeetingForm({
  values,
  errors,
  intent,
  version,
  submitLabel,
}: {
  values: MeetingFormValues;
  errors?: FieldErrors;
  intent?: string;
  version?: number;
  submitLabel: string;
}) {
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm className="stack">
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField
          name="title"
          label={t('meetings.form.title.label')}
          hint={t('meetings.form.title.hint')}
          defaultValue={values.title}
          error={errors?.title}
        />
        <DateField
          name="date"
          label={t('meetings.form.date.label')}
          defaultValue={values.date}
          error={errors?.date}
        />
        <div className="field-row">
          <TextField
            name="startTime"
            width="short"
            inputMode="numeric"
            autoComplete="off"
            label={t('meetings.form.startTime.label')}
            hint={t('meetings.form.time.hint')}
            defaultValue={values.startTime}
            error={errors?.startTime}
          />
          <TextField
            name="endTime"
            width="short"
            inputMode="numeric"
            autoComplete="off"
            label={t('meetings.form.endTime.label')}
            hint={t('meetings.form.time.hint')}
            defaultValue={values.endTime}
            error={errors?.endTime}
          />
        </div>
        <TextField
          name="place"
          label={t('meetings.form.place.label')}
          hint={t('meetings.form.place.hint')}
          defaultValue={values.place}
          error={errors?.place}
        />
        <TextArea
          name="agenda"
          rows={6}
          label={t('meetings.form.agenda.label')}
          hint={t('meetings.form.agenda.hint')}
          defaultValue={values.agenda}
          error={errors?.agenda}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
        </div>
      </PostForm>
    </>
  );
}
