import { DateField, SelectField, TextField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { categoryKey } from '../enterprise.labels.ts';

/** A member's details, when adding one and when correcting one: at risk, founder, shares, joining day. */
export function MemberDetailsFields({
  values,
  errors,
  categories,
}: {
  values: Record<string, string | undefined>;
  errors: FieldErrors;
  categories: string[];
}) {
  const { t } = useI18n();
  return (
    <>
      <SelectField
        name="atRiskCategory"
        label={t('enterprises.job.atRiskCategory.label')}
        emptyLabel={t('enterprises.job.notAtRisk')}
        options={categories.map((c) => ({ value: c, label: t(categoryKey(c)) }))}
        defaultValue={values.atRiskCategory}
        error={errors.atRiskCategory}
      />
      <div className="checkbox">
        <input type="checkbox" id="f-isFounder" name="isFounder" defaultChecked={values.isFounder === 'on'} />
        <label htmlFor="f-isFounder">{t('enterprises.member.isFounder')}</label>
      </div>
      <TextField
        name="shareCapital"
        label={t('enterprises.member.shareCapital.label')}
        hint={t('enterprises.figures.amount.hint')}
        width="short"
        defaultValue={values.shareCapital}
        error={errors.shareCapital}
      />
      <DateField
        name="joinedOn"
        label={t('enterprises.member.joinedOn.label')}
        required
        defaultValue={values.joinedOn}
        error={errors.joinedOn}
      />
    </>
  );
}
