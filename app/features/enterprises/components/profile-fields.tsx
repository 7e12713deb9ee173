import { DateField, RadioGroup, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="checkbox">
      <input type="checkbox" id={`f-${name}`} name={name} defaultChecked={checked} />
      <label htmlFor={`f-${name}`}>{label}</label>
    </div>
  );
}

/** The enterprise profile's own fields (the organisation's identifiers live in the directory). */
export function ProfileFields({ values, errors }: { values: Record<string, string>; errors: FieldErrors }) {
  const { t } = useI18n();
  const on = (k: string) => values[k] === 'on' || values[k] === 'true';
  return (
    <>
      <DateField
        name="registeredOn"
        label={t('enterprises.profile.registeredOn.label')}
        defaultValue={values.registeredOn}
        error={errors.registeredOn}
      />
      <RadioGroup
        name="foundedBy"
        label={t('enterprises.profile.foundedBy.label')}
        options={[
          { value: 'natural', label: t('enterprises.profile.foundedBy.natural') },
          { value: 'legal', label: t('enterprises.profile.foundedBy.legal') },
        ]}
        defaultValue={values.foundedBy}
        error={errors.foundedBy}
      />
      <fieldset className="field-group">
        <legend>{t('enterprises.profile.aims.label')}</legend>
        <p className="hint">{t('enterprises.profile.aims.hint')}</p>
        <Check
          name="aimReintegration"
          label={t('enterprises.aim.reintegration')}
          checked={on('aimReintegration')}
        />
        <Check
          name="aimSocialServices"
          label={t('enterprises.aim.social_services')}
          checked={on('aimSocialServices')}
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('enterprises.profile.publicControl.legend')}</legend>
        <Check
          name="publicControl"
          label={t('enterprises.profile.publicControl.label')}
          checked={on('publicControl')}
        />
      </fieldset>
      <TextArea
        name="servicesToLocality"
        label={t('enterprises.profile.servicesToLocality')}
        rows={3}
        defaultValue={values.servicesToLocality}
        error={errors.servicesToLocality}
      />
      <TextArea
        name="beneficiaries"
        label={t('enterprises.profile.beneficiaries')}
        rows={3}
        defaultValue={values.beneficiaries}
        error={errors.beneficiaries}
      />
      <TextArea
        name="offerSummary"
        label={t('enterprises.profile.offer')}
        rows={3}
        defaultValue={values.offerSummary}
        error={errors.offerSummary}
      />
      <TextField
        name="openingCash"
        label={t('enterprises.profile.openingCash.label')}
        hint={t('enterprises.profile.openingCash.hint')}
        width="short"
        defaultValue={values.openingCash}
        error={errors.openingCash}
      />
    </>
  );
}
