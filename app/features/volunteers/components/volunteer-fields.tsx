import { DateField, SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { AgreementParameter } from '../volunteers.rules.ts';

/** The volunteer's work (organisation, skills, start) and the agreement, for the register and edit forms. */
export function VolunteerFields({
  values,
  errors,
  organisations,
  parameter,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  organisations: { id: string; name: string }[];
  parameter: AgreementParameter;
}) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="field-group">
        <legend>{t('volunteers.form.section.work')}</legend>
        <SelectField
          name="organisationId"
          label={t('volunteers.form.organisation.label')}
          hint={
            organisations.length
              ? t('volunteers.form.organisation.hint')
              : t('volunteers.form.organisation.emptyDirectory')
          }
          emptyLabel={t('volunteers.form.organisation.none')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={values.organisationId}
          error={errors.organisationId}
        />
        <TextField
          name="skills"
          label={t('volunteers.form.skills.label')}
          hint={t('volunteers.form.skills.hint')}
          defaultValue={values.skills}
          error={errors.skills}
        />
        <DateField
          name="since"
          label={t('volunteers.form.since.label')}
          defaultValue={values.since}
          error={errors.since}
          required
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('volunteers.form.section.agreement')}</legend>
        <p className="hint">
          {t('volunteers.rule.explain', {
            written: parameter.writtenAboveDays,
            insurance: parameter.accidentInsuranceUpToDays,
          })}
        </p>
        <TextArea
          name="agreementScope"
          rows={3}
          label={t('volunteers.form.scope.label')}
          hint={t('volunteers.form.scope.hint')}
          defaultValue={values.agreementScope}
          error={errors.agreementScope}
          required
        />
        <div className="field-row">
          <DateField
            name="agreementFrom"
            label={t('volunteers.form.agreementFrom.label')}
            defaultValue={values.agreementFrom}
            error={errors.agreementFrom}
          />
          <DateField
            name="agreementTo"
            label={t('volunteers.form.agreementTo.label')}
            hint={t('volunteers.form.agreementTo.hint')}
            defaultValue={values.agreementTo}
            error={errors.agreementTo}
          />
        </div>
        <DateField
          name="agreementSignedOn"
          label={t('volunteers.form.signedOn.label')}
          hint={t('volunteers.form.signedOn.hint')}
          defaultValue={values.agreementSignedOn}
          error={errors.agreementSignedOn}
        />
      </fieldset>
    </>
  );
}
