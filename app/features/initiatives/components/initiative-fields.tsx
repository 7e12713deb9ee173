import { SelectField, TextArea, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { INTENDED_LEGAL_FORMS } from '../initiative-stages.rules.ts';

/** Name, idea, intended legal form and market niche of an initiative group. */
export function InitiativeFields({
  values,
  errors,
  niches,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  niches: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="name"
        label={t('initiatives.form.name')}
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <TextArea
        name="idea"
        label={t('initiatives.form.idea')}
        hint={t('initiatives.form.ideaHint')}
        required
        defaultValue={values.idea}
        error={errors.idea}
      />
      <SelectField
        name="intendedLegalForm"
        label={t('initiatives.form.legalForm')}
        required
        emptyLabel={t('initiatives.form.choose')}
        options={INTENDED_LEGAL_FORMS.map((f) => ({
          value: f,
          label: t(`initiatives.legalForm.${f}` as MessageKey),
        }))}
        defaultValue={values.intendedLegalForm}
        error={errors.intendedLegalForm}
      />
      <SelectField
        name="nicheId"
        label={t('initiatives.form.niche')}
        hint={t('initiatives.form.nicheHint')}
        emptyLabel={t('initiatives.form.nicheNone')}
        options={niches.map((n) => ({ value: n.id, label: n.name }))}
        defaultValue={values.nicheId}
        error={errors.nicheId}
      />
    </>
  );
}
