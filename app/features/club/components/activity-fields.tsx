import { DateField, SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { ACTIVITY_KINDS } from '../club.rules.ts';

/** The fields of an activity: what, which kind (art. 18 ust. 2 or integration), when, where, who leads. */
export function ActivityFields({
  values,
  errors,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="title"
        label={t('club.activities.title.label')}
        defaultValue={values.title}
        error={errors.title}
        required
      />
      <SelectField
        name="kind"
        label={t('club.activities.kind.label')}
        hint={t('club.activities.kind.hint')}
        emptyLabel={t('club.activities.kind.choose')}
        options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`club.activity.kind.${k}`) }))}
        defaultValue={values.kind}
        error={errors.kind}
        required
      />
      <div className="field-row">
        <DateField
          name="date"
          label={t('club.activities.date.label')}
          defaultValue={values.date}
          error={errors.date}
          required
        />
        <TextField
          name="startTime"
          width="short"
          inputMode="numeric"
          label={t('club.activities.startTime.label')}
          hint={t('club.activities.time.hint')}
          defaultValue={values.startTime}
          error={errors.startTime}
          required
        />
        <TextField
          name="endTime"
          width="short"
          inputMode="numeric"
          label={t('club.activities.endTime.label')}
          hint={t('club.activities.endTime.hint')}
          defaultValue={values.endTime}
          error={errors.endTime}
          required
        />
      </div>
      <TextField
        name="place"
        label={t('club.activities.place.label')}
        defaultValue={values.place}
        error={errors.place}
      />
      <TextField
        name="leaderName"
        label={t('club.activities.leader.label')}
        hint={t('club.activities.leader.hint')}
        defaultValue={values.leaderName}
        error={errors.leaderName}
      />
      <TextArea
        name="description"
        rows={3}
        label={t('club.activities.description.label')}
        defaultValue={values.description}
        error={errors.description}
      />
    </>
  );
}
