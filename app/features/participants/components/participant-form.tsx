import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  RequiredNote,
  SelectField,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { Checkbox, PersonFields } from '../../club/components/person-fields.tsx';
import { ANSWERS, EDUCATION, GENDERS, SENSITIVE, SEXES } from '../participant.schema.ts';

/** The register / edit form: person, identity (PESEL or birth date and sex), monitoring answers. Works without JavaScript. */
export function ParticipantForm({
  values,
  errors,
  submitLabel,
  cancelTo,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useI18n();
  return (
    <PostForm>
      <ErrorSummary errors={errors} />
      <RequiredNote />
      <fieldset className="field-group">
        <legend>{t('participants.form.section.person')}</legend>
        <PersonFields values={values} errors={errors} />
        <DateField
          name="registeredOn"
          label={t('participants.form.registeredOn.label')}
          hint={t('participants.form.registeredOn.hint')}
          defaultValue={values.registeredOn}
          error={errors.registeredOn}
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('participants.form.section.identity')}</legend>
        <TextField
          name="pesel"
          width="medium"
          inputMode="numeric"
          autoComplete="off"
          label={t('participants.form.pesel.label')}
          hint={t('participants.form.pesel.hint')}
          defaultValue={values.pesel}
          error={errors.pesel}
        />
        <Checkbox
          name="noPesel"
          label={t('participants.form.noPesel.label')}
          hint={t('participants.form.noPesel.hint')}
          defaultChecked={values.noPesel === 'on' || values.noPesel === 'true'}
        />
        <DateField
          name="birthDate"
          label={t('participants.form.birthDate.label')}
          defaultValue={values.birthDate}
          error={errors.birthDate}
        />
        <RadioGroup
          name="sex"
          label={t('participants.form.sex.label')}
          options={SEXES.map((s) => ({ value: s, label: t(`participants.sex.${s}`) }))}
          defaultValue={values.sex}
          error={errors.sex}
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('participants.form.section.monitoring')}</legend>
        <p className="hint">{t('participants.form.monitoring.hint')}</p>
        <SelectField
          name="gender"
          label={t('participants.form.gender.label')}
          emptyLabel="—"
          options={GENDERS.map((g) => ({ value: g, label: t(`participants.gender.${g}`) }))}
          defaultValue={values.gender}
          error={errors.gender}
        />
        <SelectField
          name="education"
          label={t('participants.form.education.label')}
          emptyLabel="—"
          options={EDUCATION.map((g) => ({ value: g, label: t(`participants.education.${g}`) }))}
          defaultValue={values.education}
          error={errors.education}
        />
        {SENSITIVE.map((q) => (
          <RadioGroup
            key={q}
            name={q}
            label={t(`participants.question.${q}`)}
            hint={t('participants.form.monitoring.hint')}
            options={ANSWERS.map((a) => ({ value: a, label: t(`participants.answer.${a}`) }))}
            defaultValue={values[q]}
            error={errors[q]}
          />
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        <Link to={cancelTo}>{t('participants.form.cancel')}</Link>
      </div>
    </PostForm>
  );
}
